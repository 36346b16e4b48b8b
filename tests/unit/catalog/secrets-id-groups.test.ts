import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { maskPersonalNumbers } from '../../../src-shared/catalog/secrets';

const catalog = builtinCatalog();
const GROUPS = ['110105', '19491231', '002X'] as const;
/** Every 4 characters of the ID number in a row: none may be kept, whatever was put between its groups. */
const pieces = (id: string) => Array.from({ length: id.length - 3 }, (_, i) => id.slice(i, i + 4));
const kept = (masked: string, id: string) => pieces(id).filter((p) => masked.replace(/[^0-9Xx]/g, '').includes(p));

/*
 * review49 F2 (mend66): ID_NUMBER took only one space or hyphen between two digits, so an ID number written in groups
 * apart by anything else kept its first group masked (as six digits) and the birth date and check character in clear,
 * in the journal, journal.log, the CLI's output, IndexedDB and the exports. Constructed texts; the ID number is the
 * example of GB 11643's own documentation (110105 19491231 002X), no person's.
 */
describe('an ID number in groups apart by other separators than one space or hyphen (review49 F2)', () => {
  const separators = ['.', '/', '_', '·', '，', ',', '、', '  ', ' - ', '\t', '\n', '—', '。', '\r\n', ' / '];

  it.each(separators)('is masked whole after an ID word: %j', (sep) => {
    const text = `补卡 身份证 ${GROUPS.join(sep)}`;
    expect(catalog.maskSecrets(text)).toBe('补卡 身份证 ******');
  });

  it.each(separators)('is masked whole with no word before it (groups of 6, 8, 3+1 with a birth date): %j', (sep) => {
    expect(catalog.maskSecrets(`补卡 ${GROUPS.join(sep)} 谢谢`)).toBe('补卡 ****** 谢谢');
    expect(catalog.maskSecrets(`补卡 110105${sep}1949${sep}1231${sep}002X`)).toBe('补卡 ******');
  });

  it('is masked whole in free text no instruction frames (maskPersonalNumbers, a bug report)', () => {
    expect(maskPersonalNumbers(`Error: bad id 110105.19491231.002X at line 3`)).toBe('Error: bad id ****** at line 3');
  });
});

describe('after an ID word the whole run of digits is the number, even mistyped (review49 F2)', () => {
  it.each([
    // One digit too many or too few, a letter O for a zero, the 15-digit first generation, a passport.
    ['身份证 1101051949123100211', '身份证 ******'],
    ['身份证号码：11010519491231002', '身份证号码：******'],
    ['身份证 110105194912310O21', '身份证 ******'],
    ['证件号码 110105.19491231.00211，请核对', '证件号码 ******，请核对'],
    ['身份证110105491231002', '身份证******'],
    ['证件号：E12345678', '证件号：******'],
    ['sfz 110105-1949-1231-00 2X', 'sfz ******'],
    ['ID: 110105 19491231 0021 1', 'ID: ******'],
    ['我的身份证号是 110105  19491231  002X，手机13800138000', '我的身份证号是 ******，手机13800138000'],
  ])('%j is kept as %j', (typed, masked) => {
    expect(catalog.maskSecrets(typed)).toBe(masked);
    expect(catalog.maskSecrets(masked)).toBe(masked);
  });

  it.each([
    // What an ID word stands beside in 10086's texts and in questions: dates, amounts, service and phone numbers, units.
    '身份证有效期至2030.01.01',
    '身份证：2030.01.01到期',
    '身份证 2030-01-01 10:30 到期',
    '请携带身份证于2026年12月7日前办理',
    '证件号码 3 张',
    '忘记密码可发送MMHF#证件号码至10086重置',
    '发送MMHF#身份证号码发送到10086即可',
    '证件号码#10086',
    '身份证 12.50元',
    '身份证 20元',
    'ID 12345',
    'Android 12345678',
    '证件号码：请拨打 1008611',
  ])('leaves %j alone', (text) => {
    expect(catalog.maskSecrets(text)).toBe(text);
  });

  it.each([
    ['证件号码：110105194912310021，13800138000', '证件号码：******，13800138000'],
    ['身份证号 110105194912310021 10:30', '身份证号 ****** 10:30'],
    ['身份证 110105194912310021 2026年12月7日', '身份证 ****** 2026年12月7日'],
    ['身份证 11010519491231002X，余额12.50元', '身份证 ******，余额12.50元'],
    ['身份证 110105.19491231.002X，10086', '身份证 ******，10086'],
  ])('keeps the figure after the number: %j as %j', (typed, masked) => {
    expect(catalog.maskSecrets(typed)).toBe(masked);
  });
});

describe('a dotted ID number in the parts of a long message (review49 F2)', () => {
  const id = '11010519491231002X';
  const texts = ['身份证号码 110105.19491231.002X，已登记', '补卡成功，证件号 110105/19491231/002X。【中国移动】'];

  it('masked as parts, joined, or one part kept masked and joined with the next in clear: no 4 digits of it kept', () => {
    for (const text of texts) {
      expect(kept(catalog.maskSecrets(text), id)).toEqual([]);
      for (let cut = 1; cut < text.length; cut++) {
        const [a, b] = [text.slice(0, cut), text.slice(cut)];
        for (const joined of [catalog.maskSecretParts([a, b]).join(''), catalog.maskSecretParts([a, null])[0]! + b, a + catalog.maskSecretParts([null, b])[1]!]) {
          expect(kept(catalog.maskSecrets(joined), id), joined).toEqual([]);
        }
      }
    }
  });
});
