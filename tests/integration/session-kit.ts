import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulatorBinding, DEMO_PATH, type EmulatorBinding } from '../../src-main/emulator/binding';
import { INSTANT_TIMING, type EmulatorOptions } from '../../src-main/emulator/options';
import { Journal, type JournalOptions } from '../../src-main/services/journal';
import { ModemSession, type SessionEvents, type SessionOptions } from '../../src-main/services/modem/session';
import { assembleRecords } from '../../src-shared/assemble';
import { explainSendFailure } from '../../src-shared/send-failure';
import { sendFailure } from '../../src-main/services/extension-link/extension-session';
import { describeSendError } from '../../src-renderer/core/describe-send-error';
import { makeI18n } from '../../src-renderer/i18n';

/** Quick but not instant: parts still arrive out of order and a moment apart, as from a real network. */
export const FAST: EmulatorOptions = { ...INSTANT_TIMING, replyDelayMs: 20, partGapMs: 10, statusReportMs: 10 };

/** What every place says of a failed send, zh and en: the CLI's words, the extension popup's and the page's bubble. */
export function sendWords(last: { error?: string | null; state: string }): string[] {
  const cli = explainSendFailure(last.error!, last.state);
  const popup = sendFailure(last.error!, last.state);
  const bubble = [describeSendError(last.error!, makeI18n('zh-Hans'), last.state).text, describeSendError(last.error!, makeI18n('en'), last.state).text];
  return [cli.zh, cli.en, popup.zh, popup.en, ...bubble];
}

export interface Kit {
  dir: string;
  journal: Journal;
  binding: EmulatorBinding;
  session: ModemSession;
  seen: { [E in keyof SessionEvents]: SessionEvents[E][] };
  /** Waits (polling, no fixed sleeps) until `check` holds; fails with `what` after `ms`. */
  waitFor<T>(check: () => T | null | undefined | false, what: string, ms?: number): Promise<T>;
  replies(from?: string): ReturnType<typeof assembleRecords>;
  reopenJournal(): Promise<Journal>;
  close(): Promise<void>;
}

export async function sessionKit(
  emulatorOptions: EmulatorOptions = FAST,
  extra: Partial<SessionOptions> = {},
  journalOptions: JournalOptions = {},
): Promise<Kit> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-session-'));
  const journal = await Journal.open(dir, journalOptions);
  const binding = createEmulatorBinding({ emulatorOptions });
  const session = new ModemSession({ modemId: 'test', path: DEMO_PATH, demo: true, journal, binding, backoffMs: [50, 100], ...extra });
  const seen = { status: [], incoming: [], outgoing: [], notice: [] } as Kit['seen'];
  for (const event of Object.keys(seen) as (keyof SessionEvents)[]) session.on(event, (d) => (seen[event] as unknown[]).push(d));
  let currentJournal = journal;
  const kit: Kit = {
    dir,
    get journal() {
      return currentJournal;
    },
    binding,
    session,
    seen,
    async waitFor(check, what, ms = 10_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const v = check();
        if (v) return v as never;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    replies(from = '10086') {
      return assembleRecords(seen.incoming.filter((r) => r.from === from));
    },
    async reopenJournal() {
      await currentJournal.close();
      currentJournal = await Journal.open(dir, journalOptions);
      return currentJournal;
    },
    async close() {
      await session.close();
      await currentJournal.close().catch(() => undefined);
      binding.emulator.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return kit;
}
