import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';

const catalog = builtinCatalog();

/*
 * review49 F3 (mend66): a password of another length than six (no SIX_DIGITS) after a word that names it kept in clear
 * when 旧/新 stood between, when it came after 改成/改为 following the first one, after `=`, or after PUK1/PIN2. Constructed
 * texts in the shapes people type and 10086 writes.
 */
describe('a 7- or 8-digit password after 旧/新/改成/改为, `=`, PUK1 (review49 F3)', () => {
  it.each([
    ['改密码：旧 1234567 新 7654321', '改密码：旧 ****** 新 ******'],
    ['密码1234567 改成 7654321', '密码****** 改成 ******'],
    ['服务密码 12345678，改为 87654321', '服务密码 ******，改为 ******'],
    ['密码原 1234567，新 7654321', '密码原 ******，新 ******'],
    ['password 1234567 new 7654321', 'password ****** new ******'],
    ['pwd=12345678', 'pwd=******'],
    ['PIN = 1234', 'PIN = ******'],
    ['PUK1:12345678', 'PUK1:******'],
    ['PIN2：1234，PUK2 87654321', 'PIN2：******，PUK2 ******'],
    ['您的SIM卡PUK1码为12345678', '您的SIM卡PUK1码为******'],
  ])('%j is kept as %j', (typed, masked) => {
    expect(catalog.maskSecrets(typed)).toBe(masked);
    expect(catalog.maskSecrets(masked)).toBe(masked);
  });

  it.each([
    '服务密码已修改成功，新套餐次月生效',
    '密码修改成功，新的资费38元/月',
    '密码已修改。新 12345678',
    'PIN码被锁了，原因：输错3次',
    '密码已重置，原 2026年的套餐不变',
    'PIN1 已锁，请输入PUK',
    '新 1234567',
    '改成 12345678',
    'MMXG 怎么改成新密码',
  ])('leaves %j alone', (text) => {
    expect(catalog.maskSecrets(text)).toBe(text);
  });
});
