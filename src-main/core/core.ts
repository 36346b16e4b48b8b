import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { CoreApi, EventName, Events, Method, ModemStatus, Request, Responses, Schedule } from '../../src-shared/api/contract';
import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { mayHaveGoneOut } from '../../src-shared/journal-records';
import type { InstructionCatalog } from '../../src-shared/catalog/catalog';
import type { ProvinceId } from '../../src-shared/catalog/provinces/schema';
import { outgoingText, removedNote, type Audience } from '../../src-shared/catalog/outgoing-text';
import { SECRET_MASK } from '../../src-shared/catalog/secrets';
import { foreignNumberReason, isServiceSmsPort, localNumber } from '../../src-shared/catalog/service-numbers';
import { MAYBE_SENT_REFUSED, SIM_CHANGED_ERROR } from '../../src-shared/send-failure';
import { HallError, toHallError, type Bilingual } from '../../src-shared/errors';
import { createSearch, type SearchEngine } from '../../src-shared/search';
import { createEmulatorBinding, DEMO_PATH, type EmulatorBinding } from '../emulator/binding';
import type { EmulatorOptions } from '../emulator/options';
import type { ExtensionModemView } from '../../src-shared/api/extension-messages';
import { simLabel } from '../../src-shared/at/sim-id';
import {
  Approvals,
  EXTENSION_SEND_LIMITS,
  extensionSocketPath,
  PAIRING_PROMPT_LIMITS,
  PairingStore,
  ToldReplies,
  RateLimiter,
  startExtensionLink,
  type ExtensionGateway,
  type ExtensionLink,
  type ExtensionPolicy,
  type ExtensionSender,
  type ExtensionSendRequest,
} from '../services/extension-link';
import { CatalogState } from '../services/catalog-state';
import { ScheduleFile, Scheduler, systemClock } from '../services/scheduler';
import { Journal } from '../services/journal';
import { assembleRecords } from '../../src-shared/assemble';
import { Emitter } from '../services/modem/emitter';
import { ModemSession } from '../services/modem/session';
import { devicePath } from '../services/modem/device-path';
import { extensionCustomSend } from './extension-custom';
import { Fleet, type FleetDeps } from './fleet';
import { findPortByUsb, listPorts, usbIdentityOf } from './ports';
import { RememberedModems } from '../services/modem/remembered-modems';
import { claimDataDir, rootFilesRefusal } from './data-dir';
import { removeStaleTemps } from '../services/atomic-write';

export interface CoreOptions {
  dataDir: string;
  /** Connect the built-in demo modem (the emulator) at start. */
  demo?: boolean;
  emulatorOptions?: EmulatorOptions;
  log?: (dir: 'tx' | 'rx', text: string) => void;
  /** Warnings for the app's log (the MQTT link's); default: standard error. */
  warn?: (line: string) => void;
  /** The MQTT link's first wait before asking again for a command subscription the broker refused; default 30 s. */
  mqttCommandRetryMs?: number;
  /** What times the MQTT link's asks again (tests: a recording clock). */
  mqttClock?: FleetDeps['mqttClock'];
}

/** Numbers where every message needs the user's explicit go-ahead (reports go to 10086999). */
const CONFIRM_NUMBERS = new Set(['10086999']);
const FREE_TEXT_LIMIT = 700;

/**
 * The core every shell hosts (Electron main, browser-mode server, CLI): the journal, the catalog
 * and search, and one session per modem, behind the one API contract.
 */
export class HallCore extends Emitter<Events> implements CoreApi {
  private readonly sessions = new Map<string, ModemSession>();
  /** Failed instructions whose Retry is on its way to the journal: a second press meanwhile is refused as one after it. */
  private readonly retrying = new Set<string>();
  /**
   * What each send of this process carried, as a keyed fingerprint of its clear text (HMAC-SHA256 under a key drawn at
   * start and never written anywhere), by instruction id: how the 10-minute rule (againOf) tells apart two sends whose
   * kept, masked texts read alike (MMXG#******#****** with another new password). Memory only: after a restart the
   * rule compares the masked texts again (and asks). Entries go once their send has left the hold.
   */
  private readonly sentTexts = new Map<string, string>();
  private readonly textKey = randomBytes(32);
  /** The device each port path led to when it connected (refuseSecondPath): the port it holds while it is up. */
  private readonly devices = new Map<string, string>();
  private demoBinding: EmulatorBinding | null = null;
  private extensionLink: ExtensionLink | null = null;
  private searchEngine: { catalog: InstructionCatalog; engine: SearchEngine } | null = null;
  /** Set in `create`, before any request can arrive. */
  private scheduler!: Scheduler;
  /** Set in `create`: per-SIM state, labels, MQTT. */
  fleet!: Fleet;
  /** What extensions may do through this app, and the questions they made the user answer. */
  readonly extensions: ExtensionPolicy;
  private constructor(
    readonly journal: Journal,
    readonly catalogState: CatalogState,
    pairings: PairingStore,
    told: ToldReplies,
    /** Things found wrong at start-up and repaired or set aside, for the user to read. */
    readonly startupProblems: readonly { zh: string; en: string }[],
    /** The ports connected from the app's Modem page, opened again at the next start (createCore). */
    readonly rememberedModems: RememberedModems,
    private readonly o: CoreOptions,
  ) {
    super();
    catalogState.on('changed', (view) => {
      // A custom instruction saved may name a secret a kept part quotes.
      journal.maskKept();
      this.emit('catalog', view);
    });
    catalogState.on('notice', (text) => this.emit('notice', { level: 'warning', ...text }));
    const approvals = new Approvals();
    approvals.on('changed', (list) => this.emit('approvals', list));
    pairings.on('changed', (list) => this.emit('extensions', list));
    this.extensions = {
      gateway: this.extensionGateway(),
      pairings,
      told,
      approvals,
      rateLimiter: new RateLimiter(EXTENSION_SEND_LIMITS),
      pairingLimiter: new RateLimiter(PAIRING_PROMPT_LIMITS),
    };
  }

  static async create(o: CoreOptions): Promise<HallCore> {
    // The data folder holds the journal and the pairings: the user's alone.
    await claimDataDir(o.dataDir);
    try {
      return await HallCore.openIn(o);
    } catch (e) {
      throw (await rootFilesRefusal(o.dataDir, e)) ?? e;
    }
  }

  private static async openIn(o: CoreOptions): Promise<HallCore> {
    let catalogInUse: CatalogState | undefined;
    // Parts kept for other profiles are masked with the catalog in use (custom instructions' secrets too).
    const masking = () => catalogInUse?.catalog ?? builtinCatalog();
    const journal = await Journal.open(o.dataDir, { maskAtRest: (parts) => masking().maskSecretParts(parts), maskAtRestShapes: () => masking().secretShapes() });
    let started: HallCore | undefined;
    try {
      for (const dir of [o.dataDir, join(o.dataDir, 'catalog-update')]) await removeStaleTemps(dir);
      const { state, problems } = await CatalogState.open(o.dataDir, builtinCatalog().data);
      catalogInUse = state;
      journal.maskKept();
      const pairings = await PairingStore.open(o.dataDir);
      // Written only once an extension was passed a reply, by which time `started` is set.
      const told = await ToldReplies.open(o.dataDir, { warn: (text) => started?.emit('notice', { level: 'warning', ...text }) });
      const modems = await RememberedModems.open(o.dataDir);
      for (const problem of [pairings.problem, told.problem, modems.problem]) if (problem) problems.push(problem);
      const core = new HallCore(journal, state, pairings, told, problems, modems, o);
      started = core;
      const schedules = ScheduleFile.in(o.dataDir);
      core.scheduler = await Scheduler.open({
        store: schedules,
        clock: systemClock,
        random: Math.random,
        check: (schedule) => core.checkSchedule(schedule),
        run: (simId, ids) => core.runScheduled(simId, ids),
        onError: (e) => {
          const error = toHallError(e);
          core.emit('notice', { level: 'warning', zh: `定时查询没有发出：${error.zh}`, en: `A scheduled check was not sent: ${error.en}` });
        },
      });
      core.fleet = await Fleet.open({
        dataDir: o.dataDir,
        redact: (text) => core.catalog.maskSecrets(text),
        sendQuery: (simId, id, params) => core.send({ modemId: core.readyModemFor(simId), id, params }),
        onLabels: (labels) => core.emit('labels', labels),
        onMqtt: (view) => core.emit('mqtt', view),
        onSim: (sim) => core.emit('fleet', sim),
        onSimGone: (simId) => core.emit('fleetGone', { simId }),
        onCheck: (state) => core.emit('fleetCheck', state),
        warn: o.warn ?? ((line) => console.warn(line)),
        notice: (text) => core.emit('notice', { level: 'warning', ...text }),
        ...(o.mqttCommandRetryMs ? { mqttCommandRetryMs: o.mqttCommandRetryMs } : {}),
        ...(o.mqttClock ? { mqttClock: o.mqttClock } : {}),
      });
      problems.push(...schedules.problems, ...core.fleet.problems);
      core.fleet.board.seed(journal.longParts());
      core.on('incoming', (r) => core.fleet.board.onIncoming(r));
      core.on('outgoing', (r) => {
        core.fleet.board.onOutgoing(r);
        core.fleet.check.onOutgoing(r);
      });
      core.on('modem', (s) => core.fleet.board.onModem(s));
      // Sends the last run left cut off were marked failed by the journal while it opened, with no event: count them.
      for (const id of journal.recovery.interruptedSends) {
        const record = journal.outgoing(id);
        if (record) core.fleet.board.onOutgoing(record);
      }
      if (o.demo) await core.connect(DEMO_PATH);
      return core;
    } catch (e) {
      // A settings file refused (or anything else) ends the start: its timers stop, and the journal's lock is let go for a retry.
      started?.scheduler?.stop();
      await journal.close().catch(() => undefined);
      throw e;
    }
  }

  /** The catalog in use: built-in or updated, with the province's changes and the user's own instructions. */
  private get catalog(): InstructionCatalog {
    return this.catalogState.catalog;
  }

  /** Built on first use after each catalog change. */
  private get search(): SearchEngine {
    const catalog = this.catalog;
    if (this.searchEngine?.catalog !== catalog) this.searchEngine = { catalog, engine: createSearch(catalog.instructions) };
    return this.searchEngine.engine;
  }

  /** The journal's repair report from start-up, if anything had to be repaired. */
  get recoveryNotice(): { zh: string; en: string } | null {
    return this.journal.recovery.message;
  }

  /** The demo modem, for tests and the demo mode's own controls. */
  get demo(): EmulatorBinding | null {
    return this.demoBinding;
  }

  session(modemId: string): ModemSession {
    const s = this.sessions.get(modemId);
    if (!s) {
      throw new HallError('modem.unknown', { zh: `没有这个调制解调器：${modemId}`, en: `No such modem: ${modemId}` });
    }
    return s;
  }

  async call<M extends Method>(method: M, params: Request<M>): Promise<Responses[M]> {
    const handler = this.handlers[method] as (p: Request<M>) => Promise<Responses[M]>;
    return handler(params);
  }

  /**
   * Opens the channel the native-messaging host connects to. An app that cannot open it still
   * works, without sending for extensions: the user hears why.
   */
  async openExtensionLink(): Promise<void> {
    try {
      this.extensionLink = await startExtensionLink(this.extensions, extensionSocketPath(this.o.dataDir));
    } catch (e) {
      const error = toHallError(e);
      this.emit('notice', { level: 'warning', zh: error.zh, en: error.en });
    }
  }

  async close(): Promise<void> {
    this.scheduler.stop();
    await this.fleet.close();
    this.catalogState.close();
    await this.extensionLink?.close();
    await Promise.all([...this.sessions.values()].map((s) => s.close()));
    this.sessions.clear();
    await this.journal.close();
  }

  private readonly handlers: { [M in Method]: (p: Request<M>) => Promise<Responses[M]> } = {
    'catalog.search': async ({ query, limit }) =>
      this.search.search(query, limit ?? 10).map((r) => ({ id: r.id, score: r.score, matched: r.matched, ...(r.params ? { params: r.params } : {}) })),
    'catalog.compose': async ({ id, params }) => {
      const c = this.catalog.compose(id, params);
      return { id: c.id, to: c.to, text: c.text, redacted: c.redacted };
    },
    send: async (req) => ({ commandId: await this.send(req) }),
    retry: async ({ commandId, confirmed }) => ({ commandId: await this.retry(commandId, confirmed === true) }),
    'modem.list': async () => [...this.sessions.values()].map((s) => s.snapshot()),
    'modem.ports': async () => listPorts(),
    'modem.connect': async ({ path }) => this.connect(path, { remember: true }),
    'modem.disconnect': async ({ modemId }) => {
      const session = this.session(modemId);
      const { path, demo } = session.snapshot();
      await session.close();
      this.sessions.delete(modemId);
      this.devices.delete(modemId);
      if (!demo) await this.rememberedModems.remove(path).catch((e: unknown) => this.warnNotRemembered(e));
      return { ok: true };
    },
    'modem.enterPin': async ({ modemId, pin }) => {
      const s = this.session(modemId);
      await s.enterPin(pin);
      return s.snapshot();
    },
    'journal.pending': async ({ after, limit }) => ({
      ...this.journal.pendingIncomingPage(after, limit ?? Infinity),
      outgoing: after === undefined ? this.journal.heldOutgoing() : [],
    }),
    'journal.parts': async ({ messages }) => ({ incoming: this.journal.partsOf(messages) }),
    'journal.ack': async ({ keys }) => {
      await this.journal.ack(keys);
      this.fleet.board.giveWayToStores(this.journal.stats().pending > 0);
      return { ok: true };
    },
    'approvals.list': async () => this.extensions.approvals.list(),
    'approvals.decide': async ({ id, approve }) => {
      this.extensions.approvals.decide(id, approve);
      return { ok: true };
    },
    'extensions.list': async () => this.extensions.pairings.list(),
    'core.startupNotices': async () => [this.recoveryNotice, ...this.startupProblems].filter((n): n is { zh: string; en: string } => n !== null),
    'catalog.state': async () => this.catalogState.view(),
    'catalog.setProvince': async ({ province }) => this.catalogState.setProvince(province as ProvinceId | null),
    'custom.save': async ({ entry, replacing }) => this.catalogState.saveCustom(entry, replacing),
    'custom.delete': async ({ code }) => this.catalogState.deleteCustom(code),
    'custom.import': async ({ text, replace }) => this.catalogState.importCustoms(text, replace),
    'catalog.setUpdateSource': async ({ source, publicKey }) => this.catalogState.setUpdateSource(source, publicKey),
    'catalog.checkUpdate': async () => this.catalogState.checkNow(),
    'catalog.rollback': async () => this.catalogState.rollback(),
    'extensions.revoke': async ({ id }) => ({ revoked: await this.extensions.pairings.revoke(id) }),
    'extensions.rename': async ({ id, name }) => {
      await this.extensions.pairings.rename(id, name);
      return this.extensions.pairings.list();
    },
    'schedules.get': async () => this.scheduler.list(),
    'schedules.set': async ({ schedule }) => this.scheduler.set(schedule),
    'labels.list': async () => this.fleet.labels.list(),
    'labels.set': async ({ label }) => this.fleet.setLabel(label),
    'fleet.checkNow': async ({ instructions }) => this.checkNow(instructions),
    'mqtt.get': async () => this.fleet.mqttView(),
    'mqtt.set': async ({ settings }) => this.fleet.setMqtt(settings),
    'fleet.sims': async () => this.fleet.sims(),
    'fleet.checkState': async () => this.fleet.check.state(),
    'fleet.seeFailures': async ({ simId, seen }) => this.fleet.seeFailures(simId, seen),
    // The page's language is the desktop shell's business (its menu); served over HTTP, there is no menu.
    'ui.language': async () => null,
  };

  /**
   * Every ready SIM's checks now (the given instructions, else its schedule's): each modem sends
   * its own one after another, all modems at once. Resolves once every instruction is queued; the
   * `fleetCheck` event tells how far the run is. One run at a time.
   */
  private async checkNow(instructions: readonly string[] | undefined): Promise<{ sims: number }> {
    if (instructions) this.checkSchedule({ simId: '-', enabled: false, instructions: [...instructions], time: '00:00', jitterMinutes: 0, quiet: null });
    const schedules = new Map(this.scheduler.list().map((s) => [s.simId, s.instructions]));
    const ready = [...this.sessions.values()].map((s) => s.snapshot()).filter((s) => s.state === 'ready' && s.simId);
    const plan = ready.flatMap((m) => {
      const ids = instructions ?? schedules.get(m.simId!);
      return ids ? [{ simId: m.simId!, ids }] : [];
    });
    if (plan.length === 0) return { sims: 0 };
    if (!this.fleet.check.begin(plan.map((p) => ({ simId: p.simId, instructions: p.ids.length })))) {
      throw new HallError('fleet.check-running', { zh: '正在查询全部 SIM，请等这一轮结束。', en: 'All SIMs are being checked already; wait for this round to end.' });
    }
    await Promise.all(plan.map((p) => this.runChecks(p.simId, p.ids)));
    return { sims: plan.length };
  }

  /** One SIM's part of a check of every SIM: its instructions queued on its modem, each told to the run. */
  private async runChecks(simId: string, ids: readonly string[]): Promise<void> {
    try {
      const modemId = this.readyModemFor(simId);
      for (const id of ids) this.fleet.check.queued(simId, await this.send({ modemId, id }));
    } catch {
      this.fleet.check.refused(simId);
    }
  }

  /** Only plain queries run unattended: nothing with parameters, nothing that asks for confirmation. */
  private checkSchedule(schedule: Schedule): void {
    for (const id of schedule.instructions) {
      const instruction = this.catalog.require(id);
      if (instruction.params.length || instruction.risk.confirm) {
        throw new HallError('schedule.not-allowed', {
          zh: `${instruction.id} 不能定时发送：只能定时发送不需要参数、也不需要确认的查询。`,
          en: `${instruction.id} cannot be scheduled: only queries without parameters or confirmation can.`,
        });
      }
    }
  }

  /** Queues a schedule's instructions on the ready modem holding the SIM; its outbox sends them one at a time. */
  private async runScheduled(simId: string, ids: readonly string[]): Promise<void> {
    const modemId = this.readyModemFor(simId);
    for (const id of ids) await this.send({ modemId, id });
  }

  private readyModemFor(simId: string): string {
    const session = [...this.sessions.values()].find((s) => s.snapshot().simId === simId && s.snapshot().state === 'ready');
    if (!session) throw new HallError('schedule.no-modem', { zh: `SIM ${simId} 所在的调制解调器没有连接。`, en: `The modem holding SIM ${simId} is not connected.` });
    return session.snapshot().modemId;
  }

  private extensionGateway(): ExtensionGateway {
    return {
      preview: (req) => {
        this.checkExtensionRequest(req);
        const { to, redacted, confirm } = this.prepare(req);
        const ready = this.readyModems();
        const { modemId, path, simId, identity } = ready[0]!;
        // The extension cannot choose a SIM: with several ready, its user says yes to the one named (review36).
        return { to, redacted, confirm: confirm ?? (ready.length > 1 ? severalSims(ready.length) : null), from: { modemId, path, simId, identity } };
      },
      send: (req, confirmed, from, resend) => this.send({ ...req, modemId: this.stillHolding(from), confirmed, ...(resend ? { resend } : {}) }),
      checkAgain: (req, from, resend) => {
        const { to, text, redacted } = this.prepare(req);
        // The card the send will be journaled under, as send() asks it (review50 F5): while a card is identified again
        // (`from.simId` null), the card before, whose unsure record this one may repeat.
        this.againOf(to, this.fingerprint(text), redacted, this.sessions.get(from.modemId)?.cardFor(from.simId ?? undefined) ?? from.path, resend);
      },
      modems: () => this.extensionModemViews(),
      onModemChange: (listener) => this.on('modem', listener),
      onIncoming: (listener) => this.on('incoming', listener),
      onOutgoing: (listener) => this.on('outgoing', listener),
      mask: (text) => this.catalog.maskSecrets(text),
      uncertainMessages: () =>
        assembleRecords(this.journal.longParts())
          .filter((m) => m.complete && m.uncertain)
          .map((m) => ({ simId: m.simId, receivedAt: m.receivedAt, text: m.text })),
    };
  }

  /**
   * What an extension may send: a catalog instruction to its own number, or a report (free text) to
   * a report number, which the user always confirms. Never free text to any other number.
   */
  private checkExtensionRequest(req: ExtensionSendRequest): void {
    const instruction = req.id ? this.catalog.get(req.id) : undefined;
    const allowed = req.custom
      ? req.id === undefined && req.text === undefined && req.to === undefined
      : req.id
        ? instruction !== undefined && req.text === undefined && (req.to === undefined || req.to === instruction.to)
        : req.text !== undefined && req.params === undefined && req.to !== undefined && CONFIRM_NUMBERS.has(req.to);
    if (!allowed) {
      throw new HallError('extension.not-allowed', {
        zh: '扩展只能发送指令库里的指令（发往它自己的号码）、经你在应用中确认的自定义指令，或发往 10086999 的举报。',
        en: 'The extension may only send catalog instructions (to their own number), custom instructions you confirm in the app, or reports to 10086999.',
      });
    }
  }

  /** At least one, else `modem.none`. */
  private readyModems(): ModemStatus[] {
    const ready = [...this.sessions.values()].map((s) => s.snapshot()).filter((s) => s.state === 'ready');
    if (!ready.length) throw new HallError('modem.none', { zh: '没有可用的调制解调器。', en: 'No modem is ready.' });
    return ready;
  }

  /**
   * The modem an extension's send was asked from, while it is ready and holds the SIM it held then. The user's yes
   * was to that SIM (the approval names it): taken away or given another card meanwhile, the first ready modem would
   * be another customer's line (review36), so nothing is sent and the extension is told.
   */
  private stillHolding(from: ExtensionSender): string {
    const now = this.sessions.get(from.modemId)?.snapshot();
    if (now?.state === 'ready' && now.simId === from.simId) return from.modemId;
    throw new HallError(
      'extension.sim-changed',
      {
        zh: '这条指令要从的那张 SIM 卡在等待确认时已不在调制解调器里（或设备已断开），所以没有发出，也没有改从别的卡发出。',
        en: 'The SIM this instruction was to go from left its modem (or the modem was disconnected) while it waited for the yes, so it was not sent, nor sent from another SIM.',
      },
      {
        action: {
          zh: '把这张卡重新连上，再从扩展发送一次。',
          en: 'Connect that SIM again, then send it from the extension again.',
        },
      },
    );
  }

  /** Every modem, in the order `preview` picks the first ready from: what the popup shows (mend42). */
  private extensionModemViews(): ExtensionModemView[] {
    return [...this.sessions.values()].map((s) => {
      const m = s.snapshot();
      const state = m.state === 'ready' ? 'ready' : m.state === 'closed' || m.state === 'failed' ? 'offline' : 'busy';
      const device = [m.identity.manufacturer, m.identity.model].filter(Boolean).join(' ') || null;
      return { state, demo: m.demo, operator: m.operator, bars: m.signal?.bars ?? 0, sim: m.simId ? simLabel(m.simId) : null, device };
    });
  }

  private warnNotRemembered(e: unknown): void {
    const error = toHallError(e);
    this.emit('notice', {
      level: 'warning',
      zh: `没能保存已连接设备的记录（modems.json），下次启动打开的设备可能和现在不同；下次连接或断开设备时会再保存一次：${error.zh}`,
      en: `The list of connected modems (modems.json) could not be saved, so the next start may open other modems than now; it is saved again at the next connect or disconnect: ${error.en}`,
    });
  }

  /**
   * Opens a modem by port path, or by USB identity written `usb:VENDOR:PRODUCT[:SERIAL]`. `remember`
   * (the user's connect) notes the port for the next start before the modem's first status event, so
   * a stop at any point of the set-up, or a failed set-up, keeps the user's choice. `waitIfAbsent`
   * (a remembered port at start) waits for a port that is not there rather than failing.
   */
  async connect(target: string, o: { remember?: boolean; waitIfAbsent?: boolean } = {}): Promise<ModemStatus> {
    const path = target.startsWith('usb:') ? await this.resolveUsb(target) : target;
    const demo = path === DEMO_PATH;
    const keep = o.remember === true && !demo;
    const keptBefore = this.rememberedModems.list().includes(path);
    const modemId = demo ? 'demo' : path.replace(/[^A-Za-z0-9._-]/g, '_').slice(-64);
    const device = demo ? null : await devicePath(path);
    if (device !== null) await this.refuseSecondPath(path, modemId, device, keptBefore);
    if (keep) await this.rememberedModems.add(path).catch((e: unknown) => this.warnNotRemembered(e));
    const existing = this.sessions.get(modemId);
    if (existing && existing.snapshot().state === 'reconnecting') {
      // Connect on a modem being waited for is the user's "Try now": one attempt at once, not a second session.
      await existing.retryNow();
      return existing.snapshot();
    }
    if (existing && existing.snapshot().state !== 'failed' && existing.snapshot().state !== 'closed') return existing.snapshot();
    if (device !== null) this.devices.set(modemId, device);
    if (demo) this.demoBinding ??= createEmulatorBinding(this.o.emulatorOptions ? { emulatorOptions: this.o.emulatorOptions } : {});
    const usb = demo ? null : await usbIdentityOf(path);
    const session = new ModemSession({
      modemId,
      path,
      demo,
      journal: this.journal,
      ...(demo && this.demoBinding ? { binding: this.demoBinding } : {}),
      ...(usb ? { usb, findPath: findPortByUsb } : {}),
      ...(this.o.log ? { log: this.o.log } : {}),
      simHeldBy: (simId) => this.simHolder(modemId, simId),
    });
    for (const event of ['incoming', 'outgoing', 'notice'] as const) session.on(event, (data) => this.emit(event, data as never));
    session.on('status', (status) => this.emit('modem', status));
    this.sessions.set(modemId, session);
    await session.open({ waitIfAbsent: o.waitIfAbsent === true }).catch(async (e: unknown) => {
      // A port that is not there (a typo) is no modem of the user's: kept, it would be waited for at every start.
      if (keep && !keptBefore && toHallError(e).code === 'modem.not-found') await this.rememberedModems.remove(path).catch((w: unknown) => this.warnNotRemembered(w));
      throw e;
    });
    return session.snapshot();
  }

  /**
   * A second path to a modem already open (its /dev/serial/by-id link beside /dev/ttyUSB2, two links to one
   * pseudo-terminal) would be a second session on one port, each reading the other's replies, and remembered
   * twice. The user's connect is refused, naming the path in use; a twin kept in modems.json (from before
   * this check) is dropped from it at start, so the file keeps one path per modem.
   */
  private async refuseSecondPath(path: string, modemId: string, device: string, kept: boolean): Promise<void> {
    // A session holds the device it connected to only while it is up: one unplugged and waited for ('reconnecting') or
    // given up on holds nothing, and the next modem plugged in may take its device's name (/dev/ttyUSB0, a
    // pseudo-terminal's number); it is the same modem then only if its path leads there now.
    let inUse: string | null = null;
    for (const [id, session] of this.sessions) {
      const { path: other, demo, state } = session.snapshot();
      if (id === modemId || demo) continue;
      const holds = state === 'opening' || state === 'probing' || state === 'ready' ? this.devices.get(id) : undefined;
      if (holds === device || (await devicePath(other)) === device) inUse = other;
    }
    if (inUse === null) return;
    if (kept) await this.rememberedModems.remove(path).catch((e: unknown) => this.warnNotRemembered(e));
    throw new HallError(
      'modem.same-device',
      {
        zh: `${path} 和已连接的 ${inUse} 是同一个调制解调器（都指向 ${device}），不能再连接一次。`,
        en: `${path} is the same modem as ${inUse}, already connected (both lead to ${device}); it is not connected twice.`,
      },
      {
        action: { zh: `继续用 ${inUse} 即可；想改用 ${path}，先断开 ${inUse}。`, en: `Keep using ${inUse}; to use ${path} instead, disconnect ${inUse} first.` },
        details: { path, inUse, device },
      },
    );
  }

  /** The path of another session on a port now (not one waited for, or given up on) whose card is `simId`, else null. */
  private simHolder(modemId: string, simId: string): string | null {
    for (const [id, session] of this.sessions) {
      const { path, state, simId: held } = session.snapshot();
      if (id !== modemId && held === simId && (state === 'probing' || state === 'ready')) return path;
    }
    return null;
  }

  private async resolveUsb(target: string): Promise<string> {
    const [vendorId, productId, serialNumber] = target.slice(4).split(':');
    const path = vendorId && productId ? await findPortByUsb({ vendorId, productId, ...(serialNumber ? { serialNumber } : {}) }) : null;
    if (!path) {
      throw new HallError(
        'modem.not-found',
        { zh: `找不到 USB 设备 ${target.slice(4)} 的串口。`, en: `No serial port for USB device ${target.slice(4)}.` },
        { action: { zh: '用 hall10086 ports 查看已连接的设备。', en: 'List connected devices with hall10086 ports.' } },
      );
    }
    return path;
  }

  private async send(req: Request<'send'>): Promise<string> {
    const session = this.session(req.modemId);
    // While a card is being set up the session ties the send to the card before (review34); a card identified is compared.
    const { simId: holding, path } = session.snapshot();
    if (req.simId !== undefined && holding !== null && holding !== req.simId) throw cardSwapped();
    const { to, text, redacted, confirm } = this.prepare(req);
    if (confirm && !req.confirmed) {
      throw new HallError(
        'send.confirm-required',
        { zh: `发送前需要确认：${confirm.zh}`, en: `This needs confirmation before sending: ${confirm.en}` },
        { details: { to } },
      );
    }
    // Checked and marked with no await in between, so two confirmed re-sends at once cannot both pass (mend55). The SIM
    // is the one the send will be journaled under: while a card is identified again, the card before (review48 F4).
    const fingerprint = this.fingerprint(text);
    const retryOf = this.againOf(to, fingerprint, redacted, session.cardFor(req.simId) ?? path, req.resend === true);
    if (retryOf === undefined) return this.sent(await session.send(to, text, redacted, req.simId, undefined), fingerprint);
    this.retrying.add(retryOf);
    try {
      // Tied to the SIM the user saw, so a card that is not it when it goes (none identified now) refuses it at send time.
      return this.sent(await session.send(to, text, redacted, req.simId, retryOf), fingerprint);
    } finally {
      this.retrying.delete(retryOf);
    }
  }

  /** A keyed fingerprint of a clear text, for this process only (sentTexts). */
  private fingerprint(text: string): string {
    return createHmac('sha256', this.textKey).update(text).digest('base64');
  }

  /** Keeps the fingerprint of what instruction `id` carries while it is in the hold; forgets those that left it. */
  private sent(id: string, fingerprint: string): string {
    const now = Date.now();
    for (const known of this.sentTexts.keys()) {
      const r = this.journal.outgoing(known);
      if (!r || now - r.at >= MAYBE_SENT_HOLD_MS) this.sentTexts.delete(known);
    }
    this.sentTexts.set(id, fingerprint);
    return id;
  }

  /**
   * The one rule for a fresh send of what may already have gone out, whoever sends it (the composer, the browser-mode
   * API, the CLI, an extension; mend55, from the extension's of mend51/mend53). The last send of the same text to the
   * same number from the same SIM within MAYBE_SENT_HOLD_MS, leaving out those that surely did not go (`failed`, or
   * left queued at a restart), decides:
   * - it may have gone out (`failed-retryable`): a send without `resend` (the user's yes to sending it again) is
   *   refused, `send.maybe-sent`; with that yes it goes as that one's retry (its id is returned, journaled as
   *   `retryOf`, as a Retry is);
   * - it is a send of it again (a retry, a yes) still on its way (queued, sending) or gone: `send.already-retried`, for
   *   a yes, and for a plain send while it is on its way (mend62: a second copy went), not once it went.
   * The same text is the same clear text for the sends of this process (a keyed fingerprint, sentTexts), the same
   * masked text for the others (journaled before a restart): two password changes alike when masked are then one.
   */
  private againOf(to: string, fingerprint: string, redacted: string, simId: string, resend: boolean): string | undefined {
    const now = Date.now();
    // The number as dialled at home (review48 F4: `+8610086` and `10086` are one number).
    const number = localNumber(to);
    const alike = (id: string, text: string) => {
      const known = this.sentTexts.get(id);
      return known === undefined ? text === redacted : known === fingerprint;
    };
    // A retry that surely did not go (review48 F1: refused before its prompt) sent nothing again: the one before it decides.
    const same = this.journal
      .heldOutgoing()
      .filter((r) => localNumber(r.to) === number && r.simId === simId && now - r.at < MAYBE_SENT_HOLD_MS && !surelyNotSent(r) && alike(r.id, r.text));
    const last = same.reduce<(typeof same)[number] | undefined>((a, r) => (!a || r.at >= a.at ? r : a), undefined);
    if (!last) return undefined;
    if (mayHaveGoneOut(last)) {
      // Its retry (a yes from another window, a Retry) is on its way, not yet journaled.
      if (this.retrying.has(last.id)) throw alreadyRetried();
      if (!resend) throw maybeSentBefore(last.id, to, redacted);
      return last.id;
    }
    const onItsWay = last.state === 'queued' || last.state === 'sending';
    if (last.retryOf !== undefined && (resend || onItsWay)) throw alreadyRetried();
    return undefined;
  }

  /**
   * The exact text, its redacted form, and whether the user must confirm first. Free text carrying
   * an instruction's secrets in any form (`mmxg 123456 654321`, inside a sentence, full-width) is
   * sent as typed, kept only masked, and needs that instruction's confirmation.
   */
  private prepare(req: ExtensionSendRequest): { to: string; text: string; redacted: string; confirm: { zh: string; en: string } | null } {
    // What goes out is what every confirmation shows (outgoingText, the one place): nothing invisible,
    // and the user is told what was taken out, asked first like a risky instruction is. Free text is
    // looked at without what nobody sees (so `T\u200bJ` is TJ and asks TJ's question); an emoji's
    // joiners stay only in text to a person.
    const typed = req.text ? outgoingText(req.text, audienceOf(req.to ?? '10086')) : null;
    const prepared = this.compose({ ...req, ...(typed ? { text: typed.text } : {}) });
    const audience = audienceOf(prepared.to);
    const sent = outgoingText(prepared.text, audience);
    const redacted = outgoingText(prepared.redacted, audience).text;
    const removed = removedNote([...(typed?.removed ?? []), ...sent.removed]);
    const confirm = prepared.confirm && removed ? { zh: `${prepared.confirm.zh}；${removed.zh}`, en: `${prepared.confirm.en}; ${removed.en}` } : (prepared.confirm ?? removed);
    return { to: prepared.to, text: sent.text, redacted, confirm };
  }

  private compose(req: ExtensionSendRequest): { to: string; text: string; redacted: string; confirm: { zh: string; en: string } | null } {
    if (req.custom) return extensionCustomSend(req.custom, req.params ?? {}, this.catalog);
    const typedText = (req.text ?? '').trim();
    const instruction = req.id
      ? this.catalog.require(req.id)
      : typedText
        ? this.catalog.askedAs(typedText)
        : undefined;
    let text: string;
    let redacted: string;
    if (req.id) {
      const c = this.catalog.compose(req.id, req.params ?? {});
      ({ text, redacted } = c);
    } else if (typedText) {
      const typed = this.catalog.composeTyped(typedText);
      text = typed?.text ?? typedText;
      redacted = typed?.redacted ?? this.catalog.maskSecrets(text);
      if (text.length > FREE_TEXT_LIMIT) {
        throw new HallError('send.too-long', { zh: `短信太长（最多 ${FREE_TEXT_LIMIT} 字）。`, en: `The message is too long (at most ${FREE_TEXT_LIMIT} characters).` });
      }
    } else {
      throw new HallError('send.empty', { zh: '没有要发送的内容。', en: 'There is nothing to send.' });
    }
    const to = req.to ?? instruction?.to ?? '10086';
    // A number that is no service port (free text given its own, a custom instruction's) may be paid: that is said first.
    const reason = !isServiceSmsPort(to) ? foreignNumberReason(to) : instruction?.risk.confirm ? (instruction.risk.reason ?? instruction.name) : null;
    const confirm = reason
      ? { zh: reason['zh-Hans'], en: reason.en }
      : CONFIRM_NUMBERS.has(localNumber(to))
        ? { zh: `发往 ${to} 的举报短信`, en: `a report message to ${to}` }
        : null;
    return { to, text, redacted, confirm };
  }

  private async retry(commandId: string, confirmed: boolean): Promise<string> {
    const previous = this.journal.outgoing(commandId);
    if (!previous || (previous.state !== 'failed' && previous.state !== 'failed-retryable')) {
      throw new HallError('send.not-retryable', { zh: '这条指令不能重发（没有失败记录）。', en: 'This instruction cannot be retried (it has not failed).' });
    }
    // Its bubble keeps its Retry in every tab and profile: a second press (there, at once, or from the CLI) would send it twice.
    if (this.retrying.has(commandId) || this.journal.retryOf(commandId)) throw alreadyRetried();
    if (previous.text.includes(SECRET_MASK)) {
      throw new HallError('send.retry-needs-secret', {
        zh: '这条指令含有密码或证件号码，出于安全没有保存，请重新填写后发送。',
        en: 'This instruction contains a password or ID number, which is never stored; please fill it in again and send.',
      });
    }
    // Sending it again is sending it: what needed confirming the first time needs it again (an unsure
    // first try may have gone out, so a second order or cancellation can be done or charged twice).
    // A text journaled before outgoingText may hold what nobody sees: it goes out without it, as shown.
    const { confirm, text } = this.prepare({ text: previous.text, to: previous.to });
    // One that may have gone out is asked about whatever it is (review43): an order that asks nothing when first sent
    // (KTCL, a paid ring-back tone) went again in one click, and 10086 may do it and charge it twice.
    const unsure = mayHaveGoneOut(previous) ? MAYBE_WENT : null;
    const ask = [unsure, confirm].filter((b): b is Bilingual => b !== null);
    if (ask.length && !confirmed) {
      throw new HallError(
        'send.confirm-required',
        { zh: `重发前需要确认：${ask.map((b) => b.zh).join('')}`, en: `This needs confirmation before sending again: ${ask.map((b) => b.en).join(' ')}` },
        { details: { to: previous.to } },
      );
    }
    // Only from the SIM it was sent from: another SIM would do it for another customer's line.
    const session = [...this.sessions.values()].find((s) => s.snapshot().simId === previous.simId);
    if (!session) {
      throw new HallError(
        'send.retry-sim-absent',
        {
          zh: `这条指令是从 SIM ${previous.simId} 发出的，这张卡现在没有连接，所以没有重发。`,
          en: `This instruction went out from SIM ${previous.simId}, which is not connected now, so it was not sent again.`,
        },
        {
          action: {
            zh: '连接这张卡再重发；要从另一张卡发送，请在输入框里重新发送。',
            en: 'Connect that SIM and retry; to send it from another SIM, send it again from the composer.',
          },
        },
      );
    }
    this.retrying.add(commandId);
    try {
      return this.sent(await session.send(previous.to, text, text, undefined, commandId), this.fingerprint(text));
    } finally {
      this.retrying.delete(commandId);
    }
  }
}

/**
 * How long a plain send of what may have gone out is refused (HallCore.againOf): 10 minutes, time for 10086's reply;
 * after it, an extension that cannot confirm (one before mend51) can send it again (mend53).
 */
export const MAYBE_SENT_HOLD_MS = 10 * 60_000;

/** Why a retry of a send that may have gone out is asked about. */
const MAYBE_WENT: Bilingual = {
  zh: '上一次可能已经发出了，再发一次可能办理两次、扣费两次。',
  en: 'the last try may already have gone out, and sending it again may do it and charge it twice.',
};

/** A send that surely did not reach the network: refused before its body went, or left queued at a restart. */
function surelyNotSent(r: { state: string; error?: string | null }): boolean {
  return r.state === 'failed' || (r.state === 'failed-retryable' && !mayHaveGoneOut(r));
}

/** A fresh send refused because the same one, sent last, may already have gone out (HallCore.againOf). */
function maybeSentBefore(commandId: string, to: string, text: string): HallError {
  return new HallError(
    MAYBE_SENT_REFUSED,
    {
      zh: `上一次从这张 SIM 卡发往 ${to} 的同一条指令（${text}）可能已经发出了，所以这次没有发出：请先等 10086 的回复。`,
      en: `The same instruction (${text}) sent last to ${to} from this SIM may already have gone out, so this one was not sent: wait for 10086’s reply first.`,
    },
    {
      details: { commandId, to, text },
      action: {
        zh: '确定要再发一次：确认后它作为那一条的重发发出（命令行加 --resend）；10 分钟后也可以照常再发。',
        en: 'To send it again anyway, confirm it and it goes as that one’s retry (--resend on the command line); after 10 minutes it can be sent again as usual.',
      },
    },
  );
}

function alreadyRetried(): HallError {
  return new HallError(
    'send.already-retried',
    {
      zh: '这条指令已经重发过了，没有再发一次（避免同一业务办两次）。重发的那条在对话里它的后面。',
      en: 'This instruction has already been sent again, so it was not sent once more (the same order twice). The one sent again is further down the thread.',
    },
    {
      action: {
        zh: '等重发的那条有了结果再看；确实要再办一次，那之后在输入框里重新发送。',
        en: 'Wait for how the one sent again goes; to do it once more on purpose, send it again from the composer after that.',
      },
    },
  );
}

/** The page's send named a SIM that its modem no longer holds: the yes was for another customer's line. */
function cardSwapped(): HallError {
  return new HallError(
    SIM_CHANGED_ERROR,
    {
      zh: '确认时显示的那张 SIM 卡已经不在这个调制解调器里了（换成了另一张卡），所以没有发出。',
      en: 'The SIM shown when you confirmed is no longer in this modem (another card is in), so it was not sent.',
    },
    { action: { zh: '核对现在插着的是不是这位客户的卡，再发送一次。', en: 'Check that the card in now is this customer’s, then send it again.' } },
  );
}

/** Why an extension's send is asked in the app although its instruction is not: which customer's line it goes from. */
function severalSims(count: number): { zh: string; en: string } {
  return {
    zh: `有 ${count} 张 SIM 卡就绪，扩展选不了卡：请核对它从哪张卡发出`,
    en: `${count} SIMs are ready and the extension cannot choose one: check which SIM it goes from`,
  };
}

/** An instruction to a service number, or free text to a person (keeps an emoji's joiners). */
function audienceOf(to: string): Audience {
  return isServiceSmsPort(to) ? 'service' : 'person';
}

export type { EventName };
