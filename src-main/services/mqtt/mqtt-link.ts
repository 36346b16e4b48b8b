import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../scheduler';
import { appendFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { MqttSettingsView, SimLabel } from '../../../src-shared/api/contract';
import type { FleetSim } from '../../../src-shared/api/contract';
import { parseRemoteSim } from '../../../src-shared/fleet/remote-sim';
import {
  allHostsStateFilter,
  commandResultTopic,
  commandTopic,
  discoveryPublications,
  simStatePublications,
  simTopic,
  ownStateFilter,
  statusTopic,
  topicLevel,
  type Publication,
  type TopicScope,
  simGonePublications,
} from '../../../src-shared/fleet/mqtt-topics';
import { isUnidentifiedSim } from '../../../src-shared/at/sim-id';
import { toHallError } from '../../../src-shared/errors';
import { CONNECT_ANSWER_WAIT_MS, linkFailure, transportVerdict, type LinkNotice } from '../../../src-shared/fleet/mqtt-transport';
import type { SimBoard, SimMessage } from '../fleet/sim-board';
import { Emitter } from '../modem/emitter';
import type { CommandRefs } from './command-refs';
import type { MqttSecrets, StoredMqttSettings } from './mqtt-settings';
import { QueryCommandGate, type CommandVerdict, type QueryCommand } from './query-commands';

export interface MqttLinkDeps {
  board: SimBoard;
  labels: { list(): SimLabel[]; get(simId: string): SimLabel | undefined };
  /** Sends an allowed query from the modem holding the SIM; resolves with the instruction's id. */
  sendQuery(simId: string, instruction: string, params: Record<string, string>): Promise<string>;
  /** The catalog's masking of secrets: a command's own words (ref, SIM, code) are logged and answered masked. */
  redact(text: string): string;
  /** Refs of the commands already carried out (kept across restarts): a repeat is answered, never run again. */
  commandRefs: CommandRefs;
  /** Where each command and its verdict is appended, one JSON line each. */
  commandLogPath: string;
  /** Delay between reconnect attempts; default 2 s. */
  reconnectMs?: number;
  /** First wait before the command subscription is asked again after the broker refused it; default 30 s, doubling up to 10 min. */
  commandRetryMs?: number;
  /** What times those asks again: the system's, or a test's that records each wait and fires it when told. */
  clock?: Pick<Clock, 'after'>;
  /** The app's log: a plain link's warning at start, and each new reason the link is down (never a secret). */
  warn(line: string): void;
}

export type MqttStatus = MqttSettingsView['status'];

/**
 * The largest packet the broker may send us (MQTT 5's Maximum Packet Size, told at connect). A v5
 * broker drops a larger message instead of sending it, so it is never read into memory here: the
 * largest we read is a remote SIM's state, at most 8 KiB of payload (remote-sim.ts), plus its topic.
 */
export const MAX_INCOMING_PACKET_BYTES = 16 * 1024;

/** How long stop waits for the broker to take the goodbye (its PUBACK) before closing anyway. */
export const GOODBYE_WAIT_MS = 5_000;

/** A 3.1.1 broker answers a v5 CONNECT with "unacceptable protocol version" (CONNACK 1), a v5 one that refuses v5 with 0x84. */
const PROTOCOL_REFUSED = new Set([1, 0x84]);

/** Events received while the broker was away, sent when it is back; the oldest go first when over. */
const MAX_HELD_EVENTS = 500;

/**
 * SIM rows the sweep at connect empties at most (fleet27). Each costs 11 publications; whoever may publish retained
 * states under this host's prefix could otherwise make one connect publish 11 per state (55,000 for 5,000). Rows past
 * it stay retained until a later connect (those emptied are no longer retained then, so the next ones come up); one
 * card swap leaves one row, so a real pile-up needs more than this many unidentified cards swapped while MQTT was off.
 */
export const MAX_SWEPT_PER_CONNECT = 100;

const SWEEP_CAPPED: LinkNotice = {
  code: 'mqtt.sweep-capped',
  zh: `本机在 MQTT 服务器上保留的已移除 SIM 超过 ${MAX_SWEPT_PER_CONNECT} 个：这次连接只清空 ${MAX_SWEPT_PER_CONNECT} 个，其余的留到下次连接。若不是换过这么多无法识别的 SIM 卡，可能有别人在本机的主题下发布。`,
  en: `More than ${MAX_SWEPT_PER_CONNECT} removed SIMs of this host are still retained on the MQTT broker: this connect empties ${MAX_SWEPT_PER_CONNECT}, the rest at a later connect. Unless that many unidentified SIMs were swapped, someone else may be publishing under this host's topics.`,
};

const HELD_OVER: LinkNotice = {
  code: 'mqtt.held-over',
  zh: `MQTT 服务器连不上期间收到的消息超过 ${MAX_HELD_EVENTS} 条：最早的几条不再发布（余额等数据在重连时照常发布）。`,
  en: `More than ${MAX_HELD_EVENTS} messages came while the MQTT broker could not be reached: the oldest are not published (the figures are published at the reconnect as usual).`,
};

/** A message event the broker would not take (MQTT 5 PUBACK reason 0x80 or more): let go, as mqtt.js sends it no more. */
function eventRefused(topic: string, reason: number): LinkNotice {
  const code = `0x${reason.toString(16)}`;
  return {
    code: 'mqtt.event-refused',
    zh: `MQTT 服务器拒绝了 ${topic} 上的消息（原因码 ${code}）：这条消息不发布，也不重发；下次连接前再被拒绝的也一样，不再另行提示（应用的记录里都有）。请在服务器的 ACL 里允许这个用户名发布（写入）该主题。`,
    en: `The MQTT broker refused a message on ${topic} (reason ${code}): it is not published and not sent again. Others it refuses before the next connect go the same way, without another line (all are in the app's log). Allow this username to publish (write) to that topic in the broker's ACL.`,
  };
}

/** What turning MQTT off lets go of: the messages no broker took yet (they are in the app's log all the same). */
export function heldDropped(count: number): string {
  return logLine({
    code: 'mqtt.held-dropped',
    zh: `MQTT 已关闭：${count} 条在服务器连不上时收到的消息没有发布（应用的记录里都有）。`,
    en: `MQTT is off: ${count} message${count === 1 ? '' : 's'} received while the broker could not be reached ${count === 1 ? 'was' : 'were'} not published (all are in the app's log).`,
  });
}

/** A refused command subscription is asked again after this long at most: an ACL is fixed by hand, not in seconds. */
const MAX_COMMAND_RETRY_MS = 10 * 60_000;

/**
 * The broker refused the command subscription (SUBACK 0x80 in 3.1.1, a reason of 0x80 or more in v5: EMQX, HiveMQ, mosquitto's
 * dynamic-security plugin do; mosquitto's plain acl_file grants it and drops the commands unseen, which nothing at the protocol
 * level tells). The figures are still published; only commands are never heard.
 */
function commandsRefused(topic: string): LinkNotice {
  return {
    code: 'mqtt.commands-refused',
    zh: `已连接 MQTT 服务器，但服务器拒绝了命令主题 ${topic} 的订阅：收不到任何命令（余额等数据照常发布）。请在服务器的 ACL 里允许这个用户名订阅（读取）该主题；程序会定时重试。`,
    en: `Connected to the MQTT broker, but it refused the subscription to the command topic ${topic}: no command will be received (figures are still published). Allow this username to subscribe to (read) that topic in the broker's ACL; the app retries from time to time.`,
  };
}

const STATUS: Record<MqttStatus['state'], Omit<MqttStatus, 'state'>> = {
  off: { zh: 'MQTT 已关闭。', en: 'MQTT is off.' },
  connecting: { zh: '正在连接 MQTT 服务器…', en: 'Connecting to the MQTT broker…' },
  connected: { zh: '已连接 MQTT 服务器。', en: 'Connected to the MQTT broker.' },
  // Only ever said with its reason (commandsRefused), which names the topic.
  'no-commands': { zh: '已连接 MQTT 服务器，但收不到命令。', en: 'Connected to the MQTT broker, but commands are not received.' },
  offline: { zh: 'MQTT 服务器连不上，稍后自动重连。', en: 'The MQTT broker cannot be reached; reconnecting shortly.' },
  refused: { zh: 'MQTT 没有连接：设置不允许。', en: 'MQTT is not connected: the settings do not allow it.' },
};

/**
 * Publishes the fleet to an MQTT broker: every SIM's figures (retained), its Home Assistant
 * discovery configs, each whole message received (masked), and the host's online status (the
 * will says offline). The broker may forget everything (a restart without persistence): on
 * every (re)connect the whole state is published again, so nothing published is lost.
 */
export class MqttLink extends Emitter<{ status: MqttStatus; remote: FleetSim }> {
  private client: MqttClient | null = null;
  private readonly scope: TopicScope;
  private readonly gate: QueryCommandGate;
  /** Events received while the broker was away, sent at the next connect; carried to the next link when the settings change. */
  private readonly held: SimMessage[];
  /** Whether the oldest held were let go over MAX_HELD_EVENTS since the last connect: said once in the log. */
  private heldOver = false;
  /** Whether a message event the broker refused was said in the log since the last connect (eventRefused). */
  private refusalSaid = false;
  /**
   * Events handed to mqtt.js and not yet acknowledged by the broker (its PUBACK). mqtt.js sends them again on its own
   * reconnect, but a stop drops them: they are carried to the next link instead, flagged, as the broker may have them.
   */
  private readonly unacked = new Set<SimMessage>();
  /**
   * The topic levels the sweep of this connect emptied (the broker may hand a state twice: this host's states match
   * the other hosts' filter too), and whether its bound was said. A new one at every connect.
   */
  private sweep = { levels: new Set<string>(), capped: false };
  private readonly unsubscribe: (() => void)[] = [];
  /** Whether the current attempt's TCP connect went through (watchConnect). */
  private tcpConnected: { now: boolean | null } = { now: null };
  private statusNow: MqttStatus = { state: 'off', ...STATUS.off };
  /** The next ask for a refused command subscription, and how long the one after it waits. */
  private commandRetry: { cancel: (() => void) | null; ms: number } = { cancel: null, ms: 0 };

  constructor(
    private readonly settings: StoredMqttSettings,
    private readonly secrets: MqttSecrets,
    private readonly deps: MqttLinkDeps,
    /** What the link before it (other settings) had not published: sent at this link's connect. */
    carried: readonly SimMessage[] = [],
  ) {
    super();
    this.held = [];
    for (const message of carried) this.hold(message);
    this.scope = { baseTopic: settings.baseTopic, hostId: settings.hostId };
    this.gate = new QueryCommandGate(settings.commandsPerHour, (ref) => deps.commandRefs.known(ref));
  }

  get status(): MqttStatus {
    return this.statusNow;
  }

  start(): void {
    const s = this.settings;
    const { password, clientKey } = this.secrets;
    const verdict = transportVerdict(s.url, password !== null, s.allowPlaintextPassword);
    for (const w of verdict.warnings) if (w !== verdict.refusal) this.deps.warn(logLine(w));
    if (verdict.refusal) {
      this.setStatus('refused', verdict.refusal);
      return;
    }
    const options: IClientOptions = {
      clientId: `hall10086-${s.hostId}-${randomBytes(4).toString('hex')}`,
      reconnectPeriod: this.deps.reconnectMs ?? 2000,
      connectTimeout: CONNECT_ANSWER_WAIT_MS,
      clean: true,
      protocolVersion: 5,
      properties: { maximumPacketSize: MAX_INCOMING_PACKET_BYTES },
      ...(s.username ? { username: s.username } : {}),
      ...(password ? { password } : {}),
      ...(s.caPem ? { ca: s.caPem } : {}),
      ...(s.clientCertPem && clientKey ? { cert: s.clientCertPem, key: clientKey } : {}),
      rejectUnauthorized: true,
      will: { topic: statusTopic(this.scope), payload: Buffer.from('offline'), qos: 1, retain: true },
    };
    this.setStatus('connecting');
    const client = mqtt.connect(s.url, options);
    this.client = client;
    // Whether each attempt's TCP connect went through, to tell a broker that never answers from an address that never
    // accepts (the answer wait covers both). The first CONNECT was written inside mqtt.connect; each retry writes its own.
    this.watchConnect(client.stream);
    client.on('packetsend', (packet) => {
      if (packet.cmd === 'connect') this.watchConnect(client.stream);
    });
    client.on('connect', () => void this.onConnect(client));
    // A close after a refused certificate keeps saying why.
    client.on('close', () => {
      if (this.client !== client) this.setStatus('off');
      else if (this.statusNow.state !== 'offline') this.setStatus('offline');
    });
    // Refused logins and TLS failures arrive here; the client keeps retrying. A failed certificate check
    // ends the connection before the CONNECT (and its password) leaves. The status says why, in words
    // of our own: the error's own text may name the broker, and is not logged.
    client.on('error', (e) => {
      this.setStatus('offline', linkFailure(e as { code?: unknown; message?: unknown }, this.tcpConnected.now));
      if (client.options.protocolVersion === 5 && PROTOCOL_REFUSED.has((e as { code?: unknown }).code as number)) this.fallBackTo311(client);
    });
    client.on('message', (topic, payload, packet) => {
      if (topic === commandTopic(this.scope)) void this.onCommand(client, payload.toString('utf8'), packet.retain);
      else if (topic.endsWith('/state')) this.onRemoteState(client, topic, payload.toString('utf8'), packet.retain);
    });
    this.unsubscribe.push(
      this.deps.board.on('sim', (state) => this.publishAll(client, simStatePublications(this.scope, state, this.deps.labels.get(state.simId)))),
      this.deps.board.on('message', (message) => this.onMessage(client, message)),
      // Said at once while connected. A row that goes while the broker is away is not held for the next connect: the
      // broker still keeps its state retained, and the sweep at connect empties it from there (fleet27: one mechanism
      // for both, which also covers MQTT off and a run before; simGonePublications empties the state last for it).
      this.deps.board.on('gone', (simId) => this.publishAll(client, simGonePublications(this.scope, this.settings.discoveryPrefix, simId))),
    );
  }

  /** Null when the stream is no TCP socket of its own (a WebSocket link). */
  private watchConnect(stream: unknown): void {
    const attempt = { now: stream instanceof Socket ? !stream.connecting : null };
    if (stream instanceof Socket && stream.connecting) stream.once('connect', () => (attempt.now = true));
    this.tcpConnected = attempt;
  }

  /**
   * A broker that speaks only MQTT 3.1.1: connect again with it. 3.1.1 has no maximum packet size, so
   * there a message is read whole up to the broker's own limit before the app's checks (8 KiB) see it.
   */
  private fallBackTo311(client: MqttClient): void {
    client.options.protocolVersion = 4;
    delete client.options.properties;
    client.reconnect();
  }

  /** A label changed: the SIM's device name and state JSON follow. */
  labelChanged(simId: string): void {
    if (!this.client) return;
    this.publishAll(this.client, this.simPublications(simId));
  }

  /**
   * Resolves with the events this link did not get onto its broker (held, or handed over and never acknowledged), for
   * the next link: a settings change is the usual answer to a broker that does not answer, and must not lose them.
   */
  async stop(): Promise<SimMessage[]> {
    for (const off of this.unsubscribe.splice(0)) off();
    this.cancelCommandRetry();
    const client = this.client;
    this.client = null;
    if (client) {
      // Said while leaving on purpose; the will covers leaving by accident, so a connection that closes before the
      // broker's PUBACK ends the wait: mqtt.js keeps a QoS 1 publish for the next connect, and there is none after
      // stop, so awaiting the publish alone hung saving the settings and closing the app (mqtt31).
      // A connection that went silent (no FIN, no RST) closes only when keepalive notices, up to 60 s later: the wait is
      // bounded too, and the will says `offline` for a goodbye cut short.
      if (client.connected) {
        let bound: ReturnType<typeof setTimeout> | undefined;
        const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
        const late = new Promise<void>((resolve) => (bound = setTimeout(resolve, GOODBYE_WAIT_MS)));
        await Promise.race([client.publishAsync(statusTopic(this.scope), 'offline', { qos: 1, retain: true }).catch(() => undefined), closed, late]);
        clearTimeout(bound);
      }
      await client.endAsync(true).catch(() => undefined);
    }
    this.setStatus('off');
    const unsent = [...[...this.unacked].map((m): SimMessage => ({ ...m, mayRepeat: true })), ...this.held.splice(0)];
    this.unacked.clear();
    return unsent;
  }

  private simPublications(simId: string): Publication[] {
    const label = this.deps.labels.get(simId);
    const state = this.deps.board.get(simId);
    return [
      ...(this.settings.discoveryPrefix ? discoveryPublications(this.scope, this.settings.discoveryPrefix, simId, label) : []),
      ...(state ? simStatePublications(this.scope, state, label) : []),
    ];
  }

  /** The SIMs this host publishes: those on the board and the labelled ones. */
  private listedSims(): Set<string> {
    // A labelled insertion of an unidentified SIM that left the board (another card came into its modem) is not listed again.
    const labelled = this.deps.labels.list().map((l) => l.simId).filter((id) => !isUnidentifiedSim(id));
    return new Set([...this.deps.board.ids(), ...labelled]);
  }

  private async onConnect(client: MqttClient): Promise<void> {
    this.sweep = { levels: new Set(), capped: false };
    this.cancelCommandRetry();
    const all: Publication[] = [{ topic: statusTopic(this.scope), payload: 'online', retain: true }, ...[...this.listedSims()].flatMap((id) => this.simPublications(id))];
    this.publishAll(client, all);
    this.heldOver = false;
    this.refusalSaid = false;
    for (const message of this.held.splice(0)) this.onMessage(client, message);
    // Connected means commands are heard: a script that waits for it and then publishes a command is never dropped by
    // the broker for want of our subscription (a full CI run lost one so, at load 10-20, when the status came first).
    await this.subscribeCommands(client);
    if (this.settings.watchOtherHosts) await client.subscribeAsync(allHostsStateFilter(this.settings.baseTopic), { qos: 1 }).catch(() => undefined);
    // Last, so commands are heard as soon as before (fleet26): a row that went while this link was off, or in a run
    // before, was never emptied, and the broker tells what it keeps retained of this host's states.
    await client.subscribeAsync(ownStateFilter(this.scope), { qos: 1 }).catch(() => undefined);
  }

  /**
   * Asks for the command subscription and says what came of it: `connected` once granted; refused, the link stays up for
   * the figures, says it hears no commands, and asks again later (30 s, doubling up to 10 min: a broker's ACL is fixed by
   * hand, and each ask is a line in its log). A reconnect asks at once.
   */
  private async subscribeCommands(client: MqttClient): Promise<void> {
    let refused = false;
    if (this.settings.commands) {
      // mqtt.js rejects a SUBACK of 0x80 and more; it also rejects when the connection goes meanwhile, which the reconnect covers.
      refused = await client.subscribeAsync(commandTopic(this.scope), { qos: 1 }).then((granted) => granted.some((g) => g.qos >= 0x80), () => true);
    }
    if (this.client !== client || !client.connected) return;
    if (!refused) {
      this.commandRetry.ms = 0;
      return this.setStatus('connected');
    }
    this.setStatus('no-commands', commandsRefused(commandTopic(this.scope)));
    const base = this.deps.commandRetryMs ?? 30_000;
    this.commandRetry.ms = Math.min(this.commandRetry.ms ? this.commandRetry.ms * 2 : base, MAX_COMMAND_RETRY_MS);
    this.commandRetry.cancel = (this.deps.clock ?? systemClock).after(this.commandRetry.ms, () => {
      this.commandRetry.cancel = null;
      // Offline meanwhile: the reconnect asks at once.
      if (client.connected) return this.subscribeCommands(client);
    });
  }

  private cancelCommandRetry(): void {
    this.commandRetry.cancel?.();
    this.commandRetry = { cancel: null, ms: 0 };
  }

  /**
   * Another host's SIM (read-only: nothing is ever sent for it). This host's own come from its board; one the broker
   * still keeps retained of an unidentified insertion the board no longer lists is emptied (fleet26: it left while
   * the link was off, the broker away, or the app was not running, so `gone` never reached the broker).
   */
  private onRemoteState(client: MqttClient, topic: string, payload: string, retained: boolean): void {
    const sim = parseRemoteSim(topic, this.settings.baseTopic, payload);
    if (!sim) return;
    if (sim.host !== this.settings.hostId) return void this.emit('remote', sim);
    if (retained && isUnidentifiedSim(sim.simId)) this.sweepOne(client, sim.simId);
  }

  /**
   * Empties a retained row of this host the board no longer lists, up to MAX_SWEPT_PER_CONNECT a connect. Told apart
   * by topic level, never by id (fleet27): what is emptied is the level's topics and configs, and a forged id that maps
   * to a listed SIM's level (another character where the id has one that is no letter or digit) would otherwise empty
   * that SIM's, racing the app's republish.
   */
  private sweepOne(client: MqttClient, simId: string): void {
    const level = topicLevel(simId);
    if (this.sweep.levels.has(level)) return;
    if (this.sweep.levels.size >= MAX_SWEPT_PER_CONNECT) {
      if (!this.sweep.capped) this.deps.warn(logLine(SWEEP_CAPPED));
      this.sweep.capped = true;
      return;
    }
    if ([...this.listedSims()].some((id) => topicLevel(id) === level)) return;
    this.sweep.levels.add(level);
    this.publishAll(client, simGonePublications(this.scope, this.settings.discoveryPrefix, simId));
  }

  /** Only while connected: what changes meanwhile is published whole at the next connect. */
  private publishAll(client: MqttClient, publications: readonly Publication[]): void {
    if (!client.connected) return;
    for (const p of publications) client.publish(p.topic, p.payload, { qos: 1, retain: p.retain });
  }

  private onMessage(client: MqttClient, message: SimMessage): void {
    if (!client.connected) return this.hold(message);
    // `mayRepeat`: maybe a message published before (SimMessage.mayRepeat; after a restart of the core too), for a subscriber
    // that counts or notifies to skip: the text is there to compare, the message is never left out (docs/fleet.md).
    const payload = JSON.stringify({
      from: message.from,
      receivedAt: new Date(message.receivedAt).toISOString(),
      kind: message.kind,
      text: message.text,
      ...(message.mayRepeat ? { mayRepeat: true } : {}),
    });
    const topic = simTopic(this.scope, message.simId, 'event');
    this.unacked.add(message);
    client.publish(topic, payload, { qos: 1, retain: false }, (error) => {
      // mqtt.js calls back once and sends nothing again after it: kept, a broker refusing every event filled this Set
      // for the whole run (review37), and a stop then carried them all on as maybe published.
      this.unacked.delete(message);
      if (!error) return;
      const reason = (error as { code?: unknown }).code;
      // A PUBACK of 0x80 or more (MQTT 5: an ACL, a quota): the broker has it and will not take it; sent again, the same.
      if (typeof reason === 'number' && reason >= 0x80) return this.refused(topic, reason);
      // Not sent (the connection closed while mqtt.js still queued it): held for the next connect.
      this.hold(message);
    });
  }

  /** Said once until the next connect, as a broker that refuses one event usually refuses them all. */
  private refused(topic: string, reason: number): void {
    if (this.refusalSaid) return;
    this.refusalSaid = true;
    this.deps.warn(logLine(eventRefused(topic, reason)));
  }

  private hold(message: SimMessage): void {
    this.held.push(message);
    if (this.held.length <= MAX_HELD_EVENTS) return;
    this.held.shift();
    if (!this.heldOver) this.deps.warn(logLine(HELD_OVER));
    this.heldOver = true;
  }

  private async onCommand(client: MqttClient, payload: string, retained: boolean): Promise<void> {
    const verdict = this.gate.judge(payload, retained);
    if (verdict.silent) return;
    let result: Record<string, unknown>;
    if (verdict.ok && verdict.repeat) {
      result = await this.repeatOf(verdict.command);
    } else if (verdict.ok) {
      result = this.masked(await this.run(verdict.command));
      await this.deps.commandRefs.finish(verdict.command.ref, result);
    } else {
      result = this.masked(refusal(verdict));
    }
    await appendFile(this.deps.commandLogPath, `${JSON.stringify({ at: new Date().toISOString(), ...result, zh: undefined })}\n`, { mode: 0o600 }).catch(() => undefined);
    if (client.connected) client.publish(commandResultTopic(this.scope), JSON.stringify(result), { qos: 1, retain: false });
  }

  /** The ref is on disk before the SMS goes: a repeat after a crash right after it is still a repeat. */
  private async run(command: QueryCommand & { ref: string }): Promise<Record<string, unknown>> {
    const { simId, instruction, params, ref } = command;
    await this.deps.commandRefs.take(ref);
    try {
      const commandId = await this.deps.sendQuery(simId, instruction, params ?? {});
      return { ref, ok: true, simId, instruction, commandId };
    } catch (e) {
      const error = toHallError(e);
      return { ref, ok: false, simId, instruction, code: error.code, zh: error.zh, en: error.en };
    }
  }

  /** A ref carried out before: its first answer again, marked as a repeat; nothing is sent. */
  private async repeatOf(command: QueryCommand & { ref: string }): Promise<Record<string, unknown>> {
    const first = await this.deps.commandRefs.first(command.ref);
    if (first) return { ...first, repeat: true };
    // Taken, but the app stopped before it was answered: the SMS may have gone.
    return this.masked({
      ref: command.ref, ok: false, repeat: true, simId: command.simId, instruction: command.instruction, code: 'mqtt.repeat-unknown',
      zh: '这个 ref 的命令已执行过（结果不明：当时程序停止了），不再发送。', en: 'A command with this ref was already carried out (its result is unknown: the app stopped meanwhile); it is not sent again.',
    });
  }

  /** A caller may put anything in these (a ref that is the SMS it wanted: `MMXG#…`): masked like any text kept. */
  private masked(result: Record<string, unknown>): Record<string, unknown> {
    for (const key of ['ref', 'simId', 'instruction', 'zh', 'en']) if (typeof result[key] === 'string') result[key] = this.deps.redact(result[key]);
    return result;
  }

  /** Each new reason is logged once, however often the link retries into it. */
  private setStatus(state: MqttStatus['state'], reason: LinkNotice | null = null): void {
    if (this.statusNow.state === state && this.statusNow.code === reason?.code) return;
    this.statusNow = reason ? { state, zh: reason.zh, en: reason.en, code: reason.code } : { state, ...STATUS[state] };
    if (reason) this.deps.warn(logLine(reason));
    this.emit('status', this.statusNow);
  }
}

function logLine(notice: LinkNotice): string {
  return `MQTT ${notice.code}: ${notice.en} / ${notice.zh}`;
}

function refusal(v: Extract<CommandVerdict, { ok: false }>): Record<string, unknown> {
  return { ref: v.ref, ok: false, simId: v.simId, instruction: v.instruction, code: `mqtt.${v.code}`, zh: v.zh, en: v.en };
}
