import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeLine } from '../../src-main/services/journal';
import { hall, STACK_TRACE } from './cli-helpers';

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

/** A data folder whose journal ends in a record cut short, as a crash mid-write leaves it (with its lock). */
async function tornJournal(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-cli-notice-'));
  dirs.push(dir);
  const line = encodeLine({ kind: 'out', id: 'a', simId: 's', to: '10086', text: 'YE', state: 'sent', messageRefs: [1], error: null, at: 1 });
  await writeFile(join(dir, 'journal.log'), Buffer.concat([line, line.subarray(0, 20)]));
  // The lock of the writer that died: the cut-off end is its last write.
  await writeFile(join(dir, 'journal.lock'), 'gone\n');
  return dir;
}

describe('inbox and send say on stderr what the journal repaired when it opened', () => {
  it.each([
    ['inbox', ['inbox', '--emulator', '--json']],
    ['send', ['send', 'YE', '--emulator', '--yes', '--json']],
  ])('%s', async (_name, args) => {
    const dir = await tornJournal();
    const en = await hall([...args, '--data-dir', dir]);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain('The message journal was recovered, 1 record(s) read back: cut off 20 bytes');
    expect(en.stderr).not.toMatch(STACK_TRACE);
    const zh = await hall(['--lang', 'zh-Hans', ...args, '--data-dir', await tornJournal()]);
    expect(zh.stderr).toContain('短信日志已恢复，读回 1 条记录');
  });
});
