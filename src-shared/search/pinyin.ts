import { PINYIN_GROUPS } from './tables/pinyin.generated';

let readings: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (!readings) {
    readings = new Map();
    for (const group of PINYIN_GROUPS.split(' ')) {
      const syllable = group.match(/^[a-z]+/)?.[0] ?? '';
      for (const ch of group.slice(syllable.length)) readings.set(ch, syllable);
    }
  }
  return readings;
}

/** Words whose characters read differently together than alone (the table holds one reading a character). */
const WORD_READINGS: Record<string, string[]> = {
  重置: ['chong', 'zhi'],
  重新: ['chong', 'xin'],
  还款: ['huan', 'kuan'],
};

/**
 * Toneless pinyin syllables of a Simplified string, one entry per character; characters
 * without a reading (digits, Latin, rare hanzi) come back as null so positions stay aligned.
 */
export function toPinyin(hans: string): (string | null)[] {
  const t = table();
  const chars = [...hans];
  const out: (string | null)[] = chars.map((ch) => t.get(ch) ?? null);
  for (const [word, syllables] of Object.entries(WORD_READINGS)) {
    let at = hans.indexOf(word);
    while (at !== -1) {
      const charIndex = [...hans.slice(0, at)].length;
      syllables.forEach((s, k) => (out[charIndex + k] = s));
      at = hans.indexOf(word, at + word.length);
    }
  }
  return out;
}
