import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { decodeJournal, encodeLine, Journal, type JournalRecord } from '../../../src-main/services/journal';
import { MASKER_VERSION } from '../../../src-shared/catalog/secrets';
import { clock, logPath, sms, useTempDirs } from './journal-test-kit';

/*
 * mend67: the journal handed a part to a store without saying whether its text was masked, or by which masker. A pending
 * part read back at a start holds the text its line was written with, masked by the masker of then: masker 6 left a
 * date-shaped password clear (`您的服务密码：2019 12 31`), and that went to the page as it was, for good. Now such a
 * part is masked with the mask in use before it is handed out and says so (`masker`); a part journaled in this run is
 * handed out as it came, unstamped. Constructed texts, in the shapes the masker is tested with.
 */

const tempDir = useTempDirs();
const RESET = '尊敬的客户，您的服务密码：2019 12 31，请妥善保管。';
const MASKED = '尊敬的客户，您的服务密码：******，请妥善保管。';

/** The log's reset line put back as masker 6 wrote it (clear), its stamp naming another mask. */
async function asOlderMaskerWrote(dir: string, stamped: boolean): Promise<void> {
  const { records } = decodeJournal(await readFile(logPath(dir)));
  const lines: JournalRecord[] = [
    ...(stamped ? [{ kind: 'masked', by: 'masker 6' } as const] : []),
    ...records.filter((r) => r.kind !== 'masked').map((r) => (r.kind === 'in' && r.text === MASKED ? { ...r, text: RESET } : r)),
  ];
  await writeFile(logPath(dir), Buffer.concat(lines.map(encodeLine)), { mode: 0o600 });
}

describe('what the journal hands out says which masker masked it (mend67)', () => {
  it('a part journaled in this run: as it came, no masker', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: clock });
    await journal.appendIncoming(sms(1, { text: RESET }), { slot: 'SM:1' });
    expect(journal.pendingIncoming().map((r) => [r.text, r.masker])).toEqual([[RESET, undefined]]);
    await journal.close();
  });

  it('a pending part read back from a log stamped masked: masked with the mask in use, stamped this masker, on every hand-out', async () => {
    const dir = await tempDir();
    const first = await Journal.open(dir, { now: clock });
    await first.appendIncoming(sms(1, { text: RESET }), { slot: 'SM:1' });
    await first.appendIncoming(sms(2), { slot: 'SM:2' });
    await first.close();
    await asOlderMaskerWrote(dir, true);
    const next = await Journal.open(dir, { now: clock });
    const handed = () => next.pendingIncoming().map((r) => [r.text, r.masker]);
    expect(handed()).toEqual([
      [MASKED, MASKER_VERSION],
      [sms(2).text, MASKER_VERSION],
    ]);
    expect(handed()).toEqual([
      [MASKED, MASKER_VERSION],
      [sms(2).text, MASKER_VERSION],
    ]);
    // Fresh after it: as it came.
    await next.appendIncoming(sms(3, { text: RESET }), { slot: 'SM:3' });
    expect(next.pendingIncoming().at(-1)).toMatchObject({ text: RESET });
    expect(next.pendingIncoming().at(-1)?.masker).toBeUndefined();
    await next.close();
  });

  it('a pending part read back from a log no stamp proves masked (maybe clear, before secrets24): as read, no masker', async () => {
    const dir = await tempDir();
    const first = await Journal.open(dir, { now: clock });
    await first.appendIncoming(sms(1, { text: RESET }), { slot: 'SM:1' });
    await first.close();
    await asOlderMaskerWrote(dir, false);
    const next = await Journal.open(dir, { now: clock });
    expect(next.pendingIncoming().map((r) => [r.text, r.masker])).toEqual([[RESET, undefined]]);
    await next.close();
  });

  it('a kept part of a long message: masked, stamped this masker', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: clock });
    const part = (n: number, text: string) => sms(1, { text, concat: { ref: 9, total: 2, part: n } });
    const { key } = await journal.appendIncoming(part(1, '尊敬的客户，您的服务密码：2019 12 31，'), { slot: 'SM:1' });
    await journal.ack([key]);
    const handed = journal.partsOf([{ simId: 'sim-1', from: '10086', ref: 9, total: 2, at: sms(1).receivedAt }]);
    // The part ends the text so far: the separators after its last digits may be inside an ID number cut there, and are
    // masked with them (mend66's FRAGMENT_AT_END), the comma too.
    expect(handed.map((r) => [r.text, r.masker])).toEqual([['尊敬的客户，您的服务密码：******', MASKER_VERSION]]);
    await journal.close();
  });
});
