import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { SECRET_MASK } from '../../../src-shared/catalog/secrets';

const catalog = builtinCatalog();

/** ASCII as typed with a Chinese input method in full-width mode. */
const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

describe('the catalog’s secret instructions', () => {
  it('are exactly the ones the detector is tested with here', () => {
    const withSecrets = catalog.instructions.filter((i) => i.params.some((p) => p.secret)).map((i) => i.id);
    expect(withSecrets.sort()).toEqual(['CXYEH', 'MMHF', 'MMXG']);
  });
});

describe('SecretDetector: the forms that got through before', () => {
  it.each([
    ['MMXG#274061#938150#', 'MMXG#******#******#', 'MMXG'],
    ['MMXG 815203 406927', 'MMXG ****** ******', 'MMXG'],
    ['请帮我改密码 MMXG#357108#692841', '请帮我改密码 MMXG#******#******', 'MMXG'],
    ['MMHF 510107199206302858', 'MMHF ******', 'MMHF'],
    ['mmxg 718293 402615', 'mmxg ****** ******', 'MMXG'],
    ['ＭＭＸＧ＃１２３４５６＃６５４３２１', 'ＭＭＸＧ＃******＃******', 'MMXG'],
    ['MMXG357108692841', 'MMXG******', 'MMXG'],
    ['MMXG#274061', 'MMXG#******', 'MMXG'],
    ['cxyeh 123456', 'cxyeh ******', 'CXYEH'],
    ['Mmhf#11010519491231002x 谢谢', 'Mmhf#****** 谢谢', 'MMHF'],
  ])('%s is kept as %s and is %s', (typed, kept, id) => {
    expect(catalog.maskSecrets(typed)).toBe(kept);
    expect(catalog.findSecret(typed)?.instruction?.id).toBe(id);
  });

  it.each(['YE', 'ZD202610', 'KTYETX20', 'MMXG 怎么用？', 'how do I use MMXG to change my password', 'CXYEH', '你好，10086'])(
    'leaves %j alone',
    (text) => {
      expect(catalog.maskSecrets(text)).toBe(text);
      expect(catalog.findSecret(text)).toBeNull();
    },
  );

  it('masks an ID number or a 6-digit password on its own, in any sentence, with no instruction to confirm', () => {
    expect(catalog.maskSecrets('我的身份证是510107199206302858，密码 123456')).toBe('我的身份证是******，密码 ******');
    expect(catalog.findSecret('密码 123456')).toEqual({ instruction: null });
  });
});

describe('SecretDetector under generated variants', () => {
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const password = digits(6);
  const idNumber = fc.tuple(digits(17), fc.constantFrom('0', '5', '9', 'X', 'x')).map(([a, b]) => a + b);
  const anyCase = (code: string) => fc.array(fc.boolean(), { minLength: code.length, maxLength: code.length }).map((up) => [...code].map((c, i) => (up[i] ? c : c.toLowerCase())).join(''));
  const separator = fc.constantFrom('#', ' ', '＃', '  ', '', ' # ', '，', '-', '\u3000', '\t', '#\u3000');
  const trailing = fc.constantFrom('', '#', '＃', ' ', '。', '!');
  const before = fc.constantFrom('', '请帮我改密码 ', '请帮我改密码', 'please ', '我要：', '麻烦 ');
  const after = fc.constantFrom('', ' 谢谢', '，谢谢！', ' thanks');

  const variant = fc.oneof(
    fc.record({ id: fc.constant('MMXG'), code: anyCase('MMXG'), values: fc.tuple(password, password), seps: fc.tuple(separator, separator) }),
    fc.record({ id: fc.constant('MMHF'), code: anyCase('MMHF'), values: fc.tuple(idNumber), seps: fc.tuple(separator) }),
    fc.record({ id: fc.constant('CXYEH'), code: anyCase('CXYEH'), values: fc.tuple(password), seps: fc.tuple(separator) }),
  );
  const typed = fc.record({ v: variant, trail: trailing, pre: before, post: after, wide: fc.boolean() }).map(({ v, trail, pre, post, wide }) => {
    const core = v.code + v.values.map((value, i) => v.seps[i] + value).join('') + trail;
    return { id: v.id, values: v.values as readonly string[], pre, post, text: pre + (wide ? fullWidth(core) : core) + post };
  });

  it('never keeps a secret value, in either width, and names the instruction to confirm', () => {
    fc.assert(
      fc.property(typed, ({ id, values, pre, post, text }) => {
        const kept = catalog.maskSecrets(text);
        for (const value of values) {
          expect(kept).not.toContain(value);
          expect(kept).not.toContain(fullWidth(value));
        }
        expect(kept).toContain(SECRET_MASK);
        expect(kept.startsWith(pre) && kept.endsWith(post)).toBe(true);
        expect(catalog.findSecret(text)?.instruction?.id).toBe(id);
        expect(catalog.maskSecrets(kept)).toBe(kept);
      }),
      { numRuns: 3000 },
    );
  });

  it('changes no text that has neither a secret instruction nor a secret-shaped number', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'查询余额流量话费 YEzdKTCXLLB#，。abc12345'), maxLength: 40 });
    fc.assert(
      fc.property(plain, (text) => {
        fc.pre(!/(?<![0-9A-Za-z])\d{6}(?![0-9A-Za-z])/.test(text));
        expect(catalog.maskSecrets(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
