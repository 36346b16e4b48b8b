import { MASKER_VERSION } from '../../src-shared/catalog/secrets';
import type { OutgoingRecord } from '../../src-shared/journal-records';
import { threadPeer } from './incoming-rows';
import type { CommandRow, MessageRow } from './rows';

/**
 * The command after one state change, or null when the record is older than what is stored
 * (a replayed `journal.pending` after a live event). Equal times keep the later arrival.
 */
export function mergeCommand(stored: CommandRow | undefined, record: OutgoingRecord): CommandRow | null {
  if (stored && record.at < stored.updatedAt) return null;
  return {
    id: record.id,
    simId: record.simId,
    to: record.to,
    text: record.text,
    state: record.state,
    error: record.error,
    messageRefs: record.messageRefs,
    createdAt: Math.min(stored?.createdAt ?? record.at, record.at),
    updatedAt: record.at,
    ...(stored?.retriedBy ? { retriedBy: stored.retriedBy } : {}),
    // The journal of this build masked the text (journal.ts masks every sent text at rest), with this masker.
    masker: MASKER_VERSION,
  };
}

export function outgoingMessageId(commandId: string): string {
  return `out:${commandId}`;
}

export function outgoingMessageRow(command: CommandRow): MessageRow {
  return {
    id: outgoingMessageId(command.id),
    simId: command.simId,
    direction: 'out',
    peer: threadPeer(command.to),
    text: command.text,
    state: command.state,
    at: command.createdAt,
    read: 1,
    partKeys: [],
    complete: true,
    total: 1,
    received: 1,
    commandId: command.id,
    error: command.error,
    ...(command.retriedBy ? { retriedBy: command.retriedBy } : {}),
    ...(command.masker === undefined ? {} : { masker: command.masker }),
  };
}
