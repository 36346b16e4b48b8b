import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AtLineSplitter, MAX_LINE_LENGTH, type AtToken } from '../../../src-shared/at/line-splitter';
import { toBytes } from './transcript';

const line = (text: string): AtToken => ({ kind: 'line', text });
const prompt: AtToken = { kind: 'prompt' };

function splitWhole(input: string): AtToken[] {
  return new AtLineSplitter().push(toBytes(input));
}

describe('AtLineSplitter', () => {
  it.each<[string, string, AtToken[]]>([
    ['CRLF framing', '\r\nOK\r\n', [line('OK')]],
    ['bare CR', 'OK\r', [line('OK')]],
    ['bare LF', 'OK\n', [line('OK')]],
    ['LFCR and doubled CR', '\n\rA\n\rB\r\r\nC\r', [line('A'), line('B'), line('C')]],
    ['echo then answer', 'AT+CGMI\r\r\nhuawei\r\n\r\nOK\r\n', [line('AT+CGMI'), line('huawei'), line('OK')]],
    ['prompt after CRLF', '\r\n> ', [prompt]],
    ['prompt followed by the echoed body', '\r\n> 0011AB\r\n+CMGS: 5\r\n', [prompt, line('0011AB'), line('+CMGS: 5')]],
    ['> without a space is text', '\r\n>x\r\n', [line('>x')]],
    ['> in the middle of a line is text', 'a > b\r\n', [line('a > b')]],
    ['NUL and high bytes vanish', '\x00\xffO\x00K\xfe\r\n', [line('OK')]],
    ['control bytes vanish (Ctrl-Z, ESC)', '0011\x1a\r\n\x1b', [line('0011')]],
    ['a line of only garbage is not a line', '\xc3\xa9\x00\r\nOK\r\n', [line('OK')]],
    ['surrounding spaces are trimmed', '  OK \r\n', [line('OK')]],
    ['unterminated line is held back', '+CMTI: "SM",3', []],
  ])('%s', (_name, input, expected) => {
    expect(splitWhole(input)).toEqual(expected);
  });

  it('joins a line split across chunks, prompt included', () => {
    const splitter = new AtLineSplitter();
    expect(splitter.push('\r\n+CM')).toEqual([]);
    expect(splitter.push('TI: "SM",3\r')).toEqual([line('+CMTI: "SM",3')]);
    expect(splitter.push('\n\r\n>')).toEqual([]);
    expect(splitter.push(' ')).toEqual([prompt]);
  });

  it('accepts strings and bytes alike', () => {
    expect(new AtLineSplitter().push('OK\r\n')).toEqual(new AtLineSplitter().push(toBytes('OK\r\n')));
  });

  it('reset() drops a partial line', () => {
    const splitter = new AtLineSplitter();
    splitter.push('+CMGL: 1,1,,3');
    splitter.reset();
    expect(splitter.push('OK\r\n')).toEqual([line('OK')]);
  });

  it('cuts endless garbage into bounded lines instead of buffering it', () => {
    const tokens = splitWhole('A'.repeat(MAX_LINE_LENGTH * 2 + 10) + '\r\n');
    expect(tokens.map((t) => (t.kind === 'line' ? t.text.length : -1))).toEqual([MAX_LINE_LENGTH, MAX_LINE_LENGTH, 10]);
  });

  it('gives the same tokens however the stream is chunked', () => {
    const piece = fc.constantFrom(
      'OK', 'ERROR', '+CMTI: "SM",3', '^RSSI:17', '0891683108', '> ', '>', ' ', '\r', '\n', '\r\n', '\x00', '\xff', '\x1a', 'A',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), (pieces, sizes) => {
        const bytes = toBytes(pieces.join(''));
        const chunked = new AtLineSplitter();
        const tokens: AtToken[] = [];
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const size = sizes[i % sizes.length]!;
          tokens.push(...chunked.push(bytes.subarray(at, at + size)));
          at += size;
        }
        expect(tokens).toEqual(new AtLineSplitter().push(bytes));
      }),
      { numRuns: 300 },
    );
  });
});
