import { occurrenceKey, oldKeyBase } from '../../../src-shared/journal-key';
import type { JournalRecord } from '../../../src-shared/journal-records';
import { restingKey } from './journal-state';

/**
 * A journal written before review18 keys a long message's parts, and one written before review19 a
 * single SMS, with the text's CRC-32, which names a password or code in a known template; the journal
 * keeps pending ones until the store has them, acknowledged parts a week and held ones until their
 * delete is journaled. This moves every such key to the key of now (`…|part|*`,
 * numbered `#2`, `#3`… after the keys the file already has with those fields), in every line that
 * names it, and leaves every record where it was: nothing pending, held or kept changes but its key.
 * `moved` maps each old key to its new one, for a store that acknowledges by an old key after the upgrade.
 */
export function withPartKeysMoved(records: readonly JournalRecord[]): { records: JournalRecord[]; moved: Map<string, string> } {
  const moved = new Map<string, string>();
  if (!records.some((r) => keysOf(r).some((key) => oldKeyBase(key) !== null))) return { records: [...records], moved };
  // Keys of the new form the file has already (remembered ones rest as `…|*#n`): a moved key takes none of them.
  const taken = new Set<string>();
  for (const r of records) for (const key of keysOf(r)) if (r.kind === 'seen' || oldKeyBase(key) === null) taken.add(atRest(key));
  for (const r of records) {
    if (r.kind !== 'in' || moved.has(r.key)) continue;
    const base = oldKeyBase(r.key);
    if (base === null) continue;
    let n = 1;
    while (taken.has(occurrenceKey(base, n))) n++;
    taken.add(occurrenceKey(base, n));
    moved.set(r.key, occurrenceKey(base, n));
  }
  // An old key whose `in` line is not there (damaged) is left out of acks and gones: mapped by guess it could name another part.
  const known = (keys: readonly string[]) => keys.flatMap((key) => (oldKeyBase(key) === null ? [key] : moved.has(key) ? [moved.get(key)!] : []));
  const out = records.map((r): JournalRecord => {
    switch (r.kind) {
      case 'in':
        return moved.has(r.key) ? { ...r, key: moved.get(r.key)! } : r;
      case 'ack':
      case 'gone':
        return { ...r, keys: known(r.keys) };
      case 'seen':
        return { ...r, keys: r.keys.map(([key, at]) => [atRest(key), at] as [string, number]) };
      default:
        return r;
    }
  });
  return { records: out, moved };
}

/** A remembered key as it rests: an old key without its checksum (the form of a key now). */
function atRest(key: string): string {
  return oldKeyBase(key) === null ? key : restingKey(key);
}

function keysOf(r: JournalRecord): string[] {
  switch (r.kind) {
    case 'in':
      return [r.key];
    case 'ack':
    case 'gone':
      return r.keys;
    case 'seen':
      return r.keys.map(([key]) => key);
    default:
      return [];
  }
}
