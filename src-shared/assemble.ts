import type { IncomingRecord } from './journal-records';
import { joinPartTexts } from './pdu/gsm7';
import { mixedUpSendings, SAME_SENDING_MS } from './sending-order';

/** A message put back together from the journal's parts. */
export interface AssembledRecordMessage {
  simId: string;
  from: string;
  text: string;
  timestamp: string;
  receivedAt: number;
  keys: string[];
  total: number;
  /** Part numbers still missing (empty when complete). */
  missing: number[];
  complete: boolean;
  /**
   * A part of it could as well have been another message's: two sendings under one reference, stamped
   * the same second, in one encoding, both missing that part (nearestSendings), or two such sendings whose
   * texts are not the same part for part, whatever order they came in (mixedUpSendings). The text may join two replies.
   */
  uncertain: boolean;
}

/**
 * Parts of one long SMS share sender, reference and total. References are small counters that
 * senders reuse, so a part only joins a message first seen within this window (and one that does
 * not have that part yet); older messages with the same reference are other messages.
 */
export const REASSEMBLY_WINDOW_MS = 3 * 24 * 3600_000;

/**
 * How far a part stamped `stamp` is from the nearest of `others` (ms); Infinity when either cannot be
 * read. Of the messages a part may join, it joins the nearest: two sendings under one reference within
 * SAME_SENDING_MS, read interleaved (A1, B1, B2, A2), took each other's parts when the oldest message
 * missing the number took it (review17).
 */
export function sendingDistance(stamp: string, others: readonly string[]): number {
  const at = Date.parse(stamp);
  const known = others.map((o) => Date.parse(o)).filter((t) => !Number.isNaN(t));
  return Number.isNaN(at) || known.length === 0 ? Infinity : Math.min(...known.map((t) => Math.abs(t - at)));
}

/**
 * Every one of `candidates` (oldest first) stamped nearest to `stamp`, oldest first. More than one: two
 * sendings under one reference and part count, stamped the same second (or unreadable stamps), each
 * missing this part. Sender, reference, part count, stamp and encoding are all a part carries that tells
 * a sending; the modem's slot order is no proof (a freed low slot is filled first). The part goes to the
 * oldest, and both messages are marked uncertain: shown as possibly joined wrong, no figures
 * read from them, rather than silently mixed.
 */
export function nearestSendings<T>(candidates: readonly T[], stamp: string, stampsOf: (candidate: T) => readonly string[]): T[] {
  let best: T[] = [];
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = sendingDistance(stamp, stampsOf(candidate));
    if (best.length === 0 || distance < bestDistance) [best, bestDistance] = [[candidate], distance];
    else if (distance === bestDistance) best.push(candidate);
  }
  return best;
}

/** A message being put together: its parts, and what finding it again costs nothing to know. */
interface Joining {
  parts: IncomingRecord[];
  /** Its place among the messages of its group and encoding, oldest first: the order ties are read in. */
  order: number;
  /** When its first part was received: the window is counted from it. */
  firstReceivedAt: number;
  /** The part numbers it holds. */
  held: Set<number>;
  /** Its parts' readable stamps (ms). */
  stamps: number[];
  /** Marked uncertain by a tie (nearestSendings): such a message is marked once, never looked for again to mark. */
  marked: boolean;
}

/**
 * A readable stamp of a message, in a list sorted by stamp then the message's age (`order`, fixed when it starts): a
 * part's nearest messages are a run around it. The page's Reassembler keeps such lists too.
 */
export interface StampOf<T> {
  at: number;
  order: number;
  message: T;
}

/**
 * How far the messages of `list` nearest to a part stamped `at` (a readable stamp) that are `open` to it are, as
 * nearestSendings tells it: each side scanned from the stamp up to its first open message, no further than
 * SAME_SENDING_MS (maySendTogether); Infinity when none is that near.
 */
function nearestDistance<T>(list: readonly StampOf<T>[], at: number, open: (message: T) => boolean): number {
  const from = lowerBound(list, at, -1);
  let best = Infinity;
  for (let i = from; i < list.length && list[i]!.at - at <= SAME_SENDING_MS; i++) {
    if (!open(list[i]!.message)) continue;
    best = list[i]!.at - at;
    break;
  }
  for (let i = from - 1; i >= 0 && at - list[i]!.at <= Math.min(best, SAME_SENDING_MS); i--) {
    if (!open(list[i]!.message)) continue;
    best = at - list[i]!.at;
    break;
  }
  return best;
}

/** The entries of `list` stamped exactly `best` before or after `at` (each run sorted by the message's age). */
function* stampedAt<T>(list: readonly StampOf<T>[], at: number, best: number): Generator<StampOf<T>> {
  for (let i = lowerBound(list, at - best, -1); i < list.length && list[i]!.at === at - best; i++) yield list[i]!;
  if (best > 0) for (let i = lowerBound(list, at + best, -1); i < list.length && list[i]!.at === at + best; i++) yield list[i]!;
}

/**
 * The messages of `list` nearest to a part stamped `at` (a readable stamp) that are `open` to it, oldest first, as
 * nearestSendings tells them (nearestDistance); null when none is that near.
 */
export function nearestRun<T>(list: readonly StampOf<T>[], at: number, open: (message: T) => boolean): T[] | null {
  const best = nearestDistance(list, at, open);
  if (best === Infinity) return null;
  // A message with a part in each run, or two parts of one stamp, counted once.
  const tied = new Map<T, number>();
  for (const { order, message } of stampedAt(list, at, best)) if (open(message)) tied.set(message, order);
  return tied.size === 1 ? [...tied.keys()] : [...tied].sort((a, b) => a[1] - b[1]).map(([message]) => message);
}

/** The first entry of `list` stamped exactly `at` whose message is `open` and not `other`. */
function firstOpenAt<T>(list: readonly StampOf<T>[], at: number, open: (message: T) => boolean, other?: T): StampOf<T> | undefined {
  for (let i = lowerBound(list, at, -1); i < list.length && list[i]!.at === at; i++) {
    const e = list[i]!;
    if (e.message !== other && open(e.message)) return e;
  }
  return undefined;
}

/**
 * nearestRun for a joiner that marks: the oldest of the nearest `open` messages of `list` (it takes the part) and, when
 * several are as near, those of them to mark: the ones not `marked` yet, found in `unmarked` (the entries of `list` whose
 * message was not marked when it entered; a marked one left there is skipped). A part tied with thousands of messages
 * stamped as it is (a flood under one stamp) so looks at each tied message once, when it is marked, not at every part
 * (review29, mend34). null when none is near enough.
 */
export function nearestToMark<T>(
  list: readonly StampOf<T>[],
  unmarked: readonly StampOf<T>[],
  at: number,
  open: (message: T) => boolean,
  marked: (message: T) => boolean,
): { oldest: T; mark: T[] } | null {
  const best = nearestDistance(list, at, open);
  if (best === Infinity) return null;
  // The oldest open message of each run stamped `best` away, and a second one: two tell a tie.
  const firsts = [at - best, ...(best > 0 ? [at + best] : [])].flatMap((stamp) => {
    const first = firstOpenAt(list, stamp, open);
    const second = first && firstOpenAt(list, stamp, open, first.message);
    return [first, second].filter((e) => e !== undefined);
  });
  const oldest = firsts.reduce((a, b) => (b.order < a.order ? b : a)).message;
  if (!firsts.some((e) => e.message !== oldest)) return { oldest, mark: [] };
  const mark = new Set<T>(marked(oldest) ? [] : [oldest]);
  for (const { message } of stampedAt(unmarked, at, best)) if (!marked(message) && open(message)) mark.add(message);
  return { oldest, mark: [...mark] };
}

/** Where a part goes (the oldest of its nearest messages), and those of them to mark uncertain that were not yet. */
interface Placing {
  join: Joining | undefined;
  mark: Joining[];
}

/** The messages of one group (SIM, sender, reference, part count) in one encoding, indexed by the part number they lack. */
class Shelf {
  private readonly messages: Joining[] = [];
  /**
   * Per part number, the readable stamps of the messages not holding it (those a part with that number may join),
   * sorted by (at, order).
   */
  private readonly lacking = new Map<number, StampOf<Joining>[]>();
  /**
   * The same for the messages not yet marked: a part that ties with thousands of messages stamped as it is (a flood
   * under one stamp) looks only at those still to mark, each marked once, not at every tied one again (mend34).
   */
  private readonly unmarked = new Map<number, StampOf<Joining>[]>();
  /** How many messages have no readable stamp: a part stamped readably looks at them only when some have none. */
  private unstamped = 0;

  /**
   * Where `part`, stamped `at` (NaN: unreadable) and received at `receivedAt`, goes: the oldest of the messages it may
   * join, nearest first as nearestSendings tells them; when several are as near, each of them is marked (`mark`: those
   * not marked before).
   */
  place(part: number, at: number, receivedAt: number): Placing {
    const open = (m: Joining) => receivedAt - m.firstReceivedAt <= REASSEMBLY_WINDOW_MS && !m.held.has(part);
    // An unreadable stamp is as far from every message (Infinity): all of them tie. Rare (a modem's quirk): read one by one.
    if (Number.isNaN(at)) return this.tied(this.messages.filter(open));
    const lacking = this.lackingOf(part);
    const near = nearestToMark(lacking, this.unmarked.get(part)!, at, open, (m) => m.marked);
    // None stamped near enough (maySendTogether): those with no readable stamp, all as far (Infinity).
    if (near === null) return this.tied(this.unstamped === 0 ? [] : this.messages.filter((m) => m.stamps.length === 0 && open(m)));
    return { join: near.oldest, mark: this.marking(near.mark) };
  }

  /** `near`, oldest first, as the part's candidates: the oldest takes it, all are marked when more than one. */
  private tied(near: Joining[]): Placing {
    return { join: near[0], mark: near.length > 1 ? this.marking(near.filter((m) => !m.marked)) : [] };
  }

  private marking(messages: Joining[]): Joining[] {
    for (const message of messages) {
      message.marked = true;
      for (const [number, list] of this.unmarked) {
        if (!message.held.has(number)) for (const stamp of message.stamps) removeStamp(list, { at: stamp, order: message.order, message });
      }
    }
    return messages;
  }

  start(record: IncomingRecord, part: number, at: number): Joining {
    const message: Joining = { parts: [], order: this.messages.length, firstReceivedAt: record.receivedAt, held: new Set(), stamps: [], marked: false };
    this.messages.push(message);
    this.unstamped++;
    this.add(message, record, part, at);
    return message;
  }

  add(message: Joining, record: IncomingRecord, part: number, at: number): void {
    message.parts.push(record);
    // NaN === NaN is false: compared part by part, a message never held a NaN-numbered part, so none is kept held.
    if (Number.isNaN(part)) return this.addStamp(message, at);
    message.held.add(part);
    for (const index of [this.lacking, this.unmarked]) {
      const lacking = index.get(part);
      if (lacking) for (const stamp of message.stamps) removeStamp(lacking, { at: stamp, order: message.order, message });
    }
    this.addStamp(message, at);
  }

  private addStamp(message: Joining, at: number): void {
    if (Number.isNaN(at)) return;
    if (message.stamps.push(at) === 1) this.unstamped--;
    for (const index of message.marked ? [this.lacking] : [this.lacking, this.unmarked]) {
      for (const [number, lacking] of index) {
        if (!message.held.has(number)) insertStamp(lacking, { at, order: message.order, message });
      }
    }
  }

  /** Built the first time a part with this number comes: from then on kept up as messages gain parts (and marks). */
  private lackingOf(part: number): StampOf<Joining>[] {
    let lacking = this.lacking.get(part);
    if (lacking) return lacking;
    lacking = [];
    for (const message of this.messages) {
      if (!message.held.has(part)) for (const at of message.stamps) lacking.push({ at, order: message.order, message });
    }
    lacking.sort((a, b) => a.at - b.at || a.order - b.order);
    this.lacking.set(part, lacking);
    this.unmarked.set(part, lacking.filter((e) => !e.message.marked));
    return lacking;
  }
}

/** The first index of `list` at or after (at, order). */
function lowerBound<T>(list: readonly StampOf<T>[], at: number, order: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const e = list[mid]!;
    if (e.at < at || (e.at === at && e.order < order)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insertStamp<T>(list: StampOf<T>[], stamp: StampOf<T>): void {
  list.splice(lowerBound(list, stamp.at, stamp.order + 1), 0, stamp);
}

export function removeStamp<T>(list: StampOf<T>[], stamp: StampOf<T>): void {
  const i = lowerBound(list, stamp.at, stamp.order);
  if (list[i]?.message === stamp.message) list.splice(i, 1);
}

/**
 * Groups received parts into messages, keyed on SIM + sender + reference + total (never on the
 * reference alone, which different senders reuse) and stamped together (maySendTogether, the nearest
 * such message when several are: nearestSendings), in any arrival order (the order read: by `receivedAt`,
 * then as given). Incomplete messages are returned too, with what is missing: never dropped.
 * Each part finds its messages through an index by group, encoding, part number lacking and stamp (Shelf), not by
 * comparing it with every message of its group: one reference flooded with thousands of parts stays n log n
 * (join30, `npm run bench -- joining`); which message a part joins and which are marked is as comparing gave.
 */
export function assembleRecords(records: readonly IncomingRecord[]): AssembledRecordMessage[] {
  const groups = new Map<string, IncomingRecord[][]>();
  /** Per group, the keys joined (a part read again goes nowhere new) and a shelf per encoding. */
  const joining = new Map<string, { keys: Set<string>; shelves: Map<string | undefined, Shelf> }>();
  const uncertain = new Set<IncomingRecord[]>();
  for (const r of [...records].sort((a, b) => a.receivedAt - b.receivedAt)) {
    if (!r.concat) {
      // A single SMS is a group of its own (its key): never two messages, never mixed.
      const id = `single|${r.key}`;
      if (!groups.has(id)) groups.set(id, [[r]]);
      continue;
    }
    const id = `${r.simId}|${r.from}|${r.concat.ref}|${r.concat.total}`;
    let messages = groups.get(id);
    let group = joining.get(id);
    if (!messages || !group) {
      groups.set(id, (messages = []));
      joining.set(id, (group = { keys: new Set(), shelves: new Map() }));
    }
    if (group.keys.has(r.key)) continue;
    group.keys.add(r.key);
    // One sender's segmenter writes every part of a message in one encoding: a shelf per encoding.
    let shelf = group.shelves.get(r.encoding);
    if (!shelf) group.shelves.set(r.encoding, (shelf = new Shelf()));
    const at = Date.parse(r.timestamp);
    const { join: message, mark } = shelf.place(r.concat.part, at, r.receivedAt);
    for (const m of mark) uncertain.add(m.parts);
    if (message) shelf.add(message, r, r.concat.part, at);
    else messages.push(shelf.start(r, r.concat.part, at).parts);
  }
  return readJoined(groups, uncertain);
}

/**
 * The messages of `groups` (group id to its messages, each its parts in the order joined), as assembleRecords
 * returns them: marked uncertain where `uncertain` holds them or mixedUpSendings finds them. Apart from the
 * joining so that the quadratic joiner kept as a reference in tests reads its groups the very same way.
 */
export function readJoined(groups: ReadonlyMap<string, IncomingRecord[][]>, uncertain: Set<IncomingRecord[]>): AssembledRecordMessage[] {
  const sendings = [...groups].flatMap(([id, messages]) => messages.map((parts) => ({ id, parts })));
  const read = ({ id, parts }: { id: string; parts: IncomingRecord[] }) => ({
    group: id,
    encoding: parts[0]!.encoding,
    parts: parts.map((p) => ({ part: p.concat?.part ?? 1, text: p.text, stamp: p.timestamp })),
  });
  for (const { parts } of mixedUpSendings(sendings, read)) uncertain.add(parts);
  return [...groups.values()].flat().map((parts) => {
    const unsure = uncertain.has(parts);
    const sorted = [...parts].sort((a, b) => (a.concat?.part ?? 1) - (b.concat?.part ?? 1));
    const total = sorted[0]!.concat?.total ?? 1;
    const have = new Set(sorted.map((p) => p.concat?.part ?? 1));
    const missing = Array.from({ length: total }, (_, i) => i + 1).filter((n) => !have.has(n));
    const first = sorted[0]!;
    return {
      simId: first.simId,
      from: first.from,
      text: joinPartTexts(sorted.flatMap((p, i) => (i > 0 && (p.concat?.part ?? 1) !== (sorted[i - 1]!.concat?.part ?? 1) + 1 ? [null, p] : [p]))),
      timestamp: first.timestamp,
      receivedAt: Math.min(...sorted.map((p) => p.receivedAt)),
      keys: sorted.map((p) => p.key),
      total,
      missing,
      complete: missing.length === 0,
      uncertain: unsure,
    };
  });
}
