import type { AssistantAnswer } from '../../../src-shared/assistant';

/** One question to 小e and its answer. */
export interface Turn {
  id: number;
  /** As typed, with anything that could be a password or an ID number masked. */
  question: string;
  answer: AssistantAnswer;
}

// A service password is 6 digits and an ID number 18 characters (17 digits and a digit or X); a run
// glued to letters (ZD202610) is part of an instruction, not a secret.
const SECRET_LIKE = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{6})(?![0-9A-Za-z])/gu;

/** The question as it may be kept or shown: 6-digit and 18-character runs become asterisks. */
export function maskSecrets(text: string): string {
  return text.replace(SECRET_LIKE, (run) => '*'.repeat(run.length));
}

/**
 * The conversation with 小e, kept in memory only (it survives switching views, not a reload):
 * nothing the user asks is written to disk, so a password typed into a question never is either.
 */
export class Conversation {
  private turns: readonly Turn[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  add(question: string, answer: AssistantAnswer): void {
    this.turns = [...this.turns, { id: this.nextId++, question: maskSecrets(question), answer }];
    this.listeners.forEach((l) => l());
  }

  snapshot = (): readonly Turn[] => this.turns;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const conversation = new Conversation();
