import { afterEach, describe, expect } from 'vitest';
import { explainCms } from '../../../src-shared/at/cms-errors';
import { encodeSubmit } from '../../../src-shared/pdu';
import type { OutgoingState } from '../../../src-shared/journal-records';
import { sessionKit, type Kit } from '../session-kit';
import { expectReadable, faultCase, INSTANT, journaledMessages, sendFailureText, statesOf, timesSent } from './fault-kit';
import type { FaultRow } from './matrix';

let kit: Kit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

async function readyKit(): Promise<Kit> {
  kit = await sessionKit(INSTANT);
  await kit.session.open();
  return kit;
}

/** The TPDU length of YE to 10086, as `AT+CMGS=<len>` names it. */
const YE_LENGTH = encodeSubmit({ to: '10086', text: 'YE', statusReport: true, concatRef: 0 })[0]!.tpduLength;

/** Sends YE under whatever fault is armed and waits for its last state. */
async function sendYe(k: Kit, last: OutgoingState): Promise<string> {
  const id = await k.session.send('10086', 'YE', 'YE');
  await k.waitFor(() => statesOf(k, id).includes(last), `the instruction to reach ${last}`);
  return id;
}

/** A fault the session must shrug off: sent once, delivered, its reply journaled once, no error shown. */
async function expectUnharmedSend(k: Kit, row: FaultRow): Promise<void> {
  const id = await sendYe(k, 'delivered');
  await k.waitFor(() => k.replies().some((m) => m.complete), 'the whole reply');
  expect(statesOf(k, id)).toEqual(row.states);
  expect(timesSent(k.binding.emulator, 'YE')).toBe(1);
  expect(k.seen.notice.filter((n) => n.level !== 'info')).toEqual([]);
  const replies = (await journaledMessages(k.dir)).filter((m) => m.from === '10086');
  expect(replies.map((m) => m.complete)).toEqual([true]);
  expect(replies[0]!.text).toBe(k.replies()[0]!.text);
}

describe('fault matrix: sending', () => {
  faultCase('unplug-during-cmgs', async (row) => {
    const k = await readyKit();
    const emu = k.binding.emulator;
    emu.fault({ kind: 'unplug', onCommand: 'AT+CMGS' });
    const id = await sendYe(k, 'failed');
    expect(k.seen.outgoing.at(-1)).toMatchObject({ id, state: 'failed', error: row.code });
    expectReadable(sendFailureText(row.code!, 'failed'), 'send failure');
    // The same words everywhere the state is told (sendFailureText): not sent, never "may have gone out" (mend61).
    expect(sendFailureText(row.code!, 'failed').en).toMatch(/was not sent/);
    await k.waitFor(() => k.session.snapshot().state === 'reconnecting', 'reconnecting');
    const status = k.session.snapshot();
    expect(status.error?.code).toBe('modem.unplugged');
    expectReadable(status.error!, 'status error');
    emu.replug();
    await k.waitFor(() => k.session.snapshot().state === 'ready', 'ready again');
    expect(k.seen.notice.map((n) => n.en).join('\n')).toMatch(/disconnected[\s\S]*connected again/);
    for (const notice of k.seen.notice) expectReadable(notice, 'notice');
    // The body never reached the network, and coming back does not send it behind the user's back.
    expect(timesSent(emu, 'YE')).toBe(0);
    expect(statesOf(k, id)).toEqual(row.states);
    expect(k.journal.outgoing(id)).toMatchObject({ state: 'failed' });
  });

  faultCase('unplug-after-cmgs-body', async (row) => {
    const k = await readyKit();
    const emu = k.binding.emulator;
    // The "\r\n> " prompt goes out, the body is taken, and of the answer only its leading "\r\n".
    emu.fault({ kind: 'unplug', onCommand: 'AT+CMGS', afterBytes: 6 });
    const id = await sendYe(k, 'failed-retryable');
    expect(k.journal.outgoing(id)).toMatchObject({ state: 'failed-retryable', error: row.code });
    expectReadable(sendFailureText(row.code!), 'send failure');
    expect(sendFailureText(row.code!).en).toMatch(/may have gone out/);
    expect(timesSent(emu, 'YE')).toBe(1);
    emu.replug();
    await k.waitFor(() => k.session.snapshot().state === 'ready' && k.replies().some((m) => m.complete), 'the reply, after the replug');
    for (const notice of k.seen.notice) expectReadable(notice, 'notice');
    // It did go out, once: the reply proves it, and coming back does not send it again.
    expect(timesSent(emu, 'YE')).toBe(1);
    expect(statesOf(k, id)).toEqual(row.states);
    const replies = (await journaledMessages(k.dir)).filter((m) => m.from === '10086');
    expect(replies.map((m) => m.complete)).toEqual([true]);
  });

  const refusals = [
    ['cms-330', 330],
    ['cms-322', 322],
    ['cms-500', 500],
    ['cms-38', 38],
  ] as const;
  for (const [id, cms] of refusals) {
    faultCase(id, async (row) => {
      const k = await readyKit();
      const emu = k.binding.emulator;
      // 500 after the body may have gone out (mend51, failed-retryable: session-cms-after-body.test.ts); answered to
      // AT+CMGS=<len> before the prompt it means nothing went (mend53), the case this row is about.
      if (cms === 500) emu.fault({ kind: 'replay', command: `AT+CMGS=${YE_LENGTH}`, bytes: '\r\n+CMS ERROR: 500\r\n' });
      else emu.fault({ kind: 'command-error', command: 'AT+CMGS', cms });
      const id = await sendYe(k, 'failed');
      expect(statesOf(k, id)).toEqual(row.states);
      expect(k.journal.outgoing(id)).toMatchObject({ state: 'failed', error: row.code });
      const text = sendFailureText(row.code!);
      expectReadable(text, 'send failure');
      // The thread shows the modem's reason, not only a number.
      expect(text.zh).toContain(explainCms(cms).zh);
      expect(text.en).toContain(explainCms(cms).en);
      expectReadable(explainCms(cms).action, 'what to do');
      expect(timesSent(emu, 'YE')).toBe(0);
      // The modem is still fine: the next instruction goes out once.
      const next = await k.session.send('10086', 'JF', 'JF');
      await k.waitFor(() => statesOf(k, next).includes('sent'), 'the next send');
      expect(timesSent(emu, 'JF')).toBe(1);
      expect(timesSent(emu, 'YE')).toBe(0);
    });
  }

  faultCase('garbage-bytes', async (row) => {
    const k = await readyKit();
    const emu = k.binding.emulator;
    emu.fault({ kind: 'garbage', length: 24 });
    emu.fault({ kind: 'garbage', length: 24, when: 'next-response' });
    await expectUnharmedSend(k, row);
  });

  faultCase('partial-line', async (row) => {
    const k = await readyKit();
    k.binding.emulator.fault({ kind: 'garbage', bytes: '\r\nERR', when: 'next-response' });
    await expectUnharmedSend(k, row);
  });

  faultCase('urc-in-response', async (row) => {
    const k = await readyKit();
    k.binding.emulator.fault({ kind: 'urc-in-response', text: '^RSSI:4' });
    await expectUnharmedSend(k, row);
    expect(k.session.snapshot().signal).toMatchObject({ csq: 4 });
  });
});
