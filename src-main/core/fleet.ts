import { join } from 'node:path';
import type { Clock } from '../services/scheduler';
import type { FleetCheckState, FleetSim, MqttSettings, MqttSettingsView, SimLabel } from '../../src-shared/api/contract';
import { HallError, toHallError, type Bilingual } from '../../src-shared/errors';
import { leftOutSaid, readBoardFile, type BoardRead } from '../../src-shared/fleet/board-file';
import type { SimState } from '../../src-shared/fleet/sim-state';
import { writeFileAtomic } from '../services/atomic-write';
import { SaidOnce } from '../services/said-once';
import { Damaged, loadSettingsFile, type LoadedSettings } from '../services/settings-file';
import { FleetCheck } from '../services/fleet/fleet-check';
import { SimBoard, type SimMessage } from '../services/fleet/sim-board';
import { SimLabels } from '../services/fleet/sim-labels';
import { CommandRefs } from '../services/mqtt/command-refs';
import { heldDropped, MqttLink, type MqttStatus } from '../services/mqtt/mqtt-link';
import { checkCaPem, checkClientCert, MqttSettingsFile, type LoadedMqttSettings } from '../services/mqtt/mqtt-settings';

export interface FleetDeps {
  dataDir: string;
  /** The catalog's masking of secrets, for message texts that leave the machine. */
  redact(text: string): string;
  sendQuery(simId: string, instruction: string, params: Record<string, string>): Promise<string>;
  onLabels(labels: SimLabel[]): void;
  onMqtt(view: MqttSettingsView): void;
  onSim(sim: FleetSim): void;
  /** A SIM of this host left the board (see SimBoardEvents.gone). */
  onSimGone(simId: string): void;
  onCheck(state: FleetCheckState): void;
  /** The app's log, for the MQTT link's warnings (a plain link, a refused certificate). */
  warn(line: string): void;
  /** The MQTT link's first wait before asking again for a refused command subscription (MqttLinkDeps.commandRetryMs). */
  mqttCommandRetryMs?: number;
  /** What times the MQTT link's asks again (MqttLinkDeps.clock): a test's, to see the schedule without waiting it out. */
  mqttClock?: Pick<Clock, 'after'>;
  /** Said to the user (the app's notices): a write of sim-board.json that failed, once until one goes through. */
  notice(text: Bilingual): void;
}

/**
 * Other hosts' SIMs kept at most: anyone who may publish on the broker could otherwise name new
 * SIMs without end and fill this process (and every page's Overview). Past it, new ones are
 * left out; those already listed keep updating.
 */
export const MAX_REMOTE_SIMS = 2000;

/** What of a SIM's failures the file must hold at once. */
function failuresOf(s: Pick<SimState, 'sendFailures' | 'sendFailuresSeen'>): string {
  return `${s.sendFailures}/${s.sendFailuresSeen}`;
}

/** Board changes are written at most this often (a round on 32 modems is one write, not hundreds). */
const SAVE_DELAY_MS = 1000;

/**
 * The fleet side of the core: per-SIM state for the integrations, the SIM labels, and the MQTT
 * link (off unless the user turned it on).
 */
export class Fleet {
  readonly board: SimBoard;
  /** "Check every SIM now", one at a time, and how far it is. */
  readonly check = new FleetCheck();
  private link: MqttLink | null = null;
  /** Other hosts' SIMs seen on the broker, by host|sim. */
  private readonly remote = new Map<string, FleetSim>();
  private saveTimer: NodeJS.Timeout | null = null;
  /** Writes of the board one after the other, so an older one never lands over a newer. */
  private saving: Promise<void> = Promise.resolve();
  /** Each SIM's send failures and how many were seen, as last written (or read back): a change of either is written at once. */
  private readonly failuresSaved = new Map<string, string>();
  /** Set by close: the modems closing after it change the board, and are not written (the folder may be gone). */
  private closed = false;
  /** The MQTT settings change under way, or the last one (setMqtt): the next waits for it, and so does close. */
  private changing: Promise<unknown> = Promise.resolve();
  /** MQTT settings saves asked for and not finished (setMqtt): a change with a later one waiting starts no link. */
  private changesAsked = 0;
  /**
   * What a change that started no link (a later save waited) had not published, and what the board handed on since: the
   * next change takes it, so it goes out once, under the last save's settings (mend46: before, the earlier save's link
   * started, and connected before the next stopped it, published it under the earlier topics).
   */
  private carried: { messages: SimMessage[]; stop: () => void } | null = null;
  /**
   * Set when sim-board.json could not be read, or was damaged and could not be copied aside: it is the only copy of
   * what it holds, so nothing of this run is written over it (the board lives in memory until the user moves it).
   */
  private boardLeftAlone = false;
  /**
   * A write that failed (a full disk, a read-only folder) loses nothing of this run: the board in memory stays the
   * truth, and the next change writes it whole. Before, it was silent (review28): a restart then showed older figures
   * without a word. Said once, not at every change of a busy fleet.
   */
  private readonly boardWrites: SaidOnce;

  private constructor(
    private readonly deps: FleetDeps,
    readonly labels: SimLabels,
    private readonly mqttFile: MqttSettingsFile,
    private mqtt: LoadedMqttSettings,
    private readonly commandRefs: CommandRefs,
    /** Settings files found damaged at start and kept aside (labels, MQTT), for the user to read. */
    readonly problems: Bilingual[],
  ) {
    this.board = new SimBoard(deps.redact);
    this.boardWrites = new SaidOnce((text) => deps.notice(text), (error) => ({
      zh: `SIM 数字看板没能写入 ${this.boardPath}（${error.zh}）：本次运行看板照常显示，但若就此关闭应用，重启后显示的是较旧的数字，直到下一条回复。看板下次变化时会再试。`,
      en: `The SIM board could not be written to ${this.boardPath} (${error.en}): the board shows as usual this run, but if the app is closed before a later write succeeds, a restart shows older figures until the next replies. It is tried again at the board's next change.`,
    }));
    this.board.on('sim', (state) => {
      deps.onSim(this.local(state));
      if (this.closed) return;
      // A failure counted (or marked seen) must outlive a crash a moment later; figures can wait for the next write.
      if (failuresOf(state) !== (this.failuresSaved.get(state.simId) ?? failuresOf({ sendFailures: 0, sendFailuresSeen: 0 }))) void this.saveBoard();
      else this.saveSoon();
    });
    this.board.on('gone', (simId) => {
      deps.onSimGone(simId);
      this.failuresSaved.delete(simId);
      if (!this.closed) this.saveSoon();
    });
    labels.on('changed', (list) => deps.onLabels(list));
    this.board.on('message', (message) => this.check.onMessage(message));
    this.check.on('state', (state) => deps.onCheck(state));
  }

  private get boardPath(): string {
    return join(this.deps.dataDir, 'sim-board.json');
  }

  /** Every SIM: this host's (with labels), then other hosts' seen on the broker. */
  sims(): FleetSim[] {
    return [...this.board.list().map((s) => this.local(s)), ...this.remote.values()];
  }

  private local(state: SimState): FleetSim {
    return { ...state, host: null, label: this.labels.get(state.simId) ?? null };
  }

  private saveSoon(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => void this.saveBoard(), SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  private saveBoard(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.boardLeftAlone) return this.saving;
    // What is read so far: replies still waiting are written once their slice reads them (SimBoard.readSoFar).
    const { sims, readWhole } = this.board.readSoFar();
    for (const s of sims) this.failuresSaved.set(s.simId, failuresOf(s));
    // The figures and the long messages they came from, in one file written whole: a withdrawal after a restart
    // finds the figures it takes back exactly as they were (SimBoard.readsKept).
    const text = `${JSON.stringify({ version: 1, sims, readWhole })}\n`;
    this.saving = this.saving.then(() => this.boardWrites.attempt(() => writeFileAtomic(this.boardPath, text)));
    return this.saving;
  }

  /**
   * The last known figures survive a restart, so the Overview and the integrations start full. A damaged file, or
   * rows not of the shape the board writes, are kept aside and said (review26: before, they were dropped or taken
   * as they were, a balance "x" shown, without a word); the rows still whole are kept. The journal is never touched.
   */
  private async loadBoard(): Promise<Bilingual | null> {
    let loaded: LoadedSettings<BoardFile>;
    try {
      loaded = await loadSettingsFile({
        path: this.boardPath,
        holds: { zh: 'SIM 数字看板', en: 'SIM board' },
        meanwhile: {
          zh: '没能读出的 SIM 的余额和流量会随下一条回复回来；短信都还在日志里。',
          en: 'figures of the SIMs it could not read come back with their next replies; every message is still in the journal.',
        },
        parse: parseBoardFile,
        leftAlone: {
          zh: '本次运行不写入它；Hall10086 照常启动，看板上的数字只留在内存里，重启后不保留。',
          en: 'it is not written during this run; Hall10086 starts all the same, and the board’s figures stay in memory only, not kept after a restart.',
        },
      });
    } catch (e) {
      // Unreadable (a folder in its place, root's) or damaged with no copy kept: the figures come back with the next
      // replies, so the app starts all the same, but the file is the only copy of what it holds and is left alone.
      this.boardLeftAlone = true;
      const error = toHallError(e);
      return { zh: error.describe('zh-Hans'), en: error.describe('en') };
    }
    if (loaded.value) this.board.restore(loaded.value.sims, loaded.value.readWhole);
    for (const s of this.board.list()) this.failuresSaved.set(s.simId, failuresOf(s));
    return loaded.problem;
  }

  static async open(deps: FleetDeps): Promise<Fleet> {
    const mqttFile = new MqttSettingsFile(deps.dataDir);
    const refs = await CommandRefs.open(join(deps.dataDir, 'mqtt-command-refs.json'));
    const labels = await SimLabels.open(deps.dataDir);
    const { problem, ...mqtt } = await mqttFile.load();
    const problems = [labels.problem, problem, refs.problem].filter((p): p is Bilingual => p !== null);
    const fleet = new Fleet(deps, labels, mqttFile, mqtt, refs, problems);
    const boardProblem = await fleet.loadBoard();
    if (boardProblem) problems.push(boardProblem);
    fleet.restartLink();
    return fleet;
  }

  /** "知道了" on a SIM's failed sends: see SimBoard.seeFailures. Only this host's SIMs (another host's are read-only). */
  async seeFailures(simId: string, seen: number): Promise<FleetSim> {
    const state = this.board.seeFailures(simId, seen);
    if (!state) {
      throw new HallError('fleet.unknown-sim', { zh: `本机上没有这张 SIM：${simId}`, en: `No such SIM on this computer: ${simId}` });
    }
    // Answered once written (the board's listener wrote it at once): the badge a restart shows is the one the page shows.
    await this.saving;
    return this.local(state);
  }

  async setLabel(label: SimLabel): Promise<SimLabel[]> {
    const list = await this.labels.set(label);
    this.link?.labelChanged(label.simId);
    return list;
  }

  mqttView(): MqttSettingsView {
    const status: MqttStatus = this.link?.status ?? { state: 'off', zh: 'MQTT 已关闭。', en: 'MQTT is off.' };
    const passwordSet = this.mqtt.password !== null;
    const clientKeySet = this.mqtt.clientKey !== null;
    return { ...this.mqtt.settings, passwordSet, clientKeySet, status };
  }

  /**
   * Settings changes one after the other, the last saved last and its link the one left running. Each stops the link
   * before it and waits for its goodbye (up to GOODBYE_WAIT_MS): run side by side (review37), a second save started a
   * link the first then started another over, never stopped, and every event went out twice.
   */
  setMqtt(settings: MqttSettings): Promise<MqttSettingsView> {
    this.changesAsked++;
    const change = this.changing
      .then(() => this.changeMqtt(settings))
      .finally(() => {
        this.changesAsked--;
        // The last save was refused after one that left its messages to it: the link of the settings saved starts now.
        if (this.changesAsked === 0 && this.carried) this.restartLink(this.takeCarried());
      });
    this.changing = change.catch(() => undefined);
    return change;
  }

  private takeCarried(): SimMessage[] {
    const carried = this.carried;
    this.carried = null;
    carried?.stop();
    return carried?.messages ?? [];
  }

  private async changeMqtt(settings: MqttSettings): Promise<MqttSettingsView> {
    // The data folder may be gone after close: a save asked for then is refused, not half done.
    if (this.closed) throw new HallError('mqtt.closing', { zh: '程序正在关闭：MQTT 设置没有保存。', en: 'The app is closing: the MQTT settings were not saved.' });
    checkCaPem(settings.caPem);
    checkClientCert(settings.clientCertPem, settings.clientKeyPem ?? this.mqtt.clientKey);
    this.mqtt = await this.mqttFile.save(settings, this.mqtt);
    // What the old link had not published goes to the new one, with what came while it said goodbye (mend37).
    const old = this.link;
    this.link = null;
    const before = this.takeCarried();
    const late: SimMessage[] = [];
    const stopListening = old ? this.board.on('message', (m) => late.push(m)) : () => undefined;
    const unsent = [...before, ...(old ? await old.stop() : []), ...late];
    stopListening();
    this.remote.clear();
    if (this.changesAsked > 1 && !this.closed) {
      // A later save waits: it takes these (and what comes meanwhile), so no link runs under these settings for a moment.
      this.carried = { messages: unsent, stop: this.board.on('message', (m) => unsent.push(m)) };
    } else {
      this.restartLink(unsent);
    }
    const view = this.mqttView();
    this.deps.onMqtt(view);
    return view;
  }

  async close(): Promise<void> {
    // Replies still waiting to be read are read (and their figures written) before the board closes.
    this.board.flush();
    this.closed = true;
    this.check.stop();
    // A change under way finishes its stop and starts no link (restartLink); one not begun is refused.
    await this.changing;
    // Held messages live in memory: the app closing lets them go, and says how many.
    const unsent = (await this.link?.stop()) ?? [];
    if (unsent.length) this.deps.warn(heldDropped(unsent.length));
    this.link = null;
    if (this.saveTimer) await this.saveBoard();
    await this.saving;
  }

  private restartLink(carried: SimMessage[] = []): void {
    // Closed meanwhile (a change waited for the old link's goodbye): a link now would publish and hold the process open.
    if (!this.mqtt.settings.enabled || this.closed) {
      if (carried.length) this.deps.warn(heldDropped(carried.length));
      return;
    }
    const link = new MqttLink(this.mqtt.settings, this.mqtt, {
      board: this.board,
      labels: this.labels,
      sendQuery: this.deps.sendQuery,
      redact: this.deps.redact,
      commandRefs: this.commandRefs,
      commandLogPath: join(this.deps.dataDir, 'mqtt-commands.log'),
      warn: this.deps.warn,
      ...(this.deps.mqttCommandRetryMs ? { commandRetryMs: this.deps.mqttCommandRetryMs } : {}),
      ...(this.deps.mqttClock ? { clock: this.deps.mqttClock } : {}),
    }, carried);
    link.on('status', () => this.deps.onMqtt(this.mqttView()));
    link.on('remote', (sim) => {
      const key = `${sim.host}|${sim.simId}`;
      if (!this.remote.has(key) && this.remote.size >= MAX_REMOTE_SIMS) return;
      this.remote.set(key, sim);
      this.deps.onSim(sim);
    });
    this.link = link;
    link.start();
  }
}

type BoardFile = Omit<BoardRead, 'leftOut'>;

/** sim-board.json: version 1, each entry checked (readBoardFile); the whole ones are salvaged from a damaged file, and the rest counted. */
function parseBoardFile(text: string): BoardFile | Damaged<BoardFile> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return new Damaged();
  }
  const read = readBoardFile(json);
  if (!read) return new Damaged();
  const { leftOut, ...board } = read;
  const why = leftOutSaid(leftOut);
  return why ? new Damaged(why, board) : board;
}
