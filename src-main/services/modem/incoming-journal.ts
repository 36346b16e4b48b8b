import type { HandedOutRecord, IncomingMessage } from '../../../src-shared/journal-records';
import type { Journal, ModemPlace } from '../journal';

/** A message handed over with +CMT, held by the modem only until its +CNMA. */
export const DIRECT: ModemPlace = { slot: 'direct' };
/** A message left on the modem for a full disk is tried again this often, until the journal takes it. */
const JOURNAL_RETRY_MS = 5_000;

/** What received parts need from the session that owns the modem. */
export interface IncomingJournalHost {
  journal: Journal;
  /** How soon a part the journal refused is tried again (ms); default 5 s. */
  retryEveryMs?: number | undefined;
  /** The SIM the modem holds, as the journal tells slots apart. */
  simId(): string;
  /** False once the session is closed: nothing more is tried. */
  active(): boolean;
  /** The modem is up, so its memories can be read now. */
  ready(): boolean;
  /** Reads every memory again (and whatever else waited on the journal). */
  drain(): void;
  /** A part journaled for the first time. */
  added(record: HandedOutRecord): void;
  warn(e: unknown): void;
  notice(level: 'info', text: { zh: string; en: string }): void;
}

/**
 * Where received parts go: the journal, each with the place the modem held it (`SM:3`, `ME:5`,
 * `direct`), so a repeat is told from a re-read. A part the journal refused (a full disk) stays on the
 * modem: said once, then read again every few seconds, and at once when any journal write gets
 * through, until the journal takes it, with no restart.
 */
export class IncomingJournal {
  private leftOnModem = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly offWritable: () => void;

  constructor(private readonly host: IncomingJournalHost) {
    // Any write getting through again (the store's acknowledgement, a send) means space is back.
    this.offWritable = host.journal.onWritable(() => this.retry(0));
  }

  /** The journal key once the part is on disk; null when it must stay on the modem. */
  async keep(message: IncomingMessage, where: ModemPlace): Promise<{ key: string } | null> {
    try {
      const { added, key, maybeStoredAs, sameTextAs } = await this.host.journal.appendIncoming(message, where);
      const named = { ...(maybeStoredAs === undefined ? {} : { maybeStoredAs }), ...(sameTextAs === undefined ? {} : { sameTextAs }) };
      if (added) this.host.added({ kind: 'in', key, ...message, ...named });
      this.tookItAgain();
      return { key };
    } catch (e) {
      if (!this.leftOnModem) this.host.warn(e);
      this.leftOnModem = true;
      this.retry(this.host.retryEveryMs ?? JOURNAL_RETRY_MS);
      return null;
    }
  }

  /**
   * The modem let go of the part (deleted, or +CNMA acknowledged). Only a hint for telling a later twin
   * apart: if it cannot be written (a full disk), the next full listing or the twin's unread mark does the same.
   */
  async settle(key: string, slot: string): Promise<void> {
    await this.host.journal.settle(key, slot).catch(() => undefined);
  }

  /** A full listing of `memory` shows only `listed` slots: parts journaled from any other slot there are gone. */
  async settleAbsent(memory: string, listed: ReadonlySet<string>): Promise<void> {
    await this.host.journal.settleAbsent(this.host.simId(), memory, listed).catch(() => undefined);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.offWritable();
  }

  private tookItAgain(): void {
    if (!this.leftOnModem) return;
    this.leftOnModem = false;
    this.host.notice('info', {
      zh: '短信日志又能写入了，留在 SIM 卡上的短信正在存入日志。',
      en: 'The message journal can be written again; the messages left on the SIM are being saved.',
    });
  }

  private retry(delayMs: number): void {
    if (!this.leftOnModem || !this.host.active()) return;
    if (this.timer) {
      if (delayMs > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.host.ready()) return this.retry(this.host.retryEveryMs ?? JOURNAL_RETRY_MS);
      this.host.drain();
    }, delayMs);
    this.timer.unref?.();
  }
}
