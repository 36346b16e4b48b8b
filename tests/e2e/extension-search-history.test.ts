import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, EXTENSION_DIR } from '../../src-extension/build';
import { loadExtension, type LoadedExtension } from '../../src-extension/load-in-chromium';

/**
 * "Look up in 10086 instructions" on selected text (and text entered in the omnibox) opened the
 * search page with the text in the tab's address (`popup.html#/search/<text>`, secrets masked):
 * Chromium writes every address a tab takes into the profile's History database, session files and
 * history sync, so a name, an address or a note read on a page stayed there. The built extension,
 * loaded unpacked in real Chromium with a persistent profile; History read with python3's sqlite3
 * once Chromium closed; then the same profile started again, as a restored tab would be.
 */

interface WorkerHooks {
  onMenuClicked(info: { menuItemId: string; selectionText?: string }): Promise<void>;
  onInputEntered(text: string, disposition: string): Promise<void>;
}
declare const hall10086: WorkerHooks;

// Words of the selection a search finds nothing odd in, but which nobody wants in History.
const PRIVATE = '王小明';
const SELECTION = `${PRIVATE} 开通流量`;
const OTHER = '查话费 李四';

let ext: LoadedExtension;

beforeAll(async () => {
  await buildExtension();
  ext = await loadExtension(EXTENSION_DIR, 'zh-CN');
}, 120_000);

afterAll(async () => {
  await ext?.close();
});

function historyUrls(profile: string): string[] {
  const read = spawnSync('python3', ['-c', 'import sqlite3,sys; print("\\n".join(r[0] for r in sqlite3.connect(sys.argv[1]).execute("select url from urls")))', join(profile, 'Default', 'History')], { encoding: 'utf8' });
  if (read.status !== 0) throw new Error(read.stderr);
  return read.stdout.split('\n').filter(Boolean);
}

async function tabOpenedBy(call: () => Promise<unknown>): Promise<Page> {
  const [page] = await Promise.all([ext.context.waitForEvent('page'), call()]);
  await page.waitForSelector('#results li');
  return page;
}

const privateWords = [PRIVATE, encodeURIComponent(PRIVATE), '李四', encodeURIComponent('李四'), encodeURIComponent('开通流量')];

describe('the search page opened from a selection or the omnibox', () => {
  it('finds the text, keeps it over a reload, and leaves none of it in the tab address or History; gone after a restart, it says so', async () => {
    const first = await tabOpenedBy(() => ext.worker.evaluate((text) => hall10086.onMenuClicked({ menuItemId: 'lookup-selection', selectionText: text }), SELECTION));
    expect(await first.inputValue('#search')).toBe(SELECTION);
    expect(await first.$$eval('#results li', (lis) => lis.map((li) => li.getAttribute('data-id')))).toContain('KTGPRS');
    const second = await tabOpenedBy(() => ext.worker.evaluate((text) => hall10086.onInputEntered(text, 'newForegroundTab'), OTHER));
    expect(await second.inputValue('#search')).toBe(OTHER);
    for (const url of [first.url(), second.url()]) {
      expect(url).toMatch(/popup\.html#\/search\?from=[\w-]+$/);
      for (const word of privateWords) expect(url).not.toContain(word);
    }
    // Each tab keeps its own text over a reload, the second opening notwithstanding.
    await first.reload();
    await first.waitForSelector('#results li');
    expect(await first.inputValue('#search')).toBe(SELECTION);
    expect(await first.$('#handoff-gone')).toBeNull();
    const firstUrl = first.url();

    await ext.context.close();
    const urls = historyUrls(ext.profile);
    expect(urls.some((url) => url.includes('popup.html#/search?from='))).toBe(true);
    expect(urls.filter((url) => privateWords.some((word) => url.includes(word)))).toEqual([]);

    // The browser started again on the same profile, the tab's address restored: the text is gone, and the page says so in both languages.
    const again = await chromium.launchPersistentContext(ext.profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      locale: 'zh-CN',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    });
    try {
      const restored = await again.newPage();
      const errors: string[] = [];
      restored.on('pageerror', (e) => errors.push(e.message));
      await restored.goto(firstUrl);
      await restored.waitForSelector('#handoff-gone');
      const said = await restored.textContent('#handoff-gone');
      expect(said).toContain('所选文字已不在这里');
      expect(said).toContain('The selected text is no longer here');
      expect(await restored.inputValue('#search')).toBe('');
      // The box still works.
      await restored.fill('#search', '流量');
      await restored.waitForSelector('#results li');
      expect(errors).toEqual([]);
    } finally {
      await again.close();
      await rm(ext.profile, { recursive: true, force: true });
    }
  }, 180_000);
});
