import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AtEngine, type AtError } from '../../../src-main/services/modem/at-engine';
import { MAYBE_SENT } from '../../../src-shared/at/error-actions';
import type { Urc } from '../../../src-shared/at/urc';
import { PDU } from './pdus';
import { outcome, replay, type Outcome } from './replay';
import { ScriptedLink, singleBytes, wholeSteps } from './scripted-link';
import { parseTranscript } from './transcript';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Lets a promise be inspected without awaiting it. */
function track<T>(promise: Promise<T>): { settled: () => T | undefined } {
  let value: T | undefined;
  void promise.then((v) => (value = v));
  return { settled: () => value };
}

const rssi = (n: number): Urc => ({ kind: 'vendor', name: '^RSSI', text: `^RSSI:${n}` });

describe.each([
  ['whole steps', wholeSteps],
  ['single bytes', singleBytes],
])('timeouts (%s)', (_name, chunker) => {
  it('times out 5 s after sending although URCs keep arriving, then runs the next command', async () => {
    const { link, engine, urcs, finished } = replay('timeout-noisy', chunker);
    const cops = track(outcome(engine.run('AT+COPS=?')));
    const at = track(outcome(engine.run('AT')));

    await vi.advanceTimersByTimeAsync(4_999);
    expect(cops.settled()).toBeUndefined();
    expect(urcs).toEqual([rssi(11), rssi(12), rssi(13), rssi(14)]);

    await vi.advanceTimersByTimeAsync(1);
    expect(cops.settled()).toEqual<Outcome>({
      error: 'at.timeout',
      details: { command: 'AT+COPS=?', stage: 'response', timeoutMs: 5_000 },
    });
    expect(at.settled()).toBeUndefined();

    await vi.advanceTimersByTimeAsync(2_000);
    await finished;
    expect(at.settled()).toEqual<Outcome>({ lines: [], final: { kind: 'ok' } });
    expect(urcs).toEqual([11, 12, 13, 14, 15, 16, 17].map(rssi));
    expect(link.failure).toBeNull();
    expect(link.unconsumed()).toBe('');
  });

  it('cancels a prompt that comes after AT+CMGS gave up, and the next command still runs', async () => {
    const { link, engine, finished } = replay('cmgs-late-prompt', chunker);
    const cmgs = track(outcome(engine.run('AT+CMGS=13', { payload: PDU.submitYe, timeoutMs: 60_000 })));
    const at = track(outcome(engine.run('AT')));

    await vi.advanceTimersByTimeAsync(10_000);
    expect(cmgs.settled()).toEqual<Outcome>({
      error: 'at.timeout',
      details: { command: 'AT+CMGS=13', stage: 'prompt', timeoutMs: 10_000 },
    });

    await vi.advanceTimersByTimeAsync(2_000);
    await finished;
    expect(at.settled()).toEqual<Outcome>({ lines: [], final: { kind: 'ok' } });
    // Two ESCs (one at the deadline, one for the late prompt) and never the message body.
    expect(link.failure).toBeNull();
    expect(link.unconsumed()).toBe('');
  });
});

describe('AT+CMGS deadlines', () => {
  it('caps the prompt wait at the command timeout', async () => {
    const link = new ScriptedLink(parseTranscript('>> AT+CMGS=13\\r\n>> \\x1b\n'));
    const finished = link.start();
    const engine = new AtEngine(link);
    const cmgs = track(outcome(engine.run('AT+CMGS=13', { payload: PDU.submitYe, timeoutMs: 3_000 })));
    await vi.advanceTimersByTimeAsync(3_000);
    await finished;
    expect(cmgs.settled()).toEqual<Outcome>({
      error: 'at.timeout',
      details: { command: 'AT+CMGS=13', stage: 'prompt', timeoutMs: 3_000 },
    });
    expect(link.unconsumed()).toBe('');
  });

  it('keeps counting from the send, not from the prompt, and warns the message may be out', async () => {
    const link = new ScriptedLink(
      parseTranscript(`>> AT+CMGS=13\\r\n~~ 4000\n<< \\r\\n>\\x20\n>> ${PDU.submitYe}\\x1a\n~~ 56000\n<< \\r\\n+CMGS: 9\\r\\n\\r\\nOK\\r\\n\n`),
    );
    const finished = link.start();
    const engine = new AtEngine(link);
    const cmgs = track(engine.run('AT+CMGS=13', { payload: PDU.submitYe, timeoutMs: 60_000 }).catch((e: unknown) => e));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(cmgs.settled()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    const error = cmgs.settled() as AtError;
    expect(error.toJSON()).toEqual({
      code: 'at.timeout',
      zh: '调制解调器在 60 秒内没有确认短信是否发出（AT+CMGS=13）。',
      en: 'The modem did not confirm within 60 s whether the message went out (AT+CMGS=13).',
      action: MAYBE_SENT,
      details: { command: 'AT+CMGS=13', stage: 'response', timeoutMs: 60_000 },
    });
    await finished;
    expect(link.failure).toBeNull();
  });
});
