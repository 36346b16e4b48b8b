import type { Span } from './normalize';
import type { DateRole, Outcome, Topic } from './schema';

export type { Span } from './normalize';

export type Confidence = 'sure' | 'unsure';

/** Canonical units: money in yuan, data in MB (1 GB = 1024 MB), voice in minutes, SMS in messages. */
export type CanonicalUnit = 'yuan' | 'MB' | 'min' | 'sms' | 'points';

export interface FigureRecord {
  topic: Topic;
  /** e.g. balance, spentThisMonth, total, used, remaining, item, expiring. */
  field: string;
  value: number;
  unit: CanonicalUnit;
  /** The allowance package (data, voice, SMS) the figure belongs to, as written. */
  package: string | null;
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
  /** unattributed: an amount no label names. does-not-add-up: used + remaining ≠ total and the like. */
  code: 'unattributed' | 'does-not-add-up';
  span: Span | null;
  detail: string;
}

export interface FiguresReply {
  kind: 'figures';
  text: string;
  topics: Topic[];
  figures: FigureRecord[];
  dates: DateRecord[];
  /** Unsure when any amount could not be named or the figures contradict each other. */
  confidence: Confidence;
  problems: Problem[];
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
}

/** Not understood: the caller keeps the text as it is. */
export interface UnknownReply {
  kind: 'unknown';
  text: string;
}

export type ReplyUnderstanding = FiguresReply | ConfirmRequest | OutcomeReply | UnknownReply;
