import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { decodeJournal, Journal } from '../../src-main/services/journal';
import { waitFor } from './fleet/pool-kit';

/*
 * review39 item 3: since mend41 a log is stamped once masked, and an open of a stamped log read none of its lines through
 * the mask. The mask is the catalog in use: a custom instruction saved later, whose password the built-in rules do not
 * catch (8 letters and digits), never reached a reply journaled before it, which kept the password on disk until a
 * compaction. Real HallCore on a real data folder. The reply's wording is written for the test (10086's "指令有误"
 * replies quote what was sent; no real one quoting such a password is on record).
 */
const PASSWORD = 'ab12cd34';
const REPLY = `尊敬的客户，您好！您发送的短信指令XXMM#${PASSWORD}格式有误或暂不支持办理，请核对后重新发送。【中国移动】`;
const XXMM = { code: 'XXMM', template: 'XXMM#{password}', name: { 'zh-Hans': '修改宽带密码' } };

describe('a log stamped masked, then a custom instruction naming a new secret', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  });

  it('has the reply journaled before it masked on disk at the next start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hall-restamp-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const log = join(dir, 'journal.log');
    const journal = await Journal.open(dir);
    const at = Date.UTC(2026, 11, 7, 5, 0, 0);
    await journal.appendIncoming({ simId: '89860012345670002828', from: '10086', text: REPLY, encoding: 'ucs2', timestamp: '2026-12-07T13:00:00+08:00', receivedAt: at, concat: null });
    await journal.close();
    const stamps = async () => decodeJournal(await readFile(log)).records.filter((r) => r.kind === 'masked');
    expect(await stamps()).toHaveLength(1);
    expect(await readFile(log, 'utf8')).toContain(PASSWORD);

    const core = await HallCore.create({ dataDir: dir, demo: false });
    await core.call('custom.save', { entry: XXMM });
    await core.close();
    expect(await readFile(log, 'utf8')).toContain(PASSWORD);

    const again = await HallCore.create({ dataDir: dir, demo: false });
    cleanup.push(() => again.close());
    // The pass rewrites the log, its stamp first, naming the catalog in use now.
    await waitFor(async () => !(await readFile(log, 'utf8')).includes(REPLY), 'the log rewritten', 30_000);
    expect(await readFile(log, 'utf8')).not.toContain(PASSWORD);
    expect(await readFile(log, 'utf8')).toContain('XXMM#******');
    // Nothing lost: the reply still waits for the page.
    expect((await again.call('journal.pending', {})).incoming).toHaveLength(1);
  }, 60_000);
});
