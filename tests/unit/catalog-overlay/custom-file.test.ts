import { describe, expect, it } from 'vitest';
import {
  CUSTOM_FILE_FORMAT,
  MAX_CUSTOM_FILE_BYTES,
  MAX_CUSTOM_FILE_ENTRIES,
  applyImport,
  exportCustomFile,
  readCustomFile,
} from '../../../src-shared/catalog/custom/file';
import { HallError } from '../../../src-shared/errors';
import { custom } from './fixtures';

const dataPack = custom({ code: 'CXLLB', template: 'CXLLB{month}', name: { 'zh-Hans': '查询流量包明细' }, notes: { en: 'from the hall' } });
const wifiBox = custom({ code: 'KTWXB', name: { 'zh-Hant': '開通無線寶' } });
const fileWith = (instructions: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: CUSTOM_FILE_FORMAT, version: 1, exportedAt: '2026-11-25T00:00:00.000Z', instructions, ...extra });

describe('export and import', () => {
  it('round-trips a list exactly', () => {
    const text = exportCustomFile([dataPack, wifiBox], new Date('2026-11-25T08:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({ format: 'hall10086.custom-instructions', version: 1, exportedAt: '2026-11-25T08:00:00.000Z' });
    expect(readCustomFile(text, [])).toEqual({ fresh: [dataPack, wifiBox], duplicates: [], problems: [] });
  });

  it('skips bad entries, keeps the good ones, and says why in both languages', () => {
    const text = fileWith([
      { code: 'A1', name: { en: 'good' } },
      'not an entry',
      { code: 'B-2', name: { en: 'bad code' }, to: 'x' },
      { code: 'a1', name: { en: 'same code again' } },
      { code: 'C3', name: { 'zh-Hans': '好的' } },
    ]);
    const report = readCustomFile(text, []);
    expect(report.fresh.map((e) => e.code)).toEqual(['A1', 'C3']);
    expect(report.problems.map((p) => [p.index, p.code, Object.keys(p.errors)])).toEqual([
      [1, null, ['entry']],
      [2, 'B-2', ['code', 'to']],
      [3, 'a1', ['code']],
    ]);
    expect(report.problems[2]!.errors.code).toMatchObject({
      code: 'custom.duplicate-code',
      zh: '代码：已有相同代码的自定义指令。',
      en: 'Code: a custom instruction with this code already exists.',
    });
  });

  it('reports codes the user already has, leaving keep or replace to the caller', () => {
    const mine = [custom({ code: 'cxllb', name: { en: 'mine' } }), wifiBox];
    const report = readCustomFile(exportCustomFile([dataPack, wifiBox, custom({ code: 'NEW1', name: { en: 'n' } })]), mine);
    expect(report.fresh.map((e) => e.code)).toEqual(['NEW1']);
    expect(report.duplicates.map((d) => [d.incoming.code, d.existing.code, d.identical])).toEqual([
      ['CXLLB', 'cxllb', false],
      ['KTWXB', 'KTWXB', true],
    ]);

    const kept = applyImport(mine, report, () => false);
    expect(kept.map((e) => [e.code, e.name.en])).toEqual([['cxllb', 'mine'], ['KTWXB', '開通無線寶'], ['NEW1', 'n']]);
    const replaced = applyImport(mine, report, (d) => !d.identical);
    expect(replaced.map((e) => [e.code, e.name.en])).toEqual([['CXLLB', '查询流量包明细'], ['KTWXB', '開通無線寶'], ['NEW1', 'n']]);
  });

  it('imports the largest file it can export: the most entries, each at its longest', () => {
    const longest = (i: number) =>
      custom({
        code: `C${i}`,
        template: `C${i}{month}`.padEnd(70, '流'),
        name: { 'zh-Hans': '名'.repeat(40), 'zh-Hant': '稱'.repeat(40), en: 'n'.repeat(40) },
        notes: { 'zh-Hans': '说'.repeat(500), 'zh-Hant': '說'.repeat(500), en: 'e'.repeat(500) },
      });
    const all = Array.from({ length: MAX_CUSTOM_FILE_ENTRIES }, (_, i) => longest(i));
    expect(readCustomFile(exportCustomFile(all), []).fresh).toHaveLength(MAX_CUSTOM_FILE_ENTRIES);
  });

  const oversize = fileWith([{ code: 'A', name: { en: 'x'.repeat(40) }, notes: { en: 'y'.repeat(MAX_CUSTOM_FILE_BYTES) } }]);
  const tooMany = fileWith(Array.from({ length: MAX_CUSTOM_FILE_ENTRIES + 1 }, (_, i) => ({ code: `A${i}`, name: { en: 'x' } })));

  it.each([
    ['text that is not JSON', 'code,name\nYE,余额', 'custom.file-not-json', '文件不是 JSON'],
    ['an empty file', '', 'custom.file-not-json', '文件不是 JSON'],
    ['JSON that is not an object', '[1,2]', 'custom.file-wrong-format', '不是 Hall10086 导出的'],
    ['another format tag', fileWith([], { format: 'contacts' }), 'custom.file-wrong-format', '不是 Hall10086 导出的'],
    ['no format tag', JSON.stringify({ instructions: [] }), 'custom.file-wrong-format', '不是 Hall10086 导出的'],
    ['a newer version', fileWith([], { version: 2 }), 'custom.file-wrong-version', '文件版本 2 无法读取'],
    ['a version as text', fileWith([], { version: '1' }), 'custom.file-wrong-version', '文件版本 1 无法读取'],
    ['a list that is not a list', fileWith({ code: 'A' }), 'custom.file-no-list', '没有指令列表'],
    ['a file over the size limit', oversize, 'custom.file-too-big', '文件太大'],
    ['more entries than allowed', tooMany, 'custom.file-too-many', '指令太多（501 条'],
  ])('refuses %s whole, in both languages', (_name, text, code, zh) => {
    let error: unknown;
    try {
      readCustomFile(text, []);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HallError);
    expect(error).toMatchObject({ code });
    expect((error as HallError).zh).toContain(zh);
    expect((error as HallError).zh).toMatch(/^无法导入：/);
    expect((error as HallError).en).toMatch(/^Cannot import: /);
  });

  it('reads a file saved with a UTF-8 byte order mark (Windows Notepad, PowerShell 5) as the same file', () => {
    const text = fileWith([dataPack, wifiBox]);
    expect(readCustomFile(`\uFEFF${text}`, [])).toEqual(readCustomFile(text, []));
    expect(readCustomFile(`\uFEFF${text}`, []).fresh.map((e) => e.code)).toEqual(['CXLLB', 'KTWXB']);
  });

  const refusal = (text: string) => {
    try {
      readCustomFile(text, []);
    } catch (e) {
      return e as HallError;
    }
    throw new Error('not refused');
  };

  it.each([
    ['an empty file (a mark and spaces only)', '\uFEFF \n', 'custom.file-not-json', '文件是空的', 'the file is empty'],
    ['a file cut short', fileWith([dataPack]).slice(0, 60), 'custom.file-not-json', '文件在中途结束', 'ends part way'],
    ['a CSV', 'code,name\nYE,余额', 'custom.file-not-json', '不以 { 开头', 'does not start with {'],
    ['a mistake on line 3', '{\n  "format": "hall10086.custom-instructions",\n  "version" 1\n}', 'custom.file-not-json', '第 3 行第 13 个字符有误', 'line 3, character 13'],
    ['a file saved as UTF-16 "Unicode", read as UTF-8', '\uFFFD\uFFFD{\u0000"\u0000f\u0000', 'custom.file-not-utf8', '不是 UTF-8 编码', 'not UTF-8'],
    ['a GBK file read as UTF-8', fileWith([{ code: 'A', name: { 'zh-Hans': '\uFFFD\uFFFD\uFFFD' } }]), 'custom.file-not-utf8', '请用 UTF-8 重新保存', 'save it again as UTF-8'],
  ])('says what is wrong with %s, in both languages', (_name, text, code, zh, en) => {
    const error = refusal(text);
    expect(error).toMatchObject({ code });
    expect(error.zh).toContain(zh);
    expect(error.en).toContain(en);
  });

  it('counts the size in UTF-8 bytes, as the file is on disk', () => {
    // Under the limit in characters, over it in bytes: each of these characters is 3 bytes.
    const chinese = fileWith([{ code: 'A', name: { en: 'x' }, notes: { en: '流'.repeat(MAX_CUSTOM_FILE_BYTES / 2) } }]);
    expect(chinese.length).toBeLessThan(MAX_CUSTOM_FILE_BYTES);
    expect(() => readCustomFile(chinese, [])).toThrowError(expect.objectContaining({ code: 'custom.file-too-big' }));
  });
});
