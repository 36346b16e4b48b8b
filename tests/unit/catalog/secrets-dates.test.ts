import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';

/**
 * review47 F1 and F2 (mend56's masker over-reach), constructed texts in the shapes of 10086's confirmations: `已` as a
 * filler let a cued value reach a date or a time after `密码已修改，` (`******:30`), the grouped branch took the year after a
 * password (`835201 2026` before 年), and a space before a unit (`密码 1 2 3 4 年`) got past the unit refusal.
 */
const mask = (t: string) => builtinCatalog().maskSecrets(t);

describe('dates, times and units after a password word', () => {
  it.each([
    '您的服务密码已修改，2026-12-07 10:30',
    '密码已修改 2026-12-07 10:21:33',
    '您的服务密码已重置，12 07 10:30生效',
    '密码已重置 12-07',
    '密码已重置为 2026-12-07',
    '服务密码已修改成 2026 12 07 生效',
    '密码 1 2 3 4 年',
    '密码 2 3 4 5 元',
    '密码 2-3-4-5 日',
    '校验码 1 2 3 4 月',
    '服务密码 1-2-3-4 次',
  ])('leaves %j alone', (text) => {
    expect(mask(text)).toBe(text);
  });

  it.each([
    ['您的服务密码已重置为 835201 2026年12月7日', '您的服务密码已重置为 ****** 2026年12月7日'],
    ['您的服务密码已重置为835201', '您的服务密码已重置为******'],
    ['密码已重置为 12 34 56', '密码已重置为 ******'],
    ['密码 1 2 3 4 5 6', '密码 ******'],
    ['服务密码已修改为 2026 1207', '服务密码已修改为 ******'],
  ])('still masks the secret in %j', (text, masked) => {
    expect(mask(text)).toBe(masked);
  });
});
