import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { FAST } from '../integration/session-kit';
import { coreSuite } from './core-suite';
import { axeViolations, modemReady } from './ui-kit';

/*
 * ux25: the clerk who works by keyboard and the user with a screen reader, walked through the app without
 * a mouse, from a start with no modem: a modem typed in and coming up, the SIM tabs, a failed send and its
 * Retry, with axe-core run in each state on the way (not only on the empty page). Real core with no demo
 * modem, two emulated modems on real pseudo-terminals (socat), real Chromium and IndexedDB.
 */

const SIMS = [
  { iccid: '89860012345678904402', imsi: '460001234564402' },
  { iccid: '89860012345678904403', imsi: '460001234564403' },
] as const;

let modems: PtyEmulator[] = [];
beforeAll(async () => {
  modems = await Promise.all(SIMS.map((sim) => startPtyEmulator({ emulatorOptions: { ...FAST, sim } })));
}, 60_000);
afterAll(async () => {
  await Promise.all(modems.map((m) => m.close().catch(() => undefined)));
});

let page: Page;
// A core and page of their own per test: what one test connected or failed is not what the next starts from.
coreSuite({ dirPrefix: 'hall-ux25-keyboard-', core: (dataDir) => HallCore.create({ dataDir, demo: false }), perTest: true }, (suite) => {
  ({ page } = suite);
});

/** What has the focus, as a selector-like line a failure message can show. */
const focused = () =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    return `${a.tagName.toLowerCase()}${a.getAttribute('role') ? `[role=${a.getAttribute('role')}]` : ''} “${(a.getAttribute('aria-label') ?? a.textContent ?? '').trim().slice(0, 40)}”`;
  });

/** Where `tab` stands among the thread's tabs (-1: it is none of them). */
const indexOf = (tab: Locator) => tab.evaluate((el) => [...document.querySelectorAll('[role=tab]')].indexOf(el)).catch(() => -1);

/** Types a port under the Modem page's list and presses Enter, all by keyboard (Alt+3 to the page). */
async function connectByKeyboard(path: string): Promise<void> {
  await page.keyboard.press('Alt+3');
  const field = page.locator('#port-by-path');
  await field.waitFor({ timeout: 30_000 });
  await field.focus();
  // The field keeps the last port typed (to try it again): what is typed now replaces it.
  await page.keyboard.press('Control+A');
  await page.keyboard.type(path);
  await page.keyboard.press('Enter');
  await modemReady(page, path).waitFor({ timeout: 30_000 });
}

/** The first modem connected by keyboard, then a view opened by its key (Alt+1 the catalog, Alt+2 the thread). */
async function firstModemThen(viewKey: string): Promise<PtyEmulator> {
  await connectByKeyboard(modems[0]!.path);
  await page.keyboard.press(viewKey);
  return modems[0]!;
}

/** The first modem connected by keyboard and its thread opened (Alt+2): its composer's line, once it can send. */
async function firstThreadLine(): Promise<Locator> {
  await firstModemThen('Alt+2');
  const composer = page.locator('.composer input:not([disabled])');
  await composer.waitFor({ timeout: 30_000 });
  return composer;
}

/** axe's findings in each state a test reaches, one line each: empty is the bar. */
const report: string[] = [];
async function axe(state: string): Promise<void> {
  for (const v of await axeViolations(page)) report.push(`${state}: ${v}`);
}

describe('by keyboard and screen reader, from a start with no modem', () => {
  it('a modem typed on the Modem page is said as it comes up, while the focus stays in the field', async () => {
    await axe('start, no modem');
    await page.keyboard.press('Alt+3');
    const field = page.locator('#port-by-path');
    await field.waitFor({ timeout: 30_000 });
    await axe('Modem page, no modem');
    await field.focus();
    await page.keyboard.type(modems[0]!.path);
    await page.keyboard.press('Enter');
    // Said in a polite status, not only shown as a card above the list: the focus is still on the field.
    const news = page.getByRole('status').filter({ hasText: modems[0]!.path });
    const said = async () => ((await news.count()) === 1 ? await news.textContent() : `${await news.count()} status regions name the port`);
    await expect.poll(said, { timeout: 30_000 }).toMatch(/^已连接 .+：就绪$/);
    expect(await focused()).toBe('input “”');
    await axe('Modem page, a modem ready');
    expect(report).toEqual([]);
  }, 90_000);

  it('the SIM tabs are one Tab stop, ← → Home End move between them and Enter opens one', async () => {
    for (const m of modems) await connectByKeyboard(m.path);
    await page.keyboard.press('Alt+2');
    const tabs = page.getByRole('tab');
    await expect.poll(() => tabs.count(), { timeout: 30_000 }).toBe(3);
    const selected = page.locator('[role=tab][aria-selected=true]');
    expect((await tabs.nth(2).textContent())!.trim()).toBe('助手');
    const openAt = await indexOf(selected);
    // Only the open thread's tab is reached by Tab; the others by the arrows.
    expect(await page.locator('[role=tab][tabindex="0"]').count()).toBe(1);
    await selected.focus();
    const focusedTab = () => indexOf(page.locator('[role=tab]:focus'));
    const steps: [string, number][] = [['Home', 0], ['ArrowRight', 1], ['ArrowRight', 2], ['ArrowRight', 0], ['ArrowLeft', 2], ['Home', 0], ['End', 2]];
    for (const [key, at] of steps) {
      await page.keyboard.press(key);
      expect([key, await focusedTab()]).toEqual([key, at]);
    }
    // Manual activation: the arrows moved the focus only, nothing was opened.
    expect(await indexOf(selected)).toBe(openAt);
    // Enter opens the other SIM's thread.
    const other = openAt === 0 ? 1 : 0;
    await page.keyboard.press('Home');
    if (other === 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => indexOf(selected)).toBe(other);
    await axe('thread of the second SIM');
    expect(report).toEqual([]);
  }, 120_000);

  it('each SIM tab controls its tab panel, labelled by it; Tab from the selected tab lands in it, which says an empty thread is empty', async () => {
    for (const m of modems) await connectByKeyboard(m.path);
    await page.keyboard.press('Alt+2');
    const tabs = page.getByRole('tab');
    await expect.poll(() => tabs.count(), { timeout: 30_000 }).toBe(3);
    /** Per tab, what a screen reader is told of its panel: one line each, so a failure shows which relation broke. */
    const relations = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[role=tab]')].map((tab) => {
          const name = tab.textContent!.trim().slice(0, 12).trim();
          const controls = tab.getAttribute('aria-controls');
          const panel = controls ? document.getElementById(controls) : null;
          if (!panel) return `${name}: aria-controls=${controls} names no element`;
          const selected = tab.getAttribute('aria-selected') === 'true';
          const shown = !panel.hidden && panel.getClientRects().length > 0;
          return `${name}: ${panel.getAttribute('role')} labelled by ${panel.getAttribute('aria-labelledby') === tab.id && tab.id ? 'this tab' : panel.getAttribute('aria-labelledby')}, ${selected ? 'selected' : 'not selected'}, ${shown ? 'shown' : 'hidden'}`;
        }),
      );
    const names = (await tabs.allTextContents()).map((n) => n.trim().slice(0, 12).trim());
    const expected = (selectedAt: number) => names.map((n, i) => `${n}: tabpanel labelled by this tab, ${i === selectedAt ? 'selected, shown' : 'not selected, hidden'}`);
    const selected = page.locator('[role=tab][aria-selected=true]');
    for (const at of [await indexOf(selected), (await indexOf(selected)) === 0 ? 1 : 0, 2]) {
      // Opened as today: focused by the arrows, opened by Enter (manual activation).
      await page.locator('[role=tab][tabindex="0"]').focus();
      await page.keyboard.press('Home');
      for (let i = 0; i < at; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await expect.poll(() => indexOf(selected)).toBe(at);
      await expect.poll(relations, { timeout: 15_000 }).toEqual(expected(at));
      // The next Tab stop after the tab list is inside the panel that tab controls.
      await selected.focus();
      await page.keyboard.press('Tab');
      const inPanel = () =>
        page.evaluate(() => {
          const panel = document.activeElement?.closest('[role=tabpanel]');
          const tab = document.querySelector('[role=tab][aria-selected=true]');
          return panel ? (panel.id === tab?.getAttribute('aria-controls') ? 'in the selected tab\'s panel' : `in panel ${panel.id}`) : 'outside any tab panel';
        });
      expect([names[at], await inPanel()]).toEqual([names[at], 'in the selected tab\'s panel']);
      if (at < 2) {
        // No message on this SIM yet: its panel says so, in the UI's language.
        const panelText = () => selected.evaluate((tab) => document.getElementById(tab.getAttribute('aria-controls') ?? '')?.textContent ?? 'no panel');
        await expect.poll(panelText, { timeout: 15_000 }).toContain('这张 SIM 卡还没有和 10086 的消息');
      }
      await axe(`tab panel of ${names[at]}`);
    }
    expect(report).toEqual([]);
  }, 150_000);

  // ux29: the panel was a Tab stop of its own even with the composer in it, and the open log search sat between the tabs and their panel.
  it('the tab panel is a Tab stop only while nothing in it takes the focus, and the open log search comes before the tabs', async () => {
    await firstThreadLine();
    const selected = page.locator('[role=tab][aria-selected=true]');
    const panelTabindex = () => selected.evaluate((tab) => document.getElementById(tab.getAttribute('aria-controls') ?? '')?.getAttribute('tabindex') ?? 'none');
    // The composer is in the panel: Tab from the tab goes straight to it, as from any tab list to its panel's first control.
    expect(await panelTabindex()).toBe('none');
    await selected.focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('input[role=combobox] “输入指令”');

    // The log search, opened by keyboard: its field and Close come before the tabs, never between the tabs and their panel.
    await page.getByRole('button', { name: '搜索记录' }).focus();
    await page.keyboard.press('Enter');
    const field = page.getByRole('searchbox', { name: '搜索记录' });
    await field.waitFor();
    expect(await focused()).toBe('input “搜索记录”');
    await axe('thread with the log search open');
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual(['button “关闭搜索”', `button[role=tab] “${(await selected.textContent())!.trim()}”`, 'input[role=combobox] “输入指令”']);
    // Esc in the field still closes it, the focus back on the button that opened it.
    await field.focus();
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('button “搜索记录”');

    // The modem gone, its SIM's empty thread has nothing to act on: then the panel itself is the Tab stop, and says why it is empty.
    await page.keyboard.press('Alt+3');
    await page.getByRole('button', { name: /^断开 / }).click();
    await page.getByRole('button', { name: '重新连接' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Alt+2');
    await page.locator('.composer input[disabled]').waitFor({ timeout: 30_000 });
    await expect.poll(panelTabindex, { timeout: 15_000 }).toBe('0');
    await selected.focus();
    await page.keyboard.press('Tab');
    expect((await focused()).startsWith('div[role=tabpanel]')).toBe(true);
    await axe('thread of a SIM whose modem is gone');
    expect(report).toEqual([]);
  }, 120_000);

  // ux29: the shortcuts page says Esc closes the log search; it did so only from its field, not from Close or a result.
  it('Esc closes the open log search from anywhere in it, the focus back on its button', async () => {
    const composer = await firstThreadLine();
    await composer.focus();
    await page.keyboard.type('YE');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.locator('.bubble-line.out', { hasText: 'YE' }).waitFor({ timeout: 30_000 });
    const search = page.locator('.log-search');
    for (const from of ['button “关闭搜索”', 'button “在对话中查看”']) {
      await page.getByRole('button', { name: '搜索记录' }).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.type('YE');
      await page.locator('.log-result').first().waitFor({ timeout: 15_000 });
      // Tab from the field to Close, then to the first result's "show in thread".
      for (let i = 0; i < 6 && (await focused()) !== from; i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      expect([from, await search.count(), await focused()]).toEqual([from, 0, 'button “搜索记录”']);
    }
    expect(report).toEqual([]);
  }, 120_000);

  // ux30: with no SIM at all, the empty Overview said to send YE, with nothing to send it from.
  it('the empty Overview with no SIM leads to the Modem page', async () => {
    await page.keyboard.press('Alt+5');
    const empty = page.locator('.overview .empty');
    await empty.waitFor({ timeout: 30_000 });
    expect(await empty.textContent()).toBe('还没有数字，也还没有 SIM。先到「设备」页连接调制解调器，再回到这里查询。');
    await axe('empty Overview');
    await empty.getByRole('link', { name: '设备' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/modem');
    expect(report).toEqual([]);
  }, 90_000);

  // ux30: no key opened the log search (Ctrl+F is the browser's find); now Ctrl+Shift+F, from the composer too.
  it('Ctrl+Shift+F opens the log search from the composer, keeps what was typed, and is on the shortcuts page', async () => {
    const composer = await firstThreadLine();
    await composer.focus();
    await page.keyboard.type('请问');
    await page.keyboard.press('Control+Shift+F');
    const field = page.locator('.log-search input[type=search]');
    await field.waitFor({ timeout: 15_000 });
    const opened = [await focused(), await composer.inputValue()];
    // A second press while it is open brings the focus back to its field (from its Close, say).
    await page.getByRole('button', { name: '关闭搜索' }).focus();
    await page.keyboard.press('Control+Shift+F');
    await page.waitForFunction(() => document.activeElement?.matches('.log-search input') === true, undefined, { timeout: 15_000 });
    await axe('log search opened by its key');
    await page.keyboard.press('Escape');
    const closed = [await page.locator('.log-search').count(), await focused()];
    expect([...opened, ...closed]).toEqual(['input “搜索记录”', '请问', 0, 'input[role=combobox] “输入指令”']);
    expect(await page.getByRole('button', { name: '搜索记录' }).getAttribute('aria-keyshortcuts')).toBe('Control+Shift+F Meta+Shift+F');
    await page.keyboard.press('Alt+5');
    await page.locator('#main').focus();
    await page.keyboard.press('?');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor({ timeout: 15_000 });
    const row = dialog.locator('tr, li, dt, dd, p').filter({ hasText: '打开记录搜索' }).first();
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('Ctrl+Shift+F');
    await page.keyboard.press('Escape');
    expect(report).toEqual([]);
  }, 120_000);

  // ux29: Esc with no suggestions cleared the line for good; a long free text was lost to a second Esc.
  it('a line Esc cleared comes back with Ctrl+Z, unless it carried a password', async () => {
    const composer = await firstThreadLine();
    /** Types `text`, then Esc until the line is empty (the first may only close the suggestions), then Ctrl+Z. */
    const clearThenUndo = async (text: string) => {
      await composer.focus();
      await page.keyboard.type(text);
      for (let i = 0; i < 3 && (await composer.inputValue()) !== ''; i++) await page.keyboard.press('Escape');
      const cleared = await composer.inputValue();
      const said = await page.locator('#composer-note').textContent();
      await page.keyboard.press('Control+Z');
      return { cleared, said, back: await composer.inputValue() };
    };
    expect(await clearThenUndo('请问我这个月的套餐还剩多少分钟')).toEqual({ cleared: '', said: '已清空这一行。按 Ctrl+Z 恢复。', back: '请问我这个月的套餐还剩多少分钟' });
    await page.keyboard.press('Escape');
    // At a hall desk the next customer must not get the last one's password back.
    const secret = await clearThenUndo('MMXG#135790#246801#246801');
    expect([secret.cleared, secret.back]).toEqual(['', '']);
    expect(secret.said).not.toContain('Ctrl+Z');
    expect(report).toEqual([]);
  }, 120_000);

  // ux31: Esc in the catalog's search emptied it for good (the composer's line had Ctrl+Z since ux29).
  it('a catalog search Esc cleared comes back with Ctrl+Z, unless it carried a password', async () => {
    const search = page.locator('#catalog-search');
    await search.waitFor({ timeout: 30_000 });
    const clearThenUndo = async (text: string) => {
      await search.focus();
      await page.keyboard.type(text);
      await page.keyboard.press('Escape');
      const cleared = await search.inputValue();
      const said = await page.locator('#catalog-search-note').textContent();
      await page.keyboard.press('Control+Z');
      return { cleared, said, back: await search.inputValue() };
    };
    expect(await clearThenUndo('查一下本月剩余流量')).toEqual({ cleared: '', said: '已清空搜索。按 Ctrl+Z 恢复。', back: '查一下本月剩余流量' });
    expect(await page.locator('#catalog-search-note').textContent()).toBe('↑↓ 选择 · Enter 打开 · Esc 清空 · / 回到搜索框');
    expect(await axeViolations(page, '.search-box')).toEqual([]);
    await page.keyboard.press('Escape');
    const secret = await clearThenUndo('MMXG#135790#246801#246801');
    expect([secret.cleared, secret.back]).toEqual(['', '']);
    expect(secret.said).not.toContain('Ctrl+Z');
  }, 120_000);

  // ux31: on a Mac the line said Ctrl+Z, a key that does nothing there (⌘Z undoes).
  it('on a Mac the cleared line names ⌘Z, and ⌘Z brings it back', async () => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }));
    await page.reload();
    // The app's keys listen once it is up (as openApp waits): Alt+3 pressed before went nowhere.
    await page.locator('#catalog-search').waitFor({ timeout: 60_000 });
    const composer = await firstThreadLine();
    await composer.focus();
    await page.keyboard.type('请问我这个月的套餐还剩多少分钟');
    for (let i = 0; i < 3 && (await composer.inputValue()) !== ''; i++) await page.keyboard.press('Escape');
    expect(await page.locator('#composer-note [role=status]').textContent()).toBe('已清空这一行。按 ⌘Z 恢复。');
    await page.keyboard.press('Meta+Z');
    expect(await composer.inputValue()).toBe('请问我这个月的套餐还剩多少分钟');
  }, 120_000);

  it('Send and Retry pressed by keyboard keep the focus in the thread, not on the page', async () => {
    const modem = await firstModemThen('Alt+2');
    const composer = page.locator('.composer input:not([disabled])');
    await composer.waitFor({ timeout: 30_000 });
    // Tab to Send and Enter: the focus is back on the line, where the next instruction is typed.
    await composer.focus();
    await page.keyboard.type('YE');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button “发送”');
    await page.keyboard.press('Enter');
    const ye = page.locator('.bubble-line.out', { hasText: 'YE' });
    await ye.waitFor({ timeout: 30_000 });
    expect(await focused()).toBe('input[role=combobox] “输入指令”');
    // YE's bubble shows once it is queued: its AT+CMGS may still be to come, and under load the fault below took it
    // (YE failed, JF went out, no failed JF in 30 s). Armed once YE is delivered, the fault is JF's.
    await ye.locator('.state-delivered').waitFor({ timeout: 30_000 });
    // The network refuses the next send (+CMS ERROR: 38): JF fails, with Retry.
    modem.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    await composer.focus();
    await page.keyboard.type('JF');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    const failed = page.locator('.bubble-failed', { hasText: 'JF' });
    await failed.waitFor({ timeout: 30_000 });
    await axe('thread with a failed send');
    // The Overview's row for this SIM now has its "发送失败 1 次" link beside the SIM's name.
    await page.keyboard.press('Alt+5');
    await page.locator('.fleet-failures').waitFor({ timeout: 30_000 });
    await axe('Overview with a failed send');
    await page.keyboard.press('Alt+2');
    await failed.waitFor({ timeout: 30_000 });

    const retry = failed.getByRole('button', { name: '重试' });
    await retry.focus();
    await page.keyboard.press('Enter');
    // The retry goes out as a message of its own and is delivered; the failed try stays, its Retry now leading to the
    // retry (a second is refused, mend47), and the focus stays on that button.
    const delivered = page.locator('.bubble-line.out', { hasText: 'JF' }).locator('.state-delivered');
    await expect.poll(() => delivered.count(), { timeout: 30_000 }).toBe(1);
    await failed.getByRole('button', { name: '已重试：看重试的那条' }).waitFor({ timeout: 30_000 });
    expect(await focused()).toBe('button “已重试：看重试的那条”');
    // And the keyboard carries on from there: Tab goes on in the thread, not from the page's skip link.
    await page.keyboard.press('Tab');
    expect(await focused()).not.toMatch(/skip|^body$/);
    expect(report).toEqual([]);
  }, 120_000);

  // A guard (this passed before ux25's changes too): the risky and the menu confirmations by keyboard, judged by axe while open.
  // flaky50: the page's keys were heard from an effect run after the first paint, so a key pressed as the page showed was lost.
  it('Alt+3 pressed as the page first shows opens the Modem page', async () => {
    await page.addInitScript(() => {
      // The moment the search box is in the page (as the clerk sees it), before anything else runs.
      new MutationObserver((_, seen) => {
        if (!document.getElementById('catalog-search')) return;
        seen.disconnect();
        document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: '3', code: 'Digit3', altKey: true, bubbles: true, cancelable: true }));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await page.locator('#catalog-search, #port-by-path').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 15_000 }).toBe('#/modem');
  }, 120_000);

  // flaky50: a view opened by its key showed a task later (at the hashchange), and what was typed meanwhile went to the
  // view being left: the Modem page's port field got 改密码, the catalog's search stayed empty and Enter opened YE.
  it('what is typed right after Alt+1 goes to the catalog’s search, not to the field of the view being left', async () => {
    await page.keyboard.press('Alt+3');
    const field = page.locator('#port-by-path');
    await field.waitFor({ timeout: 30_000 });
    await field.focus();
    // Alt+1 pressed in the port field; where the next key goes, as found before any other task: Chromium handles input
    // ahead of other tasks, so the next key may come before the hashchange and the render it asks.
    const next = await field.evaluate(
      (el) =>
        new Promise<string>((resolve) => {
          el.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', altKey: true, bubbles: true, cancelable: true }));
          queueMicrotask(() => resolve(document.activeElement?.id || document.activeElement?.tagName || 'none'));
        }),
    );
    expect(next).toBe('catalog-search');
  }, 120_000);

  it('MMXG and a menu reply by keyboard: each dialog opens on 取消, Esc gives the focus back, and the password is nowhere in the page', async () => {
    const modem = await firstModemThen('Alt+1');
    await page.keyboard.type('改密码');
    // The option Enter opens (the list before the search, all of the catalog, holds MMXG too: Enter then opened YE).
    await page.locator('.result.active', { hasText: 'MMXG' }).waitFor();
    await page.keyboard.press('Enter');
    for (const [field, value] of [['oldPassword', '135790'], ['newPassword', '246801'], ['newPasswordAgain', '246801']] as const) {
      await page.locator(`#instruction-param-${field}`).focus();
      await page.keyboard.type(value);
    }
    await page.keyboard.press('Control+Enter');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await focused()).toBe('button “取消”');
    await axe('MMXG confirmation open');
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(await focused()).toBe('input “”');
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button “确认发送”');
    await page.keyboard.press('Enter');
    await page.locator('.bubble-line.out', { hasText: 'MMXG' }).locator('.state-delivered').waitFor({ timeout: 30_000 });
    const html = await page.content();
    expect([html.includes('135790'), html.includes('246801')]).toEqual([false, false]);

    // A numbered menu: its buttons are reached by Tab from the thread, each asks first.
    modem.emulator.deliver('10086', '您好！截至04月24日17时10分，您本月已使用移动数据流量1G241.21M，套餐内流量剩余2G386.52M。\n回复序号办理:\n661.流量包\n662.流量加油包\n【中国移动】');
    const option = page.getByRole('button', { name: '661 流量包' });
    await option.waitFor({ timeout: 30_000 });
    await expect.poll(() => option.isEnabled(), { timeout: 15_000 }).toBe(true);
    await axe('thread with a menu reply');
    await option.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await focused()).toBe('button “取消”');
    await axe('menu option asked about');
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('button “661 流量包”');
    expect(report).toEqual([]);
  }, 120_000);

  it('a reply arriving while the user types elsewhere is said in a status, and the focus stays in the field', async () => {
    const modem = await firstModemThen('Alt+1');
    await page.keyboard.type('liuli');
    modem.emulator.deliver('10086', '尊敬的客户，截至04月24日17时10分，您的账户余额为35.20元。【中国移动】');
    const news = page.getByRole('status').filter({ hasText: '新消息' });
    await expect.poll(async () => ((await news.count()) === 1 ? await news.textContent() : `${await news.count()} status regions say it`), { timeout: 30_000 }).toBe(
      'SIM …904402 收到 10086 的新消息，共 1 条未读。',
    );
    expect(await focused()).toBe('input[role=combobox] “搜索指令”');
    expect(await page.locator('#catalog-search').inputValue()).toBe('liuli');
    await axe('catalog, typing, a reply unread');

    // In the SIM's own thread its message list (a log, read politely) says the reply, not the status a second time;
    // the line being typed keeps the focus and its text.
    await page.keyboard.press('Alt+2');
    const composer = page.locator('.composer input:not([disabled])');
    await composer.waitFor({ timeout: 30_000 });
    await page.keyboard.type('CXLL');
    modem.emulator.deliver('10086', '尊敬的客户，截至04月24日17时12分，您的账户余额为35.10元。【中国移动】');
    const log = page.getByRole('log');
    await expect.poll(() => log.textContent(), { timeout: 30_000 }).toContain('35.10元');
    expect(await news.textContent()).not.toContain('共 2 条');
    expect(await focused()).toBe('input[role=combobox] “输入指令”');
    expect(await composer.inputValue()).toBe('CXLL');
    expect(report).toEqual([]);
  }, 120_000);
});
