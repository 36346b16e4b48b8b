import type { Localized } from '../catalog/schema';
import type { Lang } from '../errors';

/** What the chat view knows when the user asks: the time, and the latest 10086 reply as understood. */
export interface AssistantContext {
  now: Date;
  lastReply?: {
    /** The instruction the reply answers, when it was paired with one. */
    instructionId?: string;
    receivedAt: number;
    /** The reply's figures in plain words, e.g. “你的余额 35.20 元，流量还剩 1.33 GB”. */
    summary: Localized;
  };
}

/** One instruction offered as a button: the UI opens its page with the form pre-filled. */
export interface Chip {
  id: string;
  /** The instruction's name in the asked language. */
  label: string;
  /** Why it is offered, in the asked language. */
  why: string;
  /** Parameters taken from the question, checked and in the form the SMS needs. Never a secret. */
  params: Record<string, string>;
  /** Parameters the form still has to ask for (secrets always among them). */
  missing: string[];
  /** The UI must ask before sending (the catalog's risk.confirm), saying `risk.reason`. */
  risk: { confirm: boolean; reason?: string };
}

export interface ClarifyOption {
  label: string;
  chip: Chip;
}

interface Reply {
  lang: Lang;
  text: string;
  /** Extra lines under the text: what the form will ask for, a month that could not be used. */
  notes: string[];
}

export type AssistantAnswer =
  | (Reply & { kind: 'instructions' | 'explain' | 'help' | 'unknown'; chips: Chip[] })
  | (Reply & { kind: 'clarify'; options: ClarifyOption[] });

export type AnswerKind = AssistantAnswer['kind'];
