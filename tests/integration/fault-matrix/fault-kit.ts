import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { ModemEmulator } from '../../../src-main/emulator';
import { INSTANT_TIMING, type EmulatorOptions } from '../../../src-main/emulator/options';
import { decodeJournal, type IncomingRecord, type OutgoingState } from '../../../src-main/services/journal';
import { describeSendError } from '../../../src-renderer/core/describe-send-error';
import { makeI18n } from '../../../src-renderer/i18n';
import { assembleRecords, type AssembledRecordMessage } from '../../../src-shared/assemble';
import type { Bilingual } from '../../../src-shared/errors';
import type { Kit } from '../session-kit';
import { faultRow, type FaultRow } from './matrix';

/** Every emulator delay zero and a fixed seed: the same conversation on every run. */
export const INSTANT: EmulatorOptions = { ...INSTANT_TIMING, seed: 8086 };

/** One matrix row as a test, named for its fault; the body asserts the row's outcome. */
export function faultCase(id: string, body: (row: FaultRow) => Promise<void>): void {
  const row = faultRow(id);
  it(`${row.id}: ${row.fault}`, () => body(row));
}

const STACK_TRACE = /\n\s*at\s|\bat .+\.[jt]s:\d+|Error:\s/;
const HAN = /\p{Script=Han}/u;

/** Text a user reads: present in both languages, the Chinese really Chinese, no stack trace in either. */
export function expectReadable(text: Bilingual, what = 'text'): void {
  expect(text.zh.trim(), `${what} (zh)`).not.toBe('');
  expect(text.en.trim(), `${what} (en)`).not.toBe('');
  expect(text.zh, `${what} (zh)`).toMatch(HAN);
  expect(text.zh, `${what} (zh)`).not.toMatch(STACK_TRACE);
  expect(text.en, `${what} (en)`).not.toMatch(STACK_TRACE);
}

/** A thrown error as the user sees it: a HallError with this code and readable text. */
export function expectUserError(e: unknown, code: string): void {
  expect(e).toMatchObject({ code });
  expectReadable(e as Bilingual, code);
}

/** What the message thread shows for a failed instruction's journaled error code, in both languages. */
export function sendFailureText(code: string, state?: string): Bilingual {
  return { zh: describeSendError(code, makeI18n('zh-Hans'), state).text, en: describeSendError(code, makeI18n('en'), state).text };
}

/** The states an instruction went through; `queued` said again (waiting for the network, a note) is one state. */
export function statesOf(kit: Kit, id: string): OutgoingState[] {
  return kit.seen.outgoing.filter((o) => o.id === id).map((o) => o.state).filter((state, i, all) => state !== all[i - 1]);
}

/** How many times the emulated SMS centre accepted this text: the count that proves "never sent twice". */
export function timesSent(emulator: ModemEmulator, text: string): number {
  return emulator.sent.filter((m) => m.part.text === text).length;
}

/** Incoming parts as they are on disk (not as the session reported them), put back together. */
export async function journaledMessages(dir: string): Promise<AssembledRecordMessage[]> {
  const bytes = await readFile(join(dir, 'journal.log'));
  const parts = decodeJournal(bytes).records.filter((r): r is IncomingRecord => r.kind === 'in');
  return assembleRecords(parts);
}

/** "Nothing lost, nothing twice": each message is in the journal exactly once, whole. */
export async function expectJournaledOnce(dir: string, messages: readonly { from: string; text: string }[]): Promise<void> {
  const journaled = await journaledMessages(dir);
  for (const { from, text } of messages) {
    const found = journaled.filter((m) => m.from === from && m.text === text);
    expect(found.map((m) => m.complete), `${from}: ${text.slice(0, 20)}…`).toEqual([true]);
  }
}

/** The parts of one message in the journal, by sender and text prefix. */
export async function journaledStartingWith(dir: string, from: string, prefix: string): Promise<AssembledRecordMessage[]> {
  return (await journaledMessages(dir)).filter((m) => m.from === from && m.text.startsWith(prefix));
}
