import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { assembleRecords } from '../../src-shared/assemble';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
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
