import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeFigures, pairReplies, understandReply } from '../../../src-shared/replies';
import { RECEIVED } from './format';

/** Pieces of real replies, so random text often comes close to a template. */
const PIECES = [
  ...['余额', '流量', '剩余', '已使用', '总量', '合计', '账单', '积分', '截至', '月', '日', '时', '元', '分钟', '条'],
  ...['G', 'M', 'KB', '9G721.29M', '１２', '¥', '-', '.', ' ', '\n', '【', '】', '，', '。'],
  ...['回复“是”确认', '小时内', '失败', '成功开通'],
];
const replyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc
    .array(
      fc.oneof(fc.constantFrom(...PIECES), fc.integer({ min: -10, max: 99999 }).map(String), fc.double({ noNaN: true }).map(String)),
      { maxLength: 40 },
    )
    .map((p) => p.join('')),
);

describe('reading any text', () => {
  it('never throws, always keeps the text, and describes without throwing', () => {
    fc.assert(
      fc.property(replyText, fc.integer({ min: 0, max: 4_102_444_800_000 }), (text, receivedAt) => {
        const r = understandReply({ text, receivedAt });
        expect(r.text).toBe(text);
        for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) describeFigures(r, lang);
        if (r.kind === 'figures') for (const f of r.figures) expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
      }),
      { numRuns: 3000, seed: 10086 },
    );
  });

  // Found by the bench's random texts once real r23 pieces joined them: a word of about (约等于) with no amount before it.
  it('reads an amount after 约等于 that restates nothing', () => {
    expect(understandReply({ text: '约等于7.8M，未使用流量22.2M。', receivedAt: RECEIVED }).text).toBe('约等于7.8M，未使用流量22.2M。');
  });

  it('pairs any replies without throwing', () => {
    fc.assert(
      fc.property(fc.array(replyText, { maxLength: 6 }), (texts) => {
        const replies = texts.map((text, i) => ({ id: `r${i}`, from: '10086', receivedAt: RECEIVED + i, text, complete: true }));
        expect(pairReplies([{ id: 'i', text: 'YE', to: '10086', sentAt: RECEIVED }], replies)).toHaveLength(texts.length);
      }),
      { numRuns: 300, seed: 10086 },
    );
  });
});
