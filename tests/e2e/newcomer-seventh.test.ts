import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Shortcut } from '../../src-renderer/shell/shortcuts';
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

/** Sends YE from its page and waits for the Overview table to show the balance 10086 replied. */
const balanceOnOverview = async () => {
  await open('#/instruction/YE', '#instruction-name');
  await page.locator('article.instruction button.primary').click();
  // Sent, the app shows the thread: the Overview is opened after that, not raced by it.
  await page.waitForURL(/#\/thread/);
  await open('#/overview', '#overview-heading');
  await page.waitForSelector('.overview-table td[data-kind="balance.balance"] strong', { timeout: 30_000 });
};

/** Each badge of a cell, with whether it shows whole inside the cell (not cut by its edge or an ellipsis). */
const badgesShown = (cell: string) =>
  page.locator(cell).first().evaluate((th) => {
    const box = th.getBoundingClientRect();
    return [...th.querySelectorAll('.badge')].map((b) => {
      const r = b.getBoundingClientRect();
      const inside = r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
      // What is seen: the words a screen reader alone reads with the badge (ux30's DEMO meaning) are no part of it.
      const seen = b.cloneNode(true) as Element;
      seen.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return { text: seen.textContent?.trim(), whole: inside && b.scrollWidth <= b.clientWidth + 1 && r.width > 0 };
    });
  });

describe('a SIM’s cell on the Overview', () => {
  it.each([['English', 'low'], ['简体中文', '不足']] as const)('keeps DEMO and %s’s low badge whole beside a long name, the name whole in its title', async (language, low) => {
    await inLanguage(language);
    await open('#/settings', '#alert-balanceYuan');
    await page.fill('#alert-balanceYuan', '1000');
    await balanceOnOverview();
    await page.locator('.overview-table tbody button', { hasText: /Edit label|编辑标签/ }).first().click();
    const long = '张三的工作卡（营业厅前台二号机，周末借给李四）';
    await page.fill('#fleet-name', long);
    await page.keyboard.press('Enter');
    await page.waitForFunction((name) => document.querySelector('.overview-table tbody th[scope="row"]')?.textContent?.includes(name), long);
    const badges = await badgesShown('.overview-table tbody th[scope="row"]');
    expect(badges.map((b) => b.text)).toEqual(['DEMO', low]);
    for (const b of badges) expect(b, `${b.text} shown whole`).toEqual({ text: b.text, whole: true });
    // The name gives way: whole in its title, and a screen reader still hears it whole.
    expect(await page.locator(`.overview-table tbody th[scope="row"] [title="${long}"]`).count()).toBe(1);
    await expect(page.getByRole('button', { name: long, exact: true }).count()).resolves.toBe(1);
  });
});

describe('a setting that saves as it is typed', () => {
  const alerts = () => page.locator('fieldset', { has: page.locator('#alert-balanceYuan') });

  it('says 已保存 politely once a threshold is stored, and says so again after the next change', async () => {
    await open('#/settings', '#alert-balanceYuan');
    await page.fill('#alert-balanceYuan', '20');
    const status = alerts().getByRole('status');
    await expect.poll(() => status.textContent()).toBe('已保存。');
    expect(await status.getAttribute('role')).toBe('status');
    await page.fill('#alert-balanceYuan', '25');
    await expect.poll(() => status.textContent()).toBe('已保存。');
    expect(await page.evaluate(() => localStorage.getItem('hall10086.alertThresholds'))).toContain('25');
  });

  it.each([
    ['简体中文', '没能保存'],
    ['English', 'Not saved'],
  ] as const)('says in %s, as an alert, that the browser refused to store it, and never says saved', async (language, words) => {
    await inLanguage(language);
    await open('#/settings', '#alert-balanceYuan');
    // What a browser with storage switched off, or a full disk, does.
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.fill('#alert-dataMb', '500');
    const alert = alerts().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(words);
    expect(await alerts().getByRole('status').textContent()).toBe('');
    // The language, chosen now, applies but is not kept: that is said too.
    await page.getByRole('radio', { name: '繁體中文', exact: true }).check();
    const langAlert = page.locator('fieldset', { has: page.getByRole('radio', { name: '繁體中文', exact: true }) }).getByRole('alert');
    expect(await langAlert.textContent()).toContain('沒能儲存');
  });
});

describe('the keyboard shortcuts page', () => {
  /** Every row the page must have, from the same table the key handlers ask (zh-Hans, the suite's language). */
  const expectedRows = async () => {
    const { SHORTCUTS, VIEW_ORDER } = await import('../../src-renderer/shell/shortcuts');
    const { translate } = await import('../../src-renderer/i18n');
    return Object.values(SHORTCUTS).flatMap((place) =>
      (Object.values(place) as Shortcut[]).flatMap((s) =>
        s === SHORTCUTS.anywhere.views ? VIEW_ORDER.map((v) => translate('zh-Hans', s.what, { view: translate('zh-Hans', `nav.${v}`) })) : [translate('zh-Hans', s.what)],
      ),
    );
  };

  it('opens with ?, lists every shortcut the app has, keeps the focus inside, and Esc gives it back', async () => {
    await open('#/thread', '.composer input:not([disabled])');
    const searchLog = page.getByRole('button', { name: '搜索记录' });
    await searchLog.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
    await dialog.waitFor();
    const listed = await dialog.locator('tbody td').allTextContents();
    expect(listed.sort()).toEqual((await expectedRows()).sort());
    expect(await dialog.locator('kbd kbd', { hasText: 'Alt' }).count()).toBe(5);
    // Tab and Shift+Tab never leave it.
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await searchLog.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it('opens from the header’s help button too, and Close hands the focus back to it; a ? typed in a field stays a ?', async () => {
    await open('#/thread', '.composer input:not([disabled])');
    const help = page.getByRole('button', { name: '键盘快捷键' });
    await help.click();
    const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
    await dialog.getByRole('button', { name: '关闭' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await help.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.focus('.composer input');
    await page.keyboard.type('?');
    expect(await page.inputValue('.composer input')).toBe('?');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});

describe('lists as a screen reader meets them', () => {
  it('groups the instruction list by category: each option inside a group named by its heading', async () => {
    await open('#/catalog', '#catalog-option-0');
    const listbox = page.getByRole('listbox');
    const billing = listbox.getByRole('group', { name: '话费与账单', exact: true });
    expect(await billing.getByRole('option').count()).toBeGreaterThan(3);
    expect(await billing.getByRole('option', { name: /^YE/ }).count()).toBe(1);
    // Every option is in a group, and the groups are the categories in order.
    const options = await listbox.getByRole('option').count();
    const grouped = await listbox.getByRole('group').getByRole('option').count();
    expect(grouped).toBe(options);
    const names = await listbox.getByRole('group').evaluateAll((groups) => groups.map((g) => document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent));
    expect(names.slice(0, 2)).toEqual(['话费与账单', '手机上网']);
  });

  it('reads the thread as a list of messages, each named by who wrote it and when', async () => {
    await open('#/instruction/YE', '#instruction-name');
    await page.locator('article.instruction button.primary').click();
    await page.waitForURL(/#\/thread/);
    const log = page.getByRole('log');
    const mine = log.getByRole('listitem').getByRole('article', { name: /^我 \d{2}:\d{2}( UTC\+8)?$/ });
    const theirs = log.getByRole('listitem').getByRole('article', { name: /^10086 \d{2}:\d{2}( UTC\+8)?$/ });
    await theirs.first().waitFor({ timeout: 30_000 });
    // A reply of two parts is one message once both are in.
    await expect.poll(() => theirs.first().textContent(), { timeout: 30_000 }).toContain('余额');
    expect(await mine.count()).toBe(1);
    expect(await theirs.count()).toBe(1);
    expect(await log.getByRole('listitem').first().getAttribute('aria-setsize')).toBe('2');
  });
});

describe('a text 10086 does not know', () => {
  it('is said not done in the reader’s language, above the search for what was sent', async () => {
    await inLanguage('English');
    await open('#/thread', '.composer input:not([disabled])');
    await page.fill('.composer input', 'hello 10086');
    await page.keyboard.press('Enter');
    const reply = page.getByRole('article', { name: /^10086 / }).filter({ hasText: '指令有误' });
    await reply.waitFor({ timeout: 30_000 });
    expect(await reply.locator('.bubble-outcome').textContent()).toBe('Not done: 10086 did not recognise this instruction.');
    expect(await reply.getByRole('link', { name: 'Search the catalog for “hello 10086”' }).count()).toBe(1);
    // The instructions 10086 suggests, named in English (10086's own words are 查余额, 查流量…).
    expect(await reply.locator('.reply-menu button').first().textContent()).toBe('YE Check balance');
  });
});

describe('an instruction typed bare in the composer', () => {
  it('opens its form without an error on the empty field; Send then shows it', async () => {
    await open('#/thread', '.composer input:not([disabled])');
    await page.fill('.composer input', 'ZD');
    await page.keyboard.press('Enter');
    const month = page.locator('.composer-form input').first();
    await month.waitFor();
    expect(await page.locator('.composer-form .field-error').count()).toBe(0);
    expect(await month.getAttribute('aria-invalid')).not.toBe('true');
    await page.locator('.composer-form button.primary').click();
    expect(await page.locator('.composer-form .field-error').count()).toBe(1);
  });
});
