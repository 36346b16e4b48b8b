import set from '../../fixtures/assistant-questions.json';
import type { AnswerKind, AssistantAnswer, AssistantContext, Chip } from '../../../src-shared/assistant';
import type { Lang } from '../../../src-shared/errors';

/** One labelled question: the answer kind expected, and the first chip (a clarification's first option). */
export interface AssistantCase {
  q: string;
  lang: Lang;
  kind: AnswerKind;
  first?: string;
  params?: Record<string, string>;
  /** Must always pass: the flows other tests and the UI depend on. */
  core?: boolean;
  /** `reply`: asked with the set's last 10086 reply in context. */
  context?: 'reply';
}

export const QUESTIONS = set.questions as AssistantCase[];

const now = new Date(set.now);

export function contextFor(c: AssistantCase): AssistantContext {
  return c.context === 'reply' ? { now, lastReply: set.lastReply } : { now };
}

export function firstChip(answer: AssistantAnswer): Chip | undefined {
  return answer.kind === 'clarify' ? answer.options[0]?.chip : answer.chips[0];
}

/** Why an answer misses its label, or null when it is right. */
export function miss(c: AssistantCase, answer: AssistantAnswer): string | null {
  const chip = firstChip(answer);
  const got = `${answer.kind} ${chip?.id ?? '—'} ${JSON.stringify(chip?.params ?? {})}`;
  if (answer.kind !== c.kind) return got;
  if (c.first !== undefined && chip?.id !== c.first) return got;
  if (c.params && JSON.stringify(chip?.params) !== JSON.stringify(c.params)) return got;
  return null;
}
