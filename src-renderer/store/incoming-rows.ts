import { maskerStampOf, type HandedOutRecord } from '../../src-shared/journal-records';
import { firstReceivedAt, joinSlots, messageIdFor, type Generation } from './reassembly';
import type { MessageRow, PartRow } from './rows';

/** The peer of every thread the UI shows: the SMS business hall. */
export const HALL_PEER = '10086';

/** `+8610086` and `10086` are the same correspondent; so are `008613800138000` and `13800138000`. */
export function threadPeer(number: string): string {
  return number.replace(/^(\+|00)86(?=\d{3,})/, '');
}

export function partRow(record: HandedOutRecord, messageId: string): PartRow {
  return {
    key: record.key,
    messageId,
    simId: record.simId,
    from: record.from,
    text: record.text,
    encoding: record.encoding,
    timestamp: record.timestamp,
    receivedAt: record.receivedAt,
    ref: record.concat?.ref ?? null,
    total: record.concat?.total ?? 1,
    part: record.concat?.part ?? 1,
    ...maskerStampOf(record),
  };
}

export function singleMessageRow(record: HandedOutRecord): MessageRow {
  return {
    id: messageIdFor(record.key),
    simId: record.simId,
    direction: 'in',
    peer: threadPeer(record.from),
    text: record.text,
    state: 'received',
    at: record.receivedAt,
    read: 0,
    timestamp: record.timestamp,
    partKeys: [record.key],
    complete: true,
    total: 1,
    received: 1,
    ...maskerStampOf(record),
  };
}

/** A long message as it stands; it becomes unread again whenever a part arrives. */
export function generationMessageRow(generation: Generation, simId: string, from: string): MessageRow {
  const present = generation.slots.filter((s) => s !== null);
  return {
    id: generation.messageId,
    simId,
    direction: 'in',
    peer: threadPeer(from),
    text: joinSlots(generation.slots),
    state: 'received',
    at: firstReceivedAt(generation),
    read: 0,
    timestamp: present[0]?.timestamp ?? '',
    group: generation.group,
    partKeys: generation.slots.map((s) => s?.key ?? null),
    complete: present.length === generation.slots.length,
    total: generation.slots.length,
    received: present.length,
    ...(generation.uncertain ? { uncertain: true } : {}),
    ...oldestMasker(present),
  };
}

/**
 * A long message's masker (MessageRow.masker): the oldest of its parts' when every part there is stamped; none when one
 * is as it came (its text is not to be masked again, the rest of the message's is, through its part rows: remask.ts).
 */
function oldestMasker(present: readonly { masker?: number }[]): { masker?: number } {
  const stamps = present.map((s) => s.masker);
  return stamps.length > 0 && stamps.every((m) => m !== undefined) ? { masker: Math.min(...(stamps as number[])) } : {};
}

/** Rebuilds a stored long message's generation from its row and its part rows. */
export function storedGeneration(message: MessageRow, parts: ReadonlyMap<string, PartRow>): Generation | null {
  if (!message.group) return null;
  return {
    messageId: message.id,
    group: message.group,
    slots: message.partKeys.map((key) => {
      const part = key ? parts.get(key) : undefined;
      return part ? { key: part.key, text: part.text, timestamp: part.timestamp, receivedAt: part.receivedAt, encoding: part.encoding, ...maskerStampOf(part) } : null;
    }),
    ...(message.uncertain ? { uncertain: true } : {}),
  };
}
