import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/**
 * review38: a broken or hostile modem that says the same `+CMTI` again and again (a firmware loop, line noise that
 * repeats). Each announcement queued a read of the slot in the session's one line of work, so 2,000 of them queued
 * 2,000 `AT+CMGR=3`, held in memory, one modem round trip each, and the user's send waited behind all of them: a
 * modem that kept it up grew the queue without bound and never sent. A slot whose read is waiting to start is read once.
 */
describe('a modem repeating one announcement (real pty, native serialport binding)', () => {
  it('reads an announced slot once per wait, and a send is not held behind thousands of reads of it', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    const session = await r.open();
    await session.drain();
    const before = r.tx.length;
    emulator.fault({ kind: 'garbage', bytes: '\r\n+CMTI: "SM",3\r\n'.repeat(2000) });
    await until(() => r.rx.filter((l) => l === '+CMTI: "SM",3').length === 2000, 'the 2,000 announcements heard');
    // The send goes in the same line of work, after every read queued so far: once it is sent, they have all run.
    await session.send('10086', 'YE', 'YE');
    await until(() => r.outgoing.some((o) => o.state === 'sent'), 'YE sent', 60_000);
    const reads = r.tx.slice(before).filter((l) => l === 'AT+CMGR=3').length;
    // Each batch of bytes the port hands over may start one more read while one is under way: a handful, not 2,000.
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThan(100);
  }, 120_000);

  /**
   * review38 left it: a modem naming ever-new slots (`+CMTI: "SM",1`, `2`, `3`…) queued one read per number, and
   * each read of an empty slot lists every memory on top. Past a few distinct waiting reads, one listing of every
   * memory stands for all the announcements heard while it waits: bounded, and a real message in any slot still read.
   */
  it('a flood of ever-new slot numbers queues a bounded number of reads, and a real message among them is still read', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    const session = await r.open();
    await session.drain();
    const before = r.tx.length;
    const flood = Array.from({ length: 500 }, (_, i) => `\r\n+CMTI: "SM",${i + 1}\r\n`).join('');
    emulator.fault({ kind: 'garbage', bytes: flood });
    // The real message comes last: its own announcement is heard while the flood's reads still wait.
    emulator.deliver('10086', '尊敬的客户，您好！');
    await until(() => r.rx.includes('+CMTI: "SM",500'), 'the 500 announcements heard');
    await session.send('10086', 'YE', 'YE');
    await until(() => r.outgoing.some((o) => o.state === 'sent'), 'YE sent', 60_000);
    await until(() => r.incoming.some((m) => m.text === '尊敬的客户，您好！'), 'the real message read');
    const reads = r.tx.slice(before).filter((l) => /^AT\+CMG[RL]=/.test(l)).length;
    expect(reads).toBeLessThan(100);
  }, 120_000);
});
