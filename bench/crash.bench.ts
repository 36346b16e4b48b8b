import { runCrashScenario } from '../tests/crash/crash-run';
import { round, type Section } from './harness';

const KILL_POINTS = Number(process.env.HALL_CRASH_KILL_POINTS ?? 160);
const INSTRUCTIONS = 40;
/** Kill triggers the count must cover (issue 14): random moments and each of these commands. */
const TRIGGERS = ['time', 'AT+CMGR', 'AT+CMGD', 'AT+CMGS', 'body', 'AT+CNMA'] as const;
const SEED = 10086;

/**
 * Issue 8 §1, grown by issue 14: the core SIGKILLed at seeded points of the AT conversation and at
 * random moments, with identical twins and multipart messages in the traffic, restarted, and checked.
 */
export default async function crashBench(): Promise<Section> {
  const r = await runCrashScenario({ killPoints: KILL_POINTS, instructions: INSTRUCTIONS, seed: SEED });
  const v = r.verdict;
  return {
    title: `Crash consistency (SIGKILL at ${KILL_POINTS} seeded points, seed ${SEED}; HALL_CRASH_KILL_POINTS sets the count)`,
    figures: [
      { name: 'kill points', value: r.killPoints, target: '≥ 150', pass: r.killPoints >= 150 },
      ...TRIGGERS.map((t) => ({ name: `kills triggered by ${t === 'time' ? 'a random moment' : t}`, value: r.triggers[t] ?? 0, target: '≥ 1', pass: (r.triggers[t] ?? 0) >= 1 })),
      ...Object.entries(r.triggers)
        .filter(([t]) => !(TRIGGERS as readonly string[]).includes(t))
        .map(([t, n]) => ({ name: `kills triggered by ${t}`, value: n })),
      { name: 'messages delivered (parts)', value: `${r.messages} (${r.messageParts})` },
      { name: 'identical twins among them (same sender, text and second)', value: r.twins, target: '≥ 1', pass: r.twins >= 1 },
      { name: 'multipart messages among them', value: r.multipart, target: '≥ 1', pass: r.multipart >= 1 },
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
