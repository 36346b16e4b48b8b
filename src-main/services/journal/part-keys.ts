import { occurrenceKey, oldKeyBase } from '../../../src-shared/journal-key';
import { crc32Hex } from '../../../src-shared/crc32';
import type { IncomingRecord, JournalRecord } from '../../../src-shared/journal-records';
import { restingKey } from './journal-state';

/**
 * A journal written before review18 keys a long message's parts, and one written before review19 a
 * single SMS, with the text's CRC-32, which names a password or code in a known template; the journal
 * keeps pending ones until the store has them, acknowledged parts a week and held ones until their
 * delete is journaled. This moves every such key to the key of now (`…|part|*`,
 * numbered `#2`, `#3`… after the keys the file already has with those fields), in every line that
 * names it, and leaves every record where it was: nothing pending, held or kept changes but its key.
 * `moved` maps each old key to its new one, for a store that acknowledges by an old key after the upgrade; each
 * moved part is followed by a `maybe` line naming its old key, which a store may hold it under.
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
  // The old keys of the parts pending at the move, by their name at rest (the checksum left out): how many parts each
  // such name stands for. A part acknowledged before the move is not counted (review48 F3: counted, it left one pending
  // of its name waiting for good for an old key no page gives again, and a page holding it stored it twice); nor is a
  // key only an `ack`, `gone` or `seen` line names.
  const acked = new Set(records.flatMap((r) => (r.kind === 'ack' ? r.keys : [])));
  const byName = new Map<string, Set<string>>();
  for (const r of records) {
    if (r.kind !== 'in' || oldKeyBase(r.key) === null || acked.has(r.key)) continue;
    const name = namesOfOldKey(r.key)[1];
    byName.set(name, (byName.get(name) ?? new Set()).add(r.key));
  }
  const alikeOf = (key: string) => byName.get(namesOfOldKey(key)[1])?.size ?? 1;
  // An old key whose `in` line is not there (damaged) is left out of acks and gones: mapped by guess it could name another part.
  const known = (keys: readonly string[]) => keys.flatMap((key) => (oldKeyBase(key) === null ? [key] : moved.has(key) ? [moved.get(key)!] : []));
  const out = records.flatMap((r): JournalRecord | JournalRecord[] => {
    switch (r.kind) {
      case 'in':
        // A store may hold it under its old key, got before the upgrade and not acknowledged: said in a line of
        // its own (review20 said it for the start that moved it only; journal21: until it is acknowledged).
        // The old key's checksum is left out of that line (it names a code), to be worked out from the pending text.
        if (!moved.has(r.key)) return r;
        return [{ ...r, key: moved.get(r.key)! }, ...maybeLine(moved.get(r.key)!, r, alikeOf(r.key))];
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

/** Stands, in a `maybe` line, for the checksum of the text of the part it names (the key a store got before the upgrade). */
const CHECKSUM_OF_TEXT = '?';

/**
 * The `maybe` line of a part moved to `key` from the old key of `r`, its checksum left out; none when the checksum is not
 * its text's. `alike`: how many old keys of the log read as its name once the checksum is no longer on disk (MaybeRecord).
 */
function maybeLine(key: string, r: IncomingRecord, alike: number): JournalRecord[] {
  const checksum = /\|([0-9a-f]{8})(#\d+)?$/.exec(r.key);
  if (!checksum || checksum[1] !== textChecksum(r.text)) return [];
  const storedAs = r.key.slice(0, checksum.index + 1) + CHECKSUM_OF_TEXT + (checksum[2] ?? '');
  return [{ kind: 'maybe', key, storedAs, ...(alike > 1 ? { alike } : {}) }];
}

const PLACEHOLDER = new RegExp(`\\|\\${CHECKSUM_OF_TEXT}(#\\d+)?$`);

/**
 * Stands, in a `maybe` line, for the checksum of a text no longer on disk: the part is masked at rest (mend41), and the
 * checksum of the clear text names its secret as much as the text does, so it is not written either.
 */
const CHECKSUM_OF_CLEAR_TEXT = '~';

const CHECKSUM = /\|[0-9a-f]{8}(#\d+)?$/;
const UNKNOWN_CHECKSUM = new RegExp(`\\|${CHECKSUM_OF_CLEAR_TEXT}(#\\d+)?$`);

/**
 * The records as they rest once `changed` parts were masked: the `maybe` line of a moved part whose text the mask
 * changed names its old key by a checksum the next start cannot work out (before, it worked out the masked text's, a
 * wrong key). Memory keeps the clear text and the name it had, so this run still hands out the very old key.
 */
export function namesAtRest(records: readonly JournalRecord[], changed: ReadonlySet<string>): JournalRecord[] {
  return records.map((r) =>
    r.kind === 'maybe' && changed.has(r.key) ? { ...r, storedAs: r.storedAs.replace(PLACEHOLDER, (_, n: string | undefined) => `|${CHECKSUM_OF_CLEAR_TEXT}${n ?? ''}`) } : r,
  );
}

/** A `maybe` line's `storedAs` as the store holds it: the checksum put back from the pending part's own text; null when it cannot be. */
export function storedAsOf(storedAs: string, text: string): string | null {
  if (UNKNOWN_CHECKSUM.test(storedAs)) return null;
  const placeholder = PLACEHOLDER.exec(storedAs);
  return placeholder ? `${storedAs.slice(0, placeholder.index)}|${textChecksum(text)}${placeholder[1] ?? ''}` : storedAs;
}

/** Whether a `maybe` line's `storedAs` names its old key without the checksum (a text no longer on disk): parts may read alike by it. */
export function namedAtRest(storedAs: string): boolean {
  return UNKNOWN_CHECKSUM.test(storedAs);
}

/**
 * What an acknowledgement by `key`, an old key, may name in a `maybe` line: itself (its checksum worked out from a text
 * held clear), or the same key with the checksum of a text masked at rest.
 */
export function namesOfOldKey(key: string): [string, string] {
  return [key, key.replace(CHECKSUM, (_, n: string | undefined) => `|${CHECKSUM_OF_CLEAR_TEXT}${n ?? ''}`)];
}

function textChecksum(text: string): string {
  return crc32Hex(new TextEncoder().encode(text));
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
