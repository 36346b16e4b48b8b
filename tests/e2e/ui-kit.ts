import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/hall10086.mjs');

/** Builds the UI exactly as `npm run build` does: `serve` hands out what is in out/renderer. */
export function buildApp(): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`electron-vite build exited ${code}: ${stderr}`))));
  });
}

export interface Served {
  url: string;
  /** The app's data folder (journal, pairings, the extension socket). */
  dataDir: string;
  stop(): Promise<void>;
}

/** `hall10086 serve --port 0 --emulator` with a data folder of its own; resolves with the URL it prints. */
export async function serve(): Promise<Served> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall10086-ui-'));
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--emulator', '--data-dir', dataDir], {
    env: { ...process.env, LANG: 'en_US.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const line = out.match(/^http:\/\/\S+/m);
      if (line) done(line[0]);
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('close', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      const closed = new Promise((done) => child.once('close', done));
      child.kill('SIGTERM');
      await closed;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Everything the page's log holds, read with IndexedDB itself (not through the app's code). */
export function readLog(page: Page): Promise<{ messages: Record<string, unknown>[]; parts: Record<string, unknown>[]; commands: Record<string, unknown>[] }> {
  return page.evaluate(
    () =>
      new Promise((done, fail) => {
        const open = indexedDB.open('hall10086-log');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['messages', 'parts', 'commands'], 'readonly');
          const messages = tx.objectStore('messages').getAll();
          const parts = tx.objectStore('parts').getAll();
          const commands = tx.objectStore('commands').getAll();
          tx.oncomplete = () => {
            db.close();
            done({ messages: messages.result, parts: parts.result, commands: commands.result });
          };
        };
      }),
  );
}

/** What a user must never see: a JavaScript stack trace. */
export const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)|^\s+at /m;
