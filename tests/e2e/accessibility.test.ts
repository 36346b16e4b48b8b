import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserSuite, type Served } from './ui-kit';
import { en } from '../../src-renderer/i18n/en';
import { zhHans } from '../../src-renderer/i18n/zh-hans';
import { zhHant } from '../../src-renderer/i18n/zh-hant';

/**
 * axe-core (Deque's accessibility engine, the one browser devtools use) over every view and dialog
 * of the built UI in real Chromium, in the light and the dark theme: WCAG 2.2 A and AA rules and
 * axe's best practices (one h1 per page, landmarks). Zero violations is the bar. A failure lists
 * each rule, its help text and the elements, so the message alone says what to fix.
 */


let server: Served;
let page: Page;
browserSuite({ artifactPrefix: 'a11y-', openApp: true }, (suite) => {
  ({ server, page } = suite);
});

/** Runs axe on the page as it is now. */
const violations = () => axeViolations(page);

async function theme(choice: 'light' | 'dark'): Promise<void> {
  await page.evaluate((t) => localStorage.setItem('hall10086.theme', t), choice);
  await page.reload();
  await page.waitForSelector('#catalog-search');
}

async function go(hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForSelector(ready, { timeout: 30_000 });
  // Judged as a user sees it once loaded: fonts in, and no lazy view or first live query still saying "Loading…".
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(
    (loading) => ![...document.querySelectorAll('main p')].some((p) => loading.includes(p.textContent?.trim() ?? '')),
    LOADING,
    { timeout: 30_000 },
  );
}

/** The words a view or list shows while its code or its first query has not come yet, in every language. */
const LOADING = [en['app.loading'], zhHans['app.loading'], zhHant['app.loading']];

/** Each view (and each dialog) as a user reaches it, with what makes it ready to be judged. */
const VIEWS: { name: string; open(): Promise<void> }[] = [
  { name: 'catalog, every instruction', open: () => go('#/', '.result') },
  {
    name: 'catalog, a search with marked matches',
    open: async () => {
      await go('#/', '#catalog-search');
      await page.fill('#catalog-search', '查余额');
      await page.waitForSelector('.result mark');
    },
  },
  { name: 'instruction without parameters (YE)', open: () => go('#/instruction/YE', '#instruction-name') },
  { name: 'instruction with a secret parameter (MMHF)', open: () => go('#/instruction/MMHF', '.secret-input') },
  {
    name: 'instruction with a parameter error (ZD)',
    open: async () => {
      await go('#/instruction/ZD', '#instruction-param-month');
      await page.fill('#instruction-param-month', '202613');
      await page.waitForSelector('.field-error');
    },
  },
  {
    name: 'risky instruction: the confirmation dialog (TJ)',
    open: async () => {
      await go('#/instruction/TJ', '#instruction-name');
      await page.waitForSelector('.instruction .primary:not([disabled])', { timeout: 30_000 });
      await page.click('.instruction .primary');
      await page.waitForSelector('dialog[open]');
    },
  },
  { name: 'thread with the demo SIM', open: () => go('#/thread', '.composer input') },
  {
    name: 'thread composer with suggestions',
    open: async () => {
      await go('#/thread', '.composer input:not([disabled])');
      await page.fill('.composer input', '余额');
      await page.waitForSelector('#composer-suggestions');
    },
  },
  {
    name: 'thread after YE: a delivered instruction and its reply with figures',
    open: async () => {
      await go('#/thread', '.composer input:not([disabled])');
      if ((await page.locator('.bubble-line.in').count()) === 0) {
        await page.fill('.composer input', 'YE');
        await page.keyboard.press('Enter');
      }
      await page.waitForSelector('.bubble-line.in .bubble-figures', { timeout: 45_000 });
      await page.waitForSelector('.state-delivered', { timeout: 45_000 });
    },
  },
  {
    name: 'thread: searching the log',
    open: async () => {
      await go('#/thread', '.thread-header');
      await page.click('.thread-header > button');
      await page.fill('.log-search input', '余额');
      // The search has answered this query (results or "none"): judged with what it shows.
      await page.waitForSelector('.log-search .result-count[data-query="余额"]', { timeout: 30_000 });
    },
  },
  { name: '小e, the assistant', open: () => go('#/assistant', '.assistant') },
  { name: 'modem', open: () => go('#/modem', '.port-list, .empty') },
  { name: 'settings', open: () => go('#/settings', '#province') },
  {
    name: 'settings: the clear-log dialog',
    open: async () => {
      await go('#/settings', '#province');
      await page.waitForSelector('.settings .danger:not([disabled])');
      await page.click('.settings .danger:not([disabled])');
      await page.waitForSelector('dialog[open]');
    },
  },
  { name: 'overview', open: () => go('#/overview', '.overview') },
  {
    name: 'the keyboard shortcuts page (?)',
    open: async () => {
      await go('#/catalog', '#catalog-search');
      await page.click('.shortcuts-button');
      await page.waitForSelector('dialog[open] .shortcuts-table');
    },
  },
];

describe('accessibility (axe-core, WCAG 2.2 AA and best practices)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no violations on any view or dialog, ${scheme} theme`, async () => {
      await theme(scheme);
      const report: string[] = [];
      for (const view of VIEWS) {
        await view.open();
        for (const v of await violations()) report.push(`${view.name}: ${v}`);
        await page.keyboard.press('Escape');
      }
      expect(report).toEqual([]);
    }, 240_000);
  }

  it('can fail: a grey-on-grey button and an unlabelled field are reported', async () => {
    await go('#/', '.result');
    await page.evaluate(() => {
      const bad = document.createElement('div');
      bad.innerHTML = '<button style="color:#bbb;background:#ccc">Go</button><input type="text">';
      document.querySelector('main')!.append(bad);
    });
    const ids = (await violations()).map((v) => v.split(':')[0]);
    expect(ids).toEqual(expect.arrayContaining(['color-contrast', 'label']));
  });
});
