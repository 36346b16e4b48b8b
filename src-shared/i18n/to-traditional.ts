import { HANS_TO_HANT_PAIRS, HANS_TO_HANT_WORDS } from './tables/hans-to-hant.generated';

let table: Map<string, string> | undefined;
let words: { pattern: RegExp; hant: Map<string, string> } | undefined;

/**
 * Simplified → Traditional for messages written in Simplified Chinese (the core's errors and
 * notices, the command line): first the words whose characters alone would read wrong in Taiwan
 * (回复 → 回覆, 调制解调器 → 數據機, 短信 → 簡訊), then character by character. Word-dependent
 * characters outside those words are left as they are.
 */
export function toTraditional(text: string): string {
  table ??= new Map(Array.from({ length: HANS_TO_HANT_PAIRS.length / 2 }, (_, i) => [HANS_TO_HANT_PAIRS[2 * i]!, HANS_TO_HANT_PAIRS[2 * i + 1]!]));
  words ??= wordTable();
  const chars = table;
  const { pattern, hant } = words;
  // A word found is given whole (its Traditional already chosen); anything else one character at a time.
  return text.replace(pattern, (match) => hant.get(match) ?? chars.get(match) ?? match);
}

function wordTable(): { pattern: RegExp; hant: Map<string, string> } {
  const hant = new Map<string, string>();
  for (let i = 0; i < HANS_TO_HANT_WORDS.length; i += 2) hant.set(HANS_TO_HANT_WORDS[i]!, HANS_TO_HANT_WORDS[i + 1]!);
  const longestFirst = [...hant.keys()].sort((a, b) => b.length - a.length);
  // Each word, else any one character: every character of the text is matched once.
  return { pattern: new RegExp(`${longestFirst.join('|')}|[\\s\\S]`, 'gu'), hant };
}
