import type { AssistantAnswer } from '../../../src-shared/assistant';
import { activeCatalog } from '../../catalog/active-catalog';

/** One question to 小e and its answer. */
export interface Turn {
  id: number;
  /** As typed, with anything that could be a password or an ID number masked (the catalog's SecretDetector). */
  question: string;
  answer: AssistantAnswer;
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
    this.turns = [...this.turns, { id: this.nextId++, question: activeCatalog().maskSecrets(question), answer }];
    this.listeners.forEach((l) => l());
  }

  snapshot = (): readonly Turn[] => this.turns;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const conversation = new Conversation();
