import { argString, type AtCommand } from './at-command';
import type { CommandTable, Handler, ModemContext } from './context';
import { CME, CMS, cme, ok, type Response } from './result-codes';

export type SimState = 'READY' | 'SIM PIN' | 'SIM PUK' | 'ABSENT';

export interface SimOptions {
  /** null: PIN check disabled, the SIM is READY at power-on. */
  pin: string | null;
  puk: string;
  iccid: string;
  imsi: string;
  smsc: string;
  /**
   * What +CPIN? says besides the SIM's own PIN: 'SIM PIN2' (only the fixed-dialling book is locked; the
   * SIM works for SMS), 'PH-SIM PIN' (the modem is locked to another SIM; nothing works until its code).
   */
  extraLock?: 'SIM PIN2' | 'PH-SIM PIN' | null;
  /**
   * Neither ICCID nor IMSI can be read (+CIMI, every ICCID query and READ BINARY of EF_ICCID answer
   * +CME ERROR: 4), as with a modem that implements none of them: the host cannot tell this card from the next.
   */
  idsUnreadable?: boolean;
}

export const DEFAULT_SIM: SimOptions = {
  pin: null,
  puk: '12345678',
  iccid: '89860012345678901234',
  imsi: '460001234567890',
  smsc: '+8613800100500',
};

const PIN_TRIES = 3;
const PUK_TRIES = 10;

/** The SIM card: PIN/PUK state machine, identifiers, and the SMSC number kept on it. */
export class SimCard {
  state: SimState;
  pinTriesLeft = PIN_TRIES;
  pukTriesLeft = PUK_TRIES;
  pin!: string | null;
  puk!: string;
  iccid!: string;
  imsi!: string;
  smsc!: string;
  extraLock: SimOptions['extraLock'];
  idsUnreadable = false;
  /** Still starting (a fault): every command that needs the card is answered +CME ERROR: 14. */
  busy = false;

  constructor(opts: SimOptions) {
    this.extraLock = null;
    this.state = 'READY';
    this.replaceWith(opts);
  }

  /** Another card put in its place (the modem unplugged meanwhile): everything the card holds is the new one's. */
  replaceWith(opts: SimOptions): void {
    this.extraLock = opts.extraLock ?? null;
    this.idsUnreadable = opts.idsUnreadable === true;
    this.pin = opts.pin;
    this.puk = opts.puk;
    this.iccid = opts.iccid;
    this.imsi = opts.imsi;
    this.smsc = opts.smsc;
    this.pinTriesLeft = PIN_TRIES;
    this.pukTriesLeft = PUK_TRIES;
    this.busy = false;
    this.state = this.pin === null ? 'READY' : 'SIM PIN';
  }

  /** What a freshly powered SIM asks for: PIN if enabled, PUK once the PIN is blocked. */
  powerOnState(): SimState {
    if (this.state === 'ABSENT') return 'ABSENT';
    if (this.pinTriesLeft === 0) return 'SIM PUK';
    return this.pin === null ? 'READY' : 'SIM PIN';
  }

  enterPin(pin: string): 'ok' | 'wrong' {
    if (pin === this.pin) {
      this.pinTriesLeft = PIN_TRIES;
      this.state = 'READY';
      return 'ok';
    }
    this.pinTriesLeft = Math.max(0, this.pinTriesLeft - 1);
    if (this.pinTriesLeft === 0) this.state = 'SIM PUK';
    return 'wrong';
  }

  enterPuk(puk: string, newPin: string): 'ok' | 'wrong' {
    if (this.pukTriesLeft > 0 && puk === this.puk) {
      this.pin = newPin;
      this.pinTriesLeft = PIN_TRIES;
      this.pukTriesLeft = PUK_TRIES;
      this.state = 'READY';
      return 'ok';
    }
    this.pukTriesLeft = Math.max(0, this.pukTriesLeft - 1);
    return 'wrong';
  }

  /** Forces a locked state (fault injection): the PIN must be typed again, or the PUK. */
  lock(state: 'SIM PIN' | 'SIM PUK'): void {
    if (state === 'SIM PIN' && this.pin === null) this.pin = '1234';
    if (state === 'SIM PUK') this.pinTriesLeft = 0;
    this.state = state;
  }

  /** What +CPIN? answers. */
  get cpin(): string {
    return this.state === 'READY' && this.extraLock ? this.extraLock : this.state;
  }

  /** 27.007 error for commands that need an unlocked SIM, or null when it is ready. */
  meError(): number | null {
    if (this.busy && this.state !== 'ABSENT') return CME.simBusy;
    if (this.state === 'READY' && this.extraLock === 'PH-SIM PIN') return CME.phSimPinRequired;
    return { READY: null, 'SIM PIN': CME.simPinRequired, 'SIM PUK': CME.simPukRequired, ABSENT: CME.simNotInserted }[
      this.state
    ];
  }

  /** The same refusal, as SMS commands word it (27.005 +CMS ERROR). */
  smsError(): number | null {
    if (this.state === 'READY' && this.extraLock === 'PH-SIM PIN') return CMS.phSimPinRequired;
    return { READY: null, 'SIM PIN': CMS.simPinRequired, 'SIM PUK': CMS.simPukRequired, ABSENT: CMS.simNotInserted }[
      this.state
    ];
  }
}

/** EF_ICCID as stored on the card: each byte's nibbles swapped, which is what Huawei's ^ICCID prints. */
function swapNibbles(digits: string): string {
  const padded = digits.length % 2 ? `${digits}F` : digits;
  return padded.replace(/(.)(.)/g, '$2$1');
}

function cpinSet(cmd: AtCommand, m: ModemContext): Response {
  const sim = m.sim;
  const code = argString(cmd, 0);
  if (code === undefined || sim.state === 'ABSENT') return cme(CME.operationNotAllowed);
  if (sim.state === 'SIM PIN') {
    if (sim.enterPin(code) === 'wrong') return cme(CME.incorrectPassword);
  } else if (sim.state === 'SIM PUK') {
    const newPin = argString(cmd, 1);
    if (newPin === undefined) return cme(CME.simPukRequired);
    if (sim.enterPuk(code, newPin) === 'wrong') return cme(CME.incorrectPassword);
  } else {
    return cme(CME.operationNotAllowed);
  }
  m.simUnlocked();
  return ok();
}

function whenAvailable(m: ModemContext, line: () => string): Response {
  if (m.sim.state === 'ABSENT') return cme(CME.simNotInserted);
  return m.sim.busy ? cme(CME.simBusy) : ok(line());
}

/** The ICCID is readable without the PIN, as on real modems; Huawei prints it nibble-swapped. */
const iccid =
  (label: string, digits: (sim: SimCard) => string = (sim) => sim.iccid): Handler =>
  (_, m) =>
    m.sim.idsUnreadable && m.sim.state !== 'ABSENT' ? cme(CME.operationNotSupported) : whenAvailable(m, () => `${label}: ${digits(m.sim)}`);

/** EF_ICCID's file id (3GPP TS 31.102 / TS 102.221 §13.2), 2FE2. */
const EF_ICCID = 12258;
const READ_BINARY = 176;

/** Restricted SIM access (TS 27.007 §8.18): only READ BINARY of EF_ICCID, which hosts use for the ICCID. */
function crsm(cmd: AtCommand, m: ModemContext): Response {
  if (m.sim.idsUnreadable && m.sim.state !== 'ABSENT') return cme(CME.operationNotSupported);
  if (Number(argString(cmd, 0)) !== READ_BINARY || Number(argString(cmd, 1)) !== EF_ICCID) return ok('+CRSM: 106,130,""');
  return whenAvailable(m, () => `+CRSM: 144,0,"${swapNibbles(m.sim.iccid)}"`);
}

export const simCommands: CommandTable = {
  '+CPIN': {
    read: (_, m) => whenAvailable(m, () => `+CPIN: ${m.sim.cpin}`),
    set: cpinSet,
    test: () => ok(),
  },
  '+CPINR': {
    exec: (_, m) => ok(`+CPINR: SIM PIN,${m.sim.pinTriesLeft},${PIN_TRIES}`, `+CPINR: SIM PUK,${m.sim.pukTriesLeft},${PUK_TRIES}`),
  },
  '^CPIN': {
    read: (_, m) => {
      const s = m.sim;
      const asking = s.state === 'SIM PIN' ? s.pinTriesLeft : s.state === 'SIM PUK' ? s.pukTriesLeft : '';
      return whenAvailable(m, () => `^CPIN: ${s.state},${asking},${s.pukTriesLeft},${s.pinTriesLeft},10,3`);
    },
  },
  '+CIMI': {
    exec: (_, m) => {
      const err = m.sim.idsUnreadable ? CME.operationNotSupported : m.sim.meError();
      return err === null ? ok(m.sim.imsi) : cme(err);
    },
  },
  '+CCID': { exec: iccid('+CCID'), read: iccid('+CCID') },
  '+ICCID': { exec: iccid('+ICCID') },
  '+QCCID': { exec: iccid('+QCCID') },
  '^ICCID': { read: iccid('^ICCID', (sim) => swapNibbles(sim.iccid)) },
  '+CRSM': { set: crsm },
};
