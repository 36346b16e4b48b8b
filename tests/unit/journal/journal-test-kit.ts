import { MASKER_VERSION } from '../../../src-shared/catalog/secrets';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { decodeJournal, type DecodedJournal, type IncomingMessage } from '../../../src-main/services/journal';

/** A fresh directory per call, removed after each test. */
export function useTempDirs(): () => Promise<string> {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hall-journal-'));
    dirs.push(dir);
    return dir;
  };
}

export const T0 = Date.UTC(2026, 10, 25, 1, 30, 0);

/** A clock an hour after T0: compaction forgets keys by age, so tests must not depend on today's date. */
export const clock = () => T0 + 3_600_000;

/** A distinct single-part reply from 10086 for each `n`. */
export function sms(n: number, overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  return {
    simId: 'sim-1',
    from: '10086',
    text: `尊敬的客户，您的余额为 ${n}.00 元。`,
    encoding: 'ucs2',
    timestamp: new Date(T0 + n * 1000).toISOString().replace('.000Z', '+00:00'),
    receivedAt: T0 + n * 1000 + 500,
    concat: null,
    ...overrides,
  };
}

export function logPath(dir: string): string {
  return join(dir, 'journal.log');
}

/** The log's lines decoded, without the stamp that says its parts are all masked (mend41): the records it holds. */
export async function readLog(dir: string): Promise<DecodedJournal> {
  const decoded = decodeJournal(await readFile(logPath(dir)));
  return { ...decoded, records: decoded.records.filter((r) => r.kind !== 'masked') };
}

/** An errno-style error as Node's fs raises it. */
export function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/**
 * Records handed out before a restart, as the journal hands them out after it from its log, stamped masked: masked with
 * the mask in use (texts with no secret unchanged) and saying so (HandedOutRecord.masker, mend67).
 */
export function readBack<R extends object>(records: readonly R[]): (R & { masker: number })[] {
  return records.map((r) => ({ ...r, masker: MASKER_VERSION }));
}
