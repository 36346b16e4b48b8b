import { PINYIN_GROUPS } from './tables/pinyin.generated';

/** Syllables by number, and each character's syllable number by its code unit (0: none; every hanzi in the table is one unit). */
let syllables: string[] | undefined;
let syllableOfCode: Uint16Array | undefined;

function table(): Uint16Array {
  if (!syllableOfCode) {
    // Scanned by code unit, not split and matched: the table is read when the first index is built.
    const names: string[] = [''];
    const of = new Uint16Array(0x10000);
    let start = 0;
    let number = 0;
    for (let i = 0; i <= PINYIN_GROUPS.length; i++) {
      const c = i < PINYIN_GROUPS.length ? PINYIN_GROUPS.charCodeAt(i) : 0x20;
      if (c >= 0x61 && c <= 0x7a) continue;
      if (start < i) {
        names.push(PINYIN_GROUPS.slice(start, i));
        number = names.length - 1;
      }
      start = i + 1;
      if (c !== 0x20) of[c] = number;
    }
    syllables = names;
    syllableOfCode = of;
  }
  return syllableOfCode;
}

/** Words whose characters read differently together than alone (the table holds one reading a character). */
const WORD_READINGS: [word: string, syllables: string[]][] = [
  ['重置', ['chong', 'zhi']],
  ['重新', ['chong', 'xin']],
  ['还款', ['huan', 'kuan']],
];

/**
 * Toneless pinyin syllables of a Simplified string, one entry per character; characters
 * without a reading (digits, Latin, rare hanzi) come back as null so positions stay aligned.
 */
export function toPinyin(hans: string): (string | null)[] {
  const t = table();
  const names = syllables!;
  const out: (string | null)[] = [];
  for (let i = 0; i < hans.length; i++) {
    const c = hans.charCodeAt(i);
    // A character beyond the BMP (two units) is one position, and never in the table.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < hans.length) {
      const next = hans.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    const n = t[c]!;
    out.push(n === 0 ? null : names[n]!);
  }
  for (const [word, readings] of WORD_READINGS) {
    let at = hans.indexOf(word);
    while (at !== -1) {
      const charIndex = [...hans.slice(0, at)].length;
      readings.forEach((r, k) => (out[charIndex + k] = r));
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
  if (!syllableSet) {
    table();
    // The syllables named in the table (a few hundred), not read back from all 65,536 code units:
    // the first index of a popup pays for it. Every name has a character (a test holds it so).
    syllableSet = new Set(syllables!.slice(1));
  }
  return syllableSet;
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
