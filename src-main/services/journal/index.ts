export { Journal, COMPACT_AT_BYTES, INTERRUPTED_QUEUE_ERROR, INTERRUPTED_SEND_ERROR, type JournalOptions, type JournalStats, type LongMessageRef, type ModemPlace } from './journal';
export type { JournalErrorCode } from './errors';
export { nodeJournalFs, type JournalFs } from './file-io';
export { decodeJournal, encodeLine, type DecodedJournal } from './line-codec';
export type { RecoveryReport } from './recovery';
export * from '../../../src-shared/journal-records';
