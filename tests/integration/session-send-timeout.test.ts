import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { assembleRecords } from '../../src-shared/assemble';
import { encodeSubmit } from '../../src-shared/pdu';
import { mayHaveGoneOut } from '../../src-shared/journal-records';
import { ptyRig, until } from './pty-rig';
import { FAST, sendWords } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];

/** The CLI's words, the extension popup's and the bubble's (zh and en) agree: not sent, no advice to wait. */
function expectSaidNotSent(last: { error?: string | null; state: string }): void {
  const words = sendWords(last);
  expect(words.filter((t) => /可能已经发出|may have gone/.test(t))).toEqual([]);
  expect(words.filter((t) => !/短信没有发出|the message was not sent/.test(t))).toEqual([]);
}
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

describe('an AT+CMGS unanswered after its body (real pty, native serialport binding)', () => {
  it('is "maybe sent", never sent again by itself, even by the next run, and the line gets back in step', async () => {
    // The network takes 3 s to accept; the session waits 1 s for +CMGS once the body is out.
    const emulator = new ModemEmulator({ ...FAST, sendDelayMs: 3_000 });
    const r = await ptyRig(emulator, cleanup, { sendTimeoutMs: 1_000 });
    let session = await r.open();
    const id = await session.send('10086', 'YE', 'YE');
    await until(() => r.outgoing.some((o) => o.id === id && o.state === 'failed-retryable' && o.error === 'at.timeout'), 'maybe sent');
    // It did go out; the late +CMGS answer is taken for nobody's, and 10086's reply still comes in.
    const reply = await until(() => assembleRecords(r.incoming).find((m) => m.complete), 'the reply journaled');
    expect(reply.text).toMatch(/余额/);
    await session.drain();
    await session.close();

    session = await r.open();
    await session.drain();
    expect(r.journal.outgoing(id)).toMatchObject({ state: 'failed-retryable' });
    expect(emulator.sent).toHaveLength(1);
    expect(r.tx.filter((line) => line.startsWith('AT+CMGS'))).toHaveLength(1);
    expect(r.outgoing.filter((o) => o.id === id).map((o) => o.state)).toEqual(['queued', 'sending', 'failed-retryable']);
  });
});

describe('an AT+CMGS whose "> " prompt never comes (real pty, native serialport binding)', () => {
  it('is failed (the body was never written), and every place that shows it says it was not sent (mend55)', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup, { sendTimeoutMs: 1_000 });
    const session = await r.open();
    const len = encodeSubmit({ to: '10086', text: 'KTCL', statusReport: true, concatRef: 0 })[0]!.tpduLength;
    // The modem answers AT+CMGS=<len> with nothing at all: no prompt, so the engine never writes the PDU.
    emulator.fault({ kind: 'replay', command: `AT+CMGS=${len}`, bytes: '' });
    const id = await session.send('10086', 'KTCL', 'KTCL');
    const last = await until(() => r.outgoing.filter((o) => o.id === id && (o.state === 'failed' || o.state === 'failed-retryable')).at(-1), 'the send ended');
    expect({ state: last.state, error: last.error }).toEqual({ state: 'failed', error: 'at.timeout' });
    expect(mayHaveGoneOut(last)).toBe(false);
    expect(emulator.sent).toHaveLength(0);
    expectSaidNotSent(last);
    await session.drain();
  });
});

describe('an AT+CMGS whose link closes before its "> " prompt (real pty, native serialport binding)', () => {
  it('is failed (the body was never written), and every place that shows it says it was not sent (mend61)', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup, { sendTimeoutMs: 5_000 });
    const session = await r.open();
    // The device goes away as AT+CMGS=<len> reaches it: no prompt, so the engine never writes the PDU.
    emulator.fault({ kind: 'unplug', onCommand: 'AT+CMGS' });
    const id = await session.send('10086', 'KTCL', 'KTCL');
    const last = await until(() => r.outgoing.filter((o) => o.id === id && (o.state === 'failed' || o.state === 'failed-retryable')).at(-1), 'the send ended');
    expect({ state: last.state, error: last.error }).toEqual({ state: 'failed', error: 'at.closed' });
    expect(mayHaveGoneOut(last)).toBe(false);
    expect(emulator.sent).toHaveLength(0);
    expectSaidNotSent(last);
  });
});
