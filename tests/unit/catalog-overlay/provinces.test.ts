import { describe, expect, it } from 'vitest';
import provincesJson from '../../../instructions/provinces.json';
import { InstructionCatalog } from '../../../src-shared/catalog/catalog';
import { applyProvince } from '../../../src-shared/catalog/provinces/apply';
import { builtinProvinceProfile, builtinProvinces } from '../../../src-shared/catalog/provinces/builtin';
import { parseProvinceDirectory, parseProvinceProfile } from '../../../src-shared/catalog/provinces/load';
import { PROVINCE_IDS } from '../../../src-shared/catalog/provinces/schema';
import { HallError } from '../../../src-shared/errors';
import { addedInstruction, base, profile } from './fixtures';

const NOT_ALL = 'not-all-provinces';
const BALANCE = 'balance-text-varies';
const find = (view: ReturnType<typeof applyProvince>, id: string) => view.catalog.instructions.find((e) => e.id === id);

describe('the shipped province list', () => {
  const { provinces } = builtinProvinces();

  it('lists the 31 provinces once each, named in three languages', () => {
    expect(provinces.map((p) => p.id)).toEqual([...PROVINCE_IDS]);
    expect(new Set(provinces.map((p) => p.name['zh-Hans'])).size).toBe(31);
    expect(new Set(provinces.map((p) => p.name.en)).size).toBe(31);
    expect(provinces.find((p) => p.id === 'gd')!.name).toEqual({ 'zh-Hans': '广东', 'zh-Hant': '廣東', en: 'Guangdong' });
  });

  it('claims nothing: every profile is unverified and empty', () => {
    for (const p of provinces) {
      expect(p).toMatchObject({ status: 'unverified', overrides: [], added: [], hidden: [], confirms: [] });
      expect(p.source).toBeUndefined();
    }
  });

  it("keeps the seed's caveats showing whichever province is chosen", () => {
    const none = applyProvince(base(), null);
    expect(none.openCaveats.YE).toEqual([BALANCE]);
    expect(Object.values(none.openCaveats).filter((c) => c.includes(NOT_ALL))).toHaveLength(13);
    for (const p of provinces) {
      const view = applyProvince(base(), p);
      expect(view.catalog.instructions).toEqual(base().instructions);
      expect(view.openCaveats).toEqual(none.openCaveats);
      expect(view.stale).toEqual([]);
    }
  });

  it.each([
    ['gd', 'gd'],
    [' GD ', 'gd'],
    ['zz', null],
    [null, null],
  ])('finds the profile for %j', (asked, found) => {
    expect(builtinProvinceProfile(asked)?.id ?? null).toBe(found);
  });
});

describe('applyProvince with fixture profiles', () => {
  it('returns the catalog itself for no province', () => {
    const view = applyProvince(base(), null);
    expect(view.catalog).toBe(base());
    expect(view.stale).toEqual([]);
  });

  it('overrides an instruction: the new text is what is recognised and composed', () => {
    const view = applyProvince(
      base(),
      profile({ overrides: [{ id: 'YE', template: 'CXYE', summary: { 'zh-Hans': '省内余额', 'zh-Hant': '省內餘額', en: 'Balance here' } }] }),
    );
    expect(find(view, 'YE')).toMatchObject({ id: 'YE', template: 'CXYE', summary: { en: 'Balance here' }, to: '10086' });
    const catalog = new InstructionCatalog(view.catalog);
    expect(catalog.composeTyped('cxye')).toMatchObject({ id: 'YE', text: 'CXYE' });
    expect(catalog.recognize('YE')).toBeNull();
    // An override alone confirms nothing: the caveat keeps showing.
    expect(view.openCaveats.YE).toEqual([BALANCE]);
  });

  it('overrides parameters together with the template', () => {
    const zd = base().instructions.find((e) => e.id === 'ZD')!;
    const view = applyProvince(base(), profile({ overrides: [{ id: 'ZD', template: 'ZD#{month}', params: zd.params }] }));
    expect(new InstructionCatalog(view.catalog).compose('ZD', { month: '2026-10' }, new Date(2026, 10, 25)).text).toBe('ZD#202610');
  });

  it('adds an instruction after the catalog', () => {
    const view = applyProvince(base(), profile({ added: [addedInstruction('CXSNLL')] }));
    expect(view.catalog.instructions.map((e) => e.id).slice(-2)).toEqual(['tywlan', 'CXSNLL']);
    expect(view.openCaveats.CXSNLL).toBeUndefined();
  });

  it('hides an instruction and every reference to it', () => {
    const view = applyProvince(base(), profile({ hidden: ['ktgprs'] }));
    expect(find(view, 'KTGPRS')).toBeUndefined();
    expect(view.catalog.instructions).toHaveLength(base().instructions.length - 1);
    expect(find(view, 'QXGPRS')!.opposite).toBeUndefined();
    expect(find(view, 'CXYEG')!.related).toEqual(['YE', 'CXYEB', 'CXYED']);
  });

  it.each([
    ['the balance text', [{ id: 'YE', caveat: BALANCE }], 'YE', 'CXYEG'],
    ['a not-everywhere instruction', [{ id: 'cxyeg', caveat: NOT_ALL }], 'CXYEG', 'CXYEB'],
  ])('confirms %s: only that caveat stops showing', (_name, confirms, confirmed, stillOpen) => {
    const view = applyProvince(base(), profile({ confirms }));
    expect(view.openCaveats[confirmed]).toBeUndefined();
    expect(find(view, confirmed)!.caveats).toEqual([]);
    expect(view.openCaveats[stillOpen]).toEqual(base().instructions.find((e) => e.id === stillOpen)!.caveats);
    expect(view.stale).toEqual([]);
  });

  it('skips and reports what no longer fits the catalog, and applies the rest', () => {
    const view = applyProvince(
      base(),
      profile({
        overrides: [{ id: 'GONE', template: 'GONE' }],
        hidden: ['NOPE', 'TJ'],
        added: [addedInstruction('YE')],
        confirms: [{ id: 'ZD', caveat: NOT_ALL }],
      }),
    );
    expect(view.stale.map((e) => [e.code, e.details?.id])).toEqual([
      ['province.stale-hidden', 'NOPE'],
      ['province.stale-overrides', 'GONE'],
      ['province.stale-added', 'YE'],
      ['province.stale-confirms', `ZD/${NOT_ALL}`],
    ]);
    for (const e of view.stale) {
      expect(e.zh).toMatch(/省份配置 gd：.*已跳过/);
      expect(e.en).toMatch(/Province profile gd .*skipped/);
    }
    expect(find(view, 'TJ')).toBeUndefined();
    expect(find(view, 'YE')).toEqual(base().instructions[0]);
  });

  it.each([
    ['a template that drops its parameter', profile({ overrides: [{ id: 'ZD', template: 'ZD' }] }), /ZD.template/],
    ['an added instruction pointing nowhere', profile({ added: [{ ...addedInstruction('CXSNLL'), related: ['NOPE'] }] }), /related → NOPE/],
  ])('refuses %s with a bilingual error', (_name, p, reason) => {
    let error: unknown;
    try {
      applyProvince(base(), p);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HallError);
    expect(error).toMatchObject({ code: 'province.inconsistent', details: { province: 'gd' } });
    expect((error as HallError).zh).toMatch(/广东的省份配置与指令目录不一致/);
    expect((error as HallError).en).toMatch(reason);
  });
});

describe('province profile schema', () => {
  const json = (p: Record<string, unknown>) => ({ ...profile(), ...p });

  it('accepts a verified profile and fills empty lists', () => {
    const { overrides: _o, added: _a, hidden: _h, confirms: _c, ...bare } = profile();
    expect(parseProvinceProfile(bare)).toEqual(profile());
  });

  it.each([
    ['an unknown province', json({ id: 'xx' })],
    ['an unverified profile that changes something', json({ status: 'unverified', source: undefined, hidden: ['TJ'] })],
    ['a verified profile without a source', json({ source: undefined })],
    ['an override that changes nothing', json({ overrides: [{ id: 'YE' }] })],
    ['an override with a bad destination', json({ overrides: [{ id: 'YE', to: 'ten' }] })],
    ['an unknown field', json({ rumour: 'YE is CXYE here' })],
  ])('refuses %s', (_name, input) => {
    expect(() => parseProvinceProfile(input)).toThrowError(expect.objectContaining({ code: 'province.invalid' }));
  });

  it('refuses a directory listing a province twice', () => {
    const twice = { schemaVersion: 1, provinces: [provincesJson.provinces[0], provincesJson.provinces[0]] };
    expect(() => parseProvinceDirectory(twice)).toThrowError(expect.objectContaining({ code: 'province.invalid' }));
  });
});
