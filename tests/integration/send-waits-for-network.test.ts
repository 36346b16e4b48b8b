import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import type { ModemSession } from '../../src-main/services/modem/session';
import { ptyRig, until, type PtyRig } from './pty-rig';
import { FAST } from './session-kit';

/**
 * A modem just up (or a card just in) searches for the network for seconds before +CREG says registered; a send in
 * that window was refused by the network (+CMS ERROR: 331) and showed "failed" until the clerk pressed Retry. It now
 * waits, said so, and goes with the +CREG that registers the card. The emulator on a real pty, serialport's own binding.
 */
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

const FIRST = { iccid: '89860012345678900082', imsi: '460001234567008' };
const NEXT = { iccid: '89860012345678900108', imsi: '460001234567010' };

/**
 * A modem that searches until the test says otherwise: the network registers a card put in only after an hour
 * (registerDelayMs), and the one in at power-on is searching too (+CREG: 2). Nothing can register before the test does.
 */
function searchingModem(): ModemEmulator {
  const emulator = new ModemEmulator({ ...FAST, registerDelayMs: 3_600_000, sim: FIRST });
  emulator.fault({ kind: 'no-network', stat: 2, durationMs: null });
  return emulator;
}
/** The coverage the test grants: the registration +CREG: 1 (an "outage" whose state is registered). */
const registerNow = (emulator: ModemEmulator) => emulator.fault({ kind: 'no-network', stat: 1, durationMs: null });

const waitingNote = (r: PtyRig, id: string) => until(() => r.outgoing.some((o) => o.id === id && o.state === 'queued' && o.error === 'send.waiting-network'), 'the instruction waiting for the network');
const errorsOf = (r: PtyRig, id: string) => r.outgoing.filter((o) => o.id === id).map((o) => `${o.state}/${o.error}`);

/** The journal's write of `id`'s `state` held, as a slow fsync would hold it: `holding` once it is, until `release`. */
function holdWrite(r: PtyRig, id: string, state: string): { holding: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const held = new Promise<void>((done) => (release = done));
  let reached: () => void = () => undefined;
  const holding = new Promise<void>((done) => (reached = done));
  const recordOutgoing = r.journal.recordOutgoing.bind(r.journal);
  r.journal.recordOutgoing = async (change) => {
    if (change.id === id && change.state === state) {
      reached();
      await held;
    }
    return recordOutgoing(change);
  };
  return { holding, release };
}

describe('a send while the network is still registering (real pty, native serialport binding)', () => {
  it('waits, said so, and goes once +CREG says registered: once, not failed with cms.331', async () => {
    const emulator = searchingModem();
    const r = await ptyRig(emulator, cleanup);
    const session = await r.open();
    expect(session.snapshot()).toMatchObject({ state: 'ready', registration: 'searching' });
    const id = await session.send('10086', 'YE', 'YE');
    await waitingNote(r, id);
    expect(emulator.sent).toHaveLength(0);
    expect(r.tx.filter((line) => line.startsWith('AT+CMGS'))).toHaveLength(0);

    registerNow(emulator);
    await until(() => r.journal.outgoing(id)?.state === 'delivered', 'the instruction delivered');
    expect(emulator.sent.map((m) => m.part.text)).toEqual(['YE']);
    expect(errorsOf(r, id)).toEqual(['queued/null', 'queued/send.waiting-network', 'sending/null', 'sent/null', 'delivered/null']);
  });

  it('stays its card\'s: a card swapped in while it waits does not send it, it fails as send.sim-changed', async () => {
    const emulator = searchingModem();
    const r = await ptyRig(emulator, cleanup);
    const session = await r.open();
    const id = await session.send('10086', 'YE', 'YE');
    await waitingNote(r, id);

    emulator.pullSim();
    await until(() => session.snapshot().simId === null, 'the card heard leaving');
    emulator.pushSim(NEXT);
    await until(() => session.snapshot().state === 'ready' && session.snapshot().simId === NEXT.iccid, 'the next card up');
    registerNow(emulator);
    await until(() => r.journal.outgoing(id)?.state === 'failed', 'the instruction failed');
    expect(r.journal.outgoing(id)).toMatchObject({ error: 'send.sim-changed', simId: FIRST.iccid });
    expect(emulator.sent).toHaveLength(0);
  });

  it('the give-up after networkWaitMs takes out only those that waited: the network back during its journal writes neither loses a later one nor fails one being sent', async () => {
    const emulator = searchingModem();
    const r = await ptyRig(emulator, cleanup, { networkWaitMs: 300 });
    // Queued before the modem is up, so the first pump finds all three and their waits start together: the one give-up
    // takes them all, whatever the load does to its timer.
    let session: ModemSession | null = null;
    const ids: string[] = [];
    await r.open(() => undefined, async (s) => {
      session = s;
      for (const text of ['A', 'B', 'C']) ids.push(await s.send('10086', text, text));
    });
    const [a, b, c] = ids as [string, string, string];
    for (const id of [a, b, c]) await waitingNote(r, id);

    // The give-up's first write (A failed) is held, as a slow fsync would hold it, until the test has let the network
    // come back (its +CREG starts a pump) and queued D: the interleaving review37 found.
    const { holding: givingUp, release } = holdWrite(r, a, 'failed');
    await givingUp;
    registerNow(emulator);
    // The +CREG's pump runs in the same turn as the registration it reports: what it took from the outbox is taken.
    await until(() => session!.snapshot().registration === 'home', 'registered');
    const d = await session!.send('10086', 'D', 'D');
    release();

    await until(() => ['sent', 'delivered'].includes(r.journal.outgoing(d)?.state ?? ''), 'D, queued once registered while the give-up was writing, sent');
    await until(() => [a, b, c].every((id) => r.journal.outgoing(id)?.state === 'failed'), 'A, B and C failed');
    for (const id of [a, b, c]) {
      expect(r.journal.outgoing(id)).toMatchObject({ error: 'send.no-network' });
      expect(errorsOf(r, id).filter((e) => !e.startsWith('queued/'))).toEqual(['failed/send.no-network']);
    }
    expect(emulator.sent.map((m) => m.part.text)).toEqual(['D']);
  });

  it('the network back starts a new wait: lost again before the next goes, that one waits its full bound again (mend39\'s untested reset)', async () => {
    const waitMs = 3_000;
    const emulator = searchingModem();
    const r = await ptyRig(emulator, cleanup, { networkWaitMs: waitMs });
    let session: ModemSession | null = null;
    const ids: string[] = [];
    await r.open(() => undefined, async (s) => {
      session = s;
      for (const text of ['A', 'B']) ids.push(await s.send('10086', text, text));
    });
    const [a, b] = ids as [string, string];
    for (const id of [a, b]) await waitingNote(r, id);
    const firstWait = Date.now();

    // A's `sending` write is held (a slow fsync): the pump that the registration started has already found the
    // network back, and B waits behind A. Meanwhile the network is lost again, and B's first wait outlives its bound.
    const { holding, release } = holdWrite(r, a, 'sending');
    registerNow(emulator);
    await holding;
    emulator.fault({ kind: 'no-network', stat: 2, durationMs: null });
    await until(() => session!.snapshot().registration !== 'home', 'the network lost again');
    await until(() => Date.now() - firstWait > waitMs, 'B waited longer than its bound since its first wait began');
    release();

    // B's second wait is a new one (said again), so it is there when the network comes back: not failed at once.
    const waitsOf = (id: string) => r.outgoing.filter((o) => o.id === id && o.state === 'queued' && o.error === 'send.waiting-network').length;
    await until(() => waitsOf(b) === 2 || r.journal.outgoing(b)?.state === 'failed', 'B waiting again, or failed');
    expect(errorsOf(r, b)).toEqual(['queued/null', 'queued/send.waiting-network', 'queued/send.waiting-network']);
    registerNow(emulator);
    await until(() => ['sent', 'delivered', 'failed', 'failed-retryable'].includes(r.journal.outgoing(b)?.state ?? ''), 'B final');
    expect(errorsOf(r, b).filter((e) => !e.startsWith('queued/'))).toEqual(expect.arrayContaining(['sending/null', 'sent/null']));
    expect(emulator.sent.map((m) => m.part.text)).toContain('B');
  });

  it('refused with 331 although registered (the network lost since): asked once more, never twice; a second 331 fails it', async () => {
    const emulator = new ModemEmulator({ ...FAST, sim: FIRST });
    const r = await ptyRig(emulator, cleanup);
    const session = await r.open();
    await until(() => session.snapshot().registration === 'home', 'registered');

    emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 331, times: 1 });
    const once = await session.send('10086', 'YE', 'YE');
    await until(() => r.journal.outgoing(once)?.state === 'delivered', 'sent on the second try');
    expect(emulator.sent.map((m) => m.part.text)).toEqual(['YE']);

    emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 331, times: 2 });
    const twice = await session.send('10086', 'JF', 'JF');
    await until(() => r.journal.outgoing(twice)?.state === 'failed', 'failed after the second refusal');
    expect(r.journal.outgoing(twice)).toMatchObject({ error: 'cms.331' });
    expect(emulator.sent.map((m) => m.part.text)).toEqual(['YE']);
    expect(r.tx.filter((line) => line.startsWith('AT+CMGS'))).toHaveLength(4);
  });
});
