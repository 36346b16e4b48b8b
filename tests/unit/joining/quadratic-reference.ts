import { nearestSendings, readJoined, REASSEMBLY_WINDOW_MS, type AssembledRecordMessage } from '../../../src-shared/assemble';
import type { IncomingRecord } from '../../../src-shared/journal-records';
import { maySendTogether } from '../../../src-shared/sending-order';

/**
 * assembleRecords as it was before join30, kept only as the reference the indexed joiner is checked against
 * (joining-property.test.ts): each part compared with every message of its group, quadratic, plainly right.
 */
export function assembleRecordsQuadratic(records: readonly IncomingRecord[]): AssembledRecordMessage[] {
  const groups = new Map<string, IncomingRecord[][]>();
  const uncertain = new Set<IncomingRecord[]>();
  for (const r of [...records].sort((a, b) => a.receivedAt - b.receivedAt)) {
    const id = r.concat ? `${r.simId}|${r.from}|${r.concat.ref}|${r.concat.total}` : `single|${r.key}`;
    const messages = groups.get(id) ?? [];
    // One sender's segmenter writes every part of a message in one encoding.
    const joins = (parts: IncomingRecord[]) =>
      r.receivedAt - parts[0]!.receivedAt <= REASSEMBLY_WINDOW_MS &&
      !parts.some((x) => x.concat?.part === r.concat?.part) &&
      parts.every((x) => x.encoding === r.encoding) &&
      maySendTogether(r.timestamp, parts.map((x) => x.timestamp));
    const held = messages.find((parts) => parts.some((x) => x.key === r.key));
    const near = held ? [held] : nearestSendings(messages.filter(joins), r.timestamp, (parts) => parts.map((x) => x.timestamp));
    const message = near[0];
    if (near.length > 1) near.forEach((m) => uncertain.add(m));
    if (!message) messages.push([r]);
    else if (!message.some((x) => x.key === r.key)) message.push(r);
    groups.set(id, messages);
  }
  return readJoined(groups, uncertain);
}
