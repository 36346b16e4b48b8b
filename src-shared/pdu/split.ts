import { PduError } from './errors';
import { firstNonGsm7, gsm7Cost } from './gsm7';
import { firstNonOctet } from './latin1';
import type { Encoding } from './types';
import { concatUdhOctets } from './udh';
import { isHighSurrogate, isLowSurrogate } from './ucs2';
import { partCapacity } from './user-data';

/** The concatenation element counts parts in one octet. */
export const MAX_PARTS = 255;

export interface SplitText {
  encoding: Encoding;
  parts: string[];
}

/** GSM 7-bit when every character has a septet (extension table included), else UCS2. */
export function chooseEncoding(text: string): Encoding {
  return firstNonGsm7(text) < 0 ? 'gsm7' : 'ucs2';
}

/**
 * Splits text into the fewest parts: 160 septets alone or 153 per part (152 with a 16-bit
 * reference) for GSM 7-bit, 70 / 67 (66) UTF-16 code units for UCS2, 140 / 134 (133) octets
 * for 8-bit. An escape pair or a surrogate pair never straddles two parts. Filling each part
 * greedily is optimal here because characters keep their order and cost 1 or 2 units.
 */
export function splitText(text: string, encoding?: Encoding, refBits: 8 | 16 = 8): SplitText {
  const chosen = encoding ?? chooseEncoding(text);
  if (encoding) requireRepresentable(text, encoding);
  if (unitsOf(text, chosen) <= partCapacity(chosen, 0)) return { encoding: chosen, parts: [text] };
  const parts = cut(text, chosen, partCapacity(chosen, concatUdhOctets(refBits)));
  if (parts.length > MAX_PARTS) {
    throw new PduError('pdu.unencodable', 'text', 0, {
      zh: `正文过长：需要 ${parts.length} 条，最多 ${MAX_PARTS} 条`,
      en: `text too long: needs ${parts.length} parts, at most ${MAX_PARTS}`,
    });
  }
  return { encoding: chosen, parts };
}

export function requireRepresentable(text: string, encoding: Encoding): void {
  const bad = encoding === 'gsm7' ? firstNonGsm7(text) : encoding === '8bit' ? firstNonOctet(text) : -1;
  if (bad >= 0) {
    throw new PduError('pdu.unencodable', 'text', bad, {
      zh: `第 ${bad + 1} 个字符无法用 ${encoding} 编码`,
      en: `character ${bad + 1} cannot be encoded as ${encoding}`,
    });
  }
}

function unitsOf(text: string, encoding: Encoding): number {
  if (encoding !== 'gsm7') return text.length;
  let units = 0;
  for (let i = 0; i < text.length; i++) units += gsm7Cost(text.charCodeAt(i));
  return units;
}

function cut(text: string, encoding: Encoding, capacity: number): string[] {
  const parts: string[] = [];
  let start = 0;
  let used = 0;
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    let width = 1;
    let cost = 1;
    if (encoding === 'gsm7') cost = gsm7Cost(unit);
    else if (encoding === 'ucs2' && isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) width = cost = 2;
    if (used + cost > capacity) {
      parts.push(text.slice(start, i));
      start = i;
      used = 0;
    }
    used += cost;
    i += width;
  }
  parts.push(text.slice(start));
  return parts;
}
