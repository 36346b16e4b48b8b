import { parseCount, splitParams, unquote } from './params';

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

/** <stat> of +CREG / +CGREG / +CEREG. */
export function registrationFromStat(stat: number): Registration {
  return (['none', 'home', 'searching', 'denied', 'unknown', 'roaming'] as const)[stat] ?? 'unknown';
}

/** `+CREG: <n>,<stat>[,<lac>,<ci>[,<act>]]` as answered to AT+CREG?. */
export function parseCregQuery(lines: readonly string[]): Registration | null {
  const f = fieldsOf(lines, '+CREG:');
  const stat = parseCount(f?.[1]);
  return stat === null ? null : registrationFromStat(stat);
}

/** `+COPS: <mode>[,<format>,<oper>[,<act>]]`. */
export function parseCops(lines: readonly string[]): string | null {
  const f = fieldsOf(lines, '+COPS:');
  return f && f[2] ? unquote(f[2]) || null : null;
}

export type SimState = 'ready' | 'pin' | 'puk' | 'absent' | 'unknown';

/** `+CPIN: READY | SIM PIN | SIM PUK | …`. */
export function parseCpin(lines: readonly string[]): SimState {
  const f = fieldsOf(lines, '+CPIN:');
  const code = (f?.join(',') ?? '').replace(/"/g, '').trim().toUpperCase();
  if (code === 'READY') return 'ready';
  if (code === 'SIM PIN') return 'pin';
  if (code === 'SIM PUK') return 'puk';
  if (code.includes('NOT INSERTED')) return 'absent';
  return 'unknown';
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

/** `+CSCA: "+8613800100500",145`; an empty address means none is set. */
export function parseCsca(lines: readonly string[]): string | null {
  const f = fieldsOf(lines, '+CSCA:');
  const address = f?.[0] ? unquote(f[0]).trim() : '';
  return address ? address : null;
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
}

/** `+CMGL: <index>,<stat>,[<alpha>],<length>` each followed by its PDU line. */
export function parseCmgl(lines: readonly string[]): StoredPdu[] {
  const out: StoredPdu[] = [];
  for (let i = 0; i < lines.length; i++) {
    const rest = after(lines[i]!, '+CMGL:');
    if (rest === null) continue;
    const f = splitParams(rest);
    const index = parseCount(f[0]);
    const stat = parseCount(f[1]);
    const pdu = lines[i + 1];
    if (index === null || pdu === undefined || pdu.startsWith('+CMGL:')) continue;
    out.push({ index, stat: stat ?? 0, pdu: pdu.trim() });
    i++;
  }
  return out;
}

/** `+CMGR: <stat>,[<alpha>],<length>` followed by the PDU line. */
export function parseCmgr(lines: readonly string[]): { stat: number; pdu: string } | null {
  const at = lines.findIndex((l) => l.startsWith('+CMGR:'));
  const pdu = lines[at + 1];
  if (at === -1 || pdu === undefined) return null;
  return { stat: parseCount(splitParams(after(lines[at]!, '+CMGR:')!)[0]) ?? 0, pdu: pdu.trim() };
}

/** The answer line of an identity query (AT+CGMI, AT+CGSN, AT+CCID…), with any `+XXX:` prefix removed. */
export function identityValue(lines: readonly string[]): string | null {
  const line = lines.find((l) => l.trim() !== '');
  if (!line) return null;
  return unquote(line.replace(/^[+^][A-Z]+:\s*/, '').trim()) || null;
}
