import type { Request } from '../../src-shared/api/contract';
import { SETTLED_PARTS_KEPT_DAYS } from '../../src-shared/journal-records';
import type { HallDb } from './db';

const DAY_MS = 24 * 60 * 60 * 1000;
/** What one `journal.parts` request may ask about. */
const MESSAGES_PER_REQUEST = 200;

export type LongMessageRefs = Request<'journal.parts'>['messages'];

/**
 * The long messages this log holds incomplete and the journal may still have the rest of (received
 * within the days it keeps acknowledged parts), each as the journal finds its parts, in requests
 * of at most MESSAGES_PER_REQUEST.
 */
export async function incompleteLongMessages(db: HallDb, now: number): Promise<LongMessageRefs[]> {
  const incomplete = await db.messages
    .where('at')
    .aboveOrEqual(now - SETTLED_PARTS_KEPT_DAYS * DAY_MS)
    .filter((m) => m.direction === 'in' && !m.complete && m.group !== undefined)
    .toArray();
  const anyPart = await db.parts.bulkGet(incomplete.map((m) => m.partKeys.find((k) => k !== null) ?? ''));
  const refs = anyPart.flatMap((p, i) => (p && p.ref !== null ? [{ simId: p.simId, from: p.from, ref: p.ref, total: p.total, at: incomplete[i]!.at }] : []));
  const requests: LongMessageRefs[] = [];
  for (let i = 0; i < refs.length; i += MESSAGES_PER_REQUEST) requests.push(refs.slice(i, i + MESSAGES_PER_REQUEST));
  return requests;
}
