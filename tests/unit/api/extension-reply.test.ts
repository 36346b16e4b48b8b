import { describe, expect, it } from 'vitest';
import { needsAppAuth, parseAppMessage, type AppMessage } from '../../../src-shared/api/extension-messages';

/** The reply as the extension keeps it, or null when it is dropped. */
function parseAppReply(raw: unknown) {
  const parsed = parseAppMessage(raw);
  return 'message' in parsed && parsed.message.type === 'reply' ? parsed.message : null;
}

const reply = { type: 'reply', ref: 'e1', from: '10086', text: '尊敬的客户，您的账户余额为50.43元【中国移动】', receivedAt: 1796424993698, auth: { counter: 7, mac: 'x' } };

describe('an app reply as the extension checks it (after its MAC)', () => {
  it('from an app older than the mark (no `uncertain`): read as certain', () => {
    expect(parseAppReply(reply)).toEqual({ type: 'reply', ref: 'e1', from: '10086', text: reply.text, receivedAt: reply.receivedAt, uncertain: false });
  });

  it('marked by the app: kept uncertain', () => {
    expect(parseAppReply({ ...reply, uncertain: true })?.uncertain).toBe(true);
    expect(parseAppReply({ ...reply, uncertain: false })?.uncertain).toBe(false);
  });

  it.each([
    ['a mark that is not true or false', { ...reply, uncertain: 'yes' }],
    ['a mark of 1', { ...reply, uncertain: 1 }],
    ['no text', { ...reply, text: undefined }],
    ['a bad reference', { ...reply, ref: '../e1' }],
    ['another type', { ...reply, type: 'status' }],
    ['nothing', null],
  ])('refuses %s', (_, raw) => {
    expect(parseAppReply(raw)).toBeNull();
  });

  it('a marked reply still needs the app’s MAC', () => {
    expect(needsAppAuth({ ...reply, uncertain: true } as AppMessage)).toBe(true);
  });
});
