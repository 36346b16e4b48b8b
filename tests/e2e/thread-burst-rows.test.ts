import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { INSTANT_TIMING } from '../../src-main/emulator/options';
import type { IncomingRecord } from '../../src-shared/journal-records';
import { coreSuite } from './core-suite';

/*
 * review42's question on 52ada265 (rows keyed by message id): can one message be drawn twice, under one React key, while
 * the thread's window shifts during a burst and the page acknowledges what it stored? The built UI is React's production
 * build, which logs no "two children with the same key": what is watched is the DOM itself, every mutation, for two rows
 * of one message. Made-up texts; real core, WebSocket, Chromium, IndexedDB.
 */
const SIM = '89860099887766550050';
const BASE = Date.UTC(2025, 0, 1, 2);
const BURST = 300;

function message(i: number) {
  const receivedAt = BASE + i * 1_000;
  return { simId: SIM, from: '10086', text: `测试用文字，非真实短信：第${i}条`, encoding: 'ucs2' as const, timestamp: new Date(receivedAt).toISOString(), receivedAt, concat: null };
}

describe('the thread during a burst the page stores and acknowledges', () => {
  let core: HallCore;
  let page: Page;
  coreSuite({ dirPrefix: 'hall-thread-burst-e2e-', core: (dataDir) => HallCore.create({ dataDir, demo: true, emulatorOptions: INSTANT_TIMING }), perTest: true }, (suite) => {
    ({ core, page } = suite);
  });

  it('never draws one message in two rows', async () => {
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await expect.poll(() => core.journal.pendingIncoming().length, { timeout: 60_000 }).toBe(0);
    const first = message(0);
    const { key } = await core.journal.appendIncoming(first);
    core.emit('incoming', { kind: 'in', key, ...first } satisfies IncomingRecord);
    await page.evaluate((sim) => (location.hash = `#/thread/${sim}`), SIM);
    await page.locator('[role=listitem][aria-setsize="1"]').first().waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { twice: string[] }).twice = seen;
      const check = () => {
        const ids = [...document.querySelectorAll('.message-canvas article')].map((a) => a.getAttribute('aria-labelledby') ?? '');
        const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
        if (twice.length > 0) seen.push(...twice);
      };
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
    });
    // Out of order: every third one written earlier than the one before, so rows sort in above and the window shifts.
    for (let i = 1; i <= BURST; i++) {
      const m = message(i % 3 === 0 ? i - 1.5 : i);
      const { key } = await core.journal.appendIncoming(m);
      core.emit('incoming', { kind: 'in', key, ...m } satisfies IncomingRecord);
    }
    await page.locator(`[role=listitem][aria-setsize="${BURST + 1}"]`).first().waitFor({ timeout: 120_000 });
    await expect.poll(() => core.journal.pendingIncoming().length, { timeout: 60_000 }).toBe(0);
    // Scrolled through the top and back while the last acknowledgements land: the window read moves twice.
    await page.locator('.message-scroller').evaluate((s) => s.scrollTo(0, 0));
    await page.locator('[role=listitem][aria-posinset="1"]').waitFor({ timeout: 60_000 });
    await page.locator('.message-scroller').evaluate((s) => s.scrollTo(0, s.scrollHeight));
    await page.locator(`[role=listitem][aria-posinset="${BURST + 1}"]`).waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { twice: string[] }).twice)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 300_000);
});
