import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageBody, terminalSafe } from '../../../src-main/cli/terminal-text';

/** Characters a terminal acts on rather than shows: C0 but tab and LF, DEL, C1, direction controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/u;

describe('terminalSafe', () => {
  it('writes every control out as \\uXXXX and leaves other text, tabs and line feeds as they are', () => {
    expect(terminalSafe('余额\t35.20元\n\u001b[2J\u009b1A\u202eY\u0007\u007f')).toBe('余额\t35.20元\n\\u001b[2J\\u009b1A\\u202eY\\u0007\\u007f');
    expect(terminalSafe('尊敬的客户 👨‍👩‍👧 می‌خواهم')).toBe('尊敬的客户 👨‍👩‍👧 می‌خواهم');
  });

  it('keeps JSON output exact: what it writes parses back to the same value, and holds no control', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ from: fc.string(), text: fc.string({ unit: 'binary' }) })), (messages) => {
        const out = terminalSafe(JSON.stringify(messages));
        expect(out).not.toMatch(CONTROL);
        expect(JSON.parse(out)).toEqual(messages);
      }),
    );
  });
});

describe('messageBody', () => {
  it('indents every line, a CR or CRLF being a line break, so no line of a text starts at the margin', () => {
    expect(messageBody('一\r\n10086  2026-12-06\r二\n三')).toBe('  一\n  10086  2026-12-06\n  二\n  三');
  });
});
