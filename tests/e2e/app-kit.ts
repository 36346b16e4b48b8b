import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/*
 * The app as a user starts it in browser mode, and the Chromium that opens it: shared by the UI
 * tests (ui-kit.ts) and the README's screenshots (readme-screenshots.ts), so it holds no test hooks.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/hall10086.mjs');

/**
 * Builds the UI exactly as `npm run build` does: `serve` hands out what is in out/renderer. Test
 * files run in parallel worker processes; the first to ask builds, the others wait for it, so no
 * two builds ever write out/ at once (a page half-built under a running test).
 */
export async function buildApp(): Promise<void> {
  // One marker per test run (the worker processes' parent), outside out/, which the build rewrites.
  const run = join(ROOT, 'node_modules', '.cache', 'hall10086-ui-build', String(process.ppid));
  await mkdir(dirname(run), { recursive: true });
  const stale = await stat(run).then((s) => Date.now() - s.mtimeMs > 3600_000, () => false);
  if (stale) await rm(run, { recursive: true, force: true });
  const mine = await mkdir(run).then(() => true, () => false);
  if (mine) {
    try {
      await electronViteBuild();
      await writeFile(join(run, 'done'), 'ok');
    } catch (e) {
      await writeFile(join(run, 'done'), String(e));
      throw e;
    }
    return;
  }
  for (;;) {
    const done = await readFile(join(run, 'done'), 'utf8').catch(() => null);
    if (done === 'ok') return;
    // Empty: the builder is writing the file at this moment (writeFile is not atomic); ask again.
    if (done) throw new Error(`the UI build failed in another test file: ${done}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function electronViteBuild(): Promise<void> {
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
  /** The first link it printed: opens the app in one tab, once (its launch code is spent then). */
  url: string;
  /** The address without a code (`http://127.0.0.1:PORT/`): the app's files, no access. */
  base: string;
  /** A fresh one-time link, as a user gets by pressing Enter where serve runs. */
  link(): Promise<string>;
  /** The app's data folder (journal, pairings, the extension socket). */
  dataDir: string;
  /** What it wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * `hall10086 serve --port 0 --emulator [extra…]` with a data folder of its own; resolves with the URL it
 * prints. `o.dataDir` serves from a folder the caller owns (kept at stop), `o.port: 'remembered'`
 * leaves --port out, as `npm start` does; `o.modems: 'remembered'` leaves --emulator out, so it opens the
 * modems connected last time (the demo modem when there were none), as a user's start does.
 */
export async function serve(extra: readonly string[] = [], o: { dataDir?: string; port?: 'remembered'; modems?: 'remembered' } = {}): Promise<Served> {
  const dataDir = o.dataDir ?? (await mkdtemp(join(tmpdir(), 'hall10086-ui-')));
  const port = o.port === 'remembered' ? [] : ['--port', '0'];
  const emulator = o.modems === 'remembered' ? [] : ['--emulator'];
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', ...port, ...emulator, ...extra, '--data-dir', dataDir], {
    env: { ...process.env, LANG: 'en_US.UTF-8' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Heard from the start, so a second stop (or a stop after it exited by itself) resolves rather than waits for ever.
  const closed = new Promise((done) => child.once('close', done));
  const links: string[] = [];
  const waiting: Array<(link: string) => void> = [];
  let err = '';
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    waiting.push(done);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      for (const line of out.match(/^http:\/\/\S+$/gm)?.slice(links.length) ?? []) {
        links.push(line);
        waiting.shift()?.(line);
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('close', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });
  return {
    url,
    base: url.split('#')[0]!,
    link() {
      const next = new Promise<string>((done) => waiting.push(done));
      child.stdin!.write('\n');
      return next;
    },
    dataDir,
    stderr: () => err,
    async stop() {
      child.kill('SIGTERM');
      await closed;
      if (!o.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * How long a page may take to open the app, from the link to a usable catalog (`#catalog-search`, drawn on the first
 * render, before the log store loads). A deadline, not a measure: opening costs the page 1.5-2.5 s of CPU (script
 * mostly: Performance.getMetrics, at load 18-23), and a page that gets a fifteenth of a core (load ~30 on 2 cores)
 * passed Playwright's 30 s default while the hooks that open it allow 120-240 s. Speed is `npm run bench -- ui`'s.
 */
export const PAGE_OPEN_MS = 120_000;

/** Goes to `link` and resolves once the app is usable there. */
export async function openApp(page: Page, link: string): Promise<void> {
  await page.goto(link, { timeout: PAGE_OPEN_MS });
  await page.waitForSelector('#catalog-search', { timeout: PAGE_OPEN_MS });
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
