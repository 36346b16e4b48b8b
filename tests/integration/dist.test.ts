import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-helpers';

/**
 * `npm run dist` on a machine that cannot get the Electron binary: one bilingual line, exit code 1,
 * and nothing built. The target is another platform than this one, so a binary installed in
 * node_modules/electron/dist never counts, and the download caches point at an empty folder.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;
const OTHER = process.platform === 'win32' ? { flag: '--linux', platform: 'linux' } : { flag: '--win', platform: 'win32' };
const ZIP = `electron-v${VERSION}-${OTHER.platform}-${process.arch}.zip`;

const emptyCache = mkdtempSync(join(tmpdir(), 'hall10086-dist-test-'));
let mirror: Server;
let mirrorUrl = '';
let closedPortUrl = '';

function listen(server: Server): Promise<string> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)));
}

beforeAll(async () => {
  // A mirror that has no Electron builds at all.
  mirror = createServer((_request, response) => response.writeHead(404).end());
  mirrorUrl = await listen(mirror);
  const closed = createServer();
  closedPortUrl = await listen(closed);
  await new Promise((done) => closed.close(done));
});

afterAll(() => {
  mirror.close();
  rmSync(emptyCache, { recursive: true, force: true });
});

function dist(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ELECTRON_')));
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'scripts/dist.mjs'), ...args],
      { cwd: ROOT, env: { ...inherited, ELECTRON_CACHE: emptyCache, ELECTRON_BUILDER_CACHE: emptyCache, ...env } },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

const cannotDownload = (zh: string, en: string) =>
  `无法打包：本机没有 Electron ${VERSION}（${OTHER.platform}-${process.arch}）的二进制文件，也无法下载（${zh}）。` +
  ` / Cannot package: the Electron ${VERSION} binary for ${OTHER.platform}-${process.arch} is not on this machine and cannot be downloaded (${en}).\n`;

describe('npm run dist without an Electron binary', () => {
  it.each([
    {
      name: 'downloads turned off',
      env: () => ({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }),
      line: () => cannotDownload('已设置 ELECTRON_SKIP_BINARY_DOWNLOAD', 'ELECTRON_SKIP_BINARY_DOWNLOAD is set'),
    },
    {
      name: 'the download site unreachable',
      env: () => ({ ELECTRON_MIRROR: closedPortUrl }),
      line: () => cannotDownload(`无法连接 ${closedPortUrl}v${VERSION}/${ZIP}（ECONNREFUSED）`, `cannot reach ${closedPortUrl}v${VERSION}/${ZIP} (ECONNREFUSED)`),
    },
    {
      name: 'the download site without the build',
      env: () => ({ ELECTRON_MIRROR: mirrorUrl }),
      line: () => cannotDownload(`${mirrorUrl}v${VERSION}/${ZIP} 返回 HTTP 404`, `${mirrorUrl}v${VERSION}/${ZIP} answered HTTP 404`),
    },
    {
      name: 'a mirror whose folders are the bare version',
      env: () => ({ ELECTRON_MIRROR: mirrorUrl, ELECTRON_CUSTOM_DIR: '{{ version }}' }),
      line: () => cannotDownload(`${mirrorUrl}${VERSION}/${ZIP} 返回 HTTP 404`, `${mirrorUrl}${VERSION}/${ZIP} answered HTTP 404`),
    },
  ])('says so in one line and exits 1 when $name', async ({ env, line }) => {
    const result = await dist([OTHER.flag], env());
    expect(result).toEqual({ code: 1, stdout: '', stderr: line() });
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it.skipIf(process.platform === 'darwin')('refuses a dmg off macOS the same way', async () => {
    const result = await dist(['--mac'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(result).toEqual({ code: 1, stdout: '', stderr: '无法打包：macOS 的 dmg 只能在 macOS 上制作。 / Cannot package: a macOS dmg can only be built on macOS.\n' });
  });
});
