import * as v from 'valibot';
import type { UiCommand } from './ui-commands';
import type { ImportOutcome } from '../catalog/custom/file';
import { MAX_CUSTOM_FILE_BYTES } from '../catalog/custom/limits';
import type { CustomInstruction } from '../catalog/custom/schema';
import { PROVINCE_IDS } from '../catalog/provinces/schema';
import type { Catalog, Localized } from '../catalog/schema';
import type { SimState } from '../fleet/sim-state';
import { IncomingRecordSchema, OutgoingRecordSchema, type HandedOutRecord } from '../journal-records';

/**
 * The one contract between the UI (or any client: extension host, CLI, tests) and the core.
 * Every transport (Electron IPC, browser-mode WebSocket, native messaging) carries exactly these
 * requests and events, and validates requests against these schemas at its boundary.
 */

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Params = v.record(v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/)), Text(64));
const Phone = v.pipe(v.string(), v.regex(/^\+?\d{3,20}$/));

/** The longest text the composer may send: the UI says so in words before the request is refused here. */
export const SEND_TEXT_MAX = 700;

/** The most pending parts one `journal.pending` page holds (a few MiB at most, under the server's slow-client bound). */
export const PENDING_PAGE_MAX = 5000;

const ClockTime = v.pipe(v.string(), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a time of day is written HH:MM'));

/**
 * Checks run for one SIM every day: its instructions (queries without parameters, never risky
 * ones) at `time` plus up to `jitterMinutes`, moved out of the quiet hours. Off unless enabled.
 */
export const ScheduleSchema = v.strictObject({
  simId: Id,
  enabled: v.boolean(),
  instructions: v.pipe(v.array(Id), v.minLength(1), v.maxLength(5)),
  time: ClockTime,
  jitterMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(120)),
  /** From `from` to `to` (across midnight when `to` is earlier) nothing is sent. */
  quiet: v.nullable(v.strictObject({ from: ClockTime, to: ClockTime })),
});
export type Schedule = v.InferOutput<typeof ScheduleSchema>;
/** A schedule as the core runs it: with when its checks go next (epoch ms), null while it is off. */
export type ScheduleView = Schedule & { nextRunAt: number | null };

/** A person's names for one SIM, shown and exported with its figures. Empty strings where not set. */
export const SimLabelSchema = v.strictObject({
  simId: Id,
  name: Text(40),
  owner: Text(40),
  phone: v.union([v.literal(''), Phone]),
});
export type SimLabel = v.InferOutput<typeof SimLabelSchema>;

const PemCertificates = v.pipe(
  Text(20_000),
  v.regex(/^\s*(?:-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----\s*)*$/, 'PEM certificates only (-----BEGIN CERTIFICATE-----…) / 只能是 PEM 格式的证书'),
);

/**
 * The MQTT link, as the user sets it. Off unless enabled. The password is write-only: the view
 * says whether one is kept, `password: null` keeps the one kept, '' removes it.
 */
export const MqttSettingsSchema = v.strictObject({
  enabled: v.boolean(),
  /** mqtt://, mqtts:// (TLS), ws:// or wss://. No `user:password@`: the URL is kept and shown in clear, the password has its own field. */
  url: v.pipe(v.string(), v.maxLength(300), v.regex(/^(?:mqtts?|wss?):\/\/[^\s/@]+(?:\/\S*)?$/, 'mqtt://host:port, mqtts://, ws:// or wss://, without user:password@')),
  username: Text(100),
  password: v.nullable(Text(200)),
  /** PEM of the CA that signed the broker's certificate (a private CA, a self-signed broker); '' for the system's. */
  caPem: PemCertificates,
  /** Topics start `<baseTopic>/<hostId>/`: one prefix per host. */
  baseTopic: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/)),
  hostId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/)),
  /** Home Assistant MQTT discovery under this prefix; '' for none. */
  discoveryPrefix: v.pipe(v.string(), v.regex(/^(?:[A-Za-z0-9_-]{1,40})?$/)),
  /** Accept read-only queries on `<baseTopic>/<hostId>/command`. */
  commands: v.boolean(),
  /** Read-only: show the SIMs other hosts publish under the same base topic in this host's Overview. */
  watchOtherHosts: v.boolean(),
  commandsPerHour: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120)),
  /** Send the password over mqtt:// or ws:// to another machine (refused unless set; a warning stays while set). */
  allowPlaintextPassword: v.optional(v.boolean(), false),
  /** Mutual TLS: the certificate this host shows a broker that asks for one; '' for none. */
  clientCertPem: v.optional(PemCertificates, ''),
  /** Its private key, write-only as the password: null keeps the kept one, '' removes it. */
  clientKeyPem: v.optional(
    v.nullable(v.pipe(Text(20_000), v.regex(/^\s*(?:-----BEGIN ([A-Z]+ )?PRIVATE KEY-----[A-Za-z0-9+/=\s]+-----END \1?PRIVATE KEY-----\s*)?$/, 'one unencrypted PEM private key / 一个未加密的 PEM 私钥'))),
    null,
  ),
});
export type MqttSettings = v.InferOutput<typeof MqttSettingsSchema>;
export type MqttSettingsView = Omit<MqttSettings, 'password' | 'clientKeyPem'> & {
  passwordSet: boolean;
  clientKeySet: boolean;
  /**
   * `refused`: the settings forbid connecting (a password over a plain link); `no-commands`: connected, figures published,
   * but the broker refused the command subscription; `code` names why a link is down or deaf.
   */
  status: { state: 'off' | 'connecting' | 'connected' | 'no-commands' | 'offline' | 'refused'; zh: string; en: string; code?: string };
};

export const RequestSchemas = {
  'catalog.search': v.strictObject({ query: Text(200), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))) }),
  'catalog.compose': v.strictObject({ id: Id, params: Params }),
  /** Send an instruction (by id and parameters) or free text typed in the composer. */
  send: v.strictObject({
    modemId: Id,
    id: v.optional(Id),
    params: v.optional(Params),
    text: v.optional(Text(SEND_TEXT_MAX)),
    to: v.optional(Phone),
    /** Risky instructions (TJ, QX…) are refused unless the user confirmed them. */
    confirmed: v.optional(v.boolean()),
    /** The SIM the user saw it go from (the question's `confirm.via`): another card in that modem now refuses it (review36). */
    simId: v.optional(Text(128)),
    /**
     * The user's yes to sending again what may have gone out: without it, the same text to the same number from the same
     * SIM within 10 minutes of a send that may have gone out is refused (`send.maybe-sent`); with it, it goes as that
     * one's retry (mend55).
     */
    resend: v.optional(v.literal(true)),
  }),
  /**
   * Retry an instruction that failed (never done automatically: it may already have left). Refused
   * unless `confirmed` when sending the same text would be (TJ, QX, a report number…).
   */
  retry: v.strictObject({ commandId: Id, confirmed: v.optional(v.boolean()) }),
  'modem.list': v.strictObject({}),
  'modem.ports': v.strictObject({}),
  'modem.connect': v.strictObject({ path: v.pipe(v.string(), v.minLength(1), v.maxLength(260)) }),
  'modem.disconnect': v.strictObject({ modemId: Id }),
  'modem.enterPin': v.strictObject({ modemId: Id, pin: v.pipe(v.string(), v.regex(/^\d{4,8}$/)) }),
  /**
   * Everything the store may not have yet (unacknowledged parts, the latest state of each held instruction): how a reloaded UI
   * catches up. With `limit`, the parts come a page at a time from after the key `after` (the held instructions with the first
   * page only): one answer for a backlog of 95,000 parts was a frame far past the server's slow-client bound, cut off, asked
   * again, for ever.
   */
  'journal.pending': v.strictObject({
    after: v.optional(Text(512)),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(PENDING_PAGE_MAX))),
  }),
  /** What went wrong at start-up and was repaired or set aside (damaged files), for the UI to show once. */
  'core.startupNotices': v.strictObject({}),
  /** The store has durably written these incoming parts: the journal may forget them. */
  'journal.ack': v.strictObject({ keys: v.pipe(v.array(Text(512)), v.maxLength(5000)) }),
  /** Questions waiting for the user: pair an extension, confirm a send an extension asked for. */
  'approvals.list': v.strictObject({}),
  'approvals.decide': v.strictObject({ id: Id, approve: v.boolean() }),
  'extensions.list': v.strictObject({}),
  /** The catalog in use (built-in or signed update, province, the user's own instructions) and its settings. */
  'catalog.state': v.strictObject({}),
  'catalog.setProvince': v.strictObject({ province: v.nullable(v.picklist(PROVINCE_IDS)) }),
  /** Checked in full by the catalog state (per-field bilingual errors); here only its size. */
  'custom.save': v.strictObject({ entry: v.record(v.string(), v.unknown()), replacing: v.optional(v.pipe(v.string(), v.maxLength(16))) }),
  'custom.delete': v.strictObject({ code: v.pipe(v.string(), v.minLength(1), v.maxLength(16)) }),
  /**
   * An export file's text. A string's length never passes its UTF-8 byte count, so every file within
   * the reader's byte limit (every export among them) gets here and is refused, if at all, in the
   * reader's own words. Before, 240,000 characters: an export of 500 entries with notes could pass it.
   */
  'custom.import': v.strictObject({ text: Text(MAX_CUSTOM_FILE_BYTES), replace: v.boolean() }),
  'catalog.setUpdateSource': v.strictObject({ source: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(2048))), publicKey: v.nullable(Text(64)) }),
  'catalog.checkUpdate': v.strictObject({}),
  'catalog.rollback': v.strictObject({}),
  /** Ends one browser profile's association (its ID, from extensions.list). */
  'extensions.revoke': v.strictObject({ id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22}$/)) }),
  'extensions.rename': v.strictObject({ id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22}$/)), name: Text(80) }),
  'schedules.get': v.strictObject({}),
  /** Replaces the SIM's schedule. */
  'schedules.set': v.strictObject({ schedule: ScheduleSchema }),
  'labels.list': v.strictObject({}),
  /** Replaces one SIM's label; all fields empty removes it. */
  'labels.set': v.strictObject({ label: SimLabelSchema }),
  /** Sends instructions (default each SIM's scheduled ones) to every ready SIM now: one at a time per modem, all modems at once. */
  'fleet.checkNow': v.strictObject({ instructions: v.optional(v.pipe(v.array(Id), v.minLength(1), v.maxLength(5))) }),
  'mqtt.get': v.strictObject({}),
  'mqtt.set': v.strictObject({ settings: MqttSettingsSchema }),
  /** Every SIM this host knows (and, when watching the broker, other hosts'), with its label. */
  'fleet.sims': v.strictObject({}),
  /**
   * The user has seen this SIM's failed sends, up to `seen` (the count the page showed): its badge
   * clears. Nothing is sent again (Retry in the thread does that, after asking). This host's SIMs only.
   */
  'fleet.seeFailures': v.strictObject({ simId: Text(128), seen: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)) }),
  /** How far the running "check every SIM now" is (or how the last one ended). */
  'fleet.checkState': v.strictObject({}),
  /**
   * The language the user chose in Settings, told at start and on every change. The core keeps nothing
   * of it; the desktop shell answers it itself to speak it in its application menu.
   */
  'ui.language': v.strictObject({ lang: v.picklist(['zh-Hans', 'zh-Hant', 'en']) }),
  /**
   * The parts the journal still has of long messages the store holds incomplete (another profile may
   * have acknowledged the missing ones): asked at start-up and after a reconnect.
   */
  'journal.parts': v.strictObject({
    messages: v.pipe(
      v.array(
        v.strictObject({
          simId: Text(128),
          from: Text(64),
          ref: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535)),
          total: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(255)),
          /** When the store's first part of it was received (epoch ms). */
          at: v.pipe(v.number(), v.integer(), v.minValue(0)),
        }),
      ),
      v.maxLength(200),
    ),
  }),
} as const;

export type Method = keyof typeof RequestSchemas;
export type Request<M extends Method> = v.InferOutput<(typeof RequestSchemas)[M]>;

export type IncomingRecord = v.InferOutput<typeof IncomingRecordSchema>;
export type OutgoingRecord = v.InferOutput<typeof OutgoingRecordSchema>;

export interface SearchHit {
  id: string;
  score: number;
  params?: Record<string, string>;
  matched: { field: string; text: string };
}

export interface PortInfo {
  path: string;
  manufacturer?: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
  /** Looks like a GSM modem's AT port (by USB identity or driver). */
  likelyModem: boolean;
  demo: boolean;
}

export interface Trap {
  code: 'modemmanager' | 'hilink' | 'no-smsc' | 'pin' | 'puk' | 'no-sim' | 'no-network' | 'permission' | 'busy' | 'radio-off' | 'sim-lock' | 'sim-busy';
  zh: string;
  en: string;
  action: { zh: string; en: string };
}

/**
 * The traps that hold a modem until its user does something: types the PIN, gets the PUK, puts a SIM
 * in, has the modem unlocked. The others clear by themselves (a SIM still busy starting: the session
 * goes on when it says READY) or are about sending, not about getting ready (no network, no SMS centre).
 */
export const TRAPS_AWAITING_USER: ReadonlySet<Trap['code']> = new Set(['pin', 'puk', 'no-sim', 'sim-lock']);

export type ModemState = 'opening' | 'probing' | 'ready' | 'reconnecting' | 'closed' | 'failed';

export interface ModemStatus {
  modemId: string;
  path: string;
  demo: boolean;
  state: ModemState;
  identity: { manufacturer?: string; model?: string; revision?: string; imei?: string; imsi?: string; iccid?: string };
  /** The SIM's id for threads and figures: its ICCID, else IMSI, else the port. */
  simId: string | null;
  sim: 'ready' | 'pin' | 'puk' | 'absent' | 'unknown';
  registration: 'home' | 'roaming' | 'searching' | 'denied' | 'none' | 'unknown';
  operator: string | null;
  signal: { csq: number; dbm: number | null; bars: 0 | 1 | 2 | 3 | 4 } | null;
  smsc: string | null;
  storage: { used: number; total: number } | null;
  traps: Trap[];
  error: { code: string; zh: string; en: string } | null;
}

/** A question for the app's user that an extension asked. */
export interface ApprovalView {
  id: string;
  kind: 'pair' | 'send';
  extensionId: string;
  /** Pairing: the code the extension shows too, so the user can tell it is the same one. */
  code?: string;
  /** Pairing: the browser and profile the extension says it runs in (its own words: shown, not trusted). */
  browser?: string;
  profile?: string;
  /** Send: where, the text with secrets masked, and why it needs a yes. */
  to?: string;
  text?: string;
  reason?: { zh: string; en: string };
  /** Send: the modem and SIM it goes from, chosen when asked; a yes sends from that SIM only (review36). */
  from?: Pick<ModemStatus, 'path' | 'simId' | 'identity'>;
  createdAt: number;
  expiresAt: number;
}

/** A paired browser profile as Settings shows it: never its secret. */
export interface AssociationView {
  id: string;
  extensionId: string;
  browser: string;
  profile: string;
  /** The user's name for it (browser · profile until renamed). */
  name: string;
  pairedAt: number;
  lastUsedAt: number;
  /** It is forgotten when unused until then (90 days after its last use). */
  expiresAt: number;
}

export interface CatalogStateView {
  version: string;
  date: string;
  origin: 'builtin' | 'update';
  province: string | null;
  provinces: { id: string; name: Localized; verified: boolean }[];
  customs: CustomInstruction[];
  update: {
    source: string | null;
    publicKey: string | null;
    lastCheck: { at: number; ok: boolean; zh: string; en: string } | null;
  };
  /** The effective catalog: what the UI searches (it runs the search itself, offline). */
  catalog: Catalog;
}

export type CustomImportResult = ImportOutcome;

export interface Responses {
  'catalog.search': SearchHit[];
  'catalog.compose': { id: string; to: string; text: string; redacted: string };
  send: { commandId: string };
  retry: { commandId: string };
  'modem.list': ModemStatus[];
  'modem.ports': PortInfo[];
  'modem.connect': ModemStatus;
  'modem.disconnect': { ok: true };
  'modem.enterPin': ModemStatus;
  /** `more`: parts after this page are pending too (asked with `limit`). */
  'journal.pending': { incoming: HandedOutRecord[]; outgoing: OutgoingRecord[]; more: boolean };
  'journal.ack': { ok: true };
  'core.startupNotices': { zh: string; en: string }[];
  'approvals.list': ApprovalView[];
  'approvals.decide': { ok: true };
  'extensions.list': AssociationView[];
  'extensions.revoke': { revoked: boolean };
  'extensions.rename': AssociationView[];
  'schedules.get': ScheduleView[];
  'schedules.set': ScheduleView[];
  'catalog.state': CatalogStateView;
  'catalog.setProvince': CatalogStateView;
  'custom.save': CatalogStateView;
  'custom.delete': CatalogStateView;
  'custom.import': CustomImportResult;
  'catalog.setUpdateSource': CatalogStateView;
  'catalog.checkUpdate': CatalogStateView;
  'catalog.rollback': CatalogStateView;
  'labels.list': SimLabel[];
  'labels.set': SimLabel[];
  'fleet.checkNow': { sims: number };
  'mqtt.get': MqttSettingsView;
  'mqtt.set': MqttSettingsView;
  'fleet.sims': FleetSim[];
  'fleet.checkState': FleetCheckState;
  'fleet.seeFailures': FleetSim;
  'ui.language': null;
  'journal.parts': { incoming: HandedOutRecord[] };
}

/** One SIM in the fleet table: its state, its label, and the host it is on (null: this one). */
export type FleetSim = SimState & { host: string | null; label: SimLabel | null };

/** A check of every SIM now: SIMs in it, done (answered, failed or waited out), answered by 10086. */
export interface FleetCheckState {
  running: boolean;
  total: number;
  done: number;
  answered: number;
  startedAt: number | null;
}

export interface Events {
  /** One received SMS part, journaled; the store writes it and acknowledges its key. */
  incoming: HandedOutRecord;
  /** A state change of an outgoing instruction (queued, sending, sent, delivered, failed…). */
  outgoing: OutgoingRecord;
  modem: ModemStatus;
  /** Something the user should read (a recovered journal, a reconnect). */
  notice: { level: 'info' | 'warning' | 'error'; zh: string; en: string };
  /** Every change of the waiting questions, as the whole list. */
  approvals: ApprovalView[];
  /** The list of paired extensions changed. */
  extensions: AssociationView[];
  /** The catalog in use changed (update, province, custom instructions). */
  catalog: CatalogStateView;
  /** The SIM labels changed, as the whole list. */
  labels: SimLabel[];
  /** The MQTT link's state or settings changed. */
  mqtt: MqttSettingsView;
  /** One SIM's state changed (here, or on another host seen through the broker). */
  fleet: FleetSim;
  /** A SIM of this computer left the fleet (an unidentified insertion another card replaced in its modem): drop its row. */
  fleetGone: { simId: string };
  /** A check of every SIM moved on (a SIM done, or the run began or ended). */
  fleetCheck: FleetCheckState;
  /** Not the core's: the Electron shell's menu asking the page to do what a key there does (Help → Keyboard shortcuts). */
  command: UiCommand;
}
export type EventName = keyof Events;

/** What the core offers; every transport exposes exactly this. */
export interface CoreApi {
  call<M extends Method>(method: M, params: Request<M>): Promise<Responses[M]>;
  on<E extends EventName>(event: E, listener: (data: Events[E]) => void): () => void;
}

/** Wire format shared by the WebSocket and IPC transports. */
export type WireMessage =
  | { type: 'call'; id: number; method: Method; params: unknown }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: { code: string; zh: string; en: string; action?: { zh: string; en: string } } }
  /** The events of one turn of the core, in order: a burst crosses as a few messages, not thousands. */
  | { type: 'events'; events: { event: EventName; data: unknown }[] };
