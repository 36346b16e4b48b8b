import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, type BrowserSuite, type Served } from './ui-kit';

/*
 * The eighth round's newcomer hour (session 15, ux18): the thread's day and times, read by a clerk in
 * China and by a user abroad (Playwright's timezoneId), in the built UI on the demo modem.
 */

let server: Served;
let page: Page;
let reopen: BrowserSuite['reopen'];
browserSuite({ artifactPrefix: 'newcomer-eighth-', openApp: false }, (suite) => {
  ({ server, page, reopen } = suite);
});

/** The app in a fresh profile (empty log) on a computer whose clock is in `timezoneId`. */
async function openApp(timezoneId: string, viewport = { width: 1100, height: 760 }): Promise<void> {
  await reopen({ timezoneId, viewport });
  await page.goto(await server.link());
  await page.waitForSelector('#catalog-search');
}

/** The same, on the demo SIM's thread, ready to type. */
async function openThread(timezoneId: string, viewport?: { width: number; height: number }): Promise<void> {
  await openApp(timezoneId, viewport);
  await page.goto(`${server.base}#/thread`);
  await page.waitForSelector('.composer input:not([disabled])');
}

/** Types an instruction in the thread's composer and waits for 10086's reply to it. */
async function sendAndWait(code: string, replyText: string | RegExp): Promise<void> {
  await page.fill('.composer input', code);
  await page.keyboard.press('Enter');
  await page.getByRole('article', { name: /^10086 / }).filter({ hasText: replyText }).last().waitFor({ timeout: 30_000 });
}

/** The service-centre stamp 10086's reply carries, read with IndexedDB itself: "HH:MM" and its offset. */
async function replyStamp(): Promise<{ hhmm: string; offset: string; at: number }> {
  const stamps = await page.evaluate(
    () =>
      new Promise<{ timestamp: string; at: number }[]>((done) => {
        const open = indexedDB.open('hall10086-log');
        open.onsuccess = () => {
          const q = open.result.transaction(['messages'], 'readonly').objectStore('messages').getAll();
          q.onsuccess = () => done(q.result.filter((m) => m.direction === 'in').map((m) => ({ timestamp: m.timestamp, at: m.at })));
        };
      }),
  );
  const m = /T(\d\d:\d\d):\d\d([+-]\d\d:\d\d)$/.exec(stamps[0]!.timestamp)!;
  return { hhmm: m[1]!, offset: m[2]!, at: stamps[0]!.at };
}

describe('a stamp in the thread', () => {
  it('is on the network’s clock, with the zone said, on a computer abroad', async () => {
    await openThread('Europe/London');
    await sendAndWait('YE', '余额');
    const stamp = await replyStamp();
    expect(stamp.offset).toBe('+08:00');
    const reply = page.getByRole('article', { name: /^10086 / }).last();
    // 10086's text says "截至…11时": the bubble under it says the same clock, and which one.
    expect(await reply.locator('time').textContent()).toBe(`${stamp.hhmm} UTC+8`);
    // This computer's own time is there for whoever wants it (London is UTC+0 in December).
    const london = new Date(stamp.at).toISOString().slice(11, 16);
    expect(await reply.locator('time').getAttribute('title')).toBe(`本机时间 ${london}`);
    // Our own instruction, which has no stamp of the network's, is on the same clock.
    expect(await page.getByRole('article', { name: /^我 / }).last().locator('time').textContent()).toMatch(/^\d\d:\d\d UTC\+8$/);
  });

  it('is the plain time in China, where the computer’s clock is the network’s', async () => {
    await openThread('Asia/Shanghai');
    await sendAndWait('YE', '余额');
    const stamp = await replyStamp();
    const time = page.getByRole('article', { name: /^10086 / }).last().locator('time');
    expect(await time.textContent()).toBe(stamp.hhmm);
    expect(await time.getAttribute('title')).toBeNull();
  });
});

describe('the day of the thread', () => {
  it('stays whole above the messages as they scroll, and covers none of them', async () => {
    await openThread('Asia/Shanghai', { width: 1100, height: 620 });
    await sendAndWait('YE', '余额');
    await sendAndWait('CXYEG', '流量');
    await sendAndWait('JF', '积分');
    const scroller = page.locator('.message-scroller');
    expect(await scroller.evaluate((el) => el.scrollHeight > el.clientHeight + 100)).toBe(true);
    for (const top of [0, 12, 20, 40, 90, 200]) {
      await scroller.evaluate((el, y) => (el.scrollTop = y), top);
      await page.waitForFunction((y) => Math.abs(document.querySelector('.message-scroller')!.scrollTop - y) < 1, top);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const seen = await page.evaluate(() => {
        const area = document.querySelector('.message-area')!.getBoundingClientRect();
        const list = document.querySelector('.message-scroller')!.getBoundingClientRect();
        // Each bubble as far as it shows: the list clips what is scrolled past its edges.
        const bubbles = [...document.querySelectorAll('.bubble')]
          .map((b) => b.getBoundingClientRect())
          .map((b) => ({ left: b.left, right: b.right, top: Math.max(b.top, list.top), bottom: Math.min(b.bottom, list.bottom) }))
          .filter((b) => b.bottom > b.top);
        return [...document.querySelectorAll('.day-separator')].map((d) => {
          const r = d.querySelector('span')!.getBoundingClientRect();
          return {
            text: d.textContent,
            whole: r.height > 0 && r.top >= area.top - 0.5 && r.bottom <= area.bottom + 0.5 && (r.bottom <= list.top + 0.5 || r.top >= list.top - 0.5),
            covers: bubbles.some((b) => r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top),
          };
        });
      });
      const shown = seen.filter((s) => s.text === '今天' && s.whole);
      expect(shown, `scrolled to ${top}: ${JSON.stringify(seen)}`).toHaveLength(1);
      expect(shown[0]!.covers, `scrolled to ${top}`).toBe(false);
    }
  });
});

describe('the header', () => {
  it.each(['en', 'zh-Hant', 'zh-Hans'])('keeps the shortcuts button clear of “New tab”, on one row, at 1024 and 1100 px (%s)', async (lang) => {
    await openApp('Asia/Shanghai');
    await page.evaluate((l) => localStorage.setItem('hall10086.lang', l), lang);
    await page.reload();
    await page.waitForSelector('.status-line .another-tab');
    for (const width of [1024, 1100, 1300]) {
      await page.setViewportSize({ width, height: 700 });
      const box = await page.evaluate(() => {
        const r = (s: string) => document.querySelector(s)!.getBoundingClientRect();
        return { tab: r('.status-line .another-tab').right, help: r('.shortcuts-button').left, helpTop: r('.shortcuts-button').top, titleTop: r('.app-title').top, header: r('.app-header').height };
      });
      expect(box.help - box.tab, `${width} px: ${JSON.stringify(box)}`).toBeGreaterThanOrEqual(6);
      // One row: the button sits on the title's row, not wrapped under it.
      expect(box.helpTop - box.titleTop, `${width} px: ${JSON.stringify(box)}`).toBeLessThan(20);
    }
  });
});

describe('a list of services from 0000', () => {
  it('links the code 10086 says cancels one to its page, whose Send asks first', async () => {
    await openThread('Asia/Shanghai');
    await sendAndWait('0000', '退订');
    const reply = page.getByRole('article', { name: /^10086 / }).last();
    const code = (await reply.locator('.bubble-text').textContent())!.match(/退订请发([A-Z]+)/)![1]!;
    const link = reply.getByRole('link', { name: code, exact: true });
    await link.click();
    await page.waitForURL(new RegExp(`#/instruction/${code}$`));
    await page.waitForSelector('#instruction-name');
    await page.locator('article.instruction button.primary').click();
    // Cancelling is risky: nothing is sent before the user says yes, and the safe choice has the focus.
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(code);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' }).catch(() => dialog.waitFor({ state: 'hidden' }));
  });
});

describe('changing the service password', () => {
  it('asks for the new password twice, masked, and sends nothing while the two differ', async () => {
    await openApp('Asia/Shanghai');
    await page.goto(`${server.base}#/instruction/MMXG`);
    await page.waitForSelector('#instruction-name');
    await page.fill('#instruction-param-oldPassword', '123456');
    await page.fill('#instruction-param-newPassword', '654321');
    const again = page.getByLabel('再输入一次新密码', { exact: true });
    expect(await again.getAttribute('type')).toBe('password');
    await again.fill('654312');
    await page.locator('article.instruction button.primary').click();
    expect(await page.locator('#instruction-param-newPasswordAgain-note').textContent()).toBe('两次输入的新密码不一样，请重新输入。');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('instruction-param-newPasswordAgain');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await again.fill('654321');
    await page.locator('article.instruction button.primary').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    // Asked before it goes, with the secrets masked even there.
    expect(await dialog.textContent()).toContain('MMXG#******#******');
    expect(await page.textContent('body')).not.toContain('654321');
  });
});
