import { argInt, argString, isOneOf, type AtCommand } from './at-command';
import { fromTe, toTe } from './charset';
import type { CommandTable, ModemContext } from './context';
import { CMS, cms, error, ok, type Response } from './result-codes';
import { CHARSETS, type Charset, type Cnmi } from './settings';
import { withSim } from './sms-storage';

const CNMI_RANGES: Record<keyof Cnmi, readonly number[]> = {
  mode: [0, 1, 2],
  mt: [0, 1, 2, 3],
  bm: [0, 2],
  ds: [0, 1, 2],
  bfr: [0, 1],
};
const CNMI_FIELDS: (keyof Cnmi)[] = ['mode', 'mt', 'bm', 'ds', 'bfr'];

function cnmiSet(cmd: AtCommand, m: ModemContext): Response {
  const next: Cnmi = { ...m.settings.cnmi };
  for (const [i, field] of CNMI_FIELDS.entries()) {
    const v = argInt(cmd, i);
    if (v === undefined) continue;
    if (!CNMI_RANGES[field].includes(v)) return cms(CMS.operationNotSupported);
    next[field] = v;
  }
  if (m.faults.refusesCnmi(next)) return cms(CMS.operationNotSupported);
  m.settings.cnmi = next;
  m.smsIndicationsChanged();
  return ok();
}

function cnmaExec(cmd: AtCommand, m: ModemContext): Response {
  const reply = cmd.args.length === 0 ? 0 : argInt(cmd, 0);
  if (!isOneOf(reply, [0, 1, 2] as const)) return cms(CMS.operationNotSupported);
  return m.inbound.acknowledge(reply !== 2) ? ok() : cms(CMS.noCnmaExpected);
}

function cscaSet(cmd: AtCommand, m: ModemContext): Response {
  const typed = argString(cmd, 0);
  const number = typed === undefined ? null : fromTe(typed, m.settings.cscs);
  if (number === null || !/^\+?\d{3,20}$/.test(number)) return cms(CMS.operationNotAllowed);
  m.sim.smsc = number;
  return ok();
}

/** A numeric setting with read, set and test forms. */
function flagSetting<K extends 'cmgf' | 'csdh' | 'cmms'>(key: K, allowed: readonly number[]) {
  const label = `+${key.toUpperCase()}`;
  return {
    read: (_: AtCommand, m: ModemContext) => ok(`${label}: ${m.settings[key]}`),
    set: (cmd: AtCommand, m: ModemContext) => {
      const v = argInt(cmd, 0);
      if (!isOneOf(v, allowed)) return error();
      (m.settings[key] as number) = v;
      return ok();
    },
    test: () => ok(`${label}: (${allowed.join(',')})`),
  };
}

const SERVICE_SUPPORT = '1,1,1';

export const smsConfigCommands: CommandTable = {
  '+CMGF': flagSetting('cmgf', [0, 1]),
  '+CSDH': flagSetting('csdh', [0, 1]),
  '+CMMS': flagSetting('cmms', [0, 1, 2]),
  '+CSMS': {
    read: (_, m) => ok(`+CSMS: ${m.settings.csms},${SERVICE_SUPPORT}`),
    set: (cmd, m) => {
      const v = argInt(cmd, 0);
      if (!isOneOf(v, [0, 1] as const)) return error();
      if (!m.quirks.smsServices.includes(v)) return cms(CMS.operationNotSupported);
      m.settings.csms = v;
      return ok(`+CSMS: ${SERVICE_SUPPORT}`);
    },
    test: (_, m) => ok(`+CSMS: (${m.quirks.smsServices.join(',')})`),
  },
  '+CSCS': {
    read: (_, m) => ok(`+CSCS: "${m.settings.cscs}"`),
    set: (cmd, m) => {
      const wanted = argString(cmd, 0)?.toUpperCase();
      if (!CHARSETS.includes(wanted as Charset)) return error();
      m.settings.cscs = wanted as Charset;
      return ok();
    },
    test: () => ok(`+CSCS: (${CHARSETS.map((c) => `"${c}"`).join(',')})`),
  },
  '+CSCA': {
    read: withSim((_, m) => {
      const smsc = m.sim.smsc;
      return ok(`+CSCA: "${toTe(smsc, m.settings.cscs)}",${smsc.startsWith('+') ? 145 : 129}`);
    }),
    set: withSim(cscaSet),
    test: () => ok(),
  },
  '+CSMP': {
    read: (_, m) => {
      const p = m.settings.csmp;
      return ok(`+CSMP: ${p.fo},${p.vp},${p.pid},${p.dcs}`);
    },
    set: (cmd, m) => {
      const values = [0, 1, 2, 3].map((i) => argInt(cmd, i));
      if (values.some((v) => v !== undefined && !(v >= 0 && v <= 255))) return error();
      const [fo, vp, pid, dcs] = values;
      const p = m.settings.csmp;
      m.settings.csmp = { fo: fo ?? p.fo, vp: vp ?? p.vp, pid: pid ?? p.pid, dcs: dcs ?? p.dcs };
      return ok();
    },
  },
  '+CNMI': {
    read: (_, m) => ok(`+CNMI: ${CNMI_FIELDS.map((f) => m.settings.cnmi[f]).join(',')}`),
    set: cnmiSet,
    test: () => ok('+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)'),
  },
  '+CNMA': { exec: cnmaExec, set: cnmaExec, test: () => ok('+CNMA: (0-2)') },
};
