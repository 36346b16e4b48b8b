import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mac, randomToken } from '../../../src-shared/api/extension-auth';
import { ASSOCIATION_KEY, DesktopLink } from '../../../src-extension/desktop-link';
import type { DesktopSnapshot } from '../../../src-extension/desktop-protocol';

/**
 * The service worker's link with a fake Chrome (a native port the test speaks for the app): every
 * app message is checked after its MAC, a malformed one is dropped and said where the user waits.
 */
const association = { id: randomToken(16), key: randomToken(32) };
const nonce = randomToken(16);
let posted: Array<{ type: string; ref?: string }>;
let fromApp: (m: unknown) => void;
let warned: string[];

beforeEach(() => {
  posted = [];
  warned = [];
  vi.spyOn(console, 'warn').mockImplementation((line: string) => void warned.push(line));
  const port = {
    postMessage: (m: { type: string }) => void posted.push(m),
    onMessage: { addListener: (f: (m: unknown) => void) => void (fromApp = f) },
    onDisconnect: { addListener: () => undefined },
  };
  const area = (kept: Record<string, unknown>) => ({ get: async () => kept, set: async () => undefined, remove: async () => undefined });
  vi.stubGlobal('chrome', {
    runtime: { connectNative: () => port, lastError: undefined },
    storage: { session: area({}), local: area({ [ASSOCIATION_KEY]: association }) },
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function linked(
  onReply: (text: string, uncertain: boolean) => void = () => undefined,
): Promise<{ link: DesktopLink; shown: () => DesktopSnapshot; say: (m: Record<string, unknown>, signed?: boolean) => Promise<void> }> {
  let snapshot: DesktopSnapshot | null = null;
  const link = new DesktopLink((s) => (snapshot = s), onReply, async () => ({ browser: 'Chromium', profile: 'test' }));
  await link.refresh();
  let appCounter = 0;
  const say = async (m: Record<string, unknown>, signed = false) => {
    const counter = ++appCounter;
    fromApp(signed ? { ...m, auth: { counter, mac: await mac(association.key, 'reply', nonce, counter, m) } } : m);
    await link['inbox'];
  };
  return { link, shown: () => snapshot!, say };
}

describe('the extension drops a malformed app message after its MAC and says so where the user waits', () => {
  it('a hello without a proper nonce: the popup shows the bilingual status, not "connecting" for ever', async () => {
    const { shown, say } = await linked();
    await say({ type: 'hello', version: 2, nonce: 42 });
    expect(shown().app).toBe('unavailable');
    expect(shown().error?.code).toBe('extension.bad-app-message');
    expect(shown().error?.zh).toMatch(/桌面应用发来的消息无法读取/);
    expect(shown().error?.en).toMatch(/could not be read/);
    expect(posted.map((m) => m.type)).toEqual(['hello']);
    expect(warned).toEqual(['Hall10086: dropped a malformed "hello" message from the desktop app (fields: nonce)']);
  });

  it('a signed status whose modem is malformed is dropped; a well-formed one from an older app is shown', async () => {
    const { shown, say } = await linked();
    await say({ type: 'hello', version: 2, nonce });
    await say({ type: 'status', paired: true, re: 1, name: 'Chromium · test', modem: { state: 'ready', demo: true, operator: 'CHINA MOBILE', bars: 9 } }, true);
    expect(shown()).toMatchObject({ app: 'unavailable', paired: false, modems: [], error: { code: 'extension.bad-app-message' } });
    await say({ type: 'status', paired: true, re: 2, name: 'Chromium · test', modem: { state: 'ready', demo: true, operator: null, bars: 3 } }, true);
    // An app before mend42 names only the modem a send goes from: shown as the one modem, its SIM unnamed.
    expect(shown()).toMatchObject({ app: 'connected', paired: true, error: null, modems: [{ bars: 3 }] });
    await say({ type: 'status', paired: true, re: 3, name: 'Chromium · test', modem: null, modems: [] }, true);
    expect(shown()).toMatchObject({ modems: [] });
  });

  it('a malformed send-state for a waiting send marks that send (state kept), and its secret-bearing text is not logged', async () => {
    const { link, shown, say } = await linked();
    await say({ type: 'hello', version: 2, nonce });
    await say({ type: 'status', paired: false, pairingCode: null });
    await link.send({ id: 'YE' }, 'YE');
    const ref = posted.find((m) => m.type === 'send')!.ref!;
    await say({ type: 'send-state', ref, state: 'failed', error: { code: 'modem.none', zh: 42, en: 'PIN 123456 refused' } });
    expect(shown().sends.map((s) => [s.state, s.error?.code])).toEqual([['requested', 'extension.bad-app-message']]);
    expect(warned.join('\n')).not.toMatch(/123456/);
    // An older app's refusal (no error text) still reads.
    await say({ type: 'send-state', ref, state: 'refused' });
    expect(shown().sends.map((s) => [s.state, s.error])).toEqual([['refused', null]]);
  });

  it('a reply without text is dropped; a signed reply from an app that predates the mark reaches the send as certain', async () => {
    const replies: Array<[string, boolean]> = [];
    const { link, shown, say } = await linked((text, uncertain) => void replies.push([text, uncertain]));
    await say({ type: 'hello', version: 2, nonce });
    await say({ type: 'status', paired: true, re: 1, name: 'Chromium · test', modem: null }, true);
    await link.send({ id: 'YE' }, 'YE');
    const ref = posted.find((m) => m.type === 'send')!.ref!;
    await say({ type: 'reply', ref, from: '10086', receivedAt: 1 }, true);
    expect(shown().sends[0]!.replies).toEqual([]);
    expect(shown().sends[0]!.error?.code).toBe('extension.bad-app-message');
    await say({ type: 'reply', ref, from: '10086', text: '余额50.43元', receivedAt: 2 }, true);
    expect(shown().sends[0]!.replies).toEqual([{ text: '余额50.43元', receivedAt: 2, uncertain: false }]);
    expect(replies).toEqual([['余额50.43元', false]]);
  });

  it('a signed `reply-uncertain` marks the reply it names (send and time) after it was shown; unsigned, it is ignored', async () => {
    const { link, shown, say } = await linked();
    await say({ type: 'hello', version: 2, nonce });
    await say({ type: 'status', paired: true, re: 1, name: 'Chromium · test', modem: null }, true);
    await link.send({ id: 'YE' }, 'YE');
    const ref = posted.find((m) => m.type === 'send')!.ref!;
    await say({ type: 'reply', ref, from: '10086', text: '话费余额为：1.74元…剩余0分钟', receivedAt: 2 }, true);
    await say({ type: 'reply', ref, from: '10086', text: '余额50.43元', receivedAt: 3 }, true);
    const unseen = shown().unseen;
    // Anyone could forge an unsigned one: it needs the app's MAC as a reply does.
    await say({ type: 'reply-uncertain', ref, receivedAt: 2 });
    expect(shown().sends[0]!.replies.map((r) => r.uncertain)).toEqual([false, false]);
    await say({ type: 'reply-uncertain', ref, receivedAt: 2 }, true);
    expect(shown().sends[0]!.replies.map((r) => [r.text, r.uncertain])).toEqual([
      ['话费余额为：1.74元…剩余0分钟', true],
      ['余额50.43元', false],
    ]);
    expect(shown().unseen).toBe(unseen);
    expect(warned).toEqual([]);
  });

  it('a type this extension does not know (a newer app’s) is only logged: nobody waits for it', async () => {
    const { shown, say } = await linked();
    await say({ type: 'hello', version: 2, nonce });
    await say({ type: 'status', paired: false, pairingCode: null });
    await say({ type: 'news', what: 'x' });
    expect(shown()).toMatchObject({ app: 'connected', error: null });
    expect(warned).toEqual(['Hall10086: dropped a malformed "unknown" message from the desktop app (fields: type)']);
  });
});

describe('the extension posts its signed requests in counter order (review41)', () => {
  it('a send with a long text and a status asked right after it leave numbered as they leave', async () => {
    // The app refuses a counter not above the last it took: a status posted before the send it followed would make
    // the send refused. A long text's MAC takes longer than a status's, so the two resolve in the other order.
    const { link, say } = await linked();
    await say({ type: 'hello', version: 2, nonce });
    await say({ type: 'status', paired: true, re: 1, name: 'Chromium · test', modem: null }, true);
    posted = [];
    await Promise.all([link.send({ text: '余额'.repeat(2_000_000) }, 'long'), link.refresh(), link.send({ id: 'YE' }, 'YE')]);
    const counters = (posted as Array<{ type: string; auth?: { counter: number } }>).map((m) => [m.type, m.auth?.counter]);
    expect(counters).toEqual([['send', 2], ['status', 3], ['send', 4]]);
  });
});

describe('a send the app said may have gone out (mend51)', () => {
  it('goes again only with the popup’s resend, not on a plain Send of the same, however late', async () => {
    const { link, shown, say } = await linked();
    await say({ type: 'hello', version: 2, nonce });
    await say({ type: 'status', paired: false, pairingCode: null });
    await link.send({ id: 'KTCL' }, 'KTCL');
    const ref = posted.find((m) => m.type === 'send')!.ref!;
    await say({ type: 'send-state', ref, state: 'maybe-sent', error: { code: 'cms.332', zh: '网络响应超时。', en: 'The network timed out.' } }, true);
    expect(shown().sends.map((s) => s.state)).toEqual(['maybe-sent']);
    // Past the double-click window: a failed one would go again here.
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 60_000);
    await link.send({ id: 'KTCL' }, 'KTCL');
    expect(posted.filter((m) => m.type === 'send')).toHaveLength(1);
    await link.send({ id: 'KTCL', resend: true }, 'KTCL');
    expect(posted.filter((m) => m.type === 'send').map((m) => (m as { resend?: boolean }).resend)).toEqual([undefined, true]);
  });
});
