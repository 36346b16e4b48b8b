import { assembleRecords } from './assemble';
import type { IncomingRecord } from './journal-records';
import { rekeptUnreadableText } from './pdu';

/** What the texts of one message's parts (in part order, null where one has not come) become at rest: secrets masked. */
export type PartsMask = (parts: readonly (string | null)[]) => (string | null)[];

/**
 * The records with their texts masked, the parts of each long message together as the message reads,
 * a part that has not come (or is not among these) as missing: a piece of a secret cut off by it is masked too.
 */
export function maskedAsMessages(records: readonly IncomingRecord[], mask: PartsMask): IncomingRecord[] {
  const byKey = new Map(records.map((r) => [r.key, r]));
  const texts = new Map(records.map((r) => [r.key, r.text]));
  for (const message of assembleRecords(records)) {
    const at = (key: string) => (byKey.get(key)!.concat?.part ?? 1) - 1;
    // A part numbered 0 or past its total is no place in a message: masked alone.
    const fits = message.keys.every((key) => at(key) >= 0 && at(key) < message.total);
    for (const keys of fits ? [message.keys] : message.keys.map((key) => [key])) {
      const slot = (key: string) => (fits ? at(key) : 0);
      const layout: (string | null)[] = Array.from({ length: fits ? message.total : 1 }, () => null);
      for (const key of keys) layout[slot(key)] = texts.get(key)!;
      const masked = mask(layout);
      for (const key of keys) texts.set(key, masked[slot(key)]!);
    }
  }
  return records.map((r) => ({ ...r, text: texts.get(r.key)! }));
}

/**
 * One received part's text as the journal writes it at rest (Journal.atRest) and masks it again: a part of a long
 * message masked alone, as the only one of its message there is (a piece of a secret at its cut too); an unreadable part
 * kept as its bytes as this version keeps it (rekeptAtRest); any other single SMS straight through the mask. The page's
 * re-mask pass masks a received row an older masker masked with it (remask.ts), so a text is masked there as here.
 */
export function receivedTextAtRest(record: IncomingRecord, mask: PartsMask): string {
  if (record.concat !== null) return maskedAsMessages([record], mask)[0]!.text;
  return rekeptAtRest(record, mask) ?? mask([record.text])[0] ?? record.text;
}

/**
 * A received part's text when it is an unreadable part kept as its bytes, as this version keeps it (rekeptUnreadableText:
 * one an older version kept whole, its digits hidden now, or read leniently and masked); null for any other part.
 */
export function rekeptAtRest(record: IncomingRecord, mask: PartsMask): string | null {
  // Such a part is journaled single, from no sender at no time (unreadableMessage).
  if (record.concat !== null || record.from !== '' || record.timestamp !== '') return null;
  return rekeptUnreadableText(record.text, (text) => mask([text])[0] ?? text);
}
