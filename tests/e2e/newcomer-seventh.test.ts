import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, type Served } from './ui-kit';

/*
 * The seventh round's newcomer hour (session 14, ux17): what a newcomer meets in the built UI on the
 * demo modem, in English and in Chinese.
 */

let server: Served;
let page: Page;
browserSuite({ artifactPrefix: 'newcomer-seventh-', openApp: true }, (suite) => {
  ({ server, page } = suite);
});

const open = async (hash: string, ready: string) => {
  await page.goto(`${server.base}${hash}`);
  await page.waitForSelector(ready, { timeout: 30_000 });
};

/** The UI in one of its three languages, chosen in Settings as a user does. */
const inLanguage = async (name: '简体中文' | '繁體中文' | 'English') => {
  await open('#/settings', '#settings-heading');
  await page.getByRole('radio', { name, exact: true }).check();
};

const HAN = /\p{Script=Han}/u;

describe('a search in English', () => {
  it('says what matched in English, never with a Traditional synonym the reader did not type', async () => {
    await inLanguage('English');
    await open('#/catalog', '#catalog-search');
    await page.fill('#catalog-search', 'how much data do I have left');
    await page.waitForSelector('#catalog-option-0 .result-name');
    const notes = await page.locator('#catalog-results .result-matched').allTextContents();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note).not.toMatch(HAN);
  });
});
