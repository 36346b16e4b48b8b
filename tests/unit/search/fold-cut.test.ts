import { describe, expect, it } from 'vitest';
import { growCatalog } from '../../../bench/grow-catalog';
import { BLIND_SET, CLASSES_SET, loadQueries, SECOND_SET } from '../../../bench/search-quality';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { fold, foldUnitTable } from '../../../src-shared/search/fold';
import { HANT_TO_HANS_PAIRS } from '../../../src-shared/search/tables/hant-to-hans.generated';
import { cut } from '../../../src-shared/search/text';

/**
 * fold and cut are written for speed (code units, slices, no regular expression); these are the
 * plain definitions they must agree with on every text we have and on random Unicode.
 */
const pairs = [...HANT_TO_HANS_PAIRS];
const table = new Map<string, string>();
for (let i = 0; i + 1 < pairs.length; i += 2) table.set(pairs[i]!, pairs[i + 1]!);
const plainFold = (text: string) => [...text.normalize('NFKC').toLowerCase()].map((ch) => table.get(ch) ?? ch).join('');
const PIECE = /([\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+)|([a-z0-9]+(?:'+[a-z0-9]+)*)/gu;
function plainCut(folded: string) {
  const hanRuns: string[] = [];
  const latinWords: string[] = [];
  for (const m of folded.matchAll(PIECE)) {
    if (m[1]) hanRuns.push(m[1]);
    else latinWords.push(m[2]!.replace(/'/g, ''));
  }
  return { hanRuns, latinWords };
}

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

/** Random strings from the characters that matter: Latin, digits, apostrophes, Simplified and Traditional hanzi, full width, beyond the BMP, lone surrogates. */
function randomTexts(count: number): string[] {
  const random = rng(16);
  const hant = [...table.keys()];
  const pools = [
    () => String.fromCharCode(0x61 + Math.floor(random() * 26)),
    () => String.fromCharCode(0x41 + Math.floor(random() * 26)),
    () => String(Math.floor(random() * 10)),
    () => "'",
    () => ' ',
    () => hant[Math.floor(random() * hant.length)]!,
    () => String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000)),
    () => String.fromCharCode(0x3400 + Math.floor(random() * 0x100)),
    () => String.fromCharCode(0xf900 + Math.floor(random() * 0x200)),
    () => String.fromCharCode(0xff01 + Math.floor(random() * 0x5e)),
    () => String.fromCodePoint(0x20000 + Math.floor(random() * 0x11400)),
    () => String.fromCodePoint(0x1f600 + Math.floor(random() * 0x40)),
    () => String.fromCharCode(0xd800 + Math.floor(random() * 0x800)),
    () => ['İ', 'ß', 'ﬁ', '①', '㈠', '℃', 'ǘ', 'ü', '，', '。', '、', '\u3000', '#', '_', '-'][Math.floor(random() * 15)]!,
  ];
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(random() * 16) }, () => pools[Math.floor(random() * pools.length)]!()).join(''));
}

const catalogTexts = growCatalog(builtinCatalog().instructions, 2_000).flatMap((e) =>
  (['zh-Hans', 'zh-Hant', 'en'] as const).flatMap((l) => [e.id, e.name[l], e.summary[l], ...e.synonyms[l], ...e.examples[l]]),
);
const queries = [SECOND_SET, BLIND_SET, CLASSES_SET].flatMap((path) => loadQueries(path) ?? []).map((x) => x.q);
// Long texts too: fold writes a changed text out whole up to a length, and in slices beyond it.
const long = randomTexts(400).join('');
const texts = [...catalogTexts, ...queries, ...randomTexts(20_000), "don't", "rock''n'roll", "dogs' bills", "'quoted'", 'a１２３', long, long.slice(0, 1024), long.slice(0, 1025), '開通'.repeat(600)];

describe('fold and cut agree with their plain definitions', () => {
  it('fold', () => {
    const differ = texts.filter((t) => fold(t) !== plainFold(t));
    expect(differ).toEqual([]);
  });

  it('cut, on folded text and on text as typed', () => {
    const differ = texts.flatMap((t) => [t, plainFold(t)]).filter((t) => JSON.stringify(cut(t)) !== JSON.stringify(plainCut(t)));
    expect(differ).toEqual([]);
  });

  it('the unit table: a unit it folds alone folds so in any text, and a text of such units folds unit by unit', () => {
    const table = foldUnitTable();
    const alone: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (table[c] && fold(String.fromCharCode(c)) !== String.fromCharCode(table[c]!)) alone.push(c);
    expect(alone).toEqual([]);
    const simple = texts.filter((t) => [...t].every((_, i) => table[t.charCodeAt(i)] !== 0));
    // Most catalog texts are of such units, and so are some random ones.
    expect(simple.length).toBeGreaterThan(catalogTexts.length * 0.9);
    const differ = simple.filter((t) => String.fromCharCode(...Array.from(t, (_, i) => table[t.charCodeAt(i)]!)) !== fold(t));
    expect(differ).toEqual([]);
  });
});
