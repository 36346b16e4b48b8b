import { describe, expect, it } from 'vitest';
import { InstructionCatalog } from '../../../src-shared/catalog/catalog';
import { customId, isCustomId, toInstruction } from '../../../src-shared/catalog/custom/instruction';
import { deleteCustom, findCustom, saveCustom } from '../../../src-shared/catalog/custom/list';
import { mergeCustom } from '../../../src-shared/catalog/custom/merge';
import { applyProvince } from '../../../src-shared/catalog/provinces/apply';
import { createSearch } from '../../../src-shared/search';
import { base, custom, profile } from './fixtures';

const NOW = new Date(2026, 10, 25);
const dataPack = custom({ code: 'CXLLB', template: 'CXLLB{month}', name: { 'zh-Hans': '查询流量包明细' } });
const wifiBox = custom({ code: 'KTWXB', name: { 'zh-Hant': '開通無線寶' }, notes: { en: 'Turns on the home wifi box' } });
const myYe = custom({ code: 'ye', template: 'YE', to: '10086999', name: { en: 'My balance' } });

describe('a custom instruction in the catalog', () => {
  it.each([
    ['no parameters', wifiBox, { template: 'KTWXB', params: [], action: 'enable' }],
    ['a month', dataPack, { template: 'CXLLB{month}', params: [{ name: 'month', type: 'month', secret: false }], action: 'query' }],
    [
      'two passwords, told apart',
      custom({ code: 'MMX', template: 'MMX#{password}#{password2}', name: { en: 'x' } }),
      {
        params: [
          { name: 'password', type: 'password', secret: true, label: { 'zh-Hans': '服务密码', 'zh-Hant': '服務密碼', en: 'Service password' } },
          { name: 'password2', type: 'password', secret: true, label: { 'zh-Hans': '服务密码 2', 'zh-Hant': '服務密碼 2', en: 'Service password 2' } },
        ],
        action: 'other',
      },
    ],
  ])('takes the catalog shape: %s', (_name, entry, expected) => {
    expect(toInstruction(entry)).toMatchObject({ id: customId(entry.code), category: 'custom', caveats: ['user-defined'], seed: '', ...expected });
  });

  it('uses the notes as its summary, else says what it sends', () => {
    expect(toInstruction(wifiBox).summary.en).toBe('Turns on the home wifi box');
    expect(toInstruction(dataPack).summary).toEqual({
      'zh-Hans': '自定义指令：发送 CXLLB{month} 到 10086',
      'zh-Hant': '自訂指令：傳送 CXLLB{month} 到 10086',
      en: 'Custom instruction: sends CXLLB{month} to 10086',
    });
  });

  it.each([
    ['10086', false],
    ['8610086', false],
    ['008610086999', false],
    ['1008611', true],
    ['10658000', true],
  ])('to %s: asks before sending because the number is no service port: %s', (to, asks) => {
    const { risk } = toInstruction(custom({ code: 'KTWXB', to, name: { en: 'x' } }));
    expect(risk.confirm).toBe(asks);
    if (asks) expect(risk.reason?.en).toMatch(`Goes to ${to}: not a China Mobile service number`);
  });

  it('asks before sending only when its author said so', () => {
    expect(toInstruction(wifiBox).risk).toEqual({ confirm: false });
    expect(toInstruction(custom({ code: 'TJX', name: { en: 'x' }, confirm: true })).risk.confirm).toBe(true);
  });
});

describe('mergeCustom', () => {
  const merged = mergeCustom(base(), [dataPack, wifiBox, myYe]);

  it.each([
    ['marked "no confirmation"', false],
    ['its author asked for a confirmation', true],
  ])('whose SMS is a risky instruction of the catalog (TJ named 查余额, %s) is asked about with that instruction’s own reason', (_name, confirm) => {
    const tj = custom({ code: 'TJ', name: { 'zh-Hans': '查余额' }, confirm });
    const merged = mergeCustom(base(), [tj]).instructions.find((e) => e.id === customId('TJ'))!;
    expect(merged.risk).toEqual(base().instructions.find((e) => e.id === 'TJ')!.risk);
    const foreign = mergeCustom(base(), [{ ...tj, to: '10661234' }]).instructions.find((e) => e.id === customId('TJ'))!;
    expect(foreign.risk.reason?.en).toMatch('Goes to 10661234: not a China Mobile service number');
  });

  it('adds the user entries after the catalog, under their own ids', () => {
    expect(merged.instructions.map((e) => e.id).slice(base().instructions.length - 1)).toEqual([
      'tywlan',
      'custom:CXLLB',
      'custom:KTWXB',
      'custom:ye',
    ]);
    expect(merged.caveats.map((c) => c.id)).toContain('user-defined');
    expect(merged.categories.filter((c) => c.id === 'custom')).toHaveLength(1);
  });

  it('never replaces a built-in with the same code: both stay, each reachable by its id', () => {
    const catalog = new InstructionCatalog(merged);
    expect(catalog.require('YE')).toBe(base().instructions[0]);
    expect(catalog.require('custom:YE')).toMatchObject({ to: '10086999', name: { en: 'My balance' } });
    // Typed as an SMS, the text is the built-in instruction's (catalog order decides ties).
    expect(catalog.recognize('ye')?.instruction.id).toBe('YE');
  });

  it('composes a custom instruction like any other', () => {
    expect(new InstructionCatalog(merged).composeTyped('cxllb2026-10', NOW)).toEqual({
      id: 'custom:CXLLB',
      to: '10086',
      text: 'CXLLB202610',
      redacted: 'CXLLB202610',
      params: { month: '202610' },
    });
  });

  it('masks the secrets of a custom instruction like a built-in one', () => {
    const catalog = new InstructionCatalog(mergeCustom(base(), [custom({ code: 'MMX', template: 'MMX#{password}#{password2}', name: { en: 'x' } })]));
    expect(catalog.composeTyped('mmx#123456#654321', NOW)).toMatchObject({ text: 'MMX#123456#654321', redacted: 'MMX#******#******' });
    expect(catalog.maskSecrets('MMX#123456#654321')).toBe('MMX#******#******');
    expect(catalog.maskSecrets('请帮我 mmx 123456 654321')).toBe('请帮我 mmx ****** ******');
    expect(catalog.findSecret('mmx 123456')?.instruction?.template).toBe('MMX#{password}#{password2}');
  });

  it('survives a catalog replaced by an update: the user entries are merged again, unchanged', () => {
    const updated = { ...base(), version: '2027.01.01-1', instructions: base().instructions.slice(1) };
    const after = mergeCustom(updated, [dataPack, wifiBox, myYe]);
    expect(after.instructions.filter((e) => isCustomId(e.id))).toEqual(merged.instructions.filter((e) => isCustomId(e.id)));
  });

  it('adds the custom category and caveat when a catalog lacks them', () => {
    const bare = { ...base(), categories: base().categories.filter((c) => c.id !== 'custom') };
    expect(mergeCustom(bare, [wifiBox]).categories.at(-1)!.id).toBe('custom');
  });

  it('returns the catalog itself when the user has none', () => {
    expect(mergeCustom(base(), [])).toBe(base());
  });

  it('refuses two entries with one code (any case)', () => {
    expect(() => mergeCustom(base(), [wifiBox, { ...wifiBox, code: 'ktwxb' }])).toThrowError(
      expect.objectContaining({ code: 'custom.duplicate-code', details: { field: 'code', code: 'ktwxb' } }),
    );
  });

  it('goes on top of a province profile', () => {
    const province = applyProvince(base(), profile({ hidden: ['TJ'] }));
    const ids = mergeCustom(province.catalog, [wifiBox]).instructions.map((e) => e.id);
    expect(ids).not.toContain('TJ');
    expect(ids).toContain('custom:KTWXB');
  });
});

describe('search over the merged catalog finds custom instructions', () => {
  const engine = createSearch(mergeCustom(base(), [dataPack, wifiBox]).instructions);
  const top = (query: string) => engine.search(query, 3)[0]?.id;

  it.each([
    ['its code', 'CXLLB', 'custom:CXLLB'],
    ['its code in lower case', 'ktwxb', 'custom:KTWXB'],
    ['its code with its parameter', 'cxllb202610', 'custom:CXLLB'],
    ['its Chinese name', '查询流量包明细', 'custom:CXLLB'],
    ['part of its Chinese name', '流量包明细', 'custom:CXLLB'],
    ['its Traditional name in Simplified', '无线宝', 'custom:KTWXB'],
    ['its pinyin', 'chaxunliuliangbaomingxi', 'custom:CXLLB'],
    ['the pinyin of a Traditional name', 'kaitongwuxianbao', 'custom:KTWXB'],
    ['pinyin of part of the name', 'wuxianbao', 'custom:KTWXB'],
    ['words of its notes', 'wifi box', 'custom:KTWXB'],
  ])('by %s (%s)', (_name, query, id) => {
    expect(top(query)).toBe(id);
  });

  it('leaves built-in answers where they were', () => {
    expect(top('查流量')).toBe('CXYEG');
    expect(top('YE')).toBe('YE');
  });
});

describe('editing the list', () => {
  const list = [dataPack, wifiBox];

  it.each([
    ['adds a new code', () => saveCustom(list, myYe), ['CXLLB', 'KTWXB', 'ye']],
    ['edits in place', () => saveCustom(list, { ...wifiBox, to: '10658' }, 'KTWXB'), ['CXLLB', 'KTWXB']],
    ['renames the code in place', () => saveCustom(list, { ...wifiBox, code: 'KTWX' }, 'ktwxb'), ['CXLLB', 'KTWX']],
    ['deletes by code, any case', () => deleteCustom(list, ' cxllb '), ['KTWXB']],
  ])('%s', (_name, act, codes) => {
    expect(act().map((e) => e.code)).toEqual(codes);
    expect(list.map((e) => e.code)).toEqual(['CXLLB', 'KTWXB']);
  });

  it('keeps an edit', () => {
    expect(findCustom(saveCustom(list, { ...wifiBox, to: '10658' }, 'KTWXB'), 'ktwxb')?.to).toBe('10658');
  });

  it.each([
    ['a new entry with a taken code', () => saveCustom(list, { ...myYe, code: 'cxllb' })],
    ['an edit renamed onto another entry', () => saveCustom(list, { ...wifiBox, code: 'CXLLB' }, 'KTWXB')],
  ])('refuses %s', (_name, act) => {
    expect(act).toThrowError(expect.objectContaining({ code: 'custom.duplicate-code' }));
  });
});
