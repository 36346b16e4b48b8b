import { describe, expect, it } from 'vitest';
import { makeI18n } from '../../../src-renderer/i18n';
import type { MessageRow } from '../../../src-renderer/store/rows';
import { NO_REPLY_AFTER_MS, unanswered } from '../../../src-renderer/views/thread/unanswered';

const AT = Date.UTC(2026, 11, 5, 6, 30);

function row(o: Partial<MessageRow>): MessageRow {
  return { id: 'm1', simId: 'sim', direction: 'out', peer: '10086', text: 'YE', state: 'delivered', at: AT, read: 1, partKeys: [], complete: true, received: 1, total: 1, ...o } as MessageRow;
}

describe('a thread whose newest message waits for 10086', () => {
  it('says so once three minutes have passed since a sent or delivered instruction', () => {
    for (const state of ['sent', 'delivered'] as const) {
      expect(unanswered(row({ state }), AT + NO_REPLY_AFTER_MS)?.id).toBe('m1');
      expect(unanswered(row({ state }), AT + NO_REPLY_AFTER_MS - 1)).toBeNull();
    }
  });

  it('says nothing when the newest message is a reply, or the instruction never went out', () => {
    const later = AT + 60 * 60_000;
    expect(unanswered(row({ direction: 'in', state: 'received' }), later)).toBeNull();
    for (const state of ['queued', 'sending', 'failed', 'failed-retryable'] as const) expect(unanswered(row({ state }), later)).toBeNull();
    expect(unanswered(null, later)).toBeNull();
  });

  it.each([
    ['zh-Hans', '10086 还没有回复 YE。通常一分钟内会回'],
    ['zh-Hant', '10086 還沒有回覆 YE。通常一分鐘內會回'],
    ['en', 'No reply from 10086 to YE yet. It usually answers within a minute'],
  ] as const)('words the wait in %s with what to do', (lang, start) => {
    const text = makeI18n(lang).t('thread.noReplyYet', { code: 'YE' });
    expect(text.startsWith(start)).toBe(true);
    expect(text).toMatch(/(“设备”|「裝置」|Modem page).*10086/);
  });
});
