import { describe, expect, it } from 'vitest';
import { outgoingText, removedNote, unseenCodePoints } from '../../../src-shared/catalog/outgoing-text';
import { HallError } from '../../../src-shared/errors';

/**
 * What an SMS carries (outgoingText): to a service number an instruction is letters, digits, '#' and
 * Chinese, so every character nobody sees goes, and the user is told which; to a person an emoji's
 * joiners, variation selectors and a flag's tags stay. A blank-looking letter between two characters is
 * refused (dropped, it would join what the user saw apart).
 */
describe('outgoingText to a service number', () => {
  it.each([
    ['YE\uFE0F', 'YE', 'U+FE0F'],
    ['Y\uFE0FE', 'YE', 'U+FE0F'],
    ['YE\u{E0041}', 'YE', 'U+E0041'],
    ['T\u{E0020}J', 'TJ', 'U+E0020'],
    ['TJ\u034F', 'TJ', 'U+034F'],
    ['CXYE\u180E', 'CXYE', 'U+180E'],
    ['CX\u2063YE', 'CXYE', 'U+2063'],
    ['\uFEFFYE', 'YE', 'U+FEFF'],
    ['查话费\u200D', '查话费', 'U+200D'],
    ['Z\u17B4D202610', 'ZD202610', 'U+17B4'],
    ['YE\u{1D173}', 'YE', 'U+1D173'],
    ['YE\u3164', 'YE', 'U+3164'],
    ['\u2800YE', 'YE', 'U+2800'],
    ['YE \uFFA0', 'YE', 'U+FFA0'],
    ['\u115F\u1160YE', 'YE', 'U+115F'],
    ['查 \u3164 话费', '查  话费', 'U+3164'],
    ['👨\u200D👩\u200D👧', '👨👩👧', 'U+200D'],
  ])('%j goes as %j, %s said', (typed, sent, first) => {
    const out = outgoingText(typed, 'service');
    expect(out.text).toBe(sent);
    expect(out.removed[0]?.codePoint).toBe(first);
    const note = removedNote(out.removed)!;
    expect(note.zh).toContain(first);
    expect(note.en).toContain(first);
  });

  // Before review24 already (withoutHidingCharacters): to anyone, what could hide an instruction.
  it.each([
    ['T\u200bJ', 'TJ'],
    ['TJ\u2060', 'TJ'],
    ['T\u00adJ', 'TJ'],
    ['\u202eT\u2066J\u2069\u200e', 'TJ'],
    ['qx\u200dgprs', 'qxgprs'],
    ['q\u200b\u200cx', 'qx'],
    ['请改密码 mmxg 2740\u200b61', '请改密码 mmxg 274061'],
    ['\ufeff查询余额\u061c', '查询余额'],
  ])('sends %j to anyone as %j', (typed, sent) => {
    expect(outgoingText(typed, 'service').text).toBe(sent);
    expect(outgoingText(typed, 'person').text).toBe(sent);
  });

  it.each(['KT\u2800GPRS', 'T\u3164J', 'Y\uFFA0E', '查\u115F话费', 'T\u200B\u3164\u200BJ'])('refuses %j: a blank between two characters', (typed) => {
    let error: unknown;
    try {
      outgoingText(typed, 'service');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HallError);
    expect(error).toMatchObject({ code: 'send.blank-inside', zh: expect.stringContaining('看起来像空格'), en: expect.stringContaining('looks like a space') });
    expect(() => outgoingText(typed, 'person')).toThrow(HallError);
  });

  it.each(['MMHF#11010119900307123\u2800X', 'MMHF#11010119900307123\u2800\uFF38', 'MMHF#１１０１０１１９９００３０７１２３\u2800\uFF58'])(
    'names no ID number\'s check letter beside a refused blank, typed half- or full-width: %j (the release read of session 21)',
    (typed) => {
      let error: HallError | undefined;
      try {
        outgoingText(typed, 'service');
      } catch (e) {
        error = e as HallError;
      }
      expect(error?.code).toBe('send.blank-inside');
      expect(`${error?.zh} ${error?.en}`).not.toMatch(/[“"][XxＸｘ3３][”"]/u);
      expect(error?.zh).toContain('一个字母');
    },
  );

  it('leaves an ordinary instruction and Chinese alone, and says nothing', () => {
    for (const typed of ['YE', 'MMXG#123456#654321', '查询余额', 'ZD 202610']) expect(outgoingText(typed, 'service')).toEqual({ text: typed, removed: [] });
    expect(removedNote([])).toBeNull();
  });

  it('counts each character once with how many times', () => {
    const out = outgoingText('\u200BT\u200BJ\u200B', 'service');
    expect(out).toEqual({ text: 'TJ', removed: [{ codePoint: 'U+200B', kind: 'zero-width', count: 3 }] });
    expect(removedNote(out.removed)).toEqual({
      zh: '已去掉 3 个看不见或像空格的字符（短信里不会有它们）：U+200B 零宽字符 ×3。',
      en: 'Removed 3 invisible or blank-looking characters (the SMS will not carry them): U+200B zero-width character ×3.',
    });
  });
});

describe('outgoingText to a person', () => {
  it.each([
    ['a heart with its emoji selector', '好的❤\uFE0F'],
    ['a keycap', '1\uFE0F\u20E3'],
    ['Scotland\'s flag', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'],
    ['Mongolian with a free variation selector', 'ᠠ\u180Bᠨ'],
    ['a family emoji (ZWJ sequence)', '👨\u200d👩\u200d👧'],
    ['the England flag (tag characters)', '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}'],
    ['Persian with its ZWNJ', 'می\u200cخواهم'],
    ['a ZWJ between Han characters', '明天\u200d见'],
  ])('keeps %s', (_, typed) => {
    expect(outgoingText(typed, 'person')).toEqual({ text: typed, removed: [] });
  });

  it.each([
    ['tags outside a flag', 'hi\u{E0068}\u{E0069}', 'hi'],
    ['a selector between ASCII letters', 'T\uFE0FJ', 'TJ'],
    ['a zero-width space', 'hi\u200B', 'hi'],
    ['a direction override', 'hi\u202E', 'hi'],
  ])('drops %s', (_, typed, sent) => {
    expect(outgoingText(typed, 'person').text).toBe(sent);
  });
});

describe('unseenCodePoints', () => {
  it('names each hidden or blank-looking code point once', () => {
    expect(unseenCodePoints('Y\u200BE\u200B\u3164')).toEqual(['U+200B', 'U+3164']);
    expect(unseenCodePoints('YE')).toEqual([]);
  });
});
