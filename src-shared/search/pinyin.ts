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

let bySyllable: Map<string, string> | undefined;

/** Every character the table reads as a syllable (yu → 于余鱼…): the homophones of a character. */
export function charactersOf(syllable: string): string {
  if (!bySyllable) {
    bySyllable = new Map();
    for (const group of PINYIN_GROUPS.split(' ')) {
      const name = group.match(/^[a-z]+/)?.[0] ?? '';
      bySyllable.set(name, (bySyllable.get(name) ?? '') + group.slice(name.length));
    }
  }
  return bySyllable.get(syllable) ?? '';
}

let syllableSet: Set<string> | undefined;

/** Every toneless syllable the table knows (a, ai, an, …, zuo). */
export function pinyinSyllables(): ReadonlySet<string> {
  return (syllableSet ??= new Set(table().values()));
}

/**
 * Whether Latin letters read as pinyin written solid ("chayue", "liuliang"): only then are they
 * compared with the catalog's pinyin, so English words do not match Chinese by accident.
 */
export function isPinyin(solid: string): boolean {
  const syllables = pinyinSyllables();
  const ok = new Array<boolean>(solid.length + 1).fill(false);
  ok[0] = true;
  for (let end = 1; end <= solid.length; end++) {
    for (let start = Math.max(0, end - 6); start < end && !ok[end]; start++) {
      ok[end] = ok[start]! && syllables.has(solid.slice(start, end));
    }
  }
  return solid.length > 0 && ok[solid.length]!;
}
