import { describe, expect, it } from 'vitest';
import { afterWorkerStopped, LINK_LOST, type DesktopSend, type DesktopSnapshot } from '../../../src-extension/desktop-protocol';

const send = (ref: string, state: DesktopSend['state']): DesktopSend => ({ ref, label: 'YE', state, error: null, replies: [], at: 1 });

describe('the snapshot a stopped worker kept, as a page (or the worker started again) shows it', () => {
  const kept: DesktopSnapshot = {
    app: 'connected',
    error: null,
    paired: true,
    name: 'Chromium, Default',
    pairingCode: '123456',
    pairing: null,
    modems: [],
    sends: [send('a', 'requested'), send('b', 'confirming'), { ...send('c', 'delivered'), replies: [{ text: '余额 12.34 元', receivedAt: 2 }] }, send('d', 'failed')],
    unseen: 1,
  };

  it('says the link was lost for sends the app had not finished, and keeps the rest as they were', () => {
    const shown = afterWorkerStopped(kept);
    expect(shown.sends.map((s) => [s.ref, s.state, s.error?.code ?? null])).toEqual([
      ['a', 'failed', LINK_LOST.code],
      ['b', 'failed', LINK_LOST.code],
      ['c', 'delivered', null],
      ['d', 'failed', null],
    ]);
    expect(shown.sends[2]!.replies).toEqual(kept.sends[2]!.replies);
    expect(LINK_LOST.zh).toMatch(/连接断开/);
    expect(LINK_LOST.en).toMatch(/link to the desktop app was lost/);
  });

  it('has no link and no pairing code (both went with the worker), and keeps pairing, name and unseen replies', () => {
    const shown = afterWorkerStopped(kept);
    expect(shown).toMatchObject({ app: 'connecting', pairingCode: null, paired: true, name: 'Chromium, Default', unseen: 1 });
    expect(kept.sends[0]!.state).toBe('requested');
  });
});
