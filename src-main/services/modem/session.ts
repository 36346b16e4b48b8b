import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { ModemStatus, Trap } from '../../../src-shared/api/contract';
import {
  combinedRegistration,
  identityValue,
  parseCfun,
  parseCmgs,
  parseCops,
  parseCregQuery,
  parseCsca,
  parseCsq,
  fitsLength,
  readCpin,
  registrationFromStat,
  REGISTRATION_QUERIES,
  type Registration,
} from '../../../src-shared/at/status';
import type { RegistrationDomain, Urc } from '../../../src-shared/at/urc';
import { iccidFromCrsm, iccidOf, imsiOf, simIdentity, unswapNibbles } from '../../../src-shared/at/sim-id';
import { cmsMayHaveSent } from '../../../src-shared/at/cms-errors';
import { localNumber } from '../../../src-shared/catalog/service-numbers';
import { HallError, isHallError, toHallError } from '../../../src-shared/errors';
import type { HandedOutRecord, OutgoingRecord, OutgoingState } from '../../../src-shared/journal-records';
import { encodeSubmit, misfitText, type EncodedPdu } from '../../../src-shared/pdu';
import { NO_NETWORK_ERROR, REPORT_UNTIED_NOTE, SIM_CHANGED_ERROR, WAITING_NETWORK_NOTE } from '../../../src-shared/send-failure';
import type { ModemPlace } from '../journal';
import { Announcements } from './announcements';
import { AtEngine, AtError, type AtCommandOptions, type AtResponse } from './at-engine';
import { Emitter } from './emitter';
import { familyOf, GENERIC, type ModemFamily } from './families';
import { interpretPdu, unreadableMessage, type Ingestible, type Unreadable } from './incoming';
import { DIRECT, IncomingJournal } from './incoming-journal';
import type { SessionOptions } from './session-options';
import { openSerialLink, type SerialLink } from './serial-link';
import { notItsLength, StoredMessages } from './stored-messages';
import { modemManagerRunning, trap } from './traps';

type StatusReport = Extract<Ingestible, { kind: 'status-report' }>;

export interface SessionEvents {
  status: ModemStatus;
  incoming: HandedOutRecord;
  outgoing: OutgoingRecord;
  notice: { level: 'info' | 'warning' | 'error'; zh: string; en: string };
}

export type { SessionOptions, UsbIdentity } from './session-options';

const CMGS_TIMEOUT_MS = 90_000;
const POLL_EVERY_MS = 15_000;
/** Sends kept waiting under one reference: 256 sends apart each, older ones' reports are not coming (refs). */
const WAITING_PER_REF = 4;
/** Distinct announced slots read one by one while they wait; past them, one listing of every memory (review38). */
const QUEUED_SLOT_READS = 8;
/** Ample time for a modem to answer ESC (it answers within milliseconds). */
const ESC_ANSWER_MS = 500;
/** A SIM still starting (after a plug-in, a reboot or a PIN: +CME ERROR: 14, NOT READY) is asked again this often… */
const SIM_WAIT_MS = 2_000;
/** …this many times, about 20 s in all, before the session says what it found. */
const SIM_WAIT_ATTEMPTS = 10;
/**
 * After boot SIMCom and SIM800 refuse SMS commands until `SMS DONE` / `SMS Ready` (Seeed GPRS_SIM900
 * issue #39, LilyGo-Modem-Series issue #247): asked again this often, for at most SMS_WAIT_MS.
 */
const SMS_RETRY_MS = 1_000;
const SMS_WAIT_MS = 45_000;
/** A radio switched on takes a moment to say so. */
const RADIO_SETTLE_MS = 500;
/** An instruction waits this long for the card to be registered (a modem just up searches for seconds) before it fails. */
export const NETWORK_WAIT_MS = 60_000;
/** Registrations under which the network refuses a send (+CMS ERROR: 331); `unknown` (a modem that does not say) is tried. */
const UNREGISTERED: readonly string[] = ['none', 'searching', 'denied'];

interface Pending {
  id: string;
  to: string;
  text: string;
  redacted: string;
  /** The card it was asked of: a card put in the modem meanwhile sends none of the one before's instructions. */
  simId: string | null;
  /** Since when it waits for the network (journaled so), or null while it has not had to. */
  waitingSince: number | null;
  /** Refused once for want of network (331) while the modem said registered: a second refusal fails it. */
  refusedOnce: boolean;
  /** The failed instruction this one sends again, in every state it is journaled in. */
  retryOf?: string;
}

/**
 * One modem: opens its port, probes and configures it, receives every message into the journal
 * before deleting it from the SIM, sends instructions with their state journaled around the
 * send, matches status reports, and reconnects after an unplug.
 */
/** What the status says while the modem is away and being looked for again. */
const UNPLUGGED = { code: 'modem.unplugged', zh: '调制解调器已断开。', en: 'The modem was disconnected.' } as const;
/** What the status says while a port connected last time is not there at this start, and is waited for. */
const absent = (path: string) => ({
  code: 'modem.absent',
  zh: `上次连接的 ${path} 现在不在：插上后会自动连接。不再用它，就在“设备”页点“忘记”。`,
  en: `${path}, connected last time, is not there now: it is connected by itself once plugged in. If you no longer use it, press Forget on the Modem page.`,
});

export class ModemSession extends Emitter<SessionEvents> {
  private link: SerialLink | null = null;
  private engine: AtEngine | null = null;
  private readonly status: ModemStatus;
  private readonly outbox: Pending[] = [];
  /**
   * Message reference → the sends under it still waiting for their status report, the latest last. A reference is one
   * octet, reused after 256 sends: a send whose report is late must not lose it to the next send under its reference.
   */
  private readonly refs = new Map<number, { id: string; record: OutgoingRecord }[]>();
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;
  private sending = false;
  private polling: ReturnType<typeof setInterval> | null = null;
  private health: ReturnType<typeof setInterval> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  /** Fails what waited networkWaitMs for the network (waitForNetwork). */
  private networkTimer: ReturnType<typeof setTimeout> | null = null;
  /** The step of the backoff the next timed attempt is at: a "Try now" that fails goes on from it, not from the start. */
  private reconnectAttempt = 0;
  /** Why the modem is looked for again (the status's error while reconnecting). */
  private away: ModemStatus['error'] = UNPLUGGED;
  /** True while the first open or a reconnect is bringing the modem up. */
  private connecting = false;
  /** Announced slots (`cmti SM 3`) whose read waits in the line of work, not yet started. */
  private readonly announcedSlots = new Set<string>();
  /** A listing of every memory waits in the line of work, not yet started: it stands for any announcement heard now. */
  private listingWaits = false;
  /** Parts of a long instruction already settled by another part's failure: their reports are expected, and say nothing new. */
  private readonly retiredRefs = new Set<number>();
  /**
   * The card that left (cardLeft) until the next one is identified: what the page showed when an instruction was asked
   * meanwhile, so it is that card's, not the next one's (review34).
   */
  private cardBefore: string | null = null;
  private family: ModemFamily = GENERIC;
  /** Echoes heard (of any command), and how many there were once ATE0 was answered: none since, echo is off. */
  private echoes = 0;
  private echoesAtSetUp: number | null = null;
  /** Registration per domain; the best one decides (an LTE module may be registered in +CEREG only). */
  private readonly registrations = new Map<RegistrationDomain, Registration>();
  /** The registration queries this modem answers (found at bring-up; the health check asks only those). */
  private registrationQueries = REGISTRATION_QUERIES;
  /** The radio stayed off after trying to switch it on. */
  private radioOff = false;
  /** Resolves the wait for the SMS service after boot when the modem says it is ready. */
  private smsReady: (() => void) | null = null;
  private readonly now: () => Date;
  private readonly stores: StoredMessages;
  private readonly received: IncomingJournal;
  private readonly announcements: Announcements;

  constructor(private readonly o: SessionOptions) {
    super();
    this.now = o.now ?? (() => new Date());
    this.stores = new StoredMessages({
      at: (...args) => this.at(...args),
      tryAt: (command) => this.tryAt(command),
      interpret: (pdu) => this.interpret(pdu),
      unreadable: (read) => this.unreadable(read),
      ingest: (meaning, where) => this.ingestMeaning(meaning, where),
      settle: (key, slot) => this.received.settle(key, slot),
      settleAbsent: (memory, listed) => this.received.settleAbsent(memory, listed),
      notice: (level, text) => this.notice(level, text),
      pduModeLost: () => this.reinitialiseIf(() => this.status.state === 'ready'),
      storageUse: (storage) => this.update({ storage }),
    });
    this.announcements = new Announcements({
      engine: () => this.engine,
      tryAt: (command) => this.tryAt(command),
      exclusive: (work) => this.exclusive(work),
      drainAll: () => this.stores.drainAll(),
      warn: (e) => this.warn(e),
    });
    this.received = new IncomingJournal({
      journal: o.journal,
      retryEveryMs: o.journalRetryMs,
      simId: () => this.simId(),
      active: () => !this.closed,
      ready: () => this.status.state === 'ready',
      drain: () => void Promise.all([this.drain(), this.pumpOutbox()]).catch((e) => this.warn(e)),
      added: (record) => this.emit('incoming', record),
      warn: (e) => this.warn(e),
      notice: (level, text) => this.notice(level, text),
    });
    this.status = {
      modemId: o.modemId,
      path: o.path,
      demo: o.demo,
      state: 'opening',
      identity: {},
      simId: null,
      sim: 'unknown',
      registration: 'unknown',
      operator: null,
      signal: null,
      smsc: null,
      storage: null,
      traps: [],
      error: null,
    };
  }

  snapshot(): ModemStatus {
    return structuredClone(this.status);
  }

  /**
   * Opens the port and brings the modem up. Rejects (with the state 'failed') when that cannot be done;
   * with `waitIfAbsent`, a port that does not exist (a modem connected last time, not plugged in at
   * this start) is waited for instead, as after an unplug: the state is 'reconnecting', and it says so.
   */
  async open(o: { waitIfAbsent?: boolean } = {}): Promise<void> {
    this.closed = false;
    try {
      await this.whileConnecting(() => this.connect(this.o.path));
    } catch (e) {
      await this.abandonAttempt();
      if (o.waitIfAbsent && !this.closed && toHallError(e).code === 'modem.not-found') {
        this.away = absent(this.o.path);
        this.update({ state: 'reconnecting', error: this.away });
        this.scheduleReconnect(0);
        return;
      }
      this.fail(e);
      // A busy port on Linux is most often ModemManager's doing: say so when it is running.
      if (toHallError(e).code === 'modem.busy' && (await modemManagerRunning())) this.update({ traps: [...this.status.traps, trap('modemmanager')] });
      throw toHallError(e);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopTimers();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.networkTimer) clearTimeout(this.networkTimer);
    this.received.close();
    this.engine?.close();
    // Work in flight fails fast once the engine is closed; let it finish before the journal goes.
    await this.chain.catch(() => undefined);
    await this.link?.close().catch(() => undefined);
    this.link = null;
    this.engine = null;
    this.update({ state: 'closed' });
  }

  async enterPin(pin: string): Promise<void> {
    await this.exclusive(async () => {
      await this.at(`AT+CPIN="${pin}"`, 10_000);
    });
    await this.exclusive(() => this.initialise());
  }

  /**
   * Queues an SMS. `text` is what goes out; `redacted` is the only form journaled or emitted.
   * Resolves with the instruction's id once it is journaled as queued. `forSim`, the card the user confirmed it for, ties
   * it to that card even while none is identified: it then goes from that card or fails as send.sim-changed.
   */
  async send(to: string, text: string, redacted: string, forSim?: string, retryOf?: string): Promise<string> {
    const id = randomUUID();
    const simId = this.cardFor(forSim);
    const again = retryOf === undefined ? {} : { retryOf };
    await this.record({ id, to, redacted, simId, ...again }, 'queued', [], null);
    this.outbox.push({ id, to, text, redacted, simId, waitingSince: null, refusedOnce: false, ...again });
    void this.pumpOutbox().catch((e) => this.warn(e));
    return id;
  }

  /**
   * The card a send queued now is journaled under: the one the user confirmed it for, else the card identified, else
   * the card before while one is being identified again (null: none known yet; the record then names the port).
   */
  cardFor(forSim?: string): string | null {
    return forSim ?? this.status.simId ?? this.cardBefore;
  }

  /** The AT engine, for the power user's console; its commands queue with the session's own. */
  console(): Pick<AtEngine, 'run' | 'onUrc'> {
    if (!this.engine) throw new HallError('modem.not-connected', { zh: '调制解调器未连接。', en: 'The modem is not connected.' });
    return this.engine;
  }

  /** Messages waiting in the modem's memory, read into the journal now (also done at every start). */
  drain(): Promise<number> {
    return this.exclusive(() => this.stores.drainAll());
  }

  // ---- bringing the modem up ----

  private async connect(path: string): Promise<void> {
    this.update({ state: 'opening', path, error: null });
    const link = await openSerialLink(path, this.o.binding ? { binding: this.o.binding } : {});
    this.link = link;
    const engine = new AtEngine(link, this.o.log ? { log: this.o.log } : {});
    this.engine = engine;
    engine.onUrc((urc) => this.onUrc(urc));
    // Set up with ATE0, a modem that echoes has restarted without a word (a SIM800 with autobauding): as after RDY.
    // Only on a family known to restart silently (other modems' echoes are a console's ATE1, a recording's);
    // a modem that keeps echoing whatever it is told (ATE0 ignored) tells nothing by it.
    engine.onEcho(() => {
      this.echoes++;
      if (this.family.restartsSilently && this.status.state === 'ready' && this.echoesAtSetUp === this.echoes - 1) this.restartedInPlace();
    });
    link.onClose((err) => {
      if (err && this.engine === engine) this.lost(err);
    });
    await this.exclusive(() => this.initialise());
  }

  private async initialise(): Promise<void> {
    this.update({ state: 'probing' });
    await this.wake();
    this.echoesAtSetUp = null;
    await this.tryAt('ATE0');
    const afterAte0 = this.echoes;
    await this.tryAt('AT+CMEE=1');
    const identity = {
      manufacturer: await this.ask('AT+CGMI'),
      model: await this.ask('AT+CGMM'),
      revision: await this.ask('AT+CGMR'),
      imei: await this.ask('AT+CGSN'),
    };
    this.family = familyOf(identity.manufacturer, identity.model);
    this.stores.emptyCountLags = this.family.emptyCountLags === true;
    this.stores.askBeforeDelete = this.family.restartsSilently === true;
    this.update({ identity: clean(identity) });

    const sim = await this.settledSimState();
    this.update({ sim: sim.sim, traps: sim.sim === 'ready' ? [] : [simTrap(sim)] });
    // Not ready yet: a later "+CPIN: READY" (or the modem's ready notice) brings the rest up.
    if (sim.sim !== 'ready') return;

    const imsi = await this.askSimId('AT+CIMI', undefined, imsiOf);
    let iccid: string | undefined;
    for (const q of this.family.iccid) {
      iccid = await this.askIccid(q);
      if (iccid) break;
    }
    const { simId, identified } = simIdentity({ iccid, imsi, path: this.status.path }, randomUUID);
    // Checked and claimed in one step: two ports of one modem set up together cannot both find the card free.
    const heldBy = identified ? (this.o.simHeldBy?.(simId) ?? null) : null;
    if (heldBy !== null) return this.letGoOfHeldSim(simId, heldBy);
    this.update({ identity: clean({ ...this.status.identity, imsi, iccid }), simId });
    this.cardBefore = null;
    if (!identified) {
      this.notice('warning', {
        zh: `这张 SIM 卡既读不出 ICCID 也读不出 IMSI，无法识别。本次插入记作 ${simId}：它的消息和重发只属于这一次，换卡或重新连接后不会跟着这张卡，也不会和别的卡混在一起。`,
        en: `This SIM gives neither its ICCID nor its IMSI, so it cannot be identified. This insertion is ${simId}: its messages and retries belong to this insertion only; they will not follow the card after a swap or reconnect, and never mix with another card's.`,
      });
    }

    this.radioOff = !(await this.radioOn());
    await this.whenSmsReady(() => this.at('AT+CMGF=0'));
    await this.announcements.chooseService();
    await this.stores.choose();
    // A SIM still busy after READY answers +CME ERROR: 14: asked again, not taken for "no SMS centre".
    const csca = await this.whenSmsReady(() => this.at('AT+CSCA?'), simBusy).catch((e) => {
      if (e instanceof AtError && e.code === 'at.closed') throw e;
      return null;
    });
    const announced = await this.announcements.choose();
    for (const q of REGISTRATION_QUERIES) await this.tryAt(`AT${q.name}=1`);
    this.registrationQueries = REGISTRATION_QUERIES;
    this.registrations.clear();
    await this.readRegistrations();
    this.registrationQueries = REGISTRATION_QUERIES.filter((q) => this.registrations.has(q.domain));
    await this.tryAt('AT+COPS=3,0');
    const cops = await this.tryAt('AT+COPS?');
    const csq = await this.tryAt('AT+CSQ');
    this.update({
      smsc: csca ? parseCsca(csca.lines) : null,
      operator: cops ? parseCops(cops.lines) : null,
      signal: csq ? parseCsq(csq.lines) : null,
    });
    // No echo since ATE0 was answered: from now on one means the modem restarted (see connect).
    this.echoesAtSetUp = this.echoes === afterAte0 ? this.echoes : null;
    this.update({ traps: this.trapsNow(), state: 'ready' });
    // Up: from here a lost port is a disconnect to come back from, not a failed attempt.
    this.connecting = false;
    this.startTimers(!announced);
    // The modem is up whatever the first reading of its memory gives: a port lost meanwhile is a
    // disconnect (lost() takes it from there), anything else a warning.
    await this.stores.drainAll().catch((e) => {
      if (!(e instanceof AtError && e.code === 'at.closed')) this.warn(e);
    });
    void this.pumpOutbox().catch((e) => this.warn(e));
  }

  /**
   * A modem can start with its radio off (`+CFUN: 4`; ZTE sticks until AT+ZOPRT=5): then nothing
   * registers and every send fails. Switched on the family's way; false when it stays off.
   */
  private async radioOn(): Promise<boolean> {
    const cfun = await this.tryAt('AT+CFUN?');
    const fun = cfun ? parseCfun(cfun.lines) : null;
    if (fun === null || fun === 1) return true;
    this.notice('info', { zh: `调制解调器的射频处于关闭状态（CFUN=${fun}），正在打开…`, en: `The modem's radio is off (CFUN=${fun}); switching it on…` });
    for (const command of this.family.radioOn) {
      await this.tryAt(command, 15_000);
      await delay(RADIO_SETTLE_MS);
      const now = await this.tryAt('AT+CFUN?');
      if (now && parseCfun(now.lines) === 1) return true;
    }
    return false;
  }

  /**
   * Runs the first SMS command, asking again while the modem's SMS service is still starting (bounded,
   * with progress shown); the wait ends early when the modem says `SMS DONE` / `SMS Ready`.
   */
  private async whenSmsReady<T>(command: () => Promise<T>, retryable: (e: AtError) => boolean = () => true): Promise<T> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await command();
      } catch (e) {
        // Only a refusal is worth asking again; a modem that stopped answering is not starting up.
        const refused = e instanceof AtError && (e.code === 'at.error' || e.code === 'at.cms' || e.code === 'at.cme');
        if (!refused || !retryable(e) || Date.now() - started >= SMS_WAIT_MS) throw e;
        if (attempt === 1) {
          this.notice('info', {
            zh: '调制解调器刚启动，短信功能还没就绪，正在等待（最多 45 秒）…',
            en: 'The modem has just started and its SMS service is not ready yet; waiting (45 s at most)…',
          });
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, SMS_RETRY_MS);
          this.smsReady = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.smsReady = null;
      }
    }
  }

  private async readRegistrations(): Promise<void> {
    for (const q of this.registrationQueries) {
      const r = await this.tryAt(`AT${q.name}?`);
      const reg = r ? parseCregQuery(r.lines, q.name) : null;
      if (reg) this.registrations.set(q.domain, reg);
    }
    this.update({ registration: combinedRegistration(this.registrations.values()) });
    // A modem that announces no +CREG is found registered here: what waited for the network goes now.
    void this.pumpOutbox().catch((e) => this.warn(e));
  }

  /**
   * A modem just plugged in may miss the first AT or two while it boots; one left at the "> " prompt
   * by a program killed mid-send (this app included) takes our commands for message text until ESC.
   */
  private async wake(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.at('AT', 2_000);
        return;
      } catch (e) {
        if (attempt >= 3 || (e instanceof AtError && e.code === 'at.closed')) {
          throw new HallError(
            'modem.silent',
            { zh: '调制解调器没有应答 AT 命令。', en: 'The modem does not answer AT commands.' },
            {
              action: {
                zh: '确认选的是 AT 命令口（有的上网卡有好几个串口），拔插一次，或关闭占用它的程序。',
                en: 'Make sure this is the AT command port (sticks often have several), replug it, or close any program holding it.',
              },
              cause: e,
            },
          );
        }
        this.engine?.cancelTextEntry();
        // Its answer to ESC must come in while no command waits, where it is dropped as stale: taken
        // as the answer to the next AT, it would shift every answer after it by one.
        await delay(ESC_ANSWER_MS);
      }
    }
  }

  /** The SIM's state once it has finished starting (if it says it is starting, for about 20 s at most). */
  private async settledSimState(): Promise<SimReading> {
    for (let attempt = 1; ; attempt++) {
      const reading = await this.simState();
      if (!reading.starting || attempt >= SIM_WAIT_ATTEMPTS) return reading;
      await delay(SIM_WAIT_MS);
    }
  }

  /** `starting`: the SIM is busy or not ready yet (+CME ERROR: 14, "+CPIN: NOT READY"), worth asking again. */
  private async simState(): Promise<SimReading> {
    const reading = (sim: ModemStatus['sim'], extra: Partial<SimReading> = {}): SimReading => ({ sim, starting: false, deviceLock: null, ...extra });
    try {
      const r = readCpin((await this.at('AT+CPIN?')).lines);
      return reading(r.sim, { starting: r.starting, deviceLock: r.deviceLock ? r.code : null });
    } catch (e) {
      if (e instanceof AtError && e.code === 'at.cme') {
        // TS 27.007 §9.2: 10 not inserted, 11 PIN, 12 PUK, 13 failure, 14 busy, 5/6/40-47 device locks.
        const cme = e.details?.cme;
        if (cme === 10 || cme === 13) return reading('absent');
        if (cme === 11) return reading('pin');
        if (cme === 12) return reading('puk');
        if (cme === 14 || cme === 515) return reading('unknown', { starting: true });
        if (cme === 5 || cme === 6 || (cme !== undefined && cme >= 40 && cme <= 47)) return reading('unknown', { deviceLock: `CME ${cme}` });
      }
      if (e instanceof AtError && e.code === 'at.closed') throw e;
      return reading('unknown');
    }
  }

  private trapsNow(): Trap[] {
    const traps: Trap[] = [];
    if (!this.status.smsc) traps.push(trap('no-smsc'));
    if (['none', 'searching', 'denied'].includes(this.status.registration)) traps.push(trap('no-network'));
    if (this.radioOff) traps.push(trap('radio-off'));
    return traps;
  }

  // ---- receiving ----

  private onUrc(urc: Urc): void {
    switch (urc.kind) {
      case 'cmti':
      case 'cdsi': {
        // A read of this slot already waiting to start will find whatever is in it: a modem repeating one announcement
        // (a firmware loop, noise) queued a read per line before (review38), 2,000 of them ahead of the user's send.
        // One under way is no such read: the slot may hold a new message by the time it is done.
        const slot = `${urc.kind} ${urc.storage} ${urc.index}`;
        if (this.listingWaits || this.announcedSlots.has(slot)) break;
        // Ever-new numbers (`+CMTI: "SM",1`, `2`, `3`…) queued a read each: past a few, one listing of every memory,
        // not started yet, reads whatever any announcement heard meanwhile named, in whichever slot it is.
        if (this.announcedSlots.size >= QUEUED_SLOT_READS) {
          this.listingWaits = true;
          const list = () => {
            this.listingWaits = false;
            return this.stores.drainAll();
          };
          void this.exclusive(list).catch((e) => this.warn(e));
          break;
        }
        this.announcedSlots.add(slot);
        const read = () => {
          this.announcedSlots.delete(slot);
          return this.stores.readAnnounced(urc.storage, urc.index, urc.kind === 'cdsi');
        };
        void this.exclusive(read).catch((e) => this.warn(e));
        break;
      }
      case 'cmt':
      case 'cds':
        if (urc.pduLine && urc.kind === 'cmt') this.receiveMessage(urc.pduLine, urc.length);
        else if (urc.pduLine) this.receiveDirect(this.interpret(urc.pduLine));
        // Its PDU did not come whole (line noise): refused (RP-ERROR), the network sends it again later,
        // where left unanswered a phase 2+ modem would switch its announcements off.
        else void this.announcements.acknowledge('AT+CNMA=2').catch((e) => this.warn(e));
        break;
      case 'creg':
        this.registrations.set(urc.domain, registrationFromStat(urc.stat));
        this.update({ registration: combinedRegistration(this.registrations.values()) });
        this.update({ traps: this.status.sim === 'ready' ? this.trapsNow() : this.status.traps });
        void this.pumpOutbox().catch((e) => this.warn(e));
        break;
      case 'vendor': {
        const event = this.family.urcs[urc.name]?.(urc.text);
        if (event?.kind === 'memory-full') this.memoryFull();
        if (event?.kind === 'signal') this.update({ signal: event.signal });
        if (event?.kind === 'sms-ready') this.smsReady?.();
        break;
      }
      case 'ready':
        if (urc.what === 'sms') this.smsReady?.();
        // The modem rebooted and forgot its settings (its memories too): bring it up again.
        if (urc.what === 'modem') this.restartedInPlace();
        break;
      case 'cpin': {
        const r = readCpin([`+CPIN: ${urc.state}`]);
        // The SIM finished starting after the session had to stop at it, or a card came back after one left.
        if (r.sim === 'ready') this.reinitialiseIf(() => this.status.state === 'probing' && this.status.sim !== 'ready');
        else if (this.status.state === 'ready') this.cardLeft({ sim: r.sim, starting: r.starting, deviceLock: r.deviceLock ? r.code : null });
        break;
      }
      default:
        break;
    }
  }

  /**
   * The card says it is gone or not ready while the session is up: pulled from a modem with SIM hot-plug on (a
   * Quectel with AT+QSIMDET says +CPIN: NOT READY, then +CPIN: READY for the card put in). Until a card is
   * identified again the session holds no SIM id and sends nothing: before, it went on under the first card's
   * id, so the next card's messages were journaled as the first's and a Retry of the first's instruction went
   * out from the next card. It is set up again, reading the new card's id.
   */
  private cardLeft(reading: SimReading): void {
    // A report coming now is for the next card's messages: one of the card before's references is not its own.
    this.refs.clear();
    this.retiredRefs.clear();
    // A reading of the card before under way deletes nothing by index in the next card's memory.
    this.stores.cardLeft();
    this.cardBefore = this.status.simId ?? this.cardBefore;
    this.update({ state: 'probing', sim: reading.sim, simId: null, traps: [simTrap(reading)] });
    // Asked again at once, not only at the next +CPIN: READY: a modem that says NOT READY as it restarts may say
    // nothing more (its RDY found the session no longer up), and a card still starting is waited for there.
    this.reinitialiseIf(() => this.status.state === 'probing' && this.status.sim !== 'ready');
  }

  /** The modem rebooted and forgot its settings (its memories too): no delete of what was read before; bring it up again. */
  private restartedInPlace(): void {
    this.stores.modemRestarted();
    this.reinitialiseIf(() => this.status.state === 'ready');
  }

  /**
   * This card is up in another session already (its modem's other AT port, connected too): two sessions reading one
   * memory each delete by index what the other has read, freed and the network has filled again, a message neither
   * read. This port lets go before reading anything; the other goes on.
   */
  private async letGoOfHeldSim(simId: string, heldBy: string): Promise<never> {
    const err = new HallError(
      'modem.same-sim',
      {
        zh: `${this.status.path} 上的 SIM 卡 ${simId} 已经通过 ${heldBy} 连接（同一个调制解调器的另一个端口，或者同一张卡）；为了不让两处同时读取和删除卡上的短信，这个端口不再连接。`,
        en: `The SIM ${simId} on ${this.status.path} is connected through ${heldBy} already (another port of the same modem, or the same card); this port is let go, so that two places do not read and delete the card's messages at once.`,
      },
      {
        action: { zh: `继续用 ${heldBy} 即可；想改用 ${this.status.path}，先断开 ${heldBy}。`, en: `Keep using ${heldBy}; to use ${this.status.path} instead, disconnect ${heldBy} first.` },
        details: { path: this.status.path, heldBy },
      },
    );
    this.fail(err);
    await this.abandonAttempt();
    throw err;
  }

  /** Checked when its turn comes, not when asked: by then an initialise already queued may have done it. */
  private reinitialiseIf(still: () => boolean): void {
    if (this.connecting) return;
    void this.exclusive(async () => {
      if (!this.connecting && still()) await this.initialise();
    }).catch((e) => this.warn(e));
  }

  /**
   * The modem refused an incoming message for lack of space: the network holds it (and every later
   * one) until a slot is freed, and no +CMTI will come for it. Reading the SIM into the journal frees
   * the slots, so the waiting messages come in instead of stalling there unseen.
   */
  private memoryFull(): void {
    this.notice('warning', {
      zh: 'SIM 卡短信存储已满，新短信正在网络中等候；正在把卡上的短信存入日志并从卡上删除。',
      en: 'The SIM message storage is full, so new messages are waiting in the network; saving the messages on the SIM to the journal and deleting them from the card.',
    });
    void this.drain().catch((e) => this.warn(e));
  }

  private interpret(pdu: string): Ingestible {
    return interpretPdu(pdu, this.simId(), this.now());
  }

  private simId(): string {
    return this.status.simId ?? this.status.path;
  }

  private async ingestMeaning(meaning: Ingestible, where: ModemPlace): Promise<{ key: string | null } | null> {
    if (meaning.kind === 'own-submit' || meaning.kind === 'unreadable') return null;
    // A card left and the next is not identified yet: a slot read now (a listing under way, a +CMTI of the card before)
    // is the next card's, or the card before's read before it left, and would be journaled under no card (the port's
    // path). It stays where it is: the set-up that follows reads every memory under the card's id (review34). A direct
    // delivery exists nowhere else and is kept.
    if (this.cardBefore !== null && where !== DIRECT) return null;
    if (meaning.kind === 'status-report') {
      await this.onStatusReport(meaning);
      return { key: null };
    }
    return this.received.keep(meaning.message, where);
  }

  /**
   * A message or status report handed over directly (+CMT, +CDS) must be acknowledged with +CNMA
   * in time, or the modem stops handing them over (TS 27.005 §3.4.4): the acknowledgement goes
   * ahead of every queued command, not after a long send. A message is journaled first (no modem
   * time); a status report is acknowledged at once and applied in turn with the sending, which
   * knows its reference only once the send has finished.
   */
  private unreadable(read: Unreadable): Ingestible {
    return unreadableMessage(read, this.simId(), this.now(), (text) => this.o.journal.maskText(text));
  }

  /**
   * A message handed over directly whose PDU is not as long as its header says (an octet said twice or dropped on the
   * line, or a modem that counts <length> otherwise, as 22 of 46 +CMGR answers in gammu's and ModemManager's dumps do):
   * read as it came it may decode into other characters, and it cannot be read again from the SIM. It is taken and
   * acknowledged all the same, never refused: nothing says the network delivers a refused one again, or the same
   * bytes if it does (review34). Decoded, it is kept as that text, marked (misfitText); otherwise unread (its bytes,
   * or its lenient text masked), as a listing entry that stays so.
   */
  private receiveMessage(pdu: string, length: number): void {
    const read = this.interpret(pdu);
    if (fitsLength({ pdu: pdu.trim(), length })) return this.receiveDirect(read);
    if (read.kind === 'message') return this.receiveDirect({ ...read, message: { ...read.message, text: misfitText(read.message.text) } });
    this.receiveDirect(read.kind === 'unreadable' ? notItsLength(pdu) : read);
  }

  private receiveDirect(read: Ingestible): void {
    const warn = (e: unknown) => this.warn(e);
    // Handed over directly, it exists nowhere else: kept as its text rather than lost.
    const meaning = read.kind === 'unreadable' ? this.unreadable(read) : read;
    if (meaning.kind === 'status-report') {
      void this.announcements.acknowledge().catch(warn);
      void this.exclusive(() => this.ingestMeaning(meaning, DIRECT)).catch(warn);
      return;
    }
    void this.ingestMeaning(meaning, DIRECT)
      .then(async (kept) => {
        if (kept && (await this.announcements.acknowledge()) && kept.key) await this.received.settle(kept.key, DIRECT.slot);
      })
      .catch(warn);
  }

  private async onStatusReport({ messageRef: ref, recipient, delivered, failed, status }: StatusReport): Promise<void> {
    const waiting = this.refs.get(ref) ?? [];
    // A reference is one octet, reused after 256 sends (sooner by a modem that restarts its count): a report whose
    // recipient is another number is for another message (one long gone, or not ours), whatever its reference. Before
    // (review38), it marked the text under that reference delivered or failed, and a failed one invites a Retry.
    const candidates = waiting.filter((w) => recipient === '' || localNumber(recipient) === localNumber(w.record.to));
    if (waiting.length === 0 && this.retiredRefs.delete(ref)) return;
    if (candidates.length === 0) {
      this.notice('info', {
        zh: `收到一份状态报告，但找不到对应的已发短信（参考号 ${ref}），已忽略。`,
        en: `A status report arrived for no message we sent (reference ${ref}); ignored.`,
      });
      return;
    }
    if (!delivered && !failed) return;
    if (candidates.length > 1) {
      // Two sends to one number (nearly always 10086) under one reference: nothing in the report tells whose it is.
      // Handed to one by guess, the other's report then went to the first (review39): a failed one marked a delivered
      // order failed and offered its Retry, a paid instruction sent twice. Each stays "sent", its outcome unknown.
      // The thread says so under each of them (mend46: before, only a passing notice did, and the bubbles said "sent").
      for (const c of candidates) {
        this.forget(c.id);
        const r = c.record;
        await this.record({ ...r, redacted: r.text }, 'sent', r.messageRefs, REPORT_UNTIED_NOTE);
      }
      this.notice('info', {
        zh: `收到一份状态报告（参考号 ${ref}），但有 ${candidates.length} 条发往同一号码的短信共用这个参考号，分不清是哪一条的；它们的送达结果记为未知。`,
        en: `A status report (reference ${ref}) could be for any of ${candidates.length} texts to one number under that reference; their delivery stays unknown.`,
      });
      return;
    }
    const sent = candidates[0]!;
    this.stopWaiting(ref, sent.id);
    const r = sent.record;
    // A long message is delivered when its last part is; one failed part fails it, and the reports
    // still to come for its other parts change nothing.
    if (delivered && this.refsOf(sent.id).length > 0) return;
    this.forget(sent.id);
    await this.record({ ...r, redacted: r.text }, delivered ? 'delivered' : 'failed', r.messageRefs, delivered ? null : `status.${status}`);
  }

  private refsOf(id: string): number[] {
    return [...this.refs].filter(([, list]) => list.some((s) => s.id === id)).map(([ref]) => ref);
  }

  /** The send waits for no report more: those still to come under its other references are let go silently. */
  private forget(id: string): void {
    for (const other of this.refsOf(id)) {
      this.stopWaiting(other, id);
      this.retiredRefs.add(other);
    }
  }

  private stopWaiting(ref: number, id: string): void {
    const left = (this.refs.get(ref) ?? []).filter((s) => s.id !== id);
    if (left.length > 0) this.refs.set(ref, left);
    else this.refs.delete(ref);
  }

  // ---- sending ----

  private async pumpOutbox(): Promise<void> {
    if (this.sending || this.status.state !== 'ready') return;
    this.sending = true;
    try {
      while (this.outbox.length > 0 && this.status.state === 'ready') {
        // The network would refuse it (+CMS ERROR: 331): it waits, said so, and goes with the +CREG that registers the
        // card (onUrc pumps again), within networkWaitMs. A card swapped meanwhile still fails it at sendOne.
        if (UNREGISTERED.includes(this.status.registration)) {
          await this.waitForNetwork();
          // The +CREG that registers it may have come while the wait was journaled (its pump found this one running).
          if (UNREGISTERED.includes(this.status.registration)) return;
          continue;
        }
        this.networkBack();
        const next = this.outbox.shift()!;
        await this.exclusive(() => this.sendOne(next));
      }
    } finally {
      this.sending = false;
    }
  }

  private async waitForNetwork(): Promise<void> {
    const now = Date.now();
    const limit = this.o.networkWaitMs ?? NETWORK_WAIT_MS;
    for (const p of this.outbox.filter((q) => q.waitingSince === null)) {
      p.waitingSince = now;
      await this.record(p, 'queued', [], WAITING_NETWORK_NOTE);
    }
    if (this.networkTimer) return;
    const first = Math.min(...this.outbox.map((p) => p.waitingSince ?? now));
    this.networkTimer = setTimeout(() => {
      this.networkTimer = null;
      void this.giveUpOnNetwork(limit).catch((e) => this.warn(e));
    }, Math.max(0, first + limit - now));
    this.networkTimer.unref?.();
  }

  /** A later loss of the network is a new wait, with its own full bound: the old one's timer would cut it short. */
  private networkBack(): void {
    if (this.networkTimer) clearTimeout(this.networkTimer);
    this.networkTimer = null;
    for (const p of this.outbox) p.waitingSince = null;
  }

  /** Those that waited their time fail (still unsent, so Retry is safe); the others wait on, or go if the network came. */
  private async giveUpOnNetwork(limit: number): Promise<void> {
    if (this.status.state === 'ready' && UNREGISTERED.includes(this.status.registration)) {
      const now = Date.now();
      // Taken out in one step before any await: a pump that the network's return starts during the journal writes below
      // must neither ship one of these (it would then be journaled failed while sending) nor lose its place to them.
      const expired = this.outbox.filter((q) => q.waitingSince !== null && now - q.waitingSince >= limit);
      for (let i = this.outbox.length - 1; i >= 0; i--) if (expired.includes(this.outbox[i]!)) this.outbox.splice(i, 1);
      for (const p of expired) {
        // One of a card that left meanwhile says so, as sendOne would have.
        await this.record(p, 'failed', [], p.simId !== null && p.simId !== this.status.simId ? SIM_CHANGED_ERROR : NO_NETWORK_ERROR);
      }
    }
    await this.pumpOutbox();
  }

  private async sendOne(p: Pending): Promise<void> {
    if (p.simId !== null && p.simId !== this.status.simId) {
      await this.record(p, 'failed', [], SIM_CHANGED_ERROR);
      return;
    }
    // Journaled before the first byte goes out: after a crash this instruction shows as
    // "may have been sent", never silently sent again.
    try {
      await this.record(p, 'sending', [], null);
    } catch (e) {
      // Nothing went out and the journal still says queued (a full disk): keep it first in line for
      // the next pump instead of leaving it queued forever.
      this.outbox.unshift(p);
      throw e;
    }
    const refs: number[] = [];
    // Parts the modem answered OK: a part may have gone without a reference to show for it (a bare OK).
    let partsTaken = 0;
    try {
      for (const part of encodeSubmit({ to: p.to, text: p.text, statusReport: true, concatRef: Math.floor(Math.random() * 256) })) {
        const ref = await this.sendPart(part);
        partsTaken++;
        if (ref !== null) refs.push(ref);
      }
    } catch (e) {
      const err = toHallError(e);
      const cms = e instanceof AtError ? e.details?.cms : undefined;
      // Anything answered before the `> ` prompt means the body never went (mend53), and so does a timeout waiting for
      // that prompt (mend55) and a link closed before it (mend61). After the body, only a +CMS ERROR that the standard
      // says refused the message or the command (cmsMayHaveSent false: 0–255, 301–305, 310–322, 330, 331, 340) is sure;
      // anything else (silence, a closed link, a bare ERROR, a +CME ERROR, a verbose text nobody knows, 332, 300, 500,
      // vendor codes) leaves it open that the message went (mend65: a bare ERROR and +CME were taken as "not sent").
      const afterBody = e instanceof AtError && e.details?.bodySent === true;
      const unsure = partsTaken > 0 || (afterBody && (cms === undefined || cmsMayHaveSent(cms)));
      const code = cms !== undefined ? `cms.${cms}` : err.code;
      // No network service although the modem said registered (lost since): nothing went out, so it waits for the
      // registration asked again now and goes once more; a second refusal fails it.
      if (!unsure && code === 'cms.331' && !p.refusedOnce) {
        p.refusedOnce = true;
        p.waitingSince = null;
        this.outbox.unshift(p);
        await this.readRegistrations();
        await this.record(p, 'queued', [], null);
        return;
      }
      await this.record(p, unsure ? 'failed-retryable' : 'failed', refs, code);
      return;
    }
    const record = await this.record(p, 'sent', refs, null);
    for (const ref of refs) this.refs.set(ref, [...(this.refs.get(ref) ?? []), { id: p.id, record }].slice(-WAITING_PER_REF));
  }

  /**
   * One part through AT+CMGS: its message reference, or null for a bare OK. A `+CMGS: <mr>` followed by an error still
   * counts as taken: the reference is the network's word that it has the message (mend65).
   */
  private async sendPart(part: EncodedPdu): Promise<number | null> {
    try {
      return parseCmgs((await this.at(`AT+CMGS=${part.tpduLength}`, this.o.sendTimeoutMs ?? CMGS_TIMEOUT_MS, part.hex)).lines);
    } catch (e) {
      const ref = e instanceof AtError && e.details?.bodySent === true ? parseCmgs(e.details.lines ?? []) : null;
      if (ref === null) throw e;
      return ref;
    }
  }

  private async record(p: { id: string; to: string; redacted: string; simId?: string | null; retryOf?: string }, state: OutgoingState, refs: number[], error: string | null): Promise<OutgoingRecord> {
    const change = {
      id: p.id,
      simId: p.simId ?? this.status.simId ?? this.status.path,
      to: p.to,
      text: p.redacted,
      state,
      messageRefs: refs,
      error,
      ...(p.retryOf === undefined ? {} : { retryOf: p.retryOf }),
    };
    await this.o.journal.recordOutgoing(change);
    const record: OutgoingRecord = { kind: 'out', ...change, at: this.now().getTime() };
    this.emit('outgoing', record);
    return record;
  }

  // ---- losing and finding the modem ----

  private lost(err: Error): void {
    // One way back at a time: a port lost while the first open or a reconnect is still bringing the
    // modem up fails that attempt, whose own failure path decides what follows.
    if (this.closed || this.status.state === 'reconnecting' || this.connecting) return;
    this.stopTimers();
    this.engine?.close();
    this.engine = null;
    this.link = null;
    this.away = UNPLUGGED;
    this.update({ state: 'reconnecting', error: UNPLUGGED });
    const why = isHallError(err) ? err : null;
    this.notice('warning', {
      zh: `调制解调器已断开${why ? `（${why.zh}）` : ''}，正在重新连接…`,
      en: `The modem was disconnected${why ? ` (${why.en})` : ''}; reconnecting…`,
    });
    this.scheduleReconnect(0);
  }

  /** Whatever a failed open or reconnect started stops with it: timers, engine and port. */
  private async abandonAttempt(): Promise<void> {
    this.stopTimers();
    this.engine?.close();
    this.engine = null;
    await this.link?.close().catch(() => undefined);
    this.link = null;
  }

  private async whileConnecting(attempt: () => Promise<void>): Promise<void> {
    this.connecting = true;
    try {
      await attempt();
    } finally {
      this.connecting = false;
    }
  }

  private scheduleReconnect(attempt: number): void {
    // One timer at most: a disconnect and a failing attempt that both ask for a retry get one.
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const backoff = this.o.backoffMs ?? [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];
    const wait = backoff[Math.min(attempt, backoff.length - 1)]!;
    this.reconnectAttempt = attempt;
    this.reconnectTimer = setTimeout(() => void this.reconnect(attempt), wait);
  }

  /**
   * The user's "Try now" on a modem being waited for: the attempt is made at once rather than after the
   * backoff's wait (up to 30 s, while a clerk has just plugged the stick back in). Resolves once that attempt
   * is over; one already under way is not doubled.
   */
  async retryNow(): Promise<void> {
    if (this.closed || this.status.state !== 'reconnecting' || this.connecting) return;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    await this.reconnect(this.reconnectAttempt);
  }

  private async reconnect(attempt: number): Promise<void> {
    if (this.closed) return;
    try {
      const path = (this.o.usb && this.o.findPath ? await this.o.findPath(this.o.usb) : null) ?? this.status.path;
      await this.whileConnecting(() => this.connect(path));
      this.notice('info', { zh: '调制解调器已重新连接。', en: 'The modem is connected again.' });
    } catch {
      await this.abandonAttempt();
      if (this.closed) return;
      // Still away: the status keeps saying why, whatever the failed attempt showed meanwhile.
      this.update({ state: 'reconnecting', error: this.away });
      this.scheduleReconnect(attempt + 1);
    }
  }

  private startTimers(poll: boolean): void {
    this.stopTimers();
    if (poll) this.polling = setInterval(() => void this.drain().catch((e) => this.warn(e)), POLL_EVERY_MS);
    const every = this.o.healthEveryMs ?? 30_000;
    this.health = setInterval(() => void this.refresh(), every);
    this.polling?.unref?.();
    this.health.unref?.();
  }

  private stopTimers(): void {
    if (this.polling) clearInterval(this.polling);
    if (this.health) clearInterval(this.health);
    this.polling = null;
    this.health = null;
  }

  /** Signal and registration; a modem that stopped answering is treated as unplugged. */
  private async refresh(): Promise<void> {
    try {
      await this.exclusive(async () => {
        const csq = await this.at('AT+CSQ');
        this.update({ signal: parseCsq(csq.lines) });
        await this.readRegistrations();
        if (await this.announcements.lost()) this.reinitialiseIf(() => this.status.state === 'ready');
        // Said when it first failed; until a reading gets through, each check tries again.
        else if (this.stores.readingOwed) await this.stores.drainAll().catch(() => undefined);
      });
    } catch (e) {
      if (e instanceof AtError && (e.code === 'at.timeout' || e.code === 'at.unanswered')) {
        const link = this.link;
        this.lost(new Error('no answer'));
        await link?.close().catch(() => undefined);
      }
    }
  }

  // ---- AT helpers ----

  /** Runs `work` with no other session work interleaved (a read-then-delete must not be split). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private at(command: string, timeoutMs?: number, payload?: string, extra: Pick<AtCommandOptions, 'unsolicitedByShape' | 'expectPrefix'> = {}): Promise<AtResponse> {
    const engine = this.engine;
    if (!engine) {
      return Promise.reject(new HallError('modem.not-connected', { zh: '调制解调器未连接。', en: 'The modem is not connected.' }));
    }
    return engine.run(command, { ...(timeoutMs ? { timeoutMs } : {}), ...(payload ? { payload } : {}), ...extra });
  }

  /** A command whose failure only means "this modem does not do that": null instead of an error. */
  private async tryAt(command: string, timeoutMs?: number, expectPrefix?: string): Promise<AtResponse | null> {
    try {
      return await this.at(command, timeoutMs, undefined, expectPrefix ? { expectPrefix } : {});
    } catch (e) {
      if (e instanceof AtError && e.code === 'at.closed') throw e;
      if (e instanceof HallError && e.code === 'modem.not-connected') throw e;
      return null;
    }
  }

  /** One way of reading the ICCID (families.ts), its answer in the printed form, or undefined. */
  private async askIccid(q: ModemFamily['iccid'][number]): Promise<string | undefined> {
    if (q.simFile) return this.askSimId(q.command, q.prefix, iccidFromCrsm);
    return this.askSimId(q.command, q.prefix, (raw) => iccidOf(q.nibbleSwapped ? unswapNibbles(raw) : raw));
  }

  /**
   * A SIM's id from the first answer line that is one (`read`): a line of another shape (a vendor's unsolicited line
   * the engine does not know, wedged in before the answer) is passed over, never taken for the id (review25).
   */
  private async askSimId(command: string, prefix: string | undefined, read: (value: string) => string | null): Promise<string | undefined> {
    const r = await this.tryAt(command, undefined, prefix);
    for (const line of r?.lines ?? []) {
      if (prefix && !line.startsWith(prefix) && /^[+^]/.test(line)) continue;
      const value = identityValue([line]);
      const id = value === null ? null : read(value);
      if (id) return id;
    }
    return undefined;
  }

  private async ask(command: string, prefix?: string): Promise<string | undefined> {
    const r = await this.tryAt(command, undefined, prefix);
    const lines = r?.lines.filter((l) => !prefix || l.startsWith(prefix) || !/^[+^]/.test(l));
    return (lines && identityValue(lines)) ?? undefined;
  }

  private update(patch: Partial<ModemStatus>): void {
    Object.assign(this.status, patch);
    this.emit('status', this.snapshot());
  }

  private fail(e: unknown): void {
    const err = toHallError(e);
    const traps = [...this.status.traps];
    if (err.code === 'modem.permission') traps.push(trap('permission'));
    if (err.code === 'modem.busy') traps.push(trap('busy'));
    this.update({ state: 'failed', error: { code: err.code, zh: err.describe('zh-Hans'), en: err.describe('en') }, traps });
  }

  private warn(e: unknown): void {
    const err = toHallError(e);
    this.notice('error', { zh: err.describe('zh-Hans'), en: err.describe('en') });
  }

  private notice(level: SessionEvents['notice']['level'], text: { zh: string; en: string }): void {
    this.emit('notice', { level, ...text });
  }
}

/** +CME ERROR: 14 / +CMS ERROR: 314 (SIM busy), +CMS ERROR: 500 as some modems say it while starting. */
function simBusy(e: AtError): boolean {
  return e.details?.cme === 14 || e.details?.cms === 314 || e.details?.cms === 500;
}

interface SimReading {
  sim: ModemStatus['sim'];
  starting: boolean;
  /** A device lock's code (`PH-SIM PIN`, `PH-NET PIN`): not the SIM's PIN. */
  deviceLock: string | null;
}

function simTrap(r: SimReading): Trap {
  if (r.deviceLock) return trap('sim-lock');
  return trap(r.sim === 'pin' ? 'pin' : r.sim === 'puk' ? 'puk' : r.starting ? 'sim-busy' : 'no-sim');
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}
