import { argInt, argString, isOneOf, type AtCommand } from './at-command';
import { toTe } from './charset';
import type { CommandTable, ModemContext } from './context';
import { CME, cme, error, ok, type Response } from './result-codes';
import type { Scheduler } from './scheduler';

/** +CREG <stat>: 0 not searching, 1 home, 2 searching, 3 denied, 4 unknown, 5 roaming. */
export type RegStat = 0 | 1 | 2 | 3 | 4 | 5;

export interface Operator {
  long: string;
  short: string;
  numeric: string;
}

export const CHINA_MOBILE: Operator = { long: 'CHINA MOBILE', short: 'CMCC', numeric: '46000' };
const NEIGHBOURS: Operator[] = [
  { long: 'CHINA UNICOM', short: 'CU-GSM', numeric: '46001' },
  { long: 'CHINA TELECOM', short: 'CTCC', numeric: '46011' },
];
/** E-UTRAN: what a current USB stick on China Mobile reports. */
const ACCESS_TECH = 7;

/** The radio side: registration state, signal, operator, and the CFUN power level. */
export class Network {
  stat: RegStat = 0;
  rssi: number;
  cfun: 0 | 1 | 4 = 1;
  /** AT+CGATT: the packet domain can be detached while the radio stays registered for SMS. */
  packetAttached = true;
  readonly lac = '1A2B';
  readonly ci = '0C3D4E5F';
  readonly operator = CHINA_MOBILE;
  private listeners = new Set<(stat: RegStat) => void>();
  private cancelPending: (() => void) | null = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly registerDelayMs: number,
    rssi: number,
  ) {
    this.rssi = rssi;
  }

  get registered(): boolean {
    return this.stat === 1 || this.stat === 5;
  }

  onStatChange(cb: (stat: RegStat) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Search, then register on the home network after the usual delay. */
  attach(): void {
    if (this.cfun !== 1) return;
    this.setStat(2);
    this.later(this.registerDelayMs, () => this.setStat(1));
  }

  /** Registered at once: a stick that has been plugged in for a while (with its radio on). */
  register(): void {
    if (this.cfun !== 1) return;
    this.cancel();
    this.setStat(1);
  }

  detach(): void {
    this.cancel();
    this.setStat(0);
  }

  /** Fault: coverage lost (stat 0/2/3); back to registered after `durationMs` unless null. */
  outage(stat: RegStat, durationMs: number | null): void {
    this.cancel();
    this.setStat(stat);
    if (durationMs !== null) this.later(durationMs, () => this.attach());
  }

  private setStat(stat: RegStat): void {
    if (stat === this.stat) return;
    this.stat = stat;
    for (const cb of [...this.listeners]) cb(stat);
  }

  private later(ms: number, fn: () => void): void {
    this.cancel();
    this.cancelPending = this.scheduler.setTimeout(() => {
      this.cancelPending = null;
      fn();
    }, ms);
  }

  private cancel(): void {
    this.cancelPending?.();
    this.cancelPending = null;
  }
}

/** The registration reports: circuit-switched (+CREG), packet-switched (+CGREG) and LTE (+CEREG). */
export const REGISTRATIONS = [
  { name: '+CREG', mode: 'cregMode' },
  { name: '+CGREG', mode: 'cgregMode' },
  { name: '+CEREG', mode: 'ceregMode' },
] as const;
type Registration = (typeof REGISTRATIONS)[number];

/**
 * `+CREG: <n>,<stat>` when read, `+CREG: <stat>` as a URC; n=2 adds the cell. The packet
 * domain follows the circuit domain (one radio) unless AT+CGATT=0 detached it.
 */
export function registrationLine(m: ModemContext, reg: Registration, asUrc: boolean): string {
  const mode = m.settings[reg.mode];
  const { lac, ci, packetAttached } = m.network;
  const detached = (reg.name === '+CGREG' && !packetAttached) || (reg.name === '+CREG' && !m.quirks.csRegistration);
  const stat = detached ? 0 : m.network.stat === 1 ? m.quirks.registeredStat : m.network.stat;
  const cell = mode === 2 && (stat === 1 || stat === 5) ? `,"${lac}","${ci}"` : '';
  return `${reg.name}: ${asUrc ? '' : `${mode},`}${stat}${cell}`;
}

function registrationCommands(reg: Registration): CommandTable {
  return {
    [reg.name]: {
      read: (_, m) => ok(registrationLine(m, reg, false)),
      set: (cmd, m) => {
        const n = argInt(cmd, 0) ?? 0;
        if (!isOneOf(n, [0, 1, 2] as const)) return error();
        m.settings[reg.mode] = n;
        return ok();
      },
      test: () => ok(`${reg.name}: (0-2)`),
    },
  };
}

function operatorName(op: Operator, format: number): string {
  return format === 2 ? op.numeric : format === 1 ? op.short : op.long;
}

function copsRead(m: ModemContext): Response {
  const { network, settings } = m;
  if (!network.registered) return ok('+COPS: 0');
  const name = toTe(operatorName(network.operator, settings.copsFormat), settings.cscs);
  return ok(`+COPS: 0,${settings.copsFormat},"${name}",${ACCESS_TECH}`);
}

function copsSet(cmd: AtCommand, m: ModemContext): Response {
  const mode = argInt(cmd, 0);
  const format = argInt(cmd, 1);
  if (format !== undefined && !isOneOf(format, [0, 1, 2] as const)) return error();
  switch (mode) {
    case 0:
      if (!m.network.registered) m.network.attach();
      return ok();
    case 1: {
      const wanted = argString(cmd, 2);
      if (wanted === undefined) return error();
      const home = m.network.operator;
      return [home.long, home.short, home.numeric].includes(wanted) ? ok() : cme(CME.operationNotAllowed);
    }
    case 2:
      m.network.detach();
      return ok();
    case 3:
      if (format === undefined) return error();
      m.settings.copsFormat = format;
      return ok();
    default:
      return error();
  }
}

function copsTest(m: ModemContext): Response {
  const entry = (op: Operator, stat: number): string => `(${stat},"${op.long}","${op.short}","${op.numeric}",${ACCESS_TECH})`;
  const home = entry(m.network.operator, m.network.registered ? 2 : 1);
  return ok(`+COPS: ${[home, ...NEIGHBOURS.map((op) => entry(op, 3))].join(',')},,(0-4),(0-2)`);
}

function cfunSet(cmd: AtCommand, m: ModemContext): Response {
  const fun = argInt(cmd, 0);
  if (argInt(cmd, 1) === 1) return cme(CME.operationNotSupported);
  if (!isOneOf(fun, [0, 1, 4] as const)) return error();
  const was = m.network.cfun;
  m.network.cfun = fun;
  // Only a real change of power level touches registration; CFUN=1 on a running radio is a no-op.
  if (fun === 1 && was !== 1 && m.sim.state === 'READY') m.network.attach();
  else if (fun !== 1) m.network.detach();
  return ok();
}

export const networkCommands: CommandTable = {
  ...registrationCommands(REGISTRATIONS[0]),
  ...registrationCommands(REGISTRATIONS[1]),
  ...registrationCommands(REGISTRATIONS[2]),
  '+COPS': { read: (_, m) => copsRead(m), set: copsSet, test: (_, m) => copsTest(m) },
  '+CSQ': {
    exec: (_, m) => ok(`+CSQ: ${m.network.cfun === 1 ? m.network.rssi : 99},99`),
    test: () => ok('+CSQ: (0-31,99),(0-7,99)'),
  },
  '+CGATT': {
    read: (_, m) => ok(`+CGATT: ${m.network.registered && m.network.packetAttached ? 1 : 0}`),
    set: (cmd, m) => {
      const state = argInt(cmd, 0);
      if (!isOneOf(state, [0, 1] as const)) return error();
      if (state === 1 && !m.network.registered) return cme(CME.noNetworkService);
      m.network.packetAttached = state === 1;
      return ok();
    },
    test: () => ok('+CGATT: (0,1)'),
  },
  '+CFUN': { read: (_, m) => ok(`+CFUN: ${m.network.cfun}`), set: cfunSet, test: () => ok('+CFUN: (0,1,4),(0)') },
};
