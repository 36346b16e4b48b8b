import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { extensionSocketPath } from '../../src-main/services/extension-link';
import { EXTENSION_ID } from '../../src-shared/extension-identity';
import { FakeChromePort, is, SignedPort } from '../integration/native-host-kit';
import { axeViolations, browserSuite, catchUpStored, readLog, type Served } from './ui-kit';

/**
 * The React UI in Chromium against the real browser-mode server and its demo modem (the
 * emulator): the catalog, sending with confirmation, the chat log in IndexedDB and its
 * acknowledgements, secrets, languages. Each test gets a fresh browser profile (empty log).
 */

let server: Served;
let context: BrowserContext;
let page: Page;
browserSuite({ artifactPrefix: '', openApp: true }, (suite) => {
  ({ server, context, page } = suite);
});

/** What the journal still hands over: the parts a second, empty browser profile receives on opening the app. */
async function partsHandedToAFreshProfile(): Promise<unknown[]> {
  const other = await context.browser()!.newContext();
  try {
    const fresh = await other.newPage();
    await fresh.goto(await server.link());
    await fresh.waitForSelector('#catalog-search');
    // What the journal hands over is stored before this mark moves: an empty log after it is one handed nothing.
    await catchUpStored(fresh);
    return (await readLog(fresh)).parts;
  } finally {
    await other.close();
  }
}

/**
 * Sends the opened instruction with Ctrl+Enter once a modem is ready: after a reload the page knows
 * the catalog before the core has said which modem can send.
 */
async function sendOpenedInstruction(): Promise<void> {
  await page.waitForSelector('#instruction-name');
  await page.waitForSelector('article.instruction button.primary:not([disabled])', { timeout: 30_000 });
  await page.keyboard.press('Control+Enter');
}

/**
 * A balance reply of the demo 10086, whole: from its first words to its signature, in any of its
 * wordings. It picks one with a seeded generator that every reply moves on, so which one a test gets
 * depends on how many replies came before (a retried test's first attempt among them).
 */
const BALANCE_REPLY = /^(?:尊敬的客户.*余额|您的账户余额为).*【中国移动】$/;

/** The route part of the page's address, the token (taken out by the page) aside. */
const route = () => new URL(page.url()).hash;

async function waitForBubbles(direction: 'in' | 'out', count: number): Promise<string[]> {
  await page.waitForFunction(([d, n]) => document.querySelectorAll(`.bubble-line.${d}`).length >= n, [direction, count] as const, { timeout: 45_000 });
  return page.$$eval(`.bubble-line.${direction} .bubble-text`, (els) => els.map((e) => e.textContent ?? ''));
}

/**
 * Hands the page incoming messages as the core would, through the WebSocket, once the page listens
 * (its log asks the journal for what it missed only then). They are in no journal: a test of the store.
 */
async function injectIncoming(simId: string) {
  let toPage: ((frame: string) => void) | undefined;
  let listening = false;
  await page.routeWebSocket(/\/api/, (ws) => {
    const core = ws.connectToServer();
    ws.onMessage((m) => {
      if (String(m).includes('"journal.pending"')) listening = true;
      core.send(m);
    });
    core.onMessage((m) => ws.send(m));
    toPage = (frame) => ws.send(frame);
  });
  await page.reload();
  await page.waitForSelector('#catalog-search');
  await expect.poll(() => listening, { timeout: 15_000 }).toBe(true);
  let minute = 0;
  const single = (key: string, text: string) => ({
    kind: 'in', key, simId, from: '10086', text, encoding: 'ucs2',
    timestamp: '2026-11-25T08:00:00+08:00', receivedAt: Date.parse('2026-11-25T00:00:00Z') + 60_000 * minute++, concat: null,
  });
  const deliver = (...records: object[]) => toPage!(JSON.stringify({ type: 'events', events: records.map((data) => ({ event: 'incoming', data })) }));
  return { deliver, single };
}

describe('the catalog', () => {
  it('finds 流量, opens CXYEG, sends it and shows the whole data-usage reply in the thread', async () => {
    await page.keyboard.type('流量');
    await page.waitForFunction(() => document.body.textContent?.includes('CXYEG'));
    await page.getByText('CXYEG', { exact: true }).first().click();
    await sendOpenedInstruction();
    await page.waitForFunction(() => location.hash.startsWith('#/thread'));
    expect(await waitForBubbles('out', 1)).toEqual(['CXYEG']);
    // 10086's answer comes in several UCS2 parts, out of order: the bubble shows it whole.
    await page.waitForFunction(() => document.querySelector('.bubble-line.in .bubble-text')?.textContent?.includes('流量查询结果仅供参考') && !document.querySelector('.bubble-incomplete'), null, { timeout: 45_000 });
    const [reply] = await waitForBubbles('in', 1);
    expect(reply).toMatch(/^尊敬的客户.*流量.*【中国移动】$/);
    expect((await readLog(page)).parts.length).toBeGreaterThan(1);
  });

  it('starts in the search box, finds as you type with the match marked, and opens the choice with Enter', async () => {
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('catalog-search');
    expect(page.url()).not.toContain('token');
    await page.keyboard.type('查余额');
    await page.waitForFunction(() => document.querySelector('.result.active .code')?.textContent === 'YE');
    // 查询本机余额: 查 and 余额 are what the query matched.
    expect(await page.$$eval('.result.active .result-name mark', (m) => m.map((x) => x.textContent))).toEqual(['查', '余额']);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#instruction-name');
    expect(route()).toBe('#/instruction/YE');
    expect(await page.textContent('output.sms-text')).toBe('YE');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#catalog-search');
    expect(await page.inputValue('#catalog-search')).toBe('查余额');
  });

  it('puts the search box up before the whole catalog’s rows, then every row, grouped, the first active', async () => {
    const other = await context.browser()!.newContext({ locale: 'zh-CN' });
    try {
      const fresh = await other.newPage();
      // How many rows the page holds in the moment the search box first appears (React commits a render at once).
      await fresh.addInitScript(`new MutationObserver((_, seen) => {
        if (!document.getElementById('catalog-search')) return;
        window.rowsWithTheBox = document.querySelectorAll('#catalog-results [role=option]').length;
        seen.disconnect();
      }).observe(document, { childList: true, subtree: true })`);
      await fresh.goto(await server.link());
      await fresh.waitForSelector('#catalog-results [role=option]');
      expect(await fresh.evaluate(() => (window as unknown as { rowsWithTheBox: number }).rowsWithTheBox)).toBe(0);
      const rows = await fresh.$$eval('#catalog-results [role=option]', (els) => els.length);
      expect(await fresh.textContent('.result-count')).toContain(String(rows));
      expect(await fresh.$$eval('#catalog-results [role=group]', (els) => els.length)).toBeGreaterThan(1);
      expect(await fresh.getAttribute('#catalog-search', 'aria-activedescendant')).toBe('catalog-option-0');
      expect(await fresh.getAttribute('#catalog-option-0', 'aria-selected')).toBe('true');
    } finally {
      await other.close();
    }
  });

  it('marks a guess "maybe" and says there may be no instruction; shows a wrong parameter beside its instruction', async () => {
    await page.goto(`${server.base}#/`);
    await page.waitForSelector('#catalog-search');
    await page.fill('#catalog-search', '公积金余额');
    await page.waitForSelector('.result .badge-maybe');
    expect(await page.textContent('.hint.unsure')).toContain('10086');
    expect(await page.textContent('.result .badge-maybe')).toBe('也许');
    await page.fill('#catalog-search', '查话费');
    await page.waitForFunction(() => document.querySelector('.result.active .code')?.textContent === 'YE');
    // A sure first answer: no "maybe" on it and no hint; weaker ones below it may still say "maybe".
    expect(await page.$$('.result.active .badge-maybe, .hint.unsure').then((x) => x.length)).toBe(0);
    await page.fill('#catalog-search', 'ZD209913');
    await page.waitForSelector('.result .result-problem');
    expect(await page.textContent('.result.active .result-problem')).toContain('月份应在 01 到 12 之间');
  });

  it('says nothing matches zzqqxx (once 查增值业务, as a sure answer) and what to try next', async () => {
    await page.goto(`${server.base}#/`);
    await page.waitForSelector('#catalog-search');
    await page.fill('#catalog-search', 'zzqqxx');
    await page.waitForSelector('.catalog .empty');
    expect(await page.textContent('.catalog .empty')).toBe('没有找到与“zzqqxx”相关的指令。换个说法试试，例如“话费”“流量”“密码”。');
    expect(await page.$$('.result').then((x) => x.length)).toBe(0);
  });

  it('查上個月帳單 opens ZD with last month filled in from the local date, shown and editable before sending', async () => {
    const now = new Date();
    const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    const lastMonth = `${last.getFullYear()}${String(last.getMonth() + 1).padStart(2, '0')}`;
    await page.goto(`${server.base}#/`);
    await page.waitForSelector('#catalog-search');
    await page.fill('#catalog-search', '查上個月帳單');
    await page.waitForFunction(() => document.querySelector('.result.active .code')?.textContent === 'ZD');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#instruction-param-month');
    expect(await page.inputValue('#instruction-param-month')).toBe(lastMonth);
    expect(await page.textContent('output.sms-text')).toBe(`ZD${lastMonth}`);
    // Nothing went out: it waits for Send, and the month can still be changed.
    await page.fill('#instruction-param-month', '2026-10');
    expect(await page.textContent('output.sms-text')).toBe('ZD202610');
  });

  it('checks parameters as they are typed, with the error under the field', async () => {
    await page.goto(`${server.url.split('#')[0]}#/instruction/ZD`);
    await page.fill('#instruction-param-month', '2026-13');
    expect(await page.textContent('.field-error')).toContain('月份应在 01 到 12 之间');
    await page.fill('#instruction-param-month', '2026-10');
    await page.waitForSelector('svg.qr');
    expect(await page.textContent('output.sms-text')).toBe('ZD202610');
    expect(await page.$('.field-error')).toBeNull();
  });
});

describe('the conversation with 10086', () => {
  it('sends an instruction, shows the reply, and keeps each message once across a reload', async () => {
    await page.keyboard.type('查余额');
    await page.keyboard.press('Enter');
    await sendOpenedInstruction();
    await page.waitForFunction(() => location.hash.startsWith('#/thread'));
    expect(await waitForBubbles('out', 1)).toEqual(['YE']);
    // A long reply shows as incomplete until its last part arrives, then whole.
    await page.waitForFunction(() => document.querySelector('.bubble-line.in .bubble-text')?.textContent?.includes('余额') && !document.querySelector('.bubble-incomplete'), null, { timeout: 45_000 });
    expect((await waitForBubbles('in', 1))[0]).toMatch(BALANCE_REPLY);
    await page.waitForFunction(() => document.querySelector('.bubble-line.out .state')?.textContent === '已送达', null, { timeout: 45_000 });

    const before = await readLog(page);
    expect(before.messages.map((m) => m.direction).sort()).toEqual(['in', 'out']);
    const heardBefore = await catchUpStored(page);
    await page.reload();
    await page.waitForSelector('.bubble');
    // The reloaded page's catch-up stored: a replay of the journal (if any part was not acknowledged) is in.
    await catchUpStored(page, heardBefore);
    const after = await readLog(page);
    expect(after.messages.map((m) => m.id).sort()).toEqual(before.messages.map((m) => m.id).sort());
    expect(after.parts.length).toBe(before.parts.length);
    expect(await page.$$eval('.bubble', (b) => b.length)).toBe(2);

    // Acknowledged parts leave the journal: a second, empty profile is not handed the reply again.
    expect(await partsHandedToAFreshProfile()).toEqual([]);
  });

  it('searches the log as you type (Traditional text finds Simplified), marks the match and shows a hit in its thread', async () => {
    await page.keyboard.type('查余额');
    await page.keyboard.press('Enter');
    await sendOpenedInstruction();
    await page.waitForFunction(() => document.querySelector('.bubble-line.in .bubble-text')?.textContent?.includes('余额') && !document.querySelector('.bubble-incomplete'), null, { timeout: 45_000 });
    await page.getByRole('button', { name: '搜索记录' }).click();
    const search = page.locator('input[type=search]');
    await search.pressSequentially('餘額');
    await page.waitForSelector('.result-count[data-query="餘額"]');
    const hits = await page.$$eval('.log-result', (items) => items.map((li) => ({ text: li.querySelector('.bubble-text')!.textContent, marked: [...li.querySelectorAll('mark')].map((m) => m.textContent) })));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.text).toMatch(BALANCE_REPLY);
    expect(hits[0]!.marked).toContain('余额');

    await search.fill('没有这样的话');
    expect(await page.textContent('.result-count[data-query="没有这样的话"]')).toBe('没有包含“没有这样的话”的记录。');
    await search.fill('YE');
    await page.waitForSelector('.result-count[data-query="YE"]');
    await page.getByRole('button', { name: '在对话中查看' }).first().click();
    expect(await page.$('input[type=search]')).toBeNull();
    expect(await page.textContent('.bubble.focused .bubble-text')).toBe('YE');
  });

  it('stores each message once when the page reloads between receiving it and acknowledging it', async () => {
    // The page's acknowledgements are held back at the WebSocket: the journal keeps every part.
    let holdAcks = true;
    const fromCore: string[] = [];
    /** The acknowledgements of the page reloaded below (its own connection, not one the first page had). */
    const acked: string[] = [];
    let reloaded = false;
    await page.routeWebSocket(/\/api/, (ws) => {
      const core = ws.connectToServer();
      const afterReload = reloaded;
      ws.onMessage((m) => {
        const ack = typeof m === 'string' && m.includes('"journal.ack"');
        if (ack && afterReload) acked.push(m);
        if (!(holdAcks && ack)) core.send(m);
      });
      core.onMessage((m) => {
        if (!holdAcks) fromCore.push(String(m));
        ws.send(m);
      });
    });
    await page.reload();
    await page.waitForSelector('#catalog-search');
    await page.keyboard.type('积分');
    await page.keyboard.press('Enter');
    await sendOpenedInstruction();
    await page.waitForFunction(() => location.hash.startsWith('#/thread'));
    await page.waitForFunction(() => document.querySelector('.bubble-line.in .bubble-text')?.textContent?.includes('积分') && !document.querySelector('.bubble-incomplete'), null, { timeout: 45_000 });
    const before = await readLog(page);

    holdAcks = false;
    reloaded = true;
    await page.reload();
    await page.waitForSelector('.bubble');
    // The journal hands the unacknowledged parts over again; the page acknowledges each once it has
    // stored it, or found it stored (a fixed 1.5 s wait read the store before that under load).
    const keys = before.parts.map((p) => JSON.stringify(String(p.key)).slice(1, -1));
    await expect.poll(() => keys.filter((k) => !acked.some((m) => m.includes(k))), { timeout: 45_000 }).toEqual([]);
    const after = await readLog(page);
    // The parts really were handed over again (they were never acknowledged)…
    expect(fromCore.some((m) => m.includes(keys[0]!))).toBe(true);
    // …and the store kept one copy of each.
    expect(after.parts.map((p) => p.key).sort()).toEqual(before.parts.map((p) => p.key).sort());
    expect(after.messages.map((m) => m.id).sort()).toEqual(before.messages.map((m) => m.id).sort());
    expect(await page.$$eval('.bubble-line.in', (b) => b.length)).toBe(1);

    // This time the acknowledgement went through: a fresh profile is handed nothing.
    expect(await partsHandedToAFreshProfile()).toEqual([]);
  });

  it('a single-part message handed over again after it was stored keeps its stored row; the new one beside it is stored', async () => {
    const { deliver, single } = await injectIncoming('89860000000000000001');
    const rowOf = async (text: string) => (await readLog(page)).messages.filter((m) => m.text === text);

    deliver(single('single-a', '第一条短信'));
    await expect.poll(() => rowOf('第一条短信'), { timeout: 15_000 }).toHaveLength(1);
    // The user has read it meanwhile (written the way the thread does, straight into the store).
    await page.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('hall10086-log');
          open.onsuccess = () => {
            const tx = open.result.transaction('messages', 'readwrite');
            const store = tx.objectStore('messages');
            const all = store.getAll();
            all.onsuccess = () => all.result.filter((m) => m.text === '第一条短信').forEach((m) => store.put({ ...m, read: 1 }));
            tx.oncomplete = () => (open.result.close(), done());
            tx.onerror = () => fail(tx.error);
          };
        }),
    );

    deliver(single('single-a', '第一条短信'), single('single-b', '第二条短信'));
    await expect.poll(() => rowOf('第二条短信'), { timeout: 15_000 }).toHaveLength(1);
    const [first] = await rowOf('第一条短信');
    expect(first).toMatchObject({ read: 1 });
    expect((await rowOf('第二条短信'))[0]).toMatchObject({ read: 0 });
    const parts = (await readLog(page)).parts.map((p) => p.key);
    expect(parts.filter((k) => k === 'single-a' || k === 'single-b').sort()).toEqual(['single-a', 'single-b']);
  });

  it('counts unread replies in the navigation, marks where they start, and clears them once the thread is open', async () => {
    const { deliver, single } = await injectIncoming('89860000000000000002');
    deliver(single('old', '已经看过的短信'));
    await page.waitForSelector('nav .badge-unread');
    await page.keyboard.press('Alt+2');
    await page.getByRole('tab', { name: /000002/ }).click();
    await page.waitForFunction(() => !document.querySelector('nav .badge-unread'));
    await page.keyboard.press('Alt+1');

    deliver(single('new-1', '第一条新短信'), single('new-2', '第二条新短信'), single('new-3', '第三条新短信'));
    await expect.poll(() => page.locator('nav .badge-unread').textContent(), { timeout: 15_000 }).toBe('3');
    await page.keyboard.press('Alt+2');
    await page.getByRole('tab', { name: /000002/ }).click();
    // The line sits above the first of the three new ones, not above the one already read.
    const marked = await page.waitForSelector('.unread-marker');
    expect(await marked.evaluate((m) => m.closest('.message-row')?.querySelector('.bubble-text')?.textContent)).toBe('第一条新短信');
    await page.waitForFunction(() => !document.querySelector('nav .badge-unread'));
    const rows = (await readLog(page)).messages.filter((m) => m.simId === '89860000000000000002');
    expect(rows.map((m) => [m.text, m.read]).sort()).toEqual([['已经看过的短信', 1], ['第一条新短信', 1], ['第三条新短信', 1], ['第二条新短信', 1]].sort());
  });

  it('never shows or stores a secret parameter', async () => {
    await page.goto(`${server.url.split('#')[0]}#/instruction/MMXG`);
    await page.fill('#instruction-param-oldPassword', '975310');
    await page.fill('#instruction-param-newPassword', '864202');
    await page.fill('#instruction-param-newPasswordAgain', '864202');
    expect(await page.$$eval('.param-form input', (i) => i.map((x) => (x as HTMLInputElement).type))).toEqual(['password', 'password', 'password']);
    expect(await page.textContent('output.sms-text')).toBe('MMXG#******#******');
    expect(await page.$('svg.qr')).toBeNull();
    await page.click('text=显示二维码');
    await page.waitForSelector('svg.qr');
    await page.click('.sms button.primary');
    await page.waitForSelector('dialog[open]');
    await page.click('dialog[open] button.danger');
    expect(await waitForBubbles('out', 1)).toEqual(['MMXG#******#******']);
    await waitForBubbles('in', 1);
    const stored = JSON.stringify(await readLog(page));
    expect(stored).not.toContain('975310');
    expect(stored).not.toContain('864202');
  });
});

describe('the modem panel and settings', () => {
  it('shows the demo modem, marked DEMO, with its signal', async () => {
    await page.keyboard.press('Alt+3');
    await page.waitForSelector('.modem-card');
    expect(await page.textContent('.modem-card h2')).toContain('DEMO');
    expect(await page.getAttribute('.modem-card .signal-bars', 'aria-label')).toMatch(/^[0-4]\/4 格$/);
    expect(await page.textContent('.modem-card')).toContain('就绪');
  });

  it('switches language and theme, and remembers both', async () => {
    await page.keyboard.press('Alt+4');
    await page.click('text=English');
    await page.click('text=Dark');
    expect(await page.textContent('nav[aria-label="Main navigation"]')).toContain('Instructions');
    await page.reload();
    await page.waitForSelector('fieldset');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.theme])).toEqual(['en', 'dark']);
    expect(await page.textContent('legend')).toBe('Language');
  });
});

// Last: TJ suspends the demo line, and its record stays in the shared journal.
describe('a risky instruction', () => {
  it('asks before a risky instruction, stating why, and sends it only once confirmed', async () => {
    await page.goto(`${server.url.split('#')[0]}#/thread`);
    await page.waitForSelector('.composer-line input:not([disabled])');
    // A zero-width space (as text copied from a page may carry) hides nothing: before, this went unasked.
    await page.fill('.composer-line input', 't\u200bj');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    expect(await page.textContent('dialog[open] .risk')).toContain('停机');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));

    await page.fill('.composer-line input', 'tj');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    expect(await page.textContent('dialog[open] .risk')).toContain('停机');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect((await readLog(page)).commands).toEqual([]);

    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    await page.click('dialog[open] button.danger');
    expect(await waitForBubbles('out', 1)).toContain('TJ');
    // A send the two Escapes let through would have been logged before this confirmed one: only one is.
    await expect.poll(async () => (await readLog(page)).commands.length, { timeout: 45_000 }).toBeGreaterThan(0);
    expect((await readLog(page)).commands.map((c) => c.text)).toEqual(['TJ']);
  });
});

describe('the browser extension, from the app side', () => {
  it('prompts for a pairing with the code, browser and profile the extension shows; Pair approves it; Settings lists it by name, renames it, and Unpair revokes it', async () => {
    const extension = new FakeChromePort(extensionSocketPath(server.dataDir), `chrome-extension://${EXTENSION_ID}/`);
    try {
      const profile = await new SignedPort(extension).open();
      profile.askToPair();
      const { code } = await extension.next(is('pairing'));
      const dialog = await page.waitForSelector('dialog[open]');
      expect(await dialog.textContent()).toContain(code);
      expect(await dialog.textContent()).toContain(EXTENSION_ID);
      expect(await dialog.textContent()).toContain('Chromium');
      expect(await dialog.textContent()).toContain('test profile');
      // Decline has the focus: a reflexive Enter must not pair anything.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('拒绝');
      await page.click('dialog[open] button.primary');
      await extension.next(is('paired'));
      await page.click('nav a[href="#/settings"]');
      const item = await page.waitForSelector('.paired-extensions li');
      expect(await item.textContent()).toContain('Chromium · test profile');
      expect(await item.textContent()).not.toContain(profile.association.key);
      await page.click('.paired-extensions button.rename');
      await page.fill('.paired-extensions input', '前台电脑');
      await page.click('.paired-extensions button[type=submit]');
      await page.waitForFunction(() => document.querySelector('.paired-extensions li strong')?.textContent === '前台电脑');
      await page.click('.paired-extensions button.revoke');
      // It asks first, with Cancel focused; only the confirmation unpairs.
      const confirm = await page.waitForSelector('dialog[open]');
      expect(await confirm.textContent()).toContain('前台电脑');
      await page.click('dialog[open] button.danger, dialog[open] button.primary');
      expect(await extension.next(is('unpaired'))).toEqual({ type: 'unpaired', reason: 'revoked' });
      await page.waitForSelector('.paired-extensions li', { state: 'detached' });
    } finally {
      await extension.close();
    }
  });
});

describe('the catalog in use', () => {
  /**
   * The server (and its list of the user's own instructions) outlives a failed attempt, whose entry
   * would make the retry's addition a duplicate: it is deleted first, as a user would.
   */
  async function deleteKeptCustom(code: string): Promise<void> {
    await page.waitForSelector('#custom-add');
    const row = page.locator('.custom-list tr', { has: page.locator(`code:text-is("${code}")`) });
    if ((await row.count()) === 0) return;
    await row.locator('button.danger').click();
    await page.click('dialog[open] button.danger');
    await row.waitFor({ state: 'detached' });
  }

  /** A new own instruction through Settings' form (one of that code left by an earlier run is deleted first). */
  async function addCustom(code: string, name: string): Promise<void> {
    await deleteKeptCustom(code);
    await page.click('#custom-add');
    await page.fill('#custom-code', code);
    await page.fill('#custom-name', name);
    await page.click('#custom-form button[type=submit]');
  }

  it('adds an instruction of one’s own in Settings; the catalog finds it and it sends like a built-in one', async () => {
    await page.click('nav a[href="#/settings"]');
    await addCustom('CXLLB', '查询流量包明细');
    await page.waitForSelector('.custom-list td code');
    expect(await page.textContent('.custom-list')).toContain('CXLLB');
    await page.click('nav a[href="#/"]');
    await page.fill('#catalog-search', '流量包明细');
    await page.waitForFunction(() => document.querySelector('#catalog-results li, [role=listbox] li, ul li')?.textContent?.includes('CXLLB'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('custom'));
    expect(await page.textContent('main')).toContain('查询流量包明细');
    await sendOpenedInstruction();
    await page.waitForFunction(() => location.hash.startsWith('#/thread'));
    // Other tests' instructions may share this demo SIM's thread: look for this one.
    await page.waitForFunction(() => [...document.querySelectorAll('.bubble-line.out .bubble-text')].some((e) => e.textContent === 'CXLLB'), null, { timeout: 45_000 });
  });

  it('imports a colleague’s file: good entries added, a bad one reported in words', async () => {
    await page.click('nav a[href="#/settings"]');
    await deleteKeptCustom('KTWXB');
    const file = {
      format: 'hall10086.custom-instructions',
      version: 1,
      instructions: [
        { code: 'KTWXB', name: { 'zh-Hans': '开通无线宝' } },
        { code: 'BAD CODE', name: { 'zh-Hans': '坏的' } },
      ],
    };
    await page.setInputFiles('#custom-import-file', { name: 'shared.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const result = await page.waitForSelector('#custom-import-result');
    expect(await result.textContent()).toMatch(/新增 1 条.*跳过 1 条/);
    expect(await page.textContent('#custom-import-result li')).toContain('BAD CODE');
    // The list is the core's next catalog event, which may come after the import's answer.
    await page.waitForFunction(() => document.querySelector('.custom-list')?.textContent?.includes('KTWXB'));
  });

  // ux30: with 导入时覆盖同代码的指令 ticked, an import replaced same-code entries at once, with no question and no undo.
  it('an import that would overwrite own instructions asks first, saying how many and which', async () => {
    await page.click('nav a[href="#/settings"]');
    await addCustom('KTWXC', '我的无线宝');
    const row = page.locator('.custom-list tr', { has: page.locator('code:text-is("KTWXC")') });
    await row.waitFor();
    const file = { format: 'hall10086.custom-instructions', version: 1, instructions: [{ code: 'KTWXC', name: { 'zh-Hans': '同事的无线宝' } }] };
    const importReplacing = async () => {
      await page.locator('label.choice', { hasText: '导入时覆盖同代码的指令' }).locator('input').check();
      await page.setInputFiles('#custom-import-file', { name: 'shared.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      // Old code: no dialog; the import result (覆盖 1 条) came instead.
      await page.locator('dialog[open], #custom-import-result').first().waitFor({ timeout: 15_000 });
      const dialog = page.locator('dialog[open]');
      return (await dialog.count()) ? `${await dialog.locator('h2').textContent()} ${await dialog.locator('p').first().textContent()}` : await page.textContent('#custom-import-result');
    };
    expect(await importReplacing()).toBe('覆盖 1 条自定义指令？ 文件里有 1 条与你已有的指令代码相同、内容不同：KTWXC。覆盖后不能撤销；如需保留原来的，请先取消并导出。');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('dialog[open] button:not(.danger)');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    // Cancelled in the page: no call went to the core, so there is nothing to wait for.
    expect([await row.locator('td').nth(1).textContent(), await page.locator('#custom-import-result').count()]).toEqual(['我的无线宝', 0]);
    await importReplacing();
    await page.click('dialog[open] button.danger');
    await page.waitForSelector('#custom-import-result');
    expect(await page.textContent('#custom-import-result')).toMatch(/覆盖 1 条/);
    await page.waitForFunction(() => document.querySelector('.custom-list')?.textContent?.includes('同事的无线宝'));
    await deleteKeptCustom('KTWXC');
  });

  it('remembers the chosen province across a reload', async () => {
    await page.click('nav a[href="#/settings"]');
    await page.selectOption('#province', 'gd');
    await page.waitForFunction(() => (document.querySelector('#province') as HTMLSelectElement).value === 'gd');
    await page.reload();
    await page.click('nav a[href="#/settings"]');
    await page.waitForFunction(() => (document.querySelector('#province') as HTMLSelectElement | null)?.value === 'gd');
    expect(await page.textContent('#catalog-version')).toContain('内置版本');
  });
});
