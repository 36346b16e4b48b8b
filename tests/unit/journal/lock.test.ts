import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../src-main/services/journal';
import { sms, useTempDirs } from './journal-test-kit';

const tempDir = useTempDirs();

/** The pid of a process that has already exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('Journal lock', () => {
  it('refuses a second writer on the same directory with journal.locked', async () => {
    const dir = await tempDir();
    const first = await Journal.open(dir);
    expect(await readFile(join(dir, 'journal.lock'), 'utf8')).toBe(`${process.pid}\n`);

    const second = Journal.open(dir);
    await expect(second).rejects.toMatchObject({
      code: 'journal.locked',
      details: { lockPath: join(dir, 'journal.lock'), holderPid: process.pid },
    });
    const error = await second.catch((e: unknown) => e);
    expect(error).toMatchObject({
      zh: expect.stringContaining('另一个 Hall10086 正在运行'),
      en: expect.stringContaining('Another Hall10086 is already running'),
      action: { en: expect.stringContaining(join(dir, 'journal.lock')) },
    });
    // The holder is alive: the lock may go only if that number is no longer Hall10086's, and why.
    expect((error as { action: { en: string; zh: string } }).action.en).toContain(`only if process ${process.pid} is not Hall10086`);
    expect((error as { action: { en: string; zh: string } }).action.zh).toContain('可能丢短信');
    expect((error as { action: { en: string } }).action.en).not.toContain('If you are sure');

    await first.appendIncoming(sms(1));
    await first.close();
    const third = await Journal.open(dir);
    expect(third.pendingIncoming()).toHaveLength(1);
    await third.close();
  });

  it.each([
    ['a dead process', async () => `${await deadPid()}\n`],
    ['no readable pid', async () => ''],
    ['garbage', async () => 'hall10086?'],
  ])('takes over a lock left by %s', async (_label, content) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'journal.lock'), await content());

    const journal = await Journal.open(dir);
    expect(await readFile(join(dir, 'journal.lock'), 'utf8')).toBe(`${process.pid}\n`);
    await journal.close();
  });
});
