import type { ThreadSlice } from '../../store/queries';
import type { MessageRow } from '../../store/rows';

/** Windows are read in whole chunks, so scrolling a little does not query again. */
export const CHUNK = 100;
/** Rows read beyond the visible ones on each side. */
export const MARGIN = 40;

export type WindowRequest = Pick<ThreadSlice, 'skip' | 'take'>;

/** The request covering the visible list indices (oldest = 0) with a margin, on chunk bounds. */
export function windowFor(first: number, last: number, count: number): WindowRequest {
  const from = Math.max(0, count - 1 - last - MARGIN);
  const to = Math.min(count, count - first + MARGIN);
  const skip = Math.floor(from / CHUNK) * CHUNK;
  return { skip, take: Math.max(CHUNK, Math.ceil(to / CHUNK) * CHUNK - skip) };
}

/** Whether the request already holds every visible index. */
export function covers(request: WindowRequest, first: number, last: number, count: number): boolean {
  const from = count - 1 - last;
  const to = count - 1 - first;
  return from >= request.skip && to < request.skip + request.take;
}

export interface RowAt {
  row: MessageRow;
  /** The message just before it, or null for the very first message of the thread. */
  previous: MessageRow | null;
}

/** The message at list index `index` (oldest = 0), or null while its window is being read. */
export function rowAt(slice: ThreadSlice, index: number): RowAt | null {
  const fromNewest = slice.count - 1 - index;
  const k = fromNewest - slice.skip;
  if (k < 0 || k >= slice.take) return null;
  const row = slice.rows[k];
  if (!row) return null;
  const previous = slice.rows[k + 1];
  if (previous) return { row, previous };
  return fromNewest === slice.count - 1 ? { row, previous: null } : null;
}
