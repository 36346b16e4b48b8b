import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { customId } from '../../../src-shared/catalog/custom/instruction';
import { mergeCustom } from '../../../src-shared/catalog/custom/merge';
import { custom } from '../catalog-overlay/fixtures';

/**
 * review46 S1: a risky instruction written with punctuation at its end, in quotes or with a space inside its code was no
 * instruction to the recogniser, so a colleague's custom entry `TJ。` named 查余额 kept its `confirm: false` (and could be
 * scheduled) and free text `tj。` went without TJ's question. It is recognised for the confirmation rule only.
 */
const catalog = builtinCatalog();

describe('the instruction free text asks the question of', () => {
  it.each([
    ['TJ#', 'TJ'],
    ['TJ。', 'TJ'],
    ['tj。', 'TJ'],
    ['TJ.', 'TJ'],
    ['TJ!', 'TJ'],
    ['TJ？', 'TJ'],
    ['"TJ"', 'TJ'],
    ['“TJ。”', 'TJ'],
    ['T J', 'TJ'],
    ['QXGPRS。', 'QXGPRS'],
    ['qx gprs', 'QXGPRS'],
    ['MMXG 123456 654321。', 'MMXG'],
    ['MMXG#123456#654321。', 'MMXG'],
    // review47 F3: colons, brackets and a leading #.
    ['TJ:', 'TJ'],
    ['TJ：', 'TJ'],
    ['TJ)', 'TJ'],
    ['(TJ)', 'TJ'],
    ['（TJ）', 'TJ'],
    ['【TJ】', 'TJ'],
    ['#TJ', 'TJ'],
    ['TJ-', 'TJ'],
    ['TJ*', 'TJ'],
    // mend63: punctuation inside the code.
    ['T.J', 'TJ'],
    ['t.j.', 'TJ'],
    ['T-J', 'TJ'],
    ['T·J', 'TJ'],
    ['T、J', 'TJ'],
    ['“T.J”', 'TJ'],
    ['Q.X.G.P.R.S', 'QXGPRS'],
    ['M.M.X.G 123456 654321', 'MMXG'],
  ])('is the risky instruction written with punctuation or a space: %s is %s', (text, id) => {
    const asked = catalog.askedAs(text);
    expect(asked?.id).toBe(id);
    expect(asked?.risk.confirm).toBe(true);
  });

  it.each(['YE。', 'YE#', '"YE"', 'YE：', '【YE】', '#YE', 'Y E', 'KTGPRS.', 'CXLL！', 'ТJ。', '我要TJ。', 'Y.E', 'T.J. Smith'])('is none for %s: a harmless code so written, or no code, stays as it was', (text) => {
    expect(catalog.recognize(text)).toBeNull();
    expect(catalog.askedAs(text)).toBeUndefined();
  });
});

describe('a custom entry written as a risky instruction with punctuation', () => {
  it.each([
    ['TJ', 'TJ。', 'TJ'],
    ['TJ', 'TJ#', 'TJ'],
    ['QX', 'QX GPRS。', 'QXGPRS'],
  ])('(code %s, SMS %s, named 查余额, marked "no confirmation") is asked about with %s’s own reason', (code, template, risky) => {
    const entry = custom({ code, template, name: { 'zh-Hans': '查余额' }, confirm: false });
    const merged = mergeCustom(catalog.data, [entry]).instructions.find((e) => e.id === customId(code))!;
    expect(merged.risk).toEqual(catalog.get(risky)!.risk);
  });

  it('keeps its own "no confirmation" when it is a harmless code with punctuation (YE。)', () => {
    const entry = custom({ code: 'YE', template: 'YE。', name: { 'zh-Hans': '查余额' }, confirm: false });
    const merged = mergeCustom(catalog.data, [entry]).instructions.find((e) => e.id === customId('YE'))!;
    expect(merged.risk.confirm).toBe(false);
  });
});

describe('the masker reads a secret instruction written with punctuation inside its code (mend63)', () => {
  it.each([
    ['M.M.X.G 1234 5678', 'M.M.X.G ****** ******'],
    ['M M X G#1234#5678', 'M M X G#******#******'],
    ['C-X-Y-E-H 1234', 'C-X-Y-E-H ******'],
  ])('%s is masked as %s', (text, masked) => {
    expect(catalog.maskSecrets(text)).toBe(masked);
    expect(catalog.askedAs(text)?.id).toBe(text.startsWith('C') ? 'CXYEH' : 'MMXG');
  });
});
