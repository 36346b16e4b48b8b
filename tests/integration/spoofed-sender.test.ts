import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { assembleRecords } from '../../src-shared/assemble';
import { isServiceSmsPort } from '../../src-shared/catalog/service-numbers';
import { understandReply } from '../../src-shared/replies';
import { HALL_PEER, threadPeer } from '../../src-renderer/store/incoming-rows';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

/**
 * An alphanumeric sender (TP-OA type of number 5) is a name the sending gateway picks: anyone with an SMS
 * gateway can send as "10086" that way. 10086's own replies carry its number (TOA 0xA1 or 0x81 in the
 * real PDUs of tests/fixtures/replies/real-dev.json). Before, the decoded name "10086" was journaled as
 * the sender 10086: the text landed in the 10086 thread, its figures were read as the SIM's, and a
 * "reply Y to confirm" in it got a button that sends Y to the real 10086.
 */

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

const GENUINE = '尊敬的客户，您的账户余额为35.20元。【中国移动】';
// Written for this test as an attacker would (not a real 10086 text): a subscription to be confirmed.
const SPOOF_CONFIRM = '尊敬的客户，您将开通视频会员15元/月，回复Y确认订购。【中国移动】';
// The same, long enough to come in parts, with a made-up balance.
const SPOOF_LONG = `尊敬的客户，您的账户余额为-120.00元，已欠费，请尽快充值以免停机。${'详情请咨询营业厅。'.repeat(8)}【中国移动】`;

describe('a sender that only names itself "10086" (real pty, native serialport binding)', () => {
  it('is kept apart from 10086: another correspondent, no figures, no buttons', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();

    emulator.deliver('10086', GENUINE);
    emulator.deliver('10086', SPOOF_CONFIRM, { fromAlphanumeric: true });
    emulator.deliver('10086', SPOOF_LONG, { fromAlphanumeric: true });
    const messages = await until(() => {
      const whole = assembleRecords(r.incoming).filter((m) => m.complete);
      return whole.length === 3 && whole;
    }, 'three messages journaled');
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');

    const genuine = messages.find((m) => m.text === GENUINE)!;
    const spoofs = messages.filter((m) => m.text !== GENUINE);
    expect(SPOOF_LONG.length).toBeGreaterThan(70);
    expect(spoofs.map((m) => m.text).sort()).toEqual([SPOOF_CONFIRM, SPOOF_LONG].sort());

    // 10086's own reply is still 10086's, read into figures.
    expect(genuine.from).toBe('10086');
    expect(threadPeer(genuine.from)).toBe(HALL_PEER);
    expect(understandReply({ text: genuine.text, receivedAt: genuine.receivedAt, from: genuine.from })).toMatchObject({ kind: 'figures' });

    for (const spoof of spoofs) {
      // Nothing lost: the text is journaled whole, under the name in quotes.
      expect(spoof.from).toBe('“10086”');
      expect(isServiceSmsPort(spoof.from)).toBe(false);
      expect(threadPeer(spoof.from)).not.toBe(HALL_PEER);
      expect(understandReply({ text: spoof.text, receivedAt: spoof.receivedAt, from: spoof.from })).toEqual({ kind: 'unknown', text: spoof.text });
    }
    // The same text from the number would have been a confirmation request: the check above is not vacuous.
    expect(understandReply({ text: SPOOF_CONFIRM, receivedAt: Date.now(), from: '10086' })).toMatchObject({ kind: 'confirm', reply: 'Y' });
    // Both kept in the journal, none of the SIM's copies deleted before that.
    expect(r.journal.pendingIncoming().map((x) => x.from).sort()).toEqual(['10086', ...Array(r.incoming.length - 1).fill('“10086”')]);
  });

  it('keeps an alphanumeric sender that is a name as it is', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.deliver('CMCC', '测试', { fromAlphanumeric: true });
    const part = await until(() => r.incoming.find((x) => x.text === '测试'), 'the message journaled');
    expect(part.from).toBe('CMCC');
  });
});
