import type { Span } from './normalize';
import type { DataPool, DateRole, NoticeKind, Outcome, Topic, VoicePool } from './schema';

export type { Span } from './normalize';

export type Confidence = 'sure' | 'unsure';

/**
 * Where an amount's kind (`pool`, `voicePool`) was read from. `own`: the kind word stands in the amount's own
 * words (its label, a bracket or the data words right after it); `said`: the text says it of the amount in so
 * many words (`…，均为国内通用流量`); `clause`: the amount before it in its clause group states it and this one is a bare
 * label of another field (`国内通用流量共75G，已用8.21G，剩余66.79G`). The others are inferred: `narrowed` (its own kind word with a qualifier that
 * narrows it, `省内包时段流量`: `kindNarrowers` in replies.json), `package` (its package's name), `heading` (a
 * heading line or a heading's bracket), `before` (the amount before it), `sentence` (a kind named earlier in its
 * sentence). Only a plainly stated kind (`kindStated`) is ever added to another amount.
 */
export type KindSource = 'own' | 'said' | 'clause' | 'narrowed' | 'package' | 'heading' | 'before' | 'sentence';

/** Canonical units: money in yuan, data in MB (1 GB = 1024 MB), voice in minutes, SMS in messages; a share of an allowance in percent (fields usedPercent, remainingPercent only). */
export type CanonicalUnit = 'yuan' | 'MB' | 'min' | 'sms' | 'points' | 'percent';

export interface FigureRecord {
  topic: Topic;
  /** e.g. balance, spentThisMonth, total, used, remaining, item, expiring. */
  field: string;
  value: number;
  unit: CanonicalUnit;
  /**
   * Money only: the currency as written beside the amount (元, HK$, £, €, $, 港币…), never converted;
   * `unit` stays `yuan` for every money amount. Null for the other measures.
   */
  currency: string | null;
  /** The allowance package (data, voice, SMS) the figure belongs to, as written. */
  package: string | null;
  /**
   * Data only: the kind of allowance (general, provincial, off-peak…) as the words of the text say
   * (before the amount, its package name, a heading…). `null` is "not stated": the text names no kind
   * for it (a total over kinds, or a reply that never says); the reader never guesses `general`. The
   * product still shows a reply's lone not-stated amount left as the customer's data left
   * (`customerDataLeft`), and never adds it to a stated kind.
   */
  pool: DataPool | null;
  /**
   * Minutes only: the kind of minutes (the package's own, off-peak 闲时, group 集团…) as the words before
   * the amount or its package name say; null is "not stated", as for `pool`. Kinds are never added up.
   */
  voicePool: VoicePool | null;
  /** Data and minutes: where `pool` / `voicePool` was read from (null when it is null, and for other topics). */
  kindFrom: KindSource | null;
  /**
   * Data only: a word the rules do not know named its kind (`您的追剧流量剩余10GB`, round 22), so `pool` is null, not
   * stated, but unlike an amount of a reply that names no kind it is no customer's data left: an extra of a kind the
   * reader does not know, shown by its own words (`kindWords`). Absent otherwise.
   */
  kindUnknown?: true;
  /** With `kindUnknown`: the words that name the amount's data as written (folded: `追剧流量`), when the reader finds them. */
  kindWords?: string;
  /**
   * Data and minutes: the card or member the amount is said of when it is not the customer (`副卡`, `副卡138****1234`,
   * `家庭成员`, a masked number; labelling rule 13 of 2026-12-06, session 20), as written (folded). Such an amount is that
   * member's share: shown apart with the member named, never the customer's data left nor added to it. Absent otherwise.
   */
  holder?: string;
  /**
   * Data and minutes: an amount of the field and plainly stated kind of one before it that may be that pool said again (a detail
   * after 其中 or 明细, a total line, the same name in one clause group; labelling rule 14): never added to it, the larger shown.
   */
  restates?: true;
  /** A bill line's name, as written. */
  item: string | null;
  /** Where the amount is written in the original text. */
  span: Span;
  /** Id of the template in instructions/replies.json that read it. */
  template: string;
  /** The label (folded) that named it; null for a bill item named by the words before it. */
  label: string | null;
  confidence: Confidence;
}

export interface DateRecord {
  role: DateRole;
  year: number;
  month: number;
  /** Null for a month (a bill month). */
  day: number | null;
  hour: number | null;
  minute: number | null;
  /** Epoch milliseconds of that Beijing wall-clock time (start of the day or month when less is written). */
  at: number;
  /** The year was not written and was taken from when the reply came in. */
  yearInferred: boolean;
  span: Span;
}

export interface Problem {
  /**
   * unattributed: an amount no label names. does-not-add-up: used + remaining ≠ total and the like. garbled: the text
   * came in a PDU that did not fit its length, so a digit may have changed on the line.
   */
  code: 'unattributed' | 'does-not-add-up' | 'garbled';
  span: Span | null;
  detail: string;
}

/** One numbered choice a reply offers: sending `n` back (on a click) asks for it. */
export interface MenuOption {
  /** Exactly what to send, as written (101, DHLL). */
  n: string;
  label: string;
  /**
   * The words that introduced the menu, as written (回复序号办理): when they say sending a number orders
   * or cancels something, every option but a look-up changes the account. Absent when none was read.
   */
  cue?: string;
}

/** One entry of a list of subscribed services; replying its number cancels it when `cancelByNumber`. */
export interface SubscribedService {
  /** The number sent back to cancel it; null in a list that numbers no entry (nothing to send). */
  n: string | null;
  name: string;
  /** As written: 9元/月. */
  fee: string;
  /** The fee's amount in yuan (per month, time or message, as `fee` says). */
  yuan: number;
  /**
   * What to send to cancel it when the reply says more than its bare number: 回复QX+序号 (QX1), 回覆「取消+序號」 (取消1),
   * QX+代码 with the code said in the entry (QXSJB), 回复QXCL取消彩铃 (QXCL), 回复A1即退订 (A1). Absent otherwise.
   */
  cancelText?: string;
}

export interface FiguresReply {
  kind: 'figures';
  text: string;
  topics: Topic[];
  figures: FigureRecord[];
  dates: DateRecord[];
  /** Numbered choices offered after the figures (never read as figures). */
  menu: MenuOption[];
  /** What a pushed notice warns of (流量提醒, 已达…暂停). */
  notices: NoticeKind[];
  /** Unsure when any amount could not be named or the figures contradict each other. */
  confidence: Confidence;
  problems: Problem[];
  /**
   * A list of subscribed services said beside the figures (您本月已使用…。您订购的业务：1.…): each entry with its fee,
   * as a services reply's. Absent when the reply lists none.
   */
  services?: SubscribedService[];
  /** With `services`: 10086 cancels an entry when its number is sent back. */
  cancelByNumber?: boolean;
}

/** 10086 asks for a reply before it acts. The app shows a button; it never replies by itself. */
export interface ConfirmRequest {
  kind: 'confirm';
  text: string;
  /** Exactly what to send back, as 10086 wrote it (e.g. 是). */
  reply: string;
  replySpan: Span;
  /** Null when the reply does not say how long the request stays open. */
  deadline: { withinMs: number; until: number } | null;
}

export interface OutcomeReply {
  kind: 'outcome';
  text: string;
  template: string;
  outcome: Outcome;
  /** The service named, as written, when the wording names one. */
  service: string | null;
  /** The sentence that says what happened or why not, as written. */
  reason: string | null;
  /** Options offered with it ("您是否想要：1.查询余额 2.查询账单，请回复序号"): buttons that send their number, as a menu's. */
  menu: MenuOption[];
}

/** A numbered menu and nothing to read: each option is a button that sends its number. */
export interface MenuReply {
  kind: 'menu';
  text: string;
  menu: MenuOption[];
  notices: NoticeKind[];
}

/** The services the number pays for (replies to 0000 and GN), each with its fee. */
export interface ServicesReply {
  kind: 'services';
  text: string;
  services: SubscribedService[];
  /** 10086 cancels an entry when its number is sent back. */
  cancelByNumber: boolean;
}

/** A pushed notice with no figure in it (余额不足, 暂停…). */
export interface NoticeReply {
  kind: 'notice';
  text: string;
  notices: NoticeKind[];
}

/** Not understood: the caller keeps the text as it is. */
export interface UnknownReply {
  kind: 'unknown';
  text: string;
}

export type ReplyUnderstanding =
  | FiguresReply
  | ConfirmRequest
  | OutcomeReply
  | MenuReply
  | ServicesReply
  | NoticeReply
  | UnknownReply;
