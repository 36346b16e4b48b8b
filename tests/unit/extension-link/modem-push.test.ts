import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mac, macMatches, randomToken } from '../../../src-shared/api/extension-auth';
import { MODEM_PUSH_GAP_MS, type AppMessage, type ExtensionModemView } from '../../../src-shared/api/extension-messages';
import { Approvals, ExtensionSession, PairingStore, RateLimiter, ToldReplies, type ExtensionGateway } from '../../../src-main/services/extension-link';

/**
 * mend45: the app tells a paired connection its modems unasked when they change, signed, and bounded: a modem
 * flapping makes at most one message per MODEM_PUSH_GAP_MS, each with the list as it then stands. The real session,
 * pairing store and MAC; the core behind the gateway is a list of modem views and a change signal (the e2e test
 * tests/e2e/extension-popup-sims.test.ts has the real core, modems, host and extension).
 */
const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ready = (sim: string): ExtensionModemView => ({ state: 'ready', demo: false, operator: 'CHINA MOBILE', bars: 3, sim, device: 'Hall10086 Emulator' });

let dir: string;
let pairings: PairingStore;
let modems: ExtensionModemView[];
let changed: () => void;
let said: AppMessage[];
let session: ExtensionSession;
const association = { id: randomToken(16), key: randomToken(32) };

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  dir = await mkdtemp(join(tmpdir(), 'hall10086-modem-push-'));
  pairings = await PairingStore.open(dir);
  await pairings.add({ ...association, extensionId: EXTENSION_ID, browser: 'Chromium', profile: 'test' });
  modems = [];
  changed = () => undefined;
  const unused = () => {
    throw new Error('not used here');
  };
  const gateway: ExtensionGateway = {
    preview: unused,
    send: unused,
    checkAgain: unused,
    modems: () => modems,
    onModemChange: (listener) => ((changed = listener), () => (changed = () => undefined)),
    onIncoming: () => () => undefined,
    onOutgoing: () => () => undefined,
    mask: (text) => text,
    uncertainMessages: () => [],
  };
  said = [];
  session = new ExtensionSession(
    EXTENSION_ID,
    { gateway, pairings, told: await ToldReplies.open(dir), approvals: new Approvals(), rateLimiter: new RateLimiter([{ limit: 9, windowMs: 1000 }]), pairingLimiter: new RateLimiter([{ limit: 9, windowMs: 1000 }]) },
    (m) => said.push(m),
  );
});

afterEach(async () => {
  session.close();
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

/** Hello, then a signed status: the app now tells this connection of modem changes. */
async function pairedStatus(): Promise<string> {
  await session.handle({ type: 'hello' });
  await vi.waitFor(() => expect(said[0]?.type).toBe('hello'));
  const nonce = (said[0] as Extract<AppMessage, { type: 'hello' }>).nonce;
  await session.handle({ type: 'status', auth: { id: association.id, counter: 1, mac: await mac(association.key, 'request', nonce, 1, { type: 'status' }) } });
  await vi.waitFor(() => expect(said.map((m) => m.type)).toEqual(['hello', 'status']));
  return nonce;
}

const pushes = () => said.filter((m): m is Extract<AppMessage, { type: 'modems' }> => m.type === 'modems');

describe('the app tells a paired connection of its modems unasked', () => {
  it('a change makes one message, signed with the association’s key on the app’s counter; an unchanged list none', async () => {
    const nonce = await pairedStatus();
    changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(pushes()).toEqual([]);
    modems = [ready('SIM …900033')];
    changed();
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(pushes()).toHaveLength(1));
    const { auth, ...unsigned } = pushes()[0]!;
    expect(unsigned).toEqual({ type: 'modems', modems: [ready('SIM …900033')] });
    expect(auth!.counter).toBe(2);
    expect(await macMatches(association.key, 'reply', nonce, auth!.counter, unsigned, auth!.mac)).toBe(true);
  });

  it('a flapping modem: every change within the gap makes one message, with the list as it then stands', async () => {
    await pairedStatus();
    modems = [ready('SIM …900033')];
    changed();
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(pushes()).toHaveLength(1));
    for (let i = 0; i < 50; i++) {
      modems = [{ ...ready('SIM …900033'), state: i % 2 ? 'ready' : 'busy' }];
      changed();
      await vi.advanceTimersByTimeAsync(10);
    }
    // 500 ms of flapping: still the one message.
    expect(pushes()).toHaveLength(1);
    modems = [{ ...ready('SIM …900033'), state: 'offline' }];
    changed();
    await vi.advanceTimersByTimeAsync(MODEM_PUSH_GAP_MS);
    await vi.waitFor(() => expect(pushes()).toHaveLength(2));
    expect(pushes()[1]!.modems).toEqual([{ ...ready('SIM …900033'), state: 'offline' }]);
  });

  it('the wall clock set back an hour (NTP, the user, a VM resumed) does not hold the next push back (review41)', async () => {
    await pairedStatus();
    modems = [ready('SIM …900033')];
    changed();
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(pushes()).toHaveLength(1));
    vi.setSystemTime(Date.now() - 3_600_000);
    modems = [];
    changed();
    await vi.advanceTimersByTimeAsync(MODEM_PUSH_GAP_MS);
    // The push is signed (WebCrypto, not a timer) after its timer: waited for, the clock moved at most its timeout more.
    await vi.waitFor(() => expect(pushes().map((m) => m.modems)).toEqual([[ready('SIM …900033')], []]));
  });

  it('nothing before a paired status, and nothing once the association is revoked', async () => {
    await session.handle({ type: 'hello' });
    modems = [ready('SIM …900033')];
    changed();
    await vi.advanceTimersByTimeAsync(MODEM_PUSH_GAP_MS);
    expect(pushes()).toEqual([]);

    said = [];
    await pairedStatus();
    await pairings.revoke(association.id);
    await vi.waitFor(() => expect(said.some((m) => m.type === 'unpaired')).toBe(true));
    modems = [ready('SIM …900044')];
    changed();
    await vi.advanceTimersByTimeAsync(MODEM_PUSH_GAP_MS);
    expect(pushes()).toEqual([]);
  });
});
