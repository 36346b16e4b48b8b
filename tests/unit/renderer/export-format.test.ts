import { describe, expect, it } from 'vitest';
import { csvField, exportRow, toCsv, toJson } from '../../../src-renderer/store/export-format';
import type { MessageRow } from '../../../src-renderer/store/rows';

describe('csvField', () => {
  it.each([
    ['plain', 'YE', 'YE'],
    ['Chinese', '您的余额为12.30元', '您的余额为12.30元'],
    ['a comma', '余额 12.30, 积分 50', '"余额 12.30, 积分 50"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line feed', 'line1\nline2', '"line1\nline2"'],
    ['a carriage return inside', 'a\rb', '"a\rb"'],
    ['a leading space', ' x', '" x"'],
    ['a trailing space', 'x ', '"x "'],
    ['a formula', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['a plus sign', '+8613800138000', "'+8613800138000"],
    ['a minus sign', '-1', "'-1"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\tx', "'\tx"],
    ['masked secret', 'MMXG#******#******', 'MMXG#******#******'],
    ['empty', '', ''],
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
  it('turns a message into the exported fields', () => {
    expect(exportRow(message)).toEqual({
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
    expect(toCsv([exportRow(message)])).toBe(
      'time,simId,direction,peer,state,text,complete,partsReceived,partsTotal,serviceCentreTime,commandId,error\r\n' +
        '2026-11-25T01:30:15.000Z,89860012345678901234,in,10086,received,"尊敬的客户，您好,\n余额 ""12.30"" 元",false,1,2,2026-11-25T09:30:15+08:00,,\r\n',
    );
  });

  it('writes JSON that reads back to the same rows', () => {
    const parsed = JSON.parse(toJson([exportRow(message)], new Date(Date.UTC(2026, 10, 26))));
    expect(parsed).toEqual({ format: 'hall10086-log', version: 1, exportedAt: '2026-11-26T00:00:00.000Z', messages: [exportRow(message)] });
  });
});
