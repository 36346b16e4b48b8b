import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PATH } from '../../src-main/emulator/binding';
import { ModemSession } from '../../src-main/services/modem/session';
import type { IncomingRecord } from '../../src-shared/journal-records';
import { FAST, sessionKit, type Kit } from './session-kit';

let kit: Kit | null = null;
const sessions: ModemSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  await kit?.close();
  kit = null;
});

const TEXT = '您的账户余额为35.20元。';
const timestamp = new Date(Date.UTC(2026, 10, 25, 1, 0, 0));

/** The app stops right after journaling the first part it reads: its delete never reaches the modem. */
function stopAfterFirstJournaled(k: Kit): void {
  const off = k.session.on('incoming', () => {
    off();
    void k.session.close();
  });
}

/** A new life of the app on the same modem and data folder: the journal reopened, a new session. */
async function restart(k: Kit): Promise<{ session: ModemSession; incoming: IncomingRecord[] }> {
  const journal = await k.reopenJournal();
  const session = new ModemSession({ modemId: 'test', path: DEMO_PATH, demo: true, journal, binding: k.binding, backoffMs: [50, 100] });
  sessions.push(session);
  const incoming: IncomingRecord[] = [];
  session.on('incoming', (r) => incoming.push(r));
  await session.open();
  return { session, incoming };
}

describe('identical messages on the SIM (same sender, text and second) are two messages', () => {
  it('keeps the second after the app stopped between deleting the first and reading the second', async () => {
    // The app stops the moment the modem confirms the first delete, before it reads the second.
    let deleting = false;
    let stop = (): void => undefined;
    kit = await sessionKit(FAST, {
      log: (dir, text) => {
        if (dir === 'tx' && text.startsWith('AT+CMGD')) deleting = true;
        else if (dir === 'rx' && deleting && text === 'OK') stop();
      },
    });
    stop = () => void kit!.session.close();
    const emu = kit.binding.emulator;
    emu.deliver('10086', TEXT, { timestamp });
    emu.deliver('10086', TEXT, { timestamp });
    await kit.waitFor(() => emu.sim.messages.length === 2, 'both on the SIM');
    await kit.session.open().catch(() => undefined);
    await kit.waitFor(() => kit!.session.snapshot().state === 'closed', 'the first life ended');
    expect(kit.journal.pendingIncoming()).toHaveLength(1);
    expect(emu.sim.messages).toHaveLength(1);

    const { incoming } = await restart(kit);
    await kit.waitFor(() => emu.sim.messages.length === 0, 'the SIM drained');
    const kept = kit.journal.pendingIncoming();
    expect(new Set(kept.map((r) => r.key)).size).toBe(2);
    expect(kept.map((r) => r.text)).toEqual([TEXT, TEXT]);
    expect(incoming).toHaveLength(1);
  });

  it('keeps both when the app stopped between journaling the first and deleting it', async () => {
    kit = await sessionKit();
    const emu = kit.binding.emulator;
    emu.deliver('10086', TEXT, { timestamp });
    emu.deliver('10086', TEXT, { timestamp });
    await kit.waitFor(() => emu.sim.messages.length === 2, 'both on the SIM');
    stopAfterFirstJournaled(kit);
    await kit.session.open().catch(() => undefined);
    await kit.waitFor(() => kit!.session.snapshot().state === 'closed', 'the first life ended');
    expect(kit.journal.pendingIncoming()).toHaveLength(1);
    expect(emu.sim.messages).toHaveLength(2);

    const { incoming } = await restart(kit);
    await kit.waitFor(() => emu.sim.messages.length === 0, 'the SIM drained');
    expect(new Set(kit.journal.pendingIncoming().map((r) => r.key)).size).toBe(2);
    // The one journaled before the stop is not handed out twice; the second is new.
    expect(incoming).toHaveLength(1);
  });

  it('does not keep the same slot twice when it is read again after a restart', async () => {
    kit = await sessionKit();
    const emu = kit.binding.emulator;
    emu.deliver('10086', TEXT, { timestamp });
    await kit.waitFor(() => emu.sim.messages.length === 1, 'on the SIM');
    stopAfterFirstJournaled(kit);
    await kit.session.open().catch(() => undefined);
    await kit.waitFor(() => kit!.session.snapshot().state === 'closed', 'the first life ended');
    const { incoming } = await restart(kit);
    await kit.waitFor(() => emu.sim.messages.length === 0, 'the SIM drained');
    expect(incoming).toHaveLength(0);
    expect(kit.journal.pendingIncoming()).toHaveLength(1);
  });

  it('keeps an identical message that arrives in a slot freed by its twin, after a restart', async () => {
    kit = await sessionKit();
    const emu = kit.binding.emulator;
    emu.deliver('10086', TEXT, { timestamp });
    await kit.session.open();
    await kit.waitFor(() => kit!.seen.incoming.length === 1 && emu.sim.messages.length === 0, 'the first, read and deleted');
    await kit.session.close();
    // While the app is down the same text from the same second lands in the freed slot.
    emu.deliver('10086', TEXT, { timestamp });
    await kit.waitFor(() => emu.sim.messages.length === 1, 'the twin on the SIM');
    const { incoming } = await restart(kit);
    await kit.waitFor(() => emu.sim.messages.length === 0, 'the SIM drained');
    expect(incoming).toHaveLength(1);
    expect(kit.journal.pendingIncoming()).toHaveLength(2);
  });
});
