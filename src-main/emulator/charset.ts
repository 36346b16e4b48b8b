import type { Charset } from './settings';

/** UTF-16BE as upper-case hex, the way modems print UCS2 strings and UCS2 SMS bodies. */
export function ucs2Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return out;
}

export function hexToUcs2(hex: string): string | null {
  if (hex.length % 4 !== 0 || !/^[0-9a-f]*$/i.test(hex)) return null;
  let out = '';
  for (let i = 0; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).toUpperCase().padStart(2, '0');
  return out;
}

/** A string the modem prints in the TE character set (AT+CSCS): numbers, operator names, SMSC. */
export function toTe(text: string, charset: Charset): string {
  return charset === 'UCS2' ? ucs2Hex(text) : text.replace(/[^\x20-\x7e]/g, '?');
}

/** A string the host typed in the TE character set; null when it is not valid in that set. */
export function fromTe(text: string, charset: Charset): string | null {
  return charset === 'UCS2' ? hexToUcs2(text) : text;
}

/** The modem's wire is 8-bit: everything it prints is ASCII, anything else becomes '?'. */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x100 ? c : 0x3f;
  }
  return out;
}
