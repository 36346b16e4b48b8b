import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModemEmulator } from '../../src-main/emulator/modem';
import { startPtyEmulator } from '../../src-main/emulator/pty';
import { encodeLine, Journal, type JournalRecord } from '../../src-main/services/journal';
import type { HandedOutRecord } from '../../src-shared/journal-records';
import { ModemSession, type SessionEvents, type SessionOptions } from '../../src-main/services/modem/session';

/**
 * An emulated device on a real pseudo-terminal, a journal in a temporary folder, and sessions on it with
 * serialport's own native binding (no binding given), as with a USB modem. What every session said is
 * collected; `cleanup` gets what undoes it all. `options` go to every session (shorter timings).
 */
export interface PtyRig {
  emulator: ModemEmulator;
  /** The device path the sessions open. */
  path: string;
  dir: string;
  journal: Journal;
  incoming: SessionEvents['incoming'][];
  outgoing: SessionEvents['outgoing'][];
  notices: SessionEvents['notice'][];
  /** Every line the sessions wrote and read, in order (message bodies left out). */
  tx: string[];
  rx: string[];
  /** A new session on the device, opened; `onTx` sees each line it writes as it is written, `beforeOpen` the session not yet open. */
  open(onTx?: (line: string) => void, beforeOpen?: (session: ModemSession) => Promise<void>): Promise<ModemSession>;
}

export async function ptyRig(emulator: ModemEmulator, cleanup: (() => Promise<void>)[], options: Partial<SessionOptions> = {}): Promise<PtyRig> {
  const pty = await startPtyEmulator({ emulator });
  cleanup.push(() => pty.close());
  const dir = await mkdtemp(join(tmpdir(), 'hall-pty-rig-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const journal = await Journal.open(dir);
  cleanup.push(() => journal.close());
  const rig: PtyRig = {
    emulator,
    path: pty.path,
    dir,
    journal,
    incoming: [],
    outgoing: [],
    notices: [],
    tx: [],
    rx: [],
    async open(onTx, beforeOpen) {
      const log = (way: 'tx' | 'rx', text: string) => {
        rig[way].push(text);
        if (way === 'tx') onTx?.(text);
      };
      const session = new ModemSession({ modemId: 'pty', path: pty.path, demo: false, journal, log, ...options });
      cleanup.push(() => session.close());
      session.on('incoming', (r) => rig.incoming.push(r));
      session.on('outgoing', (r) => rig.outgoing.push(r));
      session.on('notice', (n) => rig.notices.push(n));
      await beforeOpen?.(session);
      await session.open();
      return session;
    },
  };
  return rig;
}

/**
 * A journal left in `dir` as `records` (as an older version wrote it), then opened with a session on
 * `emulator` over a real pty and serialport's native binding: what the next start of the app does.
 */
export async function startOnJournal(dir: string, records: readonly JournalRecord[], emulator: ModemEmulator, cleanup: (() => Promise<void>)[]): Promise<Started> {
  await writeFile(join(dir, 'journal.log'), Buffer.concat(records.map(encodeLine)), { mode: 0o600 });
  const pty = await startPtyEmulator({ emulator });
  cleanup.push(() => pty.close());
  return startAgain(dir, pty.path, cleanup);
}

/** A start of the app: its journal, what the session journaled, and what stops it (the session, then the journal). */
export interface Started {
  journal: Journal;
  incoming: HandedOutRecord[];
  stop(): Promise<void>;
}

/** The journal in `dir` opened and a session on the device at `path` (its previous session closed): the app's next start. */
export async function startAgain(dir: string, path: string, cleanup: (() => Promise<void>)[]): Promise<Started> {
  const journal = await Journal.open(dir);
  cleanup.push(() => journal.close());
  const incoming: HandedOutRecord[] = [];
  const session = new ModemSession({ modemId: 'pty', path, demo: false, journal });
  cleanup.push(() => session.close());
  session.on('incoming', (x) => incoming.push(x));
  await session.open();
  return {
    journal,
    incoming,
    async stop() {
      await session.close();
      await journal.close();
    },
  };
}

/** Waits (polling, no fixed sleeps) until `check` holds; fails naming `what` after `ms`. */
export async function until<T>(check: () => T | null | undefined | false, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
