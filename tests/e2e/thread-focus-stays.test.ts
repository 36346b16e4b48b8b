import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { INSTANT_TIMING } from '../../src-main/emulator/options';
import type { IncomingRecord } from '../../src-shared/journal-records';
import { coreSuite } from './core-suite';

/*
 * mend46: the thread's rows were keyed by their place in the list, so a message sorted in above a focused bubble
 * (a late reply written earlier, a catch-up page arriving) gave the focused row's element to another message: the
 * keyboard user's focus and a screen reader's place jumped to a neighbour. Real core, WebSocket, Chromium, IndexedDB.
 */

const SIM = '89860099887766550046';
const BASE = Date.UTC(2025, 0, 1, 2);

/** Made-up texts (no real reply), each naming a catalog code so its bubble holds a link a keyboard can focus. */
function message(i: number) {
  const receivedAt = BASE + i * 60_000;
  return { simId: SIM, from: '10086', text: `测试用文字，非真实短信：第${i}条，查询请发YE`, encoding: 'ucs2' as const, timestamp: new Date(receivedAt).toISOString(), receivedAt, concat: null };
}

async function arrive(core: HallCore, numbers: readonly number[]): Promise<void> {
  for (const i of numbers) {
    const m = message(i);
    const { key } = await core.journal.appendIncoming(m);
    core.emit('incoming', { kind: 'in', key, ...m } satisfies IncomingRecord);
  }
}

/** The text of the message whose bubble holds the focus, and what has it ('a' for the code's link). */
const focusedMessage = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a?.tagName.toLowerCase() ?? null, text: a?.closest('article')?.querySelector('.bubble-text')?.textContent ?? null };
  });

describe('the focus in the thread while messages arrive above it', () => {
  let core: HallCore;
  let page: Page;
  coreSuite({ dirPrefix: 'hall-thread-focus-e2e-', core: (dataDir) => HallCore.create({ dataDir, demo: true, emulatorOptions: INSTANT_TIMING }), perTest: true }, (suite) => {
    ({ core, page } = suite);
  });

  it('stays on the same message when a late reply and then a catch-up page sort in above it', async () => {
    await expect.poll(() => core.journal.pendingIncoming().length, { timeout: 60_000 }).toBe(0);
    await arrive(core, [10, 11, 12, 13]);
    await page.evaluate((sim) => (location.hash = `#/thread/${sim}`), SIM);
    const newest = page.locator('.bubble', { hasText: '第13条' }).getByRole('link', { name: 'YE' });
    await newest.waitFor({ timeout: 60_000 });
    await newest.focus();
    expect(await focusedMessage(page)).toEqual({ tag: 'a', text: '测试用文字，非真实短信：第13条，查询请发YE' });

    // A late reply written before all of them: it sorts in at the top of the thread.
    await arrive(core, [5]);
    await page.locator('[role=listitem][aria-setsize="5"]').first().waitFor({ timeout: 60_000 });
    expect(await focusedMessage(page)).toEqual({ tag: 'a', text: '测试用文字，非真实短信：第13条，查询请发YE' });

    // A catch-up page of older ones, and one in between.
    await arrive(core, [1, 2, 3, 11.5]);
    await page.locator('[role=listitem][aria-setsize="9"]').first().waitFor({ timeout: 60_000 });
    expect(await focusedMessage(page)).toEqual({ tag: 'a', text: '测试用文字，非真实短信：第13条，查询请发YE' });
  }, 240_000);
});
