import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SentMessage, StoredEntry } from '../../src-main/emulator';
import { decodeJournal } from '../../src-main/services/journal';
import { JournalState, restingKey } from '../../src-main/services/journal/journal-state';
import { interpretPdu } from '../../src-main/services/modem/incoming';
import { incomingKey } from '../../src-shared/journal-key';
import type { IncomingRecord, OutgoingState } from '../../src-shared/journal-records';
import type { StoreContents } from './line-store';
import type { TestMessage } from './traffic';

export interface Verdict {
  /** Messages not in the store whole (delivered ones, and 10086's replies left incomplete). */
  lost: string[];
  /** Extra copies of a message in the store (more than the network sent of it). */
  duplicated: string[];
  /** Instructions the SMS centre accepted more than once. */
  doubleSent: string[];
  /** Instructions the journal shows neither as sent once nor as failed (e.g. left "queued" for ever). */
  unaccounted: string[];
  /** Instructions whose state in the store (the user's log) is not the journal's last word on them. */
  storeBehind: string[];
  /** Instructions the journal marks failed-retryable: "may have been sent, check before retrying". */
  failedRetryable: number;
}

/** States that say an accepted instruction went out, or may have. */
const SENT_ONCE: readonly OutgoingState[] = ['sent', 'delivered', 'failed-retryable'];
/** States that say a never-accepted instruction needs the user. */
const NOT_SENT: readonly OutgoingState[] = ['failed', 'failed-retryable'];

/** Checks the store (the user's log) and the journal against what the network delivered and accepted. */
export function judge(
  delivered: readonly TestMessage[],
  instructions: readonly string[],
  store: StoreContents,
  journal: JournalState,
  sent: readonly SentMessage[],
): Verdict {
  const messages = messagesIn(store.incoming);
  // A twin repeats its original's sender and text: each text must be in the store as often as it was sent.
  const sentTimes = countBy(delivered, (m) => `${m.from}|${m.text}`);
  const storedTimes = countBy(
    messages.filter((m) => m.complete),
    (m) => `${m.from}|${m.text}`,
  );
  const lost: string[] = [];
  const duplicated: string[] = [];
  for (const [id, times] of sentTimes) {
    const stored = storedTimes.get(id) ?? 0;
    const text = id.slice(id.indexOf('|') + 1, id.indexOf('|') + 13);
    if (stored < times) lost.push(times === 1 ? text : `${text}: ${stored} of ${times}`);
    if (stored > times) duplicated.push(`${text} ×${stored} (sent ×${times})`);
  }
  for (const m of messages) if (!m.complete) lost.push(`${m.from}: incomplete, missing part(s) ${m.missing.join(',')}`);

  const inStore = new Map<string, OutgoingState>();
  for (const r of store.outgoing) inStore.set(r.text, r.state);
  const inJournal = new Map([...journal.outgoing.values()].map((r) => [r.text, r.state]));
  const doubleSent: string[] = [];
  const unaccounted: string[] = [];
  const storeBehind: string[] = [];
  for (const text of instructions) {
    const times = sent.filter((m) => m.part.text === text).length;
    const state = inJournal.get(text);
    if (times > 1) doubleSent.push(`${text} ×${times}`);
    else if (!state || !(times === 1 ? SENT_ONCE : NOT_SENT).includes(state)) unaccounted.push(`${text}: sent ${times}×, journal says ${state ?? 'nothing'}`);
    if (state !== inStore.get(text)) storeBehind.push(`${text}: journal ${state ?? 'nothing'}, store ${inStore.get(text) ?? 'nothing'}`);
  }
  const failedRetryable = instructions.filter((t) => inJournal.get(t) === 'failed-retryable').length;
  return { lost, duplicated, doubleSent, unaccounted, storeBehind, failedRetryable };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

interface StoredMessage {
  from: string;
  timestamp: string;
  text: string;
  missing: number[];
  complete: boolean;
}

/**
 * The store's parts put back together by sender, service-centre time, reference and total. Unlike a
 * UI's reassembly this needs no guesswork: the SMS centre stamps all parts of a message with one
 * time, and a long run reuses the 8-bit references, so the reference alone would join strangers.
 */
function messagesIn(parts: readonly IncomingRecord[]): StoredMessage[] {
  const groups = new Map<string, IncomingRecord[]>();
  for (const p of parts) {
    const id = p.concat ? `${p.from}|${p.timestamp}|${p.concat.ref}|${p.concat.total}` : p.key;
    groups.set(id, [...(groups.get(id) ?? []), p]);
  }
  return [...groups.values()].map((group) => {
    const total = group[0]!.concat?.total ?? 1;
    const byPart = new Map(group.map((p) => [p.concat?.part ?? 1, p.text]));
    const missing = Array.from({ length: total }, (_, i) => i + 1).filter((n) => !byPart.has(n));
    const text = Array.from({ length: total }, (_, i) => byPart.get(i + 1) ?? '').join('');
    return { from: group[0]!.from, timestamp: group[0]!.timestamp, text, missing, complete: missing.length === 0 };
  });
}

/** The windows a kill can land in that matter for "nothing lost, nothing twice". */
export type CrashWindow = 'journaled, still on the SIM' | 'journaled, not yet stored' | 'stored, not yet acknowledged' | 'instruction mid-send';

/** Which windows the killed process was in, from what it left on the SIM, in its journal and in the store. */
export async function windowsAt(dataDir: string, store: StoreContents, sim: readonly StoredEntry[]): Promise<CrashWindow[]> {
  const journal = await readJournal(dataDir);
  const stored = new Set(store.incoming.map((r) => r.key));
  const pending = [...journal.pending.keys()];
  const onSim = sim.flatMap(({ message }) => {
    const meaning = message.kind === 'deliver' ? interpretPdu(message.pdu, '', new Date()) : null;
    if (meaning?.kind !== 'message') return [];
    const { from, timestamp, text, concat } = meaning.message;
    return [incomingKey({ from, timestamp, text, ...concat })];
  });
  const windows: CrashWindow[] = [];
  if (onSim.some((k) => journal.known.has(k) || journal.known.has(restingKey(k)))) windows.push('journaled, still on the SIM');
  if (pending.some((k) => !stored.has(k))) windows.push('journaled, not yet stored');
  if (pending.some((k) => stored.has(k))) windows.push('stored, not yet acknowledged');
  if ([...journal.outgoing.values()].some((r) => r.state === 'sending')) windows.push('instruction mid-send');
  return windows;
}

/** The journal as the next start would find it (read without taking its lock: the writer is gone or idle). */
export async function readJournal(dataDir: string): Promise<JournalState> {
  const log = await readFile(join(dataDir, 'journal.log')).catch(() => new Uint8Array());
  return JournalState.replay(decodeJournal(log).records);
}
