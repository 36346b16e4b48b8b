import { describe, expect, it } from 'vitest';
import { decodeCatalog, encodeCatalog } from '../../../src-shared/bundle';
import { charMapFromEntries, charMapToEntries, decodeHant, decodeHantList, encodeHant, encodeHantList, learnCharMap, type CharMap } from '../../../src-shared/bundle/hant-from-hans';
import { parseCatalog } from '../../../src-shared/catalog/load';
import { builtin } from './bundle-kit';

const roundTrip = (value: unknown) => decodeCatalog(JSON.parse(JSON.stringify(value)));

describe('compact catalog encoding', () => {
  it('gives back the built-in catalog exactly, and it still passes the schema', () => {
    const catalog = builtin();
    const decoded = roundTrip(encodeCatalog(catalog));
    expect(decoded).toStrictEqual(catalog);
    expect(parseCatalog(decoded)).toStrictEqual(catalog);
  });

  it('keeps "absent" apart from "empty" and rebuilds zh-Hant lists longer than their zh-Hans twin', () => {
    const catalog = builtin();
    const [a, b] = catalog.instructions as [any, any];
    delete a.opposite;
    delete a.related;
    b.related = [];
    b.risk = { confirm: true, reason: { 'zh-Hans': '会停机', 'zh-Hant': '會停機', en: 'Suspends the line' } };
    b.synonyms['zh-Hant'].push('只在繁體裡');
    b.examples['zh-Hant'] = ['完全不同的說法'];
    const decoded = roundTrip(encodeCatalog(catalog)) as typeof catalog;
    expect(decoded).toStrictEqual(catalog);
    expect('opposite' in decoded.instructions[0]!).toBe(false);
    expect(decoded.instructions[1]!.related).toEqual([]);
  });

  it('refuses data that is not a compact catalog with a bilingual error', () => {
    expect(() => decodeCatalog([1, 'v', 'd', '', [['x']], [], []])).toThrow(expect.objectContaining({ code: 'bundle.malformed', zh: expect.stringContaining('无法解读') }));
  });
});

describe('zh-Hant from zh-Hans', () => {
  const map = learnCharMap({ texts: [['关闭来电显示', '關閉來電顯示'], ['余额', '餘額'], ['余额', '餘額'], ['余下', '余下']], lists: [] });

  it('learns the swap each character takes most often', () => {
    expect(Object.fromEntries(map)).toEqual({ 关: '關', 闭: '閉', 来: '來', 电: '電', 显: '顯', 额: '額', 余: '餘' });
  });

  it.each([
    ['关闭来电显示', '關閉來電顯示', 0],
    ['查余额', '查餘額', 0],
    ['余下的', '余下的', [0, '余', 2]],
    ['帐户余额', '帳戶餘額', [0, '帳戶', 2]],
    ['开', '完全不同', '完全不同'],
    [undefined, '只在繁體裡', '只在繁體裡'],
  ] as const)('%s → %s is coded as %j and rebuilt exactly', (hans, hant, code) => {
    expect(encodeHant(map, hans, hant)).toEqual(code);
    expect(decodeHant(map, hans, encodeHant(map, hans, hant))).toBe(hant);
  });

  it.each([
    ['item for item', ['余额', '关闭'], ['餘額', '關閉'], 0],
    ['with an item only zh-Hant has', ['余额'], ['餘額', '多一條'], [0, '多一條']],
    ['with an item inserted, the rest found one place earlier', ['余额', '关闭'], ['餘額', '新', '關閉'], [0, '新', [0, -1]]],
    ['with items swapped, one edited', ['余额', '关闭来电'], ['關閉來電顯示', '餘額'], [[[4, '顯示', 0], 1], [0, -1]]],
  ] as const)('codes a list %s', (_, hans, hant, code) => {
    expect(encodeHantList(map, hans, hant)).toEqual(code);
    expect(decodeHantList(map, hans, encodeHantList(map, hans, hant))).toEqual(hant);
  });

  it('learns list pairs from the item each one matches, not from its position', () => {
    const learned = learnCharMap({ texts: [['关闭', '關閉']], lists: [[['老人机', '关机'], ['手機', '老人機', '關機']]] });
    expect(Object.fromEntries(learned)).toEqual({ 关: '關', 闭: '閉', 机: '機' });
  });

  it('stores its table as the characters whose swap is the app table\'s first, and pairs for the rest', () => {
    const withUnusual: CharMap = new Map([...map, ['里', '裡'], ['发', '髮']]);
    expect(charMapToEntries(withUnusual)).toEqual(['余', '关', '显', '来', '电', '闭', '额', '里裡', '发髮']);
    expect(charMapFromEntries(charMapToEntries(withUnusual))).toEqual(withUnusual);
  });

  it.each([
    ['a character with no Traditional form in the table', ['a']],
    ['three characters', ['发髮髪']],
    ['nothing', ['']],
    ['a character swapped for itself', ['发发']],
    ['the same character twice', ['发', '发髮']],
    ['a pair as an array', [['发', '髮']]],
    ['a number', [7]],
  ])('refuses a table entry of %s', (_, entries) => {
    expect(() => charMapFromEntries(entries)).toThrow(/not a character swap/);
  });
});
