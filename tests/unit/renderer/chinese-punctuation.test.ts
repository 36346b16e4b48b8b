import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRINGS as EXTENSION_STRINGS } from '../../../src-extension/i18n';
import { STRINGS } from '../../../src-renderer/i18n';

/*
 * Chinese text is punctuated full-width: ，：；？！（） beside Chinese characters, as the Simplified
 * strings always were. Half-width ones there (帳單月份(年年年年月月), 查詢本機帳單,月份寫作…) read as typed
 * on an English keyboard. Half-width stays right beside Latin text and numbers (mqtt://, 10:06).
 */

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef';
const HALF = ',:;?!()';
const MIXED = new RegExp(`[${CJK}][${HALF}]|[${HALF}][${CJK}]`);

/** Every string under a zh-Hans / zh-Hant key of a data file, with where it is. */
function chineseTexts(value: unknown, path: string, chinese = false): [string, string][] {
  if (typeof value === 'string') return chinese ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => chineseTexts(v, `${path}[${i}]`, chinese));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => chineseTexts(v, `${path}.${k}`, chinese || k === 'zh-Hans' || k === 'zh-Hant'));
  return [];
}

const mixed = (texts: [string, string][]) => texts.filter(([, text]) => MIXED.test(text)).map(([where, text]) => `${where}: ${text}`);

describe('Chinese punctuation', () => {
  it('catches half-width punctuation beside Chinese, and leaves it beside Latin text', () => {
    expect(mixed([['a', '帳單月份(年年年年月月)'], ['b', '查詢本機帳單,月份'], ['c', '真的嗎?'], ['d', '說明:']])).toHaveLength(4);
    expect(mixed([['e', '伺服器位址（mqtt://、ws://）'], ['f', '10:06 待回覆'], ['g', '帳單月份（年年年年月月）']])).toEqual([]);
  });

  it.each(['zh-Hans', 'zh-Hant'] as const)('is full-width beside Chinese in every %s string of the UI and the extension', (lang) => {
    const ui = Object.entries(STRINGS[lang]);
    const extension = Object.entries(EXTENSION_STRINGS).map(([key, text]): [string, string] => [`extension ${key}`, text[lang]]);
    expect(mixed([...ui, ...extension])).toEqual([]);
  });

  it('is full-width beside Chinese in the Chinese texts of the data the UI shows (catalog, services, replies, assistant…)', () => {
    const dir = resolve(import.meta.dirname, '../../../instructions');
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => chineseTexts(JSON.parse(readFileSync(join(dir, f), 'utf8')), f));
    expect(texts.length).toBeGreaterThan(500);
    expect(mixed(texts)).toEqual([]);
  });
});
