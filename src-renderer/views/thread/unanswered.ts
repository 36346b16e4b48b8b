import type { MessageRow } from '../../store/rows';

/** 10086 answers most instructions within a minute: after three minutes of nothing, the thread says so. */
export const NO_REPLY_AFTER_MS = 3 * 60_000;

const GONE_OUT: ReadonlySet<MessageRow['state']> = new Set(['sent', 'delivered']);

/**
 * The thread's newest message when it is an instruction that went out and nothing has come back for
 * NO_REPLY_AFTER_MS, else null. Only the newest: a reply that came, or a later message, ends the wait.
 */
export function unanswered(newest: MessageRow | null, now: number): MessageRow | null {
  if (!newest || newest.direction !== 'out' || !GONE_OUT.has(newest.state)) return null;
  return now - newest.at >= NO_REPLY_AFTER_MS ? newest : null;
}
