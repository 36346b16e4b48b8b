import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import type { CorpusEntry } from '../../fixtures/replies/corpus';
import { RECEIVED } from './format';

const dev = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'), 'utf8')) as CorpusEntry[];
const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });

describe('a request to confirm offers the word to send back', () => {
  it('"reply any text to subscribe" to a paid service offers no one-click word (doing nothing leaves it unsubscribed)', () => {
    // Real China Mobile texts (public code, real-dev.json): a third party's monthly fee, confirmed by any reply.
    const anyReply = dev.filter((e) => e.text.includes('回复任意短信确认'));
    expect(anyReply.length).toBeGreaterThanOrEqual(3);
    for (const e of anyReply) expect(read(e.text).kind, e.id).not.toBe('confirm');
  });

  it('a named word is still offered', () => {
    const r = read('您正在办理流量加油包业务，请在24小时内回复“是”确认办理。中国移动');
    expect(r.kind).toBe('confirm');
    if (r.kind === 'confirm') expect(r.reply).toBe('是');
  });
});
