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

/**
 * mend63: the date refusal above left a password that reads as a date clear (`密码 12-07`): right after a word that says
 * the value is a password (密码, 口令, password, CZMM), with nothing but separators, 是 or 为 between, it is masked. A
 * date after a word of changing it, a date with a time, a time and a date elsewhere in the text stay (constructed texts).
 */
describe('a password that reads as a date', () => {
  it.each([
    ['密码 12-07', '密码 ******'],
    ['我的服务密码是 2019 12 31', '我的服务密码是 ******'],
    ['口令：2019-12-31', '口令：******'],
    ['my password is 12-07', 'my password is ******'],
    ['密码2019/12/31', '密码******'],
    ['新密码 2019.12.31', '新密码 ******'],
    ['CZMM#2019#1231', 'CZMM#******'],
    ['czmm 12-07', 'czmm ******'],
    ['MMXG#2019#1231', 'MMXG#******#******'],
  ])('masks %j', (text, masked) => {
    expect(mask(text)).toBe(masked);
  });

  it.each(['会议 12-07 密码', '密码 2026-12-07 10:30', '密码 10:30', '密码 12.50元', '密码已重置 12-07', '您的服务密码已修改，2026-12-07 10:30'])('leaves %j alone', (text) => {
    expect(mask(text)).toBe(text);
  });
});
