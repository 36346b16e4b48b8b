import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../src-extension/build';
import { launchWithExtension } from '../../src-extension/load-in-chromium';
import { builtExtensionProfile, historyUrls } from './extension-history';

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

const loaded = builtExtensionProfile();


async function tabOpenedBy(call: () => Promise<unknown>): Promise<Page> {
  const [page] = await Promise.all([loaded().context.waitForEvent('page'), call()]);
  await page.waitForSelector('#results li');
  return page;
}

const privateWords = [PRIVATE, encodeURIComponent(PRIVATE), '李四', encodeURIComponent('李四'), encodeURIComponent('开通流量')];

describe('the search page opened from a selection or the omnibox', () => {
  it('finds the text, keeps it over a reload, and leaves none of it in the tab address or History; gone after a restart, it says so', async () => {
    const first = await tabOpenedBy(() => loaded().worker.evaluate((text) => hall10086.onMenuClicked({ menuItemId: 'lookup-selection', selectionText: text }), SELECTION));
    expect(await first.inputValue('#search')).toBe(SELECTION);
    expect(await first.$$eval('#results li', (lis) => lis.map((li) => li.getAttribute('data-id')))).toContain('KTGPRS');
    const second = await tabOpenedBy(() => loaded().worker.evaluate((text) => hall10086.onInputEntered(text, 'newForegroundTab'), OTHER));
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

    await loaded().context.close();
    const urls = historyUrls(loaded().profile);
    expect(urls.some((url) => url.includes('popup.html#/search?from='))).toBe(true);
    expect(urls.filter((url) => privateWords.some((word) => url.includes(word)))).toEqual([]);

    // The browser started again on the same profile, the tab's address restored: the text is gone, and the page says so in both languages.
    const again = await launchWithExtension(loaded().profile, EXTENSION_DIR, 'zh-CN');
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
      await rm(loaded().profile, { recursive: true, force: true });
    }
  }, 180_000);
});
