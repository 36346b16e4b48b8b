import { afterEach, describe, expect, it } from 'vitest';
import { runCrashScenario } from '../crash/crash-run';
import { sessionKit, type Kit } from './session-kit';

let kits: Kit[] = [];
afterEach(async () => {
  for (const k of kits) await k.close();
  kits = [];
});

describe('crash consistency: the core SIGKILLed at seeded points of the AT conversation', () => {
  it('12 kill points, restarted each time, identical messages among them: nothing lost, nothing stored twice, nothing sent twice', async () => {
    const report = await runCrashScenario({
      killPoints: 12,
      instructions: 6,
      seed: 20261125,
      // Most singles come twice, identical to the second.
      twinShare: 0.8,
      // The windows that matter, for certain; seeded points after them.
      leading: [
        { on: 'AT+CMGD', nth: 1, delayMs: 0 },
        { on: 'stored', nth: 1, delayMs: 0 },
        { on: 'body', nth: 1, delayMs: 0 },
        { on: 'AT+CMGD', nth: 1, delayMs: 5 },
        { on: 'AT+CNMA', nth: 1, delayMs: 0 },
        { on: 'time', nth: 0, delayMs: 300 },
      ],
    });
    expect(report.killPoints).toBe(12);
    expect(report.twins).toBeGreaterThanOrEqual(2);
    expect(report.triggers['AT+CNMA']).toBeGreaterThanOrEqual(1);
    expect(report.windows['journaled, still on the SIM']).toBeGreaterThanOrEqual(1);
    expect(report.windows['stored, not yet acknowledged']).toBeGreaterThanOrEqual(1);
    expect(report.windows['instruction mid-send']).toBeGreaterThanOrEqual(1);
    expect(report.verdict).toMatchObject({ lost: [], duplicated: [], doubleSent: [], unaccounted: [], storeBehind: [] });
    // Every restart brought the modem up again, including after a kill at the "> " prompt.
    expect(report.failedStarts).toEqual([]);
  }, 180_000);

  it('a modem left at the "> " prompt by a host killed mid-send still comes up', async () => {
    const kit = await sessionKit();
    kits.push(kit);
    // What the killed host managed to write: the command, never the body.
    kit.binding.emulator.write('AT+CMGS=20\r');
    await kit.session.open();
    expect(kit.session.snapshot().state).toBe('ready');
  });
});
