import { afterEach, describe, expect } from 'vitest';
import { DEMO_PATH } from '../../../src-main/emulator';
import { ModemSession } from '../../../src-main/services/modem/session';
import { sessionKit, type Kit } from '../session-kit';
import { expectReadable, expectUserError, faultCase, INSTANT, sendFailureText, statesOf, timesSent } from './fault-kit';

let kit: Kit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

const trapCodes = (k: Kit) => k.session.snapshot().traps.map((t) => t.code);

function expectTrapsReadable(k: Kit): void {
  for (const t of k.session.snapshot().traps) {
    expectReadable(t, `trap ${t.code}`);
    expectReadable(t.action, `trap ${t.code} action`);
  }
}

describe('fault matrix: the modem', () => {
  faultCase('modem-silent', async (row) => {
    kit = await sessionKit(INSTANT);
    kit.binding.emulator.fault({ kind: 'silence' });
    const failure = await kit.session.open().catch((e: unknown) => e);
    expectUserError(failure, row.code!);
    expectReadable((failure as { action: { zh: string; en: string } }).action, 'what to do');
    const status = kit.session.snapshot();
    expect(status).toMatchObject({ state: 'failed', error: { code: row.code } });
    expectReadable(status.error!, 'status error');
  });

  faultCase('modem-goes-silent', async (row) => {
    kit = await sessionKit(INSTANT, { healthEveryMs: 50 });
    const k = kit;
    await k.session.open();
    // The next command line (the health check's AT+CSQ) gets no answer at all.
    k.binding.emulator.fault({ kind: 'silence', commands: 1 });
    await k.waitFor(() => k.seen.status.some((s) => s.state === 'reconnecting'), 'the hung modem noticed', 20_000);
    expect(k.seen.status.find((s) => s.state === 'reconnecting')!.error?.code).toBe(row.code);
    await k.waitFor(() => k.session.snapshot().state === 'ready' && k.seen.notice.length >= 2, 'connected again', 20_000);
    expect(k.seen.notice.map((n) => n.en)).toEqual([expect.stringMatching(/disconnected.*reconnecting/), 'The modem is connected again.']);
    for (const notice of k.seen.notice) expectReadable(notice, 'notice');
    const id = await k.session.send('10086', 'YE', 'YE');
    await k.waitFor(() => statesOf(k, id).includes('sent'), 'a send afterwards');
    expect(timesSent(k.binding.emulator, 'YE')).toBe(1);
  });

  faultCase('sim-pin', async (row) => {
    kit = await sessionKit({ ...INSTANT, sim: { pin: '1234' } });
    const k = kit;
    await k.session.open();
    expect(k.session.snapshot()).toMatchObject({ sim: 'pin', state: 'probing' });
    expect(trapCodes(k)).toEqual(['pin']);
    expectTrapsReadable(k);
    const id = await k.session.send('10086', 'YE', 'YE');
    expect(statesOf(k, id)).toEqual(['queued']);
    const wrong = await k.session.enterPin('0000').catch((e: unknown) => e);
    expectUserError(wrong, row.code!);
    expect(k.binding.emulator.sim.pinTriesLeft).toBe(2);
    expect(timesSent(k.binding.emulator, 'YE')).toBe(0);
    await k.session.enterPin('1234');
    await k.waitFor(() => statesOf(k, id).includes('delivered'), 'the queued instruction, delivered');
    expect(statesOf(k, id)).toEqual(row.states);
    expect(trapCodes(k)).toEqual([]);
    expect(timesSent(k.binding.emulator, 'YE')).toBe(1);
  });

  faultCase('sim-puk', async (row) => {
    kit = await sessionKit(INSTANT);
    const k = kit;
    k.binding.emulator.fault({ kind: 'sim-locked', state: 'SIM PUK' });
    await k.session.open();
    expect(k.session.snapshot()).toMatchObject({ sim: 'puk', state: 'probing' });
    expect(trapCodes(k)).toEqual(['puk']);
    expectTrapsReadable(k);
    expect(k.session.snapshot().traps[0]!.action!.en).toMatch(/Do not guess/);
    const id = await k.session.send('10086', 'YE', 'YE');
    expect(statesOf(k, id)).toEqual(row.states);
    expect(k.journal.outgoing(id)).toMatchObject({ state: 'queued' });
    expect(timesSent(k.binding.emulator, 'YE')).toBe(0);
  });

  faultCase('no-network-then-network', async (row) => {
    // A short wait for the network: the outage stays, so the wait runs out (a minute in use).
    kit = await sessionKit(INSTANT, { networkWaitMs: 300 });
    const k = kit;
    const emu = k.binding.emulator;
    emu.fault({ kind: 'no-network', durationMs: null });
    await k.session.open();
    expect(k.session.snapshot().registration).toBe('none');
    expect(trapCodes(k)).toEqual(['no-network']);
    expectTrapsReadable(k);
    const id = await k.session.send('10086', 'YE', 'YE');
    await k.waitFor(() => statesOf(k, id).includes('failed'), 'the refused send');
    expect(statesOf(k, id)).toEqual(row.states);
    expect(k.journal.outgoing(id)).toMatchObject({ error: row.code });
    expect(k.seen.outgoing.filter((o) => o.id === id).map((o) => o.error)).toEqual([null, 'send.waiting-network', row.code]);
    expect(timesSent(emu, 'YE')).toBe(0);
    expectReadable(sendFailureText(row.code!), 'send failure');
    // Coverage comes back at once: the modem searches, then registers.
    emu.fault({ kind: 'no-network', durationMs: 0 });
    await k.waitFor(() => k.session.snapshot().registration === 'home', 'registered again');
    expect(trapCodes(k)).toEqual([]);
    const next = await k.session.send('10086', 'JF', 'JF');
    await k.waitFor(() => statesOf(k, next).includes('sent'), 'a send on the network');
    expect(timesSent(emu, 'JF')).toBe(1);
    expect(timesSent(emu, 'YE')).toBe(0);
  });

  faultCase('port-in-use', async (row) => {
    kit = await sessionKit(INSTANT);
    const k = kit;
    await k.session.open();
    const second = new ModemSession({ modemId: 'second', path: DEMO_PATH, demo: true, journal: k.journal, binding: k.binding });
    const failure = await second.open().catch((e: unknown) => e);
    expectUserError(failure, row.code!);
    const status = second.snapshot();
    expect(status).toMatchObject({ state: 'failed', error: { code: row.code } });
    expect(status.traps.map((t) => t.code)).toContain('busy');
    for (const t of status.traps) expectReadable(t, `trap ${t.code}`);
    await second.close();
    // The first instance is untouched.
    const id = await k.session.send('10086', 'YE', 'YE');
    await k.waitFor(() => statesOf(k, id).includes('sent'), 'a send on the first');
    expect(timesSent(k.binding.emulator, 'YE')).toBe(1);
  });
});
