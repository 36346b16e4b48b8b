import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinAssistant } from '../../../src-shared/assistant';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';

/*
 * Search says that nothing matches when nothing does (searchq6). zzqqxx found 0000 (查增值业务) as a
 * confident first answer: its letters were read as the initials 增值 钱 钱 信息. The named queries are
 * the issue's own examples and ours; the set is tests/fixtures/search-queries.negative.json (public
 * off-topic queries with their sources, and generated junk).
 */

const engine = createSearch(builtinCatalog().instructions);
const negatives = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/search-queries.negative.json'), 'utf8')) as { queries: { q: string; kind: string }[] }).queries;

describe('nothing matches', () => {
  it.each(['zzqqxx', 'sdfggh', 'sfdgnsjz', 'dbk', 'asdfgh', '😀', '？', '今天天气怎么样', '附近的外卖', 'how to cook rice'])('%s finds no instruction at all', (q) => {
    expect(engine.search(q, 10)).toEqual([]);
  });

  it('finds nothing for any generated junk of the set: random letters, keyboard slides, digits, hanzi, emoji, punctuation', () => {
    const junk = negatives.filter((x) => x.kind.startsWith('junk-'));
    expect(junk.length).toBeGreaterThan(80);
    expect(junk.filter((x) => engine.search(x.q, 10).length > 0).map((x) => x.q)).toEqual([]);
  });

  // searchq7 took them from 10 to 2; searchq8 to 1 (不要停); searchq9 to none (a bare action names no thing).
  it('answers none of the quoted off-topic queries with confidence', () => {
    const confident = negatives.filter((x) => engine.search(x.q, 1)[0]?.confident).map((x) => x.q);
    expect(confident).toEqual([]);
  });

  // Only the action was explained: show → 查询.
  it.each(['a show on broadway', 'show me recent activity in my backyard'])('%s is at most a guess', (q) => {
    expect(engine.search(q, 3).every((r) => !r.confident)).toBe(true);
  });
});

describe('real queries still match', () => {
  // Initials of a word or two (one of them a single letter at most), and of three concept words.
  it.each([
    ['cxll', 'CXYEG'],
    ['cye', 'YE'],
    ['kcl', 'KTCL'],
    ['gbdxhz', 'QXDXHZ'],
    ['gbyetx', 'QXYETX'],
    ['yktyw', '0000'],
    ['change pass', 'MMXG'],
    ['i forgot my pass word', 'MMHF'],
    ['what stuff is turned on for my sim', 'GN'],
    ['0000', '0000'],
  ])('%s → %s, confident', (q, id) => {
    expect(engine.search(q, 3)[0]).toMatchObject({ id, confident: true });
  });

  // review15's own probes (initials of 查询/取消/退订 增值业务, the catalog's 查增值业务): found nothing after searchq6.
  // 增值 is a mere catalog pair, but it runs on into 业务 as the catalog text does: a phrase, no fragment.
  it.each(['cxzzyw', 'qxzzyw', 'tdzzyw'])('%s → 0000, confident', (q) => {
    expect(engine.search(q, 3)[0]).toMatchObject({ id: '0000', confident: true });
  });
});

describe('小e', () => {
  const assistant = builtinAssistant();
  const now = new Date(2026, 10, 25, 10, 0);

  it.each([
    ['zh-Hans', '这个我还不懂。换个说法试试，或者从常用指令开始：'],
    ['zh-Hant', '這個我還不懂。換個說法試試，或者從常用指令開始：'],
    ['en', "I don't know that one. Try other words, or start from a common instruction:"],
  ] as const)('says it does not know zzqqxx and what to try next (%s), offering no instruction for it', (lang, text) => {
    const a = assistant.answer('zzqqxx', lang, { now });
    expect(a).toMatchObject({ kind: 'unknown', text });
    if (a.kind === 'clarify') throw new Error('expected chips');
    expect(a.chips.map((c) => c.id)).not.toContain('0000');
  });

  it('offers a guess that scored high as a guess, not as the answer', () => {
    const q = "what'll an education at boulder state college run";
    expect(engine.search(q, 1)[0]).toMatchObject({ confident: false });
    expect(assistant.answer(q, 'en', { now }).kind).toBe('unknown');
  });
});
