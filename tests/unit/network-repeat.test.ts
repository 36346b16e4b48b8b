import { describe, expect, it } from 'vitest';
import { decodePdu, encodeDeliver } from '../../src-shared/pdu';
import { mayBeNetworkRepeat, NETWORK_REPEAT_WINDOW_MS, type SingleSmsSeen } from '../../src-shared/network-repeat';

/*
 * journal24: the rule the page names a network-repeated single SMS by when the journal no longer can (after a
 * restart of the core): the same SIM, sender, SMSC stamp (to the second, with its zone) and text, within a window.
 */

const BALANCE = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
const first: SingleSmsSeen = { simId: '89860012345670002201', from: '10086', timestamp: '2026-12-06T09:00:07+08:00', text: BALANCE, receivedAt: 1_000_000 };
const again = (change: Partial<SingleSmsSeen>): SingleSmsSeen => ({ ...first, receivedAt: first.receivedAt + 90_000, ...change });

/** The stamp as our PDU decoder writes it, from the SCTS bytes an SMSC sends (quarter hours of zone). */
function decodedStamp(second: number, tzQuarterHours: number): string {
  const part = decodePdu(encodeDeliver({ from: '10086', text: BALANCE, timestamp: new Date(Date.UTC(2026, 11, 6, 1, 0, second)), tzQuarterHours }).hex);
  if (part.type !== 'deliver') throw new Error('not an SMS-DELIVER');
  return part.timestamp;
}

describe('mayBeNetworkRepeat', () => {
  it('takes the same SIM, sender, stamp and text, come again later, for the network handing it over again', () => {
    expect(mayBeNetworkRepeat(first, again({}))).toBe(true);
    // After a restart of the core that took a day: the SMSC retries until the validity period runs out.
    expect(mayBeNetworkRepeat(first, again({ receivedAt: first.receivedAt + 24 * 3600_000 }))).toBe(true);
    expect(mayBeNetworkRepeat(first, again({ receivedAt: first.receivedAt + NETWORK_REPEAT_WINDOW_MS }))).toBe(true);
  });

  it('keeps a genuine second reply apart: 10086 stamps it when it writes it, so another second is another message', () => {
    expect(mayBeNetworkRepeat(first, again({ timestamp: '2026-12-06T09:00:08+08:00' }))).toBe(false);
    expect(mayBeNetworkRepeat(first, again({ timestamp: '2026-12-06T09:01:07+08:00' }))).toBe(false);
  });

  it('reads the stamp with its zone: the same wall-clock second, or the same instant, in another zone is another SMSC clock', () => {
    const sameSecond = decodedStamp(7, 32);
    expect(sameSecond).toBe(first.timestamp);
    expect(mayBeNetworkRepeat(first, again({ timestamp: decodedStamp(7, 32) }))).toBe(true);
    expect(mayBeNetworkRepeat(first, again({ timestamp: '2026-12-06T09:00:07+09:00' }))).toBe(false);
    expect(mayBeNetworkRepeat({ ...first, timestamp: decodedStamp(7, 0) }, again({ timestamp: decodedStamp(7, 32) }))).toBe(false);
  });

  it('needs the very text, SIM and sender as written', () => {
    expect(mayBeNetworkRepeat(first, again({ text: BALANCE.replace('35.20', '35.21') }))).toBe(false);
    expect(mayBeNetworkRepeat(first, again({ text: `${BALANCE} ` }))).toBe(false);
    expect(mayBeNetworkRepeat(first, again({ simId: '89860012345670002202' }))).toBe(false);
    // An originator written otherwise is not the SMSC's copy of this SMS-DELIVER (it repeats the very address).
    expect(mayBeNetworkRepeat(first, again({ from: '+8610086' }))).toBe(false);
  });

  it('takes nothing before the first, nor after the window, nor with a stamp that tells no second', () => {
    expect(mayBeNetworkRepeat(first, again({ receivedAt: first.receivedAt - 1 }))).toBe(false);
    expect(mayBeNetworkRepeat(first, again({ receivedAt: first.receivedAt + NETWORK_REPEAT_WINDOW_MS + 1 }))).toBe(false);
    for (const timestamp of ['', '2026-12-06T09:00+08:00', '2026-12-06T09:00:07']) {
      expect(mayBeNetworkRepeat({ ...first, timestamp }, again({ timestamp }))).toBe(false);
    }
  });
});
