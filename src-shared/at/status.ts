import { parseCount, splitParams, unquote } from './params';
import { looksUnsolicited, pduHex, type RegistrationDomain } from './urc';

/** Answers to the status queries a session makes (3GPP TS 27.007 / 27.005), parsed from their lines. */

const after = (line: string, prefix: string) => (line.startsWith(prefix) ? line.slice(prefix.length).trim() : null);

function fieldsOf(lines: readonly string[], prefix: string): string[] | null {
  for (const line of lines) {
    const rest = after(line, prefix);
    if (rest !== null) return splitParams(rest);
  }
  return null;
}

export interface Signal {
  csq: number;
  dbm: number | null;
  bars: 0 | 1 | 2 | 3 | 4;
}

/** `+CSQ: <rssi>,<ber>`, or a Huawei `^RSSI: <rssi>`: 0 is −113 dBm, each step 2 dB, 99 unknown. */
export function signalFromRssi(rssi: number): Signal {
  if (rssi < 0 || rssi > 31) return { csq: rssi, dbm: null, bars: 0 };
  const bars = rssi < 2 ? 0 : rssi < 10 ? 1 : rssi < 15 ? 2 : rssi < 20 ? 3 : 4;
  return { csq: rssi, dbm: -113 + 2 * rssi, bars };
}

export function parseCsq(lines: readonly string[]): Signal | null {
  const f = fieldsOf(lines, '+CSQ:');
  const rssi = parseCount(f?.[0]);
  return rssi === null ? null : signalFromRssi(rssi);
}

export type Registration = 'home' | 'roaming' | 'searching' | 'denied' | 'none' | 'unknown';

/**
 * <stat> of +CREG / +CGREG / +CEREG / +C5GREG (TS 27.007 §7.2): 6/7 are "registered for SMS only"
 * (home/roaming) on LTE, 9/10 "CSFB not preferred" (home/roaming): SMS works in all four. 8 is
 * emergency services only.
 */
export function registrationFromStat(stat: number): Registration {
  return (['none', 'home', 'searching', 'denied', 'unknown', 'roaming', 'home', 'roaming', 'none', 'home', 'roaming'] as const)[stat] ?? 'unknown';
}

/** Query name per domain: `AT+CREG?` answers `+CREG: <n>,<stat>[,…]`. */
export const REGISTRATION_QUERIES: readonly { domain: RegistrationDomain; name: string }[] = [
  { domain: 'cs', name: '+CREG' },
  { domain: 'ps', name: '+CGREG' },
  { domain: 'eps', name: '+CEREG' },
  { domain: '5gs', name: '+C5GREG' },
];

/** `+CREG: <n>,<stat>[,<lac>,<ci>[,<act>]]` as answered to AT+CREG? (likewise +CGREG, +CEREG, +C5GREG). */
export function parseCregQuery(lines: readonly string[], name = '+CREG'): Registration | null {
  const f = fieldsOf(lines, `${name}:`);
  const stat = parseCount(f?.[1]);
  return stat === null ? null : registrationFromStat(stat);
}

const REG_RANK: Record<Registration, number> = { home: 5, roaming: 4, searching: 3, denied: 2, none: 1, unknown: 0 };

/**
 * One verdict from every domain's registration: an LTE module registered only in +CEREG (its +CREG
 * says 0) can still send SMS (over SGs or IMS), so the best domain wins.
 */
export function combinedRegistration(domains: Iterable<Registration>): Registration {
  let best: Registration = 'unknown';
  for (const r of domains) if (REG_RANK[r] > REG_RANK[best]) best = r;
  return best;
}

/** `+CFUN: <fun>`: 1 full, 0 minimum, 4 radio off (flight mode); others vendor-specific. */
export function parseCfun(lines: readonly string[]): number | null {
  return parseCount(fieldsOf(lines, '+CFUN:')?.[0]);
}

/** `+CNMI: <mode>,<mt>,<bm>,<ds>,<bfr>`: where messages (<mt>) and status reports (<ds>) are announced. */
export function parseCnmi(lines: readonly string[]): { mt: number; ds: number } | null {
  const f = fieldsOf(lines, '+CNMI:');
  const mt = parseCount(f?.[1]);
  const ds = parseCount(f?.[3]);
  return mt === null || ds === null ? null : { mt, ds };
}

/** `+CSMS: <service>,<mt>,<mo>,<bm>` (AT+CSMS?): the message service the modem is in (0 phase 2, 1 phase 2+). */
export function parseCsms(lines: readonly string[]): number | null {
  return parseCount(fieldsOf(lines, '+CSMS:')?.[0]);
}

/** `+COPS: <mode>[,<format>,<oper>[,<act>]]`. */
export function parseCops(lines: readonly string[]): string | null {
  const f = fieldsOf(lines, '+COPS:');
  return f && f[2] ? unquote(f[2]) || null : null;
}

export type SimState = 'ready' | 'pin' | 'puk' | 'absent' | 'unknown';

/** What a +CPIN answer means for SMS, and whether the SIM is still starting (worth asking again). */
export interface CpinReading {
  sim: SimState;
  /** The raw code (`PH-SIM PIN`), kept to say exactly what the modem asks for. */
  code: string;
  /** A lock other than the SIM's PIN/PUK (phone-to-SIM, network personalisation): the user needs a code from the seller. */
  deviceLock: boolean;
  starting: boolean;
}

/**
 * Every +CPIN code of TS 27.007 §8.3. SIM PIN2/PUK2 only guard the fixed-dialling book: the SIM is
 * unlocked and SMS works (ModemManager treats them as unlocked too). PH-* and PH-NET* are locks of the
 * device, not the SIM's PIN.
 */
export function readCpin(lines: readonly string[]): CpinReading {
  const f = fieldsOf(lines, '+CPIN:');
  const code = (f?.join(',') ?? '').replace(/"/g, '').trim().toUpperCase();
  const reading = (sim: SimState, extra: Partial<CpinReading> = {}): CpinReading => ({ sim, code, deviceLock: false, starting: false, ...extra });
  if (code === 'READY' || code === 'SIM PIN2' || code === 'SIM PUK2') return reading('ready');
  if (code === 'SIM PIN') return reading('pin');
  if (code === 'SIM PUK') return reading('puk');
  if (code.includes('NOT INSERTED') || code === 'NO SIM') return reading('absent');
  if (code.startsWith('PH-') || code.startsWith('PH ')) return reading('unknown', { deviceLock: true });
  if (/NOT READY|BUSY/.test(code)) return reading('unknown', { starting: true });
  return reading('unknown');
}

/** `+CPIN: READY | SIM PIN | SIM PUK | …`. */
export function parseCpin(lines: readonly string[]): SimState {
  return readCpin(lines).sim;
}

/** `+CPMS: "SM",3,50,…` (query form) or `+CPMS: 3,50,…` (set form): the first storage's use. */
export function parseCpms(lines: readonly string[]): { storage: string | null; used: number; total: number } | null {
  const f = fieldsOf(lines, '+CPMS:');
  if (!f) return null;
  const named = f[0]?.startsWith('"');
  const used = parseCount(f[named ? 1 : 0]);
  const total = parseCount(f[named ? 2 : 1]);
  if (used === null || total === null) return null;
  return { storage: named ? unquote(f[0]!) : null, used, total };
}

/** Memories listed for <mem1>,<mem2>,<mem3> by `AT+CPMS=?`: `("SM","ME"),("SM","ME"),("SM","ME")`. */
export function parseCpmsTest(lines: readonly string[]): string[][] | null {
  const line = lines.find((l) => l.startsWith('+CPMS:'));
  if (!line) return null;
  const body = line.slice('+CPMS:'.length);
  const groups = [...body.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!);
  // Some modems list each memory bare, without parentheses (gammu tests/at-cpms-sm/iwow.dump: `+CPMS: "SM","SM","SM"`).
  const raw = groups.length > 0 ? groups : splitParams(body.trim());
  const lists = raw.map((g) => [...g.matchAll(/"?([A-Z]{2})"/gi)].map((m) => m[1]!.toUpperCase()));
  return lists.length > 0 && lists.some((l) => l.length > 0) ? lists : null;
}

export interface CpmsUse {
  mem: string;
  used: number;
  total: number;
}

/** `AT+CPMS?`: `+CPMS: "SM",3,50,"SM",3,50,"SM",3,50`, each memory with its use. */
export function parseCpmsQuery(lines: readonly string[]): CpmsUse[] | null {
  const f = fieldsOf(lines, '+CPMS:');
  if (!f) return null;
  const out: CpmsUse[] = [];
  for (let i = 0; i + 2 < f.length; i += 3) {
    const used = parseCount(f[i + 1]);
    const total = parseCount(f[i + 2]);
    if (used === null || total === null) return null;
    out.push({ mem: unquote(f[i]!).toUpperCase(), used, total });
  }
  return out.length > 0 ? out : null;
}

/** A UCS2 hex number as modems print it under AT+CSCS="UCS2" (`002B0038…` is `+8…`), else null. */
function ucs2Number(text: string): string | null {
  if (!/^([0-9A-F]{4})+$/i.test(text)) return null;
  let out = '';
  for (let i = 0; i < text.length; i += 4) out += String.fromCharCode(parseInt(text.slice(i, i + 4), 16));
  return /^\+?[0-9*#]+$/.test(out) ? out : null;
}

/** `+CSCA: "+8613800100500",145`; an empty address means none is set. UCS2 hex is decoded. */
export function parseCsca(lines: readonly string[]): string | null {
  const f = fieldsOf(lines, '+CSCA:');
  const address = f?.[0] ? unquote(f[0]).trim() : '';
  return address ? (ucs2Number(address) ?? address) : null;
}

/** `+CMGS: <mr>`: the message reference the network will quote in a status report. */
export function parseCmgs(lines: readonly string[]): number | null {
  return parseCount(fieldsOf(lines, '+CMGS:')?.[0]);
}

export interface StoredPdu {
  index: number;
  /** 0 REC UNREAD, 1 REC READ, 2 STO UNSENT, 3 STO SENT. */
  stat: number;
  pdu: string;
  /** The header's <length>: the PDU's octets after its SMSC field (TS 27.005 §3.1); null when not given. */
  length: number | null;
}

/**
 * Whether a stored PDU is as long as its header says: <length> counts the TPDU's octets, and the SMSC field (its
 * length octet and the octets it counts) comes on top. A line garbled on the way (an octet repeated or dropped) may
 * still decode, into another text; its length gives it away. A header without a length is taken at its word.
 */
export function fitsLength({ pdu, length }: Pick<StoredPdu, 'pdu' | 'length'>): boolean {
  if (length === null) return true;
  const smsc = parseInt(pdu.slice(0, 2), 16);
  return pdu.length % 2 === 0 && pdu.length / 2 === 1 + smsc + length;
}

/**
 * The PDU after a +CMGL/+CMGR header at `header`: the next line that is not something the modem said on
 * its own (an unsolicited `+CSQ: 23,99` or `SMS DONE` between header and PDU is never the PDU). Hex
 * with a stray trailing quote is cleaned; anything else stays as it came, for the caller to keep
 * unread. Null when the next header (or the end) comes first.
 */
function pduAfter(lines: readonly string[], header: number, prefix: string): { pdu: string; next: number } | null {
  const inline = splitHeader(lines[header]!, prefix).pdu;
  if (inline !== null) return { pdu: inline, next: header };
  for (let i = header + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith(prefix)) return null;
    const hex = pduHex(line);
    if (hex !== null) return { pdu: hex, next: i };
    if (looksUnsolicited(line)) continue;
    return { pdu: line, next: i };
  }
  return null;
}

/** Shortest PDU worth taking from a header's own line: an SMSC octet, a first octet, an empty address… */
const MIN_INLINE_PDU = 14;

/**
 * A +CMGL/+CMGR header's fields, and the PDU when the modem printed it on the header's own line after a
 * blank, `+CMGR: 1,,147 0791…` (ModemManager src/tests/test-modem-helpers.c, test_cmgr_response_generic;
 * its CMGR parser allows it). `pdu` is null when the header ends with its <length>, as it should.
 */
function splitHeader(line: string, prefix: string): { fields: string[]; pdu: string | null } {
  const rest = after(line, prefix) ?? '';
  const tail = /^(.*\d)\s+(\S+)\s*$/.exec(rest);
  const pdu = tail ? pduHex(tail[2]!) : null;
  return pdu !== null && pdu.length >= MIN_INLINE_PDU ? { fields: splitParams(tail![1]!), pdu } : { fields: splitParams(rest), pdu: null };
}

/** `+CMGL: <index>,<stat>,[<alpha>],<length>` each followed by its PDU line. */
export function parseCmgl(lines: readonly string[]): StoredPdu[] {
  const out: StoredPdu[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (after(lines[i]!, '+CMGL:') === null) continue;
    const f = splitHeader(lines[i]!, '+CMGL:').fields;
    const index = parseCount(f[0]);
    const stat = parseCount(f[1]);
    const found = pduAfter(lines, i, '+CMGL:');
    if (index === null || !found) continue;
    out.push({ index, stat: stat ?? 0, pdu: found.pdu, length: parseCount(f[3]) });
    i = found.next;
  }
  return out;
}

/**
 * A +CMGR/+CMGL answer given in text mode, its <stat> a quoted word where PDU mode has a number
 * (TS 27.005 §3.1): `+CMGR: "REC READ","+31625044454",,"07/07/05,09:56:03+08"` (gammu
 * tests/at-sms-txt/timezone.dump), `+CMGL: 1,"REC UNREAD",…`. The modem is not in PDU mode any more.
 */
export function answeredInTextMode(lines: readonly string[]): boolean {
  return lines.some((l) => /^\+CMG[RL]:\s*(?:\d+\s*,\s*)?"(?:REC|STO) /i.test(l.trim()));
}

/** `+CMGF: <mode>`: 0 PDU mode, 1 text mode; null when the answer does not say. */
export function parseCmgf(lines: readonly string[]): number | null {
  return parseCount(fieldsOf(lines, '+CMGF:')?.[0]);
}

/** `+CMGR: <stat>,[<alpha>],<length>` followed by the PDU line. */
export function parseCmgr(lines: readonly string[]): Omit<StoredPdu, 'index'> | null {
  const at = lines.findIndex((l) => l.startsWith('+CMGR:'));
  const found = at === -1 ? null : pduAfter(lines, at, '+CMGR:');
  if (!found) return null;
  const fields = splitHeader(lines[at]!, '+CMGR:').fields;
  return { stat: parseCount(fields[0]) ?? 0, pdu: found.pdu, length: parseCount(fields[2]) };
}

/** The answer line of an identity query (AT+CGMI, AT+CGSN, AT+CCID…), with any `+XXX:` prefix removed. */
export function identityValue(lines: readonly string[]): string | null {
  const line = lines.find((l) => l.trim() !== '');
  if (!line) return null;
  return unquote(line.replace(/^[+^][A-Z]+:\s*/, '').trim()) || null;
}
