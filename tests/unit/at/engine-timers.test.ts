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

    await vi.advanceTimersByTimeAsync(2_500);
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
      details: { command: 'AT+CMGS=13', stage: 'prompt', timeoutMs: 10_000, bodySent: false },
    });

    await vi.advanceTimersByTimeAsync(2_500);
    await finished;
    expect(at.settled()).toEqual<Outcome>({ lines: [], final: { kind: 'ok' } });
    // Two ESCs (one at the deadline, one for the late prompt) and never the message body.
    expect(link.failure).toBeNull();
    expect(link.unconsumed()).toBe('');
  });
});

describe('after a timeout', () => {
  it('gives a late answer to nobody: the next command gets its own (a slow SIM’s +CMGR is not read as the next slot’s)', async () => {
    const link = new ScriptedLink(
      parseTranscript(
        [
          '>> AT+CMGR=1\\r',
          '~~ 6000',
          '>> AT\\r',
          '<< \\r\\n+CMGR: 0,,23\\r\\n07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07\\r\\n\\r\\nOK\\r\\n',
          '<< \\r\\nOK\\r\\n',
          '>> AT+CMGR=2\\r',
          '<< \\r\\n+CMGR: 0,,23\\r\\nSLOT-TWO\\r\\n\\r\\nOK\\r\\n',
        ].join('\n') + '\n',
      ),
    );
    const finished = link.start();
    const engine = new AtEngine(link);
    const first = track(outcome(engine.run('AT+CMGR=1')));
    const second = track(outcome(engine.run('AT+CMGR=2')));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(first.settled()).toEqual<Outcome>({ error: 'at.timeout', details: { command: 'AT+CMGR=1', stage: 'response', timeoutMs: 5_000 } });
    await vi.advanceTimersByTimeAsync(1_500);
    await finished;
    expect(second.settled()).toEqual<Outcome>({ lines: ['+CMGR: 0,,23', 'SLOT-TWO'], final: { kind: 'ok' } });
    expect(link.failure).toBeNull();
    expect(link.unconsumed()).toBe('');
  });

  it('probes again while nothing answers, failing what waits meanwhile, and goes on once something does', async () => {
    const link = new ScriptedLink(parseTranscript('>> AT+CSQ\\r\n~~ 5000\n>> AT\\r\n~~ 5000\n>> AT\\r\n<< \\r\\nOK\\r\\n\n>> AT+CREG?\\r\n<< \\r\\n+CREG: 0,1\\r\\n\\r\\nOK\\r\\n'));
    const finished = link.start();
    const engine = new AtEngine(link);
    void engine.run('AT+CSQ').catch(() => undefined);
    const waiting = track(outcome(engine.run('AT+CREG?')));
    await vi.advanceTimersByTimeAsync(10_000);
    // Never written, and it says so (a send that never went out is not "maybe sent").
    expect(waiting.settled()).toEqual<Outcome>({ error: 'at.unanswered', details: { command: 'AT+CREG?', timeoutMs: 5_000 } });
    const after = track(outcome(engine.run('AT+CREG?')));
    await vi.advanceTimersByTimeAsync(500);
    await finished;
    expect(after.settled()).toEqual<Outcome>({ lines: ['+CREG: 0,1'], final: { kind: 'ok' } });
    expect(link.unconsumed()).toBe('');
  });
});

describe('a port that refuses the probe', () => {
  it('closes the engine cleanly: what waits is rejected as closed, nothing throws from the timer', async () => {
    let writes = 0;
    const link = {
      write() {
        if (++writes > 1) throw new Error('EIO');
      },
      onData: () => () => {},
      onClose: () => () => {},
    };
    const engine = new AtEngine(link);
    const first = track(outcome(engine.run('AT+CSQ')));
    const queued = track(outcome(engine.run('AT+CREG?')));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(first.settled()).toMatchObject({ error: 'at.timeout' });
    expect(queued.settled()).toMatchObject({ error: 'at.closed' });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(writes).toBe(2);
  });
});

describe('urgent commands', () => {
  it('go after the command in flight, before every queued one', async () => {
    const link = new ScriptedLink(
      parseTranscript('>> AT+CSQ\\r\n<< \\r\\n+CSQ: 20,99\\r\\n\\r\\nOK\\r\\n\n>> AT+CNMA\\r\n<< \\r\\nOK\\r\\n\n>> AT+CREG?\\r\n<< \\r\\n+CREG: 0,1\\r\\n\\r\\nOK\\r\\n\n'),
    );
    const finished = link.start();
    const engine = new AtEngine(link);
    const order: string[] = [];
    const done = (name: string) => () => void order.push(name);
    const all = [engine.run('AT+CSQ').then(done('CSQ')), engine.run('AT+CREG?').then(done('CREG')), engine.run('AT+CNMA', { urgent: true }).then(done('CNMA'))];
    await vi.advanceTimersByTimeAsync(100);
    await Promise.all(all);
    await finished;
    expect(order).toEqual(['CSQ', 'CNMA', 'CREG']);
    expect(link.failure).toBeNull();
  });
});

describe('AT+CMGS deadlines', () => {
  it('caps the prompt wait at the command timeout', async () => {
    const link = new ScriptedLink(parseTranscript('>> AT+CMGS=13\\r\n>> \\x1b\n>> AT\\r\n'));
    const finished = link.start();
    const engine = new AtEngine(link);
    const cmgs = track(outcome(engine.run('AT+CMGS=13', { payload: PDU.submitYe, timeoutMs: 3_000 })));
    await vi.advanceTimersByTimeAsync(3_000);
    await finished;
    expect(cmgs.settled()).toEqual<Outcome>({
      error: 'at.timeout',
      details: { command: 'AT+CMGS=13', stage: 'prompt', timeoutMs: 3_000, bodySent: false },
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
      details: { command: 'AT+CMGS=13', stage: 'response', timeoutMs: 60_000, bodySent: true },
    });
    await finished;
    expect(link.failure).toBeNull();
  });
});
