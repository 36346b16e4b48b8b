import { HANS_TO_HANT_PAIRS } from './tables/hans-to-hant.generated';

let table: Map<string, string> | undefined;

/**
 * Simplified → Traditional, character by character, for messages written in Simplified Chinese
 * (the core's errors and notices). Word-dependent characters are left out of the table on purpose.
 */
export function toTraditional(text: string): string {
  table ??= new Map(Array.from({ length: HANS_TO_HANT_PAIRS.length / 2 }, (_, i) => [HANS_TO_HANT_PAIRS[2 * i]!, HANS_TO_HANT_PAIRS[2 * i + 1]!]));
  let out = '';
  for (const ch of text) out += table.get(ch) ?? ch;
  return out;
}
