import { builtinAssistant } from '../src-shared/assistant';
import { QUESTIONS, contextFor, miss } from '../tests/unit/assistant/question-set';
import { percentile, round, timeEach, type Section } from './harness';

const ROUNDS = 20;

export default async function assistantBench(): Promise<Section> {
  let t0 = performance.now();
  const assistant = builtinAssistant();
  const build = performance.now() - t0;
  const ask = (c: (typeof QUESTIONS)[number]) => assistant.answer(c.q, c.lang, contextFor(c));

  t0 = performance.now();
  ask(QUESTIONS[0]!);
  const firstAnswer = performance.now() - t0;

  const times = timeEach(Array.from({ length: ROUNDS }, () => QUESTIONS).flat(), ask);
  const p95 = percentile(times, 95);
  const misses = QUESTIONS.map((c) => ({ c, m: miss(c, ask(c)) })).filter((r) => r.m !== null);
  const passRate = (100 * (QUESTIONS.length - misses.length)) / QUESTIONS.length;
  return {
    title: '小e assistant (local, offline)',
    figures: [
      { name: 'build (catalog + search + word lists)', value: round(build, 1), unit: 'ms' },
      { name: 'first answer after build', value: round(firstAnswer, 3), unit: 'ms' },
      { name: `answer latency p50 (${times.length} answers)`, value: round(percentile(times, 50), 4), unit: 'ms' },
      { name: 'answer latency p95', value: round(p95, 4), unit: 'ms', target: '≤ 20 ms', pass: p95 <= 20 },
      { name: 'answer latency max', value: round(Math.max(...times), 3), unit: 'ms' },
      { name: `question set answered as labelled (n=${QUESTIONS.length})`, value: `${round(passRate, 1)} %` },
    ],
    notes: misses.map((r) => `miss: ${r.c.q} → expected ${r.c.kind} ${r.c.first ?? ''}, got ${r.m}`),
  };
}
