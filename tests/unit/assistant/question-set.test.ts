import { describe, expect, it } from 'vitest';
import { builtinAssistant } from '../../../src-shared/assistant';
import { QUESTIONS, contextFor, miss } from './question-set';

const assistant = builtinAssistant();
const results = QUESTIONS.map((c) => ({ c, miss: miss(c, assistant.answer(c.q, c.lang, contextFor(c))) }));
const passed = results.filter((r) => r.miss === null).length;
const rate = (100 * passed) / QUESTIONS.length;

describe('assistant question set', () => {
  it('holds at least 120 questions in the three languages', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(120);
    expect(new Set(QUESTIONS.map((c) => c.lang))).toEqual(new Set(['zh-Hans', 'zh-Hant', 'en']));
  });

  it(`answers ${passed} of ${QUESTIONS.length} questions as labelled (${rate.toFixed(1)} %, needs ≥ 95 %)`, () => {
    const misses = results.filter((r) => r.miss !== null).map((r) => `${r.c.q} → ${r.miss}`);
    expect(rate, misses.join('\n')).toBeGreaterThanOrEqual(95);
  });

  it.each(results.filter((r) => r.c.core).map((r) => [r.c.q, r.c.lang, r.c.context ?? '', r.c.kind, r.c.first ?? '', r.miss] as const))(
    'core: %j (%s %s) → %s %s',
    (_q, _lang, _context, _kind, _first, missed) => {
      expect(missed).toBeNull();
    },
  );
});
