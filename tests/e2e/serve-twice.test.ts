import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, serve, type Served } from './app-kit';

/**
 * `npm start` (browser mode) typed again while the first still runs on the same data folder: the
 * second says the app is already there and how to get into it (a new link from the first one's
 * terminal), never to delete the lock of the running one, and the first goes on serving.
 */

let first: Served;

beforeAll(async () => {
  await buildApp();
  first = await serve();
}, 120_000);

afterAll(async () => {
  await first?.stop();
});

function serveAgain(dataDir: string, lang: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(import.meta.dirname, '../../bin/hall10086.mjs'), 'serve', '--port', '0', '--emulator', '--data-dir', dataDir, '--lang', lang], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('browser mode started twice on one data folder', () => {
  it.each([
    ['zh-Hans', /^错误: Hall10086 已经在运行（进程 \d+），用的是同一个数据文件夹。 到它的终端里按回车获取新链接/],
    ['zh-Hant', /^錯誤: Hall10086 已經在運行（進程 \d+）/],
    ['en', /^Error: Hall10086 is already running \(process \d+\) on this data folder\. Press Enter in its terminal for a new link/],
  ])('the second says how to reach the first (%s), and the first still hands out links', async (lang, said) => {
    const second = await serveAgain(first.dataDir, lang);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(said);
    expect(second.stderr).not.toMatch(/delete|删除|刪除|journal\.lock/);
    expect(await first.link()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#launch=/);
  }, 60_000);
});
