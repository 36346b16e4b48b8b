import { answeredInTextMode, fitsLength, parseCmgf, parseCmgl, parseCmgr, parseCpms, parseCpmsQuery, parseCpmsTest, type StoredPdu } from '../../../src-shared/at/status';
import { planStorage, type StoragePlan } from '../../../src-shared/at/storage-plan';
import type { ModemPlace } from '../journal';
import type { AtCommandOptions, AtResponse } from './at-engine';
import { AtError } from './at-engine';
import type { Ingestible, Unreadable } from './incoming';

/** Reads of stored PDUs: unsolicited lines between a header and its PDU are recognised by shape. */
const PDU_READ = { unsolicitedByShape: true } as const;
/** TS 27.005 <stat> 0: a stored message nobody has read yet. */
const REC_UNREAD = 0;
/** How a modem says no to reading a slot (as opposed to not answering, or the port going away). */
const REFUSALS: ReadonlySet<string> = new Set(['at.cms', 'at.cme', 'at.error']);

/** What the message memories need from the session that owns the modem. */
export interface StoreHost {
  at(command: string, timeoutMs?: number, payload?: string, extra?: Pick<AtCommandOptions, 'unsolicitedByShape'>): Promise<AtResponse>;
  tryAt(command: string): Promise<AtResponse | null>;
  interpret(pdu: string): Ingestible;
  /** An undecodable PDU as the journal keeps it, as for one handed over directly (incoming.ts, unreadableMessage). */
  unreadable(read: Unreadable): Ingestible;
  /**
   * Journals a message or applies a status report, with the slot it came from (`ME:5`): the journal
   * key when it is on disk, null when it must stay.
   */
  ingest(meaning: Ingestible, where: ModemPlace): Promise<{ key: string | null } | null>;
  /** The part journaled as `key` left `slot` (deleted): an identical message there later is new. */
  settle(key: string, slot: string): Promise<void>;
  /** A full listing of `memory` shows only `listed` slots: parts journaled from any other slot there are gone. */
  settleAbsent(memory: string, listed: ReadonlySet<string>): Promise<void>;
  notice(level: 'info' | 'warning', text: { zh: string; en: string }): void;
  /** The modem answered in text mode: it must be set up again (PDU mode), then read again. */
  pduModeLost(): void;
  storageUse(use: { used: number; total: number } | null): void;
}

/**
 * The modem's message memories (TS 27.005 +CPMS): which to use, chosen from what the modem offers, and
 * every read that ends in a delete. The rule that keeps every message lives here: a slot is deleted
 * only after its PDU decoded into a message the journal has on disk, or into a status report.
 */
export class StoredMessages {
  /** Where the modem reads and deletes now (CPMS's first memory). */
  private memory = 'SM';
  private plan: StoragePlan = planStorage(null);
  /** Memories found with no room (total 0): never listed. */
  private readonly noRoom = new Set<string>();
  /** Unreadable slots already reported, so a poll does not say it again every time. */
  private readonly unreadableSeen = new Set<string>();
  /** The full receiving memory already reported (null: none is), so a poll does not say it again. */
  private fullSaid: string | null = null;
  /** A reading of the memories failed: the health check reads them again. */
  private owed = false;
  /** The modem answered in text mode: nothing more is read until it is set up again (choose()). */
  private textMode = false;
  /** Counts the modem's restarts in place: a read made before one must not lead to a delete after it. */
  private restarts = 0;
  /** Counts the cards that left while the modem ran: a read made before one must not lead to a delete after it. */
  private cardsLeft = 0;

  /** The modem's family counts a memory empty right after a message came (ModemFamily.emptyCountLags): list it anyway. */
  emptyCountLags = false;
  /** The family may restart without a word (ModemFamily.restartsSilently): a bare `AT` before each delete, whose echo tells. */
  askBeforeDelete = false;

  constructor(private readonly host: StoreHost) {}

  /**
   * Message memories from what the modem offers (`AT+CPMS=?`), checked with `AT+CPMS?`: a memory the
   * modem refused or that has no room (0 slots, as on some eSIM modules) is not used for receiving.
   */
  async choose(): Promise<void> {
    const { host } = this;
    this.textMode = false;
    const offered = await host.tryAt('AT+CPMS=?');
    this.plan = planStorage(offered ? parseCpmsTest(offered.lines) : null);
    this.noRoom.clear();
    for (const [read, write, receive] of this.plan.choices) {
      if (!(await host.tryAt(`AT+CPMS="${read}","${write}","${receive}"`))) continue;
      const uses = await this.uses();
      for (const u of uses ?? []) if (u.total === 0) this.noRoom.add(u.mem);
      const kept = uses?.[2];
      if (uses && kept && kept.mem === receive && kept.total > 0) {
        this.memory = uses[0]!.mem;
        host.storageUse({ used: kept.used, total: kept.total });
        return;
      }
    }
    // Nothing verified: read what the modem says it uses, and go on with that.
    const uses = await this.uses();
    if (uses) this.memory = uses[0]!.mem;
    const receiving = uses?.[2];
    host.storageUse(receiving ? { used: receiving.used, total: receiving.total } : null);
    if (!receiving || receiving.total === 0) {
      host.notice('warning', {
        zh: '调制解调器没有可以存放短信的存储区（容量为 0）；新短信只能直接送达。',
        en: 'The modem has no message storage with room (capacity 0); new messages can only be handed over directly.',
      });
    }
  }

  /**
   * One slot announced by +CMTI / +CDSI. A status report is looked for in the report memory too: a
   * Quectel EC25 announces `+CDSI: "SM",n` for a report it keeps in SR (asterisk-chan-quectel PR #75).
   * A slot the modem refuses to read (`+CMTI: "ME",67` then `+CMS ERROR: 321`, serialport-gsm issue #92;
   * `+CDSI: "SR",8` then 321 on a SIM7600, python-gsmmodem issue #106) or reads empty still announced
   * a message that is somewhere: every memory is listed. With announcements on there is no poll, so
   * before, that message waited on the SIM unseen until the app restarted.
   */
  async readAnnounced(storage: string, index: number, report: boolean): Promise<void> {
    try {
      await this.readSlot(storage || this.memory, index, report);
    } catch (e) {
      // Whatever stopped the reading (no answer, a listing refused too), the health check reads again.
      if (!(e instanceof AtError && e.code === 'at.closed')) this.owed = true;
      throw e;
    }
  }

  /** A reading failed: what the modem holds is read again at the next health check. */
  get readingOwed(): boolean {
    return this.owed;
  }

  /**
   * The modem restarted in place (it said RDY, or the like): it came back with its factory memories (a
   * Quectel EC25 reads and receives in ME), so an `AT+CMGD=<index>` of a slot read before would delete
   * that index in another memory, where the network may just have put a message held while it was down.
   * No delete of an earlier read follows; the set-up that follows reads every memory again (review17).
   */
  modemRestarted(): void {
    this.restarts++;
    this.memory = '';
  }

  /**
   * The card left while the modem runs (hot-plug, review33): SM is the card's own memory, so the indexes a reading
   * of it listed are the next card's slots now, holding messages nobody has read. No delete of that reading follows
   * (a part journaled just before stays held, deleted when its card is back and read again), as after a restart
   * (review34).
   */
  cardLeft(): void {
    this.cardsLeft++;
    this.memory = '';
  }

  /**
   * A listed slot read once more; null when the modem refuses the read: the slot then stays, and the listing goes on
   * (a throw would leave every entry after it unread until the read is taken, and since mend33 every entry whose header
   * counts its length otherwise is read again).
   */
  private async readAgain(index: number): Promise<Omit<StoredPdu, 'index'> | null> {
    try {
      return parseCmgr((await this.host.at(`AT+CMGR=${index}`, undefined, undefined, PDU_READ)).lines);
    } catch (e) {
      if (e instanceof AtError && REFUSALS.has(e.code)) return null;
      throw e;
    }
  }

  private async readSlot(mem: string, index: number, report: boolean): Promise<void> {
    // Announced in a memory it cannot read from (Cinterion: +CMTI: "SM" but reads only ME/MT): read them all.
    if (![...this.plan.drain, this.plan.reports].includes(mem)) {
      await this.drainAll();
      return;
    }
    let read: Omit<StoredPdu, 'index'> | null = null;
    const pass = this.newPass();
    try {
      // Already the reading memory (the usual case, one +CMTI after another): no command for it.
      if (mem !== this.memory) await this.use(mem);
      const answer = await this.host.at(`AT+CMGR=${index}`, undefined, undefined, PDU_READ);
      if (this.inTextMode(answer)) return;
      read = parseCmgr(answer.lines);
    } catch (e) {
      if (!(e instanceof AtError && REFUSALS.has(e.code))) throw e;
    }
    const kept = read ? await this.keepThenDelete(mem, index, read, pass) : null;
    if (report && kept !== 'status-report') await this.drain(this.plan.reports ?? mem);
    else if (!read) await this.drainAll();
  }

  /** Every memory that can hold messages, then the report memory (so it never fills up). */
  async drainAll(): Promise<number> {
    try {
      const kept = await this.drainEach();
      this.owed = false;
      return kept;
    } catch (e) {
      if (!(e instanceof AtError && e.code === 'at.closed')) this.owed = true;
      throw e;
    }
  }

  private async drainEach(): Promise<number> {
    let kept = 0;
    const mems = [...this.plan.drain, ...(this.plan.reports ? [this.plan.reports] : [])];
    for (const mem of mems) if (!this.noRoom.has(mem) && !this.textMode) kept += await this.drain(mem);
    // The receiving memory's use, as the status shows it.
    const uses = await this.uses();
    const receiving = uses?.[2];
    if (receiving) this.host.storageUse({ used: receiving.used, total: receiving.total });
    if (uses && receiving && receiving.total > 0 && receiving.used >= receiving.total) await this.receiveElsewhere(uses.map((u) => u.mem));
    else this.fullSaid = null;
    return kept;
  }

  /**
   * The receiving memory is still full once every message in it was taken: what fills it stays there
   * (sent messages and drafts a phone saved on the SIM, unreadable ones). Full, it makes the modem refuse
   * every new message (TS 24.011 RP-ERROR "memory capacity exceeded"), which the network holds only until
   * it expires. Receiving moves to the next memory the modem offers with room; the move frees the modem to
   * take what the network holds (its memory-available notice). Said once, until the memory is full again.
   */
  private async receiveElsewhere(now: string[]): Promise<void> {
    const { host } = this;
    const full = now[2]!;
    for (const choice of this.plan.choices) {
      const receive = choice[2];
      if (receive === full || this.noRoom.has(receive)) continue;
      if (!(await host.tryAt(`AT+CPMS="${choice.join('","')}"`))) continue;
      const uses = await this.uses();
      for (const u of uses ?? []) if (u.total === 0) this.noRoom.add(u.mem);
      const kept = uses?.[2];
      if (uses && kept?.mem === receive && kept.used < kept.total) {
        this.memory = uses[0]!.mem;
        host.storageUse({ used: kept.used, total: kept.total });
        if (this.fullSaid !== full) {
          host.notice('warning', {
            zh: `${full} 存储已满，里面是本应用不会删除的短信（手机存的已发短信、草稿或无法读取的短信）；新短信改存到调制解调器自己的存储（${receive}）。`,
            en: `The ${full} message storage is full of messages this app does not delete (sent messages or drafts a phone saved, unreadable ones); new messages now go to the modem's own memory (${receive}).`,
          });
        }
        this.fullSaid = full;
        return;
      }
    }
    // Nowhere else: back to where the modem was.
    if (await host.tryAt(`AT+CPMS="${now.join('","')}"`)) this.memory = now[0]!;
    if (this.fullSaid === full) return;
    this.fullSaid = full;
    host.notice('warning', {
      zh: `${full} 存储已满，里面是本应用不会删除的短信（手机存的已发短信、草稿或无法读取的短信），也没有别的存储可用：新短信在网络中等候，过期就会丢失。请在手机上删掉一些 SIM 卡里的短信。`,
      en: `The ${full} message storage is full of messages this app does not delete (sent messages or drafts a phone saved, unreadable ones), and there is no other memory to use: new messages wait in the network and are lost when they expire. Delete some messages on the SIM with a phone.`,
    });
  }

  private async uses() {
    const now = await this.host.tryAt('AT+CPMS?');
    return now ? parseCpmsQuery(now.lines) : null;
  }

  /** Where the modem reads and deletes (CPMS's first memory); the set answer counts what is there. */
  private async use(storage: string): Promise<{ used: number; total: number } | null> {
    const set = await this.host.at(`AT+CPMS="${storage}"`);
    this.memory = storage;
    return parseCpms(set.lines);
  }

  private async drain(mem: string): Promise<number> {
    const pass = this.newPass();
    const use = await this.use(mem);
    // An empty memory costs no listing, unless the family's count lags behind what came (emptyCountLags).
    const empty = use?.used === 0 && !this.emptyCountLags;
    if (empty) return 0;
    const listing = await this.list();
    // In text mode: nothing was listed (so nothing is known gone); read again once set up.
    if (!listing || this.inTextMode(listing)) return 0;
    const listed = parseCmgl(listing.lines);
    // What a stopped run deleted but had not journaled as gone: its slot may now hold a twin. Only a
    // listing says so; a count of 0 does not (an E3531's lags: a held slot released on it would be journaled twice).
    await this.host.settleAbsent(mem, new Set(listed.map((stored) => slotName(mem, stored.index))));
    let kept = 0;
    const named = new Set<number>();
    for (const stored of listed) {
      // A slot listed twice (a firmware repeating an entry, a garbled line): after the first entry's
      // delete, the slot holds what came since (modems fill the lowest free slot), and a second delete by
      // that index would remove it unread. Left to the next reading, which sees what the slot holds.
      if (named.has(stored.index)) continue;
      named.add(stored.index);
      if (await this.keepThenDelete(mem, stored.index, stored, pass)) kept++;
    }
    return kept;
  }

  /**
   * Deletes a slot only after the PDU decoded into a message the journal has on disk (or a status
   * report). An undecodable PDU, or one not as long as its header's <length> says (a line garbled on the way,
   * which may still decode, into another text), is read once more; still
   * undecodable, it stays where it is and the user is told. Null when the slot stays.
   * `stat` is as first read: the re-read marks the slot read, but no earlier read of it was journaled.
   */
  private async keepThenDelete(mem: string, index: number, first: Omit<StoredPdu, 'index'>, pass: ReadPass): Promise<'message' | 'status-report' | null> {
    const { host } = this;
    const { stat, pdu } = first;
    const slot = slotName(mem, index);
    let meaning = fitsLength(first) ? host.interpret(pdu) : notItsLength(pdu);
    if (meaning.kind === 'unreadable') {
      const again = await this.readAgain(index);
      // The same bytes twice are what the slot holds, whatever length the header gives (a modem that counts it otherwise).
      if (again) meaning = fitsLength(again) || sameHex(again.pdu, pdu) ? host.interpret(again.pdu) : notItsLength(again.pdu);
      if (meaning.kind === 'unreadable') {
        // Kept, unless it is what fills the memory: then its bytes, read the same twice, go to the journal
        // (all the slot holds, as for one handed over directly) and the slot is freed for what comes next.
        if (!(again && sameHex(again.pdu, pdu) && (await this.isFull(mem)))) {
          this.keptUnreadable(mem, index, meaning.raw);
          return null;
        }
        meaning = host.unreadable(meaning);
        host.notice('warning', {
          zh: `${mem} 存储已满，其中一条短信无法读取（位置 ${index}）：为免挡住新短信，已把它的内容存入日志（原始字节；若宽松读出的文字含有密码，则存这段文字并遮住密码），并从卡上删除。`,
          en: `The ${mem} message storage is full and one message in it cannot be read (slot ${index}): so that it does not keep new messages out, its content was saved to the journal (its raw bytes, or, when its text read leniently holds a password, that text with the password masked) and it was deleted from the card.`,
        });
      }
    }
    const kept = await host.ingest(meaning, { slot, unread: stat === REC_UNREAD });
    if (!kept) return null;
    // Journaled, and held: read again once the modem is set up again, it is the same part, then deleted.
    if (!this.mayDelete(pass)) return null;
    const deleted = await this.delete(index, pass);
    if (deleted) {
      if (kept.key) await host.settle(kept.key, slot);
    } else if (deleted === false) {
      host.notice('warning', {
        zh: `短信已保存，但没能从 SIM 卡删除（位置 ${index}）；下次读取时不会重复。`,
        en: `The message is saved but could not be deleted from the SIM (slot ${index}); it will not be duplicated when read again.`,
      });
    }
    return meaning.kind === 'status-report' ? 'status-report' : 'message';
  }

  private newPass(): ReadPass {
    return { restarts: this.restarts, cardsLeft: this.cardsLeft, silent: false };
  }

  /**
   * Whether a slot read in `pass` may still be deleted by its index: not once the modem restarted, nor
   * once a delete went unanswered (a modem restarting does not answer; when it does again, it is in its
   * factory memories). Otherwise the memories are read again later.
   */
  private mayDelete(pass: ReadPass): boolean {
    if (pass.restarts === this.restarts && pass.cardsLeft === this.cardsLeft && !pass.silent) return true;
    this.owed = true;
    return false;
  }

  /** True: deleted; false: the modem refused; null: no answer (the pass deletes no more). */
  private async delete(index: number, pass: ReadPass): Promise<boolean | null> {
    // Echoed, it restarted (the session counts it: modemRestarted): the index may be another memory's now.
    if (this.askBeforeDelete && (!(await this.host.tryAt('AT')) || !this.mayDelete(pass))) return null;
    try {
      await this.host.at(`AT+CMGD=${index}`);
      return true;
    } catch (e) {
      if (!(e instanceof AtError) || e.code === 'at.closed') throw e;
      if (REFUSALS.has(e.code)) return false;
      pass.silent = true;
      this.owed = true;
      return null;
    }
  }

  /** Every message in the reading memory; a listing refused by a modem in text mode (`4` is PDU mode's "all") sets it up again. */
  private async list(): Promise<AtResponse | null> {
    try {
      return await this.host.at('AT+CMGL=4', 120_000, undefined, PDU_READ);
    } catch (e) {
      if (!(e instanceof AtError && REFUSALS.has(e.code))) throw e;
      const mode = await this.host.tryAt('AT+CMGF?');
      if (!mode || parseCmgf(mode.lines) !== 1) throw e;
      this.modeLost();
      return null;
    }
  }

  /**
   * Text where a PDU should be: something set the modem to text mode behind the session's back (a
   * program sharing the port, `AT+CMGF=1` typed in the console, a restart to settings saved with AT&W).
   * Before, every message from then on read as unreadable and stayed on the SIM until the app restarted.
   */
  private inTextMode(answer: AtResponse): boolean {
    if (!answeredInTextMode(answer.lines)) return false;
    this.modeLost();
    return true;
  }

  private modeLost(): void {
    if (!this.textMode) this.host.pduModeLost();
    this.textMode = true;
  }

  /**
   * Whether `mem` (the reading memory) has no free slot. Anyone can send a message this app cannot read
   * (a data coding it refuses, a broken header), and each stays on the SIM: as many as it has slots made
   * the modem refuse every new message (TS 24.011 "memory capacity exceeded"), 10086's replies included,
   * until they expired in the network.
   */
  private async isFull(mem: string): Promise<boolean> {
    const use = await this.use(mem);
    return use !== null && use.total > 0 && use.used >= use.total;
  }

  /**
   * Names the slot, never the bytes: a reply the decoder refuses may carry a password (a reset one from
   * 10086), and its hex reads back as plainly as the text. The message stays on the SIM as it came.
   */
  private keptUnreadable(mem: string, index: number, raw: string): void {
    const seen = `${mem}:${index}:${raw}`;
    if (this.unreadableSeen.has(seen)) return;
    this.unreadableSeen.add(seen);
    this.host.notice('warning', {
      zh: `一条无法读取的短信保留在 SIM 卡上，位置 ${index}（${mem}），未删除。可以用手机查看；或关闭本应用后，在“hall10086 at”里依次输入 AT+CPMS="${mem}" 和 AT+CMGR=${index} 读出原始内容。`,
      en: `An unreadable message is kept on the SIM, slot ${index} (${mem}); it was not deleted. Read it with a phone, or, with this app closed, type AT+CPMS="${mem}" then AT+CMGR=${index} in "hall10086 at" for its raw content.`,
    });
  }
}

/** One reading of a memory or a slot, up to its deletes. */
interface ReadPass {
  /** The modem's restarts when the reading began. */
  restarts: number;
  /** The cards that had left when it began. */
  cardsLeft: number;
  /** A delete went unanswered: the modem may be restarting. */
  silent: boolean;
}

const sameHex = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** A slot as the journal tells them apart: the memory the modem read it from, and its index (`SM:3`, `SR:2`). */
function slotName(mem: string, index: number): string {
  return `${mem}:${index}`;
}

/** A PDU whose length is not its header's: unread for now, as an undecodable one (read again, never deleted on it). */
export function notItsLength(pdu: string): Unreadable {
  return { kind: 'unreadable', raw: pdu, code: 'pdu.bad-length', field: 'hex' };
}
