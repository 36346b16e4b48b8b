import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type Socket } from 'node:net';
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
 * Builds the UI exactly as `npm run build` does: `serve` hands out what is in out/renderer. Test files run in parallel
 * worker processes, and two test runs may share a worktree: the build is done under a lock of the worktree (uiBuildLock),
 * once for the build's inputs as they are (uiBuildInputs); the others wait for the lock's release, with no polling, and
 * reuse what was built, so no two builds ever write out/ at once (a page half-built under a running test). Before
 * mend57 the lock was one run's (a marker named by the run's process), polled every 200 ms, and a second run in the same
 * worktree built out/ again under the first's tests.
 */
export async function buildApp(): Promise<void> {
  const cache = join(ROOT, 'node_modules', '.cache', 'hall10086-ui-build');
  await mkdir(cache, { recursive: true });
  // The inputs out/ was last built from, written into out/ once the build succeeded: any other build (`npm run build` by
  // hand, of other inputs) empties out/main and takes the stamp with it, and so does removing out/ (review48 F2: a stamp
  // kept beside out/ let a test run serve what a hand build had left there).
  const stamp = join(ROOT, 'out', 'main', '.built-from');
  const inputs = await uiBuildInputs();
  const built = async () => (await readFile(stamp, 'utf8').catch(() => null)) === inputs;
  for (;;) {
    if (await built()) return;
    const release = await uiBuildLock(cache);
    // Another builder held it: look again at what it built (it failed or built other inputs: then build here).
    if (!release) continue;
    try {
      if (await built()) return;
      await rm(stamp, { force: true });
      await electronViteBuild();
      await writeFile(stamp, inputs);
      return;
    } finally {
      await release();
    }
  }
}

/** What electron-vite builds out/ from: the hash of every file of those folders and of the config, by path and content. */
async function uiBuildInputs(): Promise<string> {
  const hash = createHash('sha256');
  const files = async (path: string): Promise<string[]> => {
    const entries = await readdir(join(ROOT, path), { withFileTypes: true }).catch(() => null);
    if (!entries) return [path];
    return (await Promise.all(entries.map((e) => files(join(path, e.name))))).flat();
  };
  const roots = ['src-main', 'src-renderer', 'src-shared', 'instructions', 'resources', 'scripts', 'electron.vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
  for (const file of (await Promise.all(roots.map(files))).flat().sort()) {
    hash.update(`${file}\0`).update(await readFile(join(ROOT, file)).catch(() => Buffer.alloc(0))).update('\0');
  }
  return hash.digest('hex');
}

/**
 * The worktree's build lock, taken: a local socket only one process can listen on (abstract on Linux and a named pipe on
 * Windows, both gone with their process; a file elsewhere, left behind by a crash and then removed). Resolves to what
 * releases it, or to null once another holder released it or died (its connection closes): no polling.
 */
function uiBuildLock(cache: string): Promise<(() => Promise<void>) | null> {
  const name = `hall10086-ui-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 16)}`;
  const file = process.platform === 'linux' || process.platform === 'win32' ? null : join(cache, 'lock.sock');
  const address = file ?? (process.platform === 'linux' ? `\0${name}` : `\\\\?\\pipe\\${name}`);
  return new Promise((resolve, reject) => {
    const waiting = new Set<Socket>();
    const server = createServer((socket) => {
      waiting.add(socket.on('error', () => undefined));
    });
    server.once('listening', () =>
      resolve(async () => {
        for (const socket of waiting) socket.destroy();
        await new Promise((closed) => server.close(closed));
      }),
    );
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EADDRINUSE') return reject(e);
      const holder = connect(address);
      let connected = false;
      // Released (the holder ends the connection) or died: its close comes, after any reset.
      holder.once('connect', () => (connected = true)).once('close', () => connected && resolve(null)).resume();
      holder.on('error', (err: NodeJS.ErrnoException) => {
        if (connected) return;
        // Released in between, or a socket file a crashed holder left (nobody listens on it): try again.
        if (err.code === 'ECONNREFUSED' || err.code === 'ENOENT') void (file ? rm(file, { force: true }) : Promise.resolve()).then(() => resolve(null), reject);
        else reject(err);
      });
    });
    server.listen(address);
  });
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
