import { describe, expect, it } from 'vitest';
import { translate, type StringKey } from '../../../src-renderer/i18n';
import { csvField, exportRow, exportRows, localStamp, toCsv, toJson } from '../../../src-renderer/store/export-format';
import type { MessageRow } from '../../../src-renderer/store/rows';

describe('csvField', () => {
  // Every text field is quoted: a spreadsheet's import splits an unquoted one at any separator the reader ticked (tests/integration/csv-in-calc.test.ts).
  it.each([
    ['plain', 'YE', '"YE"'],
    ['Chinese', '您的余额为12.30元', '"您的余额为12.30元"'],
    ['a comma', '余额 12.30, 积分 50', '"余额 12.30, 积分 50"'],
    ['a semicolon', '你好;=1+1', '"你好;=1+1"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line feed', 'line1\nline2', '"line1\nline2"'],
    ['a carriage return inside', 'a\rb', '"a\rb"'],
    ['a leading space', ' x', '" x"'],
    ['a trailing space', 'x ', '"x "'],
    ['a formula', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['a plus sign', '+8613800138000', '"\'+8613800138000"'],
    ['a minus sign', '-1', '"\'-1"'],
    ['an at sign', '@SUM(A1)', '"\'@SUM(A1)"'],
    ['a leading tab', '\tx', '"\'\tx"'],
    ['a leading line feed', '\n=1+1', '"\'\n=1+1"'],
    ['a formula after a space', ' =1+1', '"\' =1+1"'],
    ['a full-width equals sign', '＝1+1', '"\'＝1+1"'],
    ['a full-width minus after an ideographic space', '\u3000－2+3', '"\'\u3000－2+3"'],
    ['a formula after a zero-width space', '\u200b=1+1', '"\'\u200b=1+1"'],
    ['an equals sign inside', 'a=1', '"a=1"'],
    ['masked secret', 'MMXG#******#******', '"MMXG#******#******"'],
    ['empty', '', '""'],
  ])('%s', (_why, value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it.each([
    [3, '3'],
    [-1, '-1'],
    [true, 'true'],
    [false, 'false'],
  ])('%j is written as it is', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

const message: MessageRow = {
  id: 'in:k',
  simId: '89860012345678901234',
  direction: 'in',
  peer: '10086',
  text: '尊敬的客户，您好,\n余额 "12.30" 元',
  state: 'received',
  at: Date.UTC(2026, 10, 25, 1, 30, 15),
  read: 0,
  timestamp: '2026-11-25T09:30:15+08:00',
  group: 'g',
  partKeys: ['k1', null],
  complete: false,
  total: 2,
  received: 1,
};


describe('export', () => {
  it('lists a single SMS that came twice once per time it came, each with its own time (journal22)', () => {
    const single: MessageRow = { ...message, partKeys: ['k'], complete: true, total: 1, received: 1, receivedAgain: [message.at + 95_000] };
    const { group: _group, ...plain } = single;
    expect(exportRows(plain, plain.text).map((r) => [r.time, r.text])).toEqual([
      ['2026-11-25T01:30:15.000Z', plain.text],
      ['2026-11-25T01:31:50.000Z', plain.text],
    ]);
    expect(exportRows(message, message.text)).toEqual([exportRow(message, message.text)]);
  });

  it('turns a message into the exported fields', () => {
    expect(exportRow(message, message.text)).toEqual({
      time: '2026-11-25T01:30:15.000Z',
      simId: '89860012345678901234',
      direction: 'in',
      peer: '10086',
      state: 'received',
      text: message.text,
      complete: false,
      partsReceived: 1,
      partsTotal: 2,
      serviceCentreTime: '2026-11-25T09:30:15+08:00',
      commandId: '',
      error: '',
    });
  });

  it('writes CSV with a header and CRLF line ends, quoting where needed', () => {
    const english = { t: (key: StringKey) => translate('en', key), offsetMinutes: () => 0 };
    expect(toCsv([exportRow(message, message.text)], english)).toBe(
      '"Time","SIM","Direction","Number","State","Text","Complete","Parts received","Parts in all","Service centre time","Command id","Error"\r\n' +
        '"2026-11-25 01:30:15 +00:00","89860012345678901234","in","10086","Received","尊敬的客户，您好,\n余额 ""12.30"" 元","no",1,2,"2026-11-25T09:30:15+08:00","",""\r\n',
    );
  });

  it('writes CSV headers, words and times as a Chinese reader in Beijing reads them', () => {
    const beijing = { t: (key: StringKey) => translate('zh-Hans', key), offsetMinutes: () => 480 };
    const [header, line] = toCsv([exportRow(message, message.text)], beijing).split('\r\n');
    expect(header).toBe('"时间","SIM 卡","收/发","对方号码","状态","内容","完整","已收分段","分段总数","短信中心时间","指令编号","错误"');
    expect(line).toMatch(/^"2026-11-25 09:30:15 \+08:00","89860012345678901234","收","10086",/);
    expect(line).toContain(',"否",1,2,');
    // The state in the reader's words, as the thread says it (the JSON export keeps the codes, for programs).
    expect(line).toContain(',"10086","已收到",');
    const sent = { ...message, direction: 'out' as const, state: 'failed-retryable' as const };
    expect(toCsv([exportRow(sent, 'YE')], beijing).split('\r\n')[1]).toContain(',"发","10086","不确定是否已发出","YE",');
    const traditional = toCsv([exportRow(message, message.text)], { t: (key: StringKey) => translate('zh-Hant', key), offsetMinutes: () => 480 });
    expect(traditional.split('\r\n')[0]).toContain('對方號碼');
  });

  it('writes a zone west of UTC with its minus sign, and half-hour zones exactly', () => {
    expect(localStamp(new Date(Date.UTC(2026, 0, 1, 3, 0, 0)), -300)).toBe('2025-12-31 22:00:00 -05:00');
    expect(localStamp(new Date(Date.UTC(2026, 0, 1, 3, 0, 0)), 330)).toBe('2026-01-01 08:30:00 +05:30');
  });

  it('writes JSON that reads back to the same rows', () => {
    const parsed = JSON.parse(toJson([exportRow(message, message.text)], new Date(Date.UTC(2026, 10, 26))));
    expect(parsed).toEqual({ format: 'hall10086-log', version: 1, exportedAt: '2026-11-26T00:00:00.000Z', messages: [exportRow(message, message.text)] });
  });
});
