import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, launchChromium, serve } from './app-kit';

/**
 * Browser mode keeps the log in the browser, per address. Started again as `npm start` starts it
 * (no --port), the app must come back where the browser keeps what it showed: a newcomer who
 * restarts it must not find the thread empty.
 */

let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  await buildApp();
  browser = await launchChromium();
  dataDir = await mkdtemp(join(tmpdir(), 'hall10086-restart-'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('browser mode started again', () => {
  it('opens on the same address, so the thread still shows the balance check from before', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const first = await serve([], { dataDir, port: 'remembered' });
    try {
      await page.goto(first.url);
      await page.waitForSelector('#catalog-search');
      await page.goto(`${first.base}#/thread`);
      await page.fill('.composer input:not([disabled])', 'YE');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.bubble-line.in', { timeout: 45_000 });
    } finally {
      await first.stop();
    }
    const again = await serve([], { dataDir, port: 'remembered' });
    try {
      expect(again.base).toBe(first.base);
      await page.goto(again.url);
      await page.waitForSelector('#catalog-search');
      await page.goto(`${again.base}#/thread`);
      await page.waitForSelector('.bubble-line.in', { timeout: 30_000 });
      expect(await page.locator('.bubble-line.out .bubble-text').first().textContent()).toBe('YE');
    } finally {
      await again.stop();
      await context.close();
    }
  }, 150_000);

  it('still starts, on another port, when the remembered one is taken', async () => {
    const port = Number(new URL((await serveOnce()).base).port);
    const squatter = createServer();
    await new Promise<void>((done) => squatter.listen(port, '127.0.0.1', done));
    try {
      const moved = await serve([], { dataDir, port: 'remembered' });
      await moved.stop();
      expect(Number(new URL(moved.base).port)).not.toBe(port);
    } finally {
      await new Promise((done) => squatter.close(done));
    }
  }, 60_000);

  it('keeps a damaged port file aside and says so, starts on a new port; a folder in its place stops it, named', async () => {
    const own = await mkdtemp(join(tmpdir(), 'hall10086-restart-'));
    try {
      await writeFile(join(own, 'browser-port'), '{"port":');
      const moved = await serve([], { dataDir: own, port: 'remembered' });
      await moved.stop();
      expect(moved.stderr()).toMatch(/The browser mode port file could not be read; it was kept as .*browser-port\.damaged-\d+, and this start takes a new port\./);
      const [copy] = (await readdir(own)).filter((n) => n.startsWith('browser-port.damaged-'));
      expect(await readFile(join(own, copy!), 'utf8')).toBe('{"port":');
      expect(await readFile(join(own, 'browser-port'), 'utf8')).toBe(`${new URL(moved.base).port}\n`);
      await rm(join(own, 'browser-port'));
      await mkdir(join(own, 'browser-port'));
      await expect(serve([], { dataDir: own, port: 'remembered' })).rejects.toThrow(/serve exited 1: .*browser mode port file .*browser-port cannot be read \(EISDIR\)/s);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  }, 60_000);
});

async function serveOnce() {
  const s = await serve([], { dataDir, port: 'remembered' });
  await s.stop();
  return s;
}
