import { runCrashScenario } from '../tests/crash/crash-run';
import { round, type Section } from './harness';

const KILL_POINTS = Number(process.env.HALL_CRASH_KILL_POINTS ?? 100);
const INSTRUCTIONS = 30;
const SEED = 10086;

/** Issue 8 §1: the core SIGKILLed at seeded points of the AT conversation, restarted, and checked. */
export default async function crashBench(): Promise<Section> {
  const r = await runCrashScenario({ killPoints: KILL_POINTS, instructions: INSTRUCTIONS, seed: SEED });
  const v = r.verdict;
  return {
    title: `Crash consistency (SIGKILL at ${KILL_POINTS} seeded points, seed ${SEED}; HALL_CRASH_KILL_POINTS sets the count)`,
    figures: [
      { name: 'kill points', value: r.killPoints, target: '100', pass: r.killPoints >= 100 },
      { name: 'messages delivered (parts)', value: `${r.messages} (${r.messageParts})` },
      { name: 'instructions', value: r.instructions },
      { name: 'lost', value: v.lost.length, target: '0', pass: v.lost.length === 0 },
      { name: 'duplicated', value: v.duplicated.length, target: '0', pass: v.duplicated.length === 0 },
      { name: 'double-sent', value: v.doubleSent.length, target: '0', pass: v.doubleSent.length === 0 },
      { name: 'instructions neither sent nor marked failed', value: v.unaccounted.length, target: '0', pass: v.unaccounted.length === 0 },
      { name: 'instructions marked failed-retryable', value: v.failedRetryable },
      { name: 'instructions whose state in the store lags the journal', value: v.storeBehind.length },
      ...Object.entries(r.windows).map(([w, n]) => ({ name: `kills landing: ${w}`, value: n })),
      { name: 'kills at the fallback time (trigger never came)', value: r.fallbackKills },
      { name: 'restarts that could not bring the modem up', value: r.failedStarts.length },
      { name: 'time', value: round(r.ms / 1000, 1), unit: 's' },
    ],
    notes: [...v.lost, ...v.duplicated, ...v.doubleSent, ...v.unaccounted, ...v.storeBehind, ...r.failedStarts],
  };
}
