import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';

/**
 * review47 F0b: masking a masked text again took the figure one space from the mask (`验证码为 ****** 5分钟内有效` →
 * `验证码为 ******分钟内有效`), for good where a text is masked again (the page's re-mask pass, at each MASKER_VERSION).
 * maskContinued crosses a space or hyphen only to a group of an ID's length (4 or more). Masking is idempotent:
 * mask(mask(x)) is mask(x), over every string of the reply fixtures not held back and random texts around a code.
 */

const catalog = builtinCatalog();
const mask = (t: string) => catalog.maskSecrets(t);

function fixtureStrings(): string[] {
  const texts: string[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === 'string') texts.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  for (const f of ['real-dev.json', 'ours-general.json', 'own-wordings.json']) walk(JSON.parse(readFileSync(`tests/fixtures/replies/${f}`, 'utf8')));
  return texts;
}

describe('masking twice', () => {
  it.each([
    ['您的验证码为 482193 5分钟内有效', '您的验证码为 ****** 5分钟内有效'],
    ['验证码：482193 3次输错将锁定', '验证码：****** 3次输错将锁定'],
  ])('keeps the figure beside the mask: %j', (text, once) => {
    expect(mask(text)).toBe(once);
    expect(mask(once)).toBe(once);
  });

  it('still takes an ID printed in groups beside a mask, and digits glued to it', () => {
    expect(mask('证件 ****** 19491231 002X 的机主')).toBe('证件 ****** 的机主');
    expect(mask('重置为******08，请')).toBe('重置为******，请');
  });

  it('changes nothing over every fixture string', () => {
    const texts = fixtureStrings();
    expect(texts.length).toBeGreaterThan(30_000);
    const changed = texts.map(mask).filter((once) => mask(once) !== once);
    expect(changed).toEqual([]);
  });

  it('changes nothing over random texts around a code', () => {
    const piece = fc.constantFrom('验证码', '密码', '服务密码已重置为', ' ', '-', '：', '5', '12', '2026', '482193', '分钟', '次', '元', '******', 'X', '，', '年');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const once = mask(pieces.join(''));
        expect(mask(once)).toBe(once);
      }),
      { numRuns: 2000, seed: 61 },
    );
  });
});
