import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { encodeSubmit } from '../../src-shared/pdu';
import { ptyRig, until } from './pty-rig';
import { FAST, sendWords } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/**
 * mend51: a +CMS ERROR that answers AT+CMGS after its body (the emulator prompts "> ", takes the PDU, then answers the
 * code). TS 27.005 §3.2.5: the network's and the centre's refusals (0–255) and the modem's checks before transmitting
 * (304 PDU parameter, 305 text parameter, 310 no SIM, 311 PIN, 322 memory full, 330 no SMSC) mean nothing went out;
 * a network timeout (332), an ME failure (300), a SIM failure (313) and a memory failure (320) (mend65: failures, not
 * checks), an unknown error (500), an undefined code (350) and a vendor's (512, 654) do not say the message stayed in
 * the modem. Review43 caught 332 only. Real pty, native serialport binding.
 */
const MAYBE_SENT = [300, 313, 320, 332, 350, 500, 512, 654];
const NOT_SENT = [21, 38, 197, 304, 305, 310, 311, 322, 330];

describe('an error after the body of AT+CMGS (real pty)', () => {
  it('is maybe sent (failed-retryable) for codes that leave it open, failed for codes that say nothing went', async () => {
    const rig = await ptyRig(new ModemEmulator(FAST), cleanup);
    const session = await rig.open();
    const got: Record<number, string | undefined> = {};
    for (const cms of [...MAYBE_SENT, ...NOT_SENT]) {
      rig.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms });
      const id = await session.send('10086', 'KTCL', 'KTCL');
      const last = await until(() => rig.outgoing.filter((o) => o.id === id && (o.state === 'failed' || o.state === 'failed-retryable')).at(-1), `the send answered ${cms} ended`);
      expect(last.error).toBe(`cms.${cms}`);
      got[cms] = last.state;
    }
    expect(got).toEqual(Object.fromEntries([...MAYBE_SENT.map((c) => [c, 'failed-retryable']), ...NOT_SENT.map((c) => [c, 'failed'])]));
    // Every body reached the modem (the prompt came and the PDU went), none reached the emulator's network.
    expect(rig.tx.filter((line) => line.startsWith('AT+CMGS'))).toHaveLength(MAYBE_SENT.length + NOT_SENT.length);
    expect(rig.emulator.sent).toHaveLength(0);
  }, 60_000);

  it('is maybe sent for any answer after the body but a +CMS code that says nothing went: a bare ERROR, a +CME ERROR (mend65, review49 F1)', async () => {
    const rig = await ptyRig(new ModemEmulator(FAST), cleanup);
    const session = await rig.open();
    const got: Record<string, string> = {};
    const faults = {
      // What every modem answers while AT+CMEE is 0 (refused, or lost to a restart or an AT&F from another program).
      'bare ERROR': { kind: 'command-error', command: 'AT+CMGS' },
      '+CME ERROR: 100': { kind: 'command-error', command: 'AT+CMGS', cme: 100 },
      '+CME ERROR: 3': { kind: 'command-error', command: 'AT+CMGS', cme: 3 },
    } as const;
    for (const [name, fault] of Object.entries(faults)) {
      rig.emulator.fault(fault);
      const id = await session.send('10086', 'KTCL', 'KTCL');
      const last = await until(() => rig.outgoing.filter((o) => o.id === id && (o.state === 'failed' || o.state === 'failed-retryable')).at(-1), `${name} ended`);
      got[name] = `${last.state} ${last.error}`;
      // The CLI, the extension popup and the bubble, zh and en: may have gone out, never "not sent".
      const words = sendWords(last);
      expect(words.filter((t) => !/可能已经发出|may have gone/.test(t)), name).toEqual([]);
      expect(words.filter((t) => /没有发出|not sent/.test(t)), name).toEqual([]);
    }
    expect(got).toEqual({ 'bare ERROR': 'failed-retryable at.error', '+CME ERROR: 100': 'failed-retryable at.cme', '+CME ERROR: 3': 'failed-retryable at.cme' });
    // The prompt came and every body was written: what the modem did with it, nobody knows.
    expect(rig.tx.filter((line) => line.startsWith('AT+CMGS'))).toHaveLength(3);
  }, 60_000);

  it('is sent when the modem said +CMGS: <mr> before its error: the network took it (mend65)', async () => {
    const rig = await ptyRig(new ModemEmulator(FAST), cleanup);
    const session = await rig.open();
    const got: Record<string, unknown> = {};
    for (const [name, fault] of [
      ['ERROR', { kind: 'command-error', command: 'AT+CMGS', taken: true }],
      ['+CMS ERROR: 38', { kind: 'command-error', command: 'AT+CMGS', cms: 38, taken: true }],
    ] as const) {
      rig.emulator.fault(fault);
      const id = await session.send('10086', 'KTCL', 'KTCL');
      const last = await until(() => rig.outgoing.filter((o) => o.id === id && o.state !== 'queued' && o.state !== 'sending').at(-1), `${name} ended`);
      got[name] = { state: last.state, refs: last.messageRefs };
    }
    const refs = rig.emulator.sent.map((s) => [s.messageRef]);
    expect(refs).toHaveLength(2);
    expect(got).toEqual({ ERROR: { state: 'sent', refs: refs[0] }, '+CMS ERROR: 38': { state: 'sent', refs: refs[1] } });
  }, 60_000);

  it('is failed (nothing went) for any code answered before the prompt, even one that after the body may have gone (mend53)', async () => {
    const rig = await ptyRig(new ModemEmulator(FAST), cleanup);
    const session = await rig.open();
    const len = encodeSubmit({ to: '10086', text: 'KTCL', statusReport: true, concatRef: 0 })[0]!.tpduLength;
    const got: Record<number, string | undefined> = {};
    for (const cms of [300, 332, 500, 512]) {
      // Answered straight to AT+CMGS=<len>, with no "> " prompt: the PDU is never written.
      rig.emulator.fault({ kind: 'replay', command: `AT+CMGS=${len}`, bytes: `\r\n+CMS ERROR: ${cms}\r\n` });
      const id = await session.send('10086', 'KTCL', 'KTCL');
      const last = await until(() => rig.outgoing.filter((o) => o.id === id && (o.state === 'failed' || o.state === 'failed-retryable')).at(-1), `the send answered ${cms} ended`);
      got[cms] = `${last.state} ${last.error}`;
    }
    expect(got).toEqual({ 300: 'failed cms.300', 332: 'failed cms.332', 500: 'failed cms.500', 512: 'failed cms.512' });
    expect(rig.emulator.sent).toHaveLength(0);
  }, 60_000);
});
