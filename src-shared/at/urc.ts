import { isQuoted, parseCount, splitParams, unquote } from './params';

/** An unsolicited result code: a line the modem sends on its own, not as part of a command's response. */
export type Urc =
  /** A message was stored: read it with AT+CMGR=<index> (`+CMTI: "SM",3`). */
  | { kind: 'cmti'; storage: string; index: number }
  /** A message delivered directly (`+CMT: ,<len>`); its PDU is the next line, joined here as `pduLine`. */
  | { kind: 'cmt'; length: number; pduLine?: string }
  /** A status report delivered directly (`+CDS: <len>`), PDU on the next line. */
  | { kind: 'cds'; length: number; pduLine?: string }
  /** A status report was stored (`+CDSI: "SR",2`). */
  | { kind: 'cdsi'; storage: string; index: number }
  /** Registration changed: +CREG (circuit-switched), +CGREG (GPRS), +CEREG (LTE), +C5GREG (5G); SMS can use any. */
  | { kind: 'creg'; domain: RegistrationDomain; stat: number; lac?: string; ci?: string }
  | { kind: 'ring' }
  /** Caller id after RING (`+CLIP: "13800138000",129`). */
  | { kind: 'clip'; number: string; numberType: number | null }
  /** SIM state announced on its own, e.g. after a modem reboot (`+CPIN: READY`, `+CPIN: SIM PIN`). */
  | { kind: 'cpin'; state: string }
  /**
   * Boot banners (RDY, Call Ready, SMS Ready, PB DONE). After `modem` the modem has rebooted and lost its
   * settings (echo, CMEE, CNMI), so the session must initialise it again.
   */
  | { kind: 'ready'; what: 'modem' | 'call' | 'sms' | 'phonebook' }
  /** A call ended outside any dial command (the caller hung up while we were busy with SMS). */
  | { kind: 'no-carrier' }
  /** Vendor status noise: Huawei/ZTE ^RSSI, ^BOOT, ^MODE, ^SRVST, ^SIMST; ZTE +ZPASR; Quectel +QIND... */
  | { kind: 'vendor'; name: string; text: string }
  /** Standard notices this app does not act on (+CUSD, +CGEV, +CTZV...): kept for the log. */
  | { kind: 'notice'; name: string; text: string }
  /** A line with a known URC name that did not parse, or a stray line outside any command. */
  | { kind: 'unknown'; text: string };

export type RegistrationDomain = 'cs' | 'ps' | 'eps' | '5gs';

/** A +CMT/+CDS header still waiting for the PDU line that follows it. */
export type TwoLineUrc = Extract<Urc, { kind: 'cmt' | 'cds' }>;

const HEX_LINE = /^[0-9A-Fa-f]+$/;

/** A hex PDU as modems print it after +CMT/+CDS/+CMGR/+CMGL: whole octets, nothing else. */
export function isPduLine(line: string): boolean {
  return line.length % 2 === 0 && HEX_LINE.test(line);
}

export function isTwoLineHeader(urc: Urc): urc is TwoLineUrc {
  return (urc.kind === 'cmt' || urc.kind === 'cds') && urc.pduLine === undefined;
}

const WHOLE_LINE_URCS: ReadonlyMap<string, Urc> = new Map<string, Urc>([
  ['RING', { kind: 'ring' }],
  ['NO CARRIER', { kind: 'no-carrier' }],
  ['RDY', { kind: 'ready', what: 'modem' }],
  ['Call Ready', { kind: 'ready', what: 'call' }],
  ['SMS Ready', { kind: 'ready', what: 'sms' }],
  ['PB DONE', { kind: 'ready', what: 'phonebook' }],
  // SIMCom SIM7600/A76xx (ModemManager plugins/simtech: "Ignore PB DONE and SMS DONE").
  ['SMS DONE', { kind: 'ready', what: 'sms' }],
  // u-blox (ModemManager plugins/ublox: pbready_regex "\r\n\+PBREADY\r\n").
  ['+PBREADY', { kind: 'ready', what: 'phonebook' }],
]);

/**
 * Bare words some modems send on their own, with no `NAME:` shape: Quectel's `POWERED DOWN`
 * (plugins/quectel), Sierra/Option/Ericsson `+PACSP0`/`+PACSP1` (plugins/sierra, option, mbm).
 */
const BARE_NOTICES: readonly RegExp[] = [/^POWERED DOWN$/i, /^\+PACSP\d$/, /^\*ATREADY: ?\d$/];

/** Cinterion's boot banner, alone or with a mode (`^SYSSTART AIRPLANE MODE`; plugins/cinterion). */
const SYSSTART = /^\^SYSSTART\b/;
/**
 * SIMCom A76xx/SIM7600's boot line, in place of RDY (LilyGo-Modem-Series issue #247, A7670E): the modem
 * restarted and lost its settings, its message memories too. Read as a notice before (review17).
 */
const ATREADY = /^\*ATREADY: ?1$/;

/**
 * Whether a line has the shape of something a modem says on its own: `^NAME…`, `+NAME:`, `#NAME:`,
 * `*NAME:`, or one of the known bare words. Used where a PDU is due: such a line is never the PDU.
 */
export function looksUnsolicited(line: string): boolean {
  if (WHOLE_LINE_URCS.has(line) || BARE_NOTICES.some((re) => re.test(line))) return true;
  return /^\^[A-Z]/i.test(line) || /^[+#*$%][A-Z][A-Z0-9_]*\s*:/i.test(line);
}

/**
 * The hex of a PDU line, tolerating what real modems add: surrounding blanks and a stray closing
 * quote (a real Nokia/AT dump in gammu, tests/at-sms/04.dump, ends its PDU line with `"`). Null when
 * what is left is not whole hex octets.
 */
export function pduHex(line: string): string | null {
  const hex = line.trim().replace(/"$/, '').trim();
  return isPduLine(hex) && hex.length > 0 ? hex : null;
}

type ArgsParser = (args: string) => Urc | null;

function stored(kind: 'cmti' | 'cdsi'): ArgsParser {
  return (args) => {
    const [storage, index, ...rest] = splitParams(args);
    const n = parseCount(index);
    return storage !== undefined && isQuoted(storage) && n !== null && rest.length === 0
      ? { kind, storage: unquote(storage), index: n }
      : null;
  };
}

/** PDU mode only: `+CMT: [<alpha>],<length>` and `+CDS: <length>` (text mode has other fields and no PDU). */
function twoLine(kind: 'cmt' | 'cds', fieldCount: number): ArgsParser {
  return (args) => {
    const fields = splitParams(args);
    const length = parseCount(fields[fields.length - 1]);
    return fields.length === fieldCount && length !== null ? { kind, length } : null;
  };
}

/**
 * Unsolicited form: `<stat>[,<lac>,<ci>[,<AcT>]]`. A read response (`<n>,<stat>[,...]`) that strays outside
 * its command is recognised by its unquoted second field.
 */
function registration(domain: RegistrationDomain): ArgsParser {
  return (args) => {
    const fields = splitParams(args);
    const solicited = fields.length >= 2 && !isQuoted(fields[1]!);
    const [stat, lac, ci] = solicited ? fields.slice(1) : fields;
    const n = parseCount(stat);
    if (n === null) return null;
    return {
      kind: 'creg',
      domain,
      stat: n,
      ...(lac ? { lac: unquote(lac) } : {}),
      ...(ci ? { ci: unquote(ci) } : {}),
    };
  };
}

const parseClip: ArgsParser = (args) => {
  const [number, type] = splitParams(args);
  return number !== undefined && isQuoted(number)
    ? { kind: 'clip', number: unquote(number), numberType: parseCount(type) }
    : null;
};

const PARSERS: ReadonlyMap<string, ArgsParser> = new Map<string, ArgsParser>([
  ['+CMTI', stored('cmti')],
  ['+CDSI', stored('cdsi')],
  ['+CMT', twoLine('cmt', 2)],
  ['+CDS', twoLine('cds', 1)],
  ['+CREG', registration('cs')],
  ['+CGREG', registration('ps')],
  ['+CEREG', registration('eps')],
  ['+C5GREG', registration('5gs')],
  ['+CLIP', parseClip],
  ['+CRING', () => ({ kind: 'ring' })],
  ['+CPIN', (args) => (args ? { kind: 'cpin', state: unquote(args) } : null)],
]);

const STANDARD_NOTICES: ReadonlySet<string> = new Set([
  '+CUSD', '+CGEV', '+CIEV', '+CFUN', '+CCWA', '+CSSI', '+CSSU', '+CUSATP', '+CUSATEND', '+CTZV', '+CTZE', '+CTZEU',
]);

/** Vendor URCs that do not start with `^` (every `^NAME:` line is a Huawei/ZTE URC). */
const VENDOR_NAMES: ReadonlySet<string> = new Set([
  '+ZPASR', '+ZUSIMR', '+ZEND', '+ZDONR', '+ZSTR', // ZTE
  '+QIND', '+QUSIM', '+QSIMSTAT', // Quectel
  '*PSUTTZ', 'DST', '+CPSI', // SIMCom
  '#QSS', // Telit SIM status (plugins/telit: "#QSS:\\s*([0-3])")
]);

/**
 * Recognises a URC line; null when the line is not URC-shaped (an ordinary response line such as a PDU,
 * a manufacturer name or an IMEI).
 *
 * With `pending` (a +CMT/+CDS header seen on the previous line), a hex line is that header's PDU and the
 * completed URC is returned. Any other line is classified on its own; the header then stands without a PDU.
 */
export function classifyUrc(line: string, pending?: TwoLineUrc): Urc | null {
  if (pending && isPduLine(line)) return { ...pending, pduLine: line };
  const whole = WHOLE_LINE_URCS.get(line);
  if (whole) return { ...whole };
  if (SYSSTART.test(line) || ATREADY.test(line)) return { kind: 'ready', what: 'modem' };
  if (BARE_NOTICES.some((re) => re.test(line))) return { kind: 'notice', name: line.replace(/[:\d\s]+$/, ''), text: line };
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  const name = line.slice(0, colon).toUpperCase();
  const args = line.slice(colon + 1).trim();
  const parse = PARSERS.get(name);
  if (parse) return parse(args) ?? { kind: 'unknown', text: line };
  if (name.startsWith('^') || VENDOR_NAMES.has(name)) return { kind: 'vendor', name, text: line };
  if (STANDARD_NOTICES.has(name)) return { kind: 'notice', name, text: line };
  return null;
}
