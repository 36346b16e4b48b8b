import { HANT_TO_HANS_PAIRS } from './tables/hant-to-hans.generated';

let hantToHans: Map<string, string> | undefined;
let firstHant: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (!hantToHans) {
    hantToHans = new Map();
    const chars = [...HANT_TO_HANS_PAIRS];
    for (let i = 0; i + 1 < chars.length; i += 2) hantToHans.set(chars[i]!, chars[i + 1]!);
  }
  return hantToHans;
}

/**
 * The one canonical form every string is compared in: NFKC (full-width letters and digits become
 * ASCII), lower case, Traditional folded into Simplified character by character.
 */
export function fold(text: string): string {
  // Plain ASCII (codes, English) needs only lower case: NFKC leaves it as it is, the table has no Latin.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  const t = table();
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) out += t.get(ch) ?? ch;
  return out;
}

/**
 * The first Traditional character (lowest code point) this table folds into a Simplified one:
 * 发 → 發, 关 → 關, but also 历 → 厤. Bundles name zh-Hant swaps relative to it, so a change to the
 * table is a change to the bundle format (tests/unit/bundle/format-table.test.ts).
 */
export function firstTraditional(hans: string): string | undefined {
  if (!firstHant) {
    firstHant = new Map();
    for (const [hant, simplified] of table()) if (!firstHant.has(simplified) && hant !== simplified) firstHant.set(simplified, hant);
  }
  return firstHant.get(hans);
}

export function isHan(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}
