import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, readLog, type Served } from './ui-kit';

/**
 * review17: "Clear the local log…" asks first, naming what it deletes (messages: N…), and then deleted
 * whatever the log held when the user confirmed. A message stored meanwhile (a reply to another tab's
 * send, a scheduled check's, anything 10086 wrote while the dialog was open, or between an export and
 * the clear) went with it, unseen and never exported; the store had acknowledged it, so the journal
 * let it go too, and the SIM's copy was deleted when it was journaled: lost.
 */

let server: Served;
let context: BrowserContext;
let page: Page;
browserSuite({ artifactPrefix: 'clear-log-race-', openApp: true }, (suite) => {
  ({ server, context, page } = suite);
});

const received = async (p: Page) => (await readLog(p)).messages.filter((m) => m.direction === 'in');

describe('clearing the local log (review17)', () => {
  it('deletes only what its dialog named: a reply stored while the dialog was open stays, and the dialog asks again with the new figures', async () => {
    await page.goto(`${server.base}#/settings`);
    await page.click('.settings .danger:not([disabled])');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    const ids = async (p: Page) => new Set((await received(p)).map((m) => m.id as string));
    const named = await ids(page);

    // Meanwhile, in another tab of the app: YE sent, 10086's reply stored.
    const other = await context.newPage();
    await other.goto(await server.link());
    await other.waitForSelector('#catalog-search');
    await other.goto(`${server.base}#/instruction/YE`);
    const send = other.locator('article.instruction button.primary');
    await expect.poll(() => send.isEnabled(), { timeout: 30_000 }).toBe(true);
    await send.click();
    // Whole: a long reply's second part would change the figures again.
    const newcomers = async () => (await received(other)).filter((m) => !named.has(m.id as string) && m.complete).map((m) => m.id as string);
    await expect.poll(async () => (await newcomers()).length, { timeout: 45_000 }).toBeGreaterThan(0);
    const arrived = await newcomers();

    await dialog.locator('button.danger').click();
    // The user is asked again, with what the log holds now…
    const again = page.locator('dialog[open]');
    await expect.poll(async () => ((await again.count()) ? await again.textContent() : ''), { timeout: 10_000 }).toContain('又有新的记录');
    // …and nothing the dialog did not name was deleted: the reply is still in the log.
    expect([...(await ids(page))]).toEqual(expect.arrayContaining(arrived));
    // Confirmed with the figures in front of them, it clears what they named (asking again while more comes in).
    const done = page.locator('.toast-text', { hasText: '本机记录已清除' });
    for (let asked = 0; asked < 5 && !(await done.count()); asked++) {
      await again.locator('button.danger').click();
      await expect.poll(async () => (await done.count()) + (await again.count()), { timeout: 10_000 }).toBeGreaterThan(0);
    }
    await expect.poll(async () => [...(await ids(page))].filter((id) => arrived.includes(id)), { timeout: 10_000 }).toEqual([]);
    await other.close();
  }, 150_000);
});

describe('clearing the local log (clear16): what it cleared stays cleared, what comes after it stays', () => {
  it('a reply whose acknowledgement the journal had not received, and a later state of a cleared instruction, do not come back; a reply the page had not yet been handed at the clear is kept', async () => {
    // The page's acknowledgements are held back at the WebSocket (as when the page is reloaded or
    // navigated while one is on its way): the journal still holds the reply when the log is cleared.
    let holdAcks = true;
    // While set, the core's `incoming` events are kept from the page: a reply the core journaled that has not reached the page yet.
    let holdIncoming = false;
    type Held = { key: string; text: string; concat: { total: number } | null };
    const heldIncoming: Held[] = [];
    const acked: string[] = [];
    const outgoingFrames: string[] = [];
    let toPage: ((frame: string) => void) | undefined;
    await page.routeWebSocket(/\/api/, (ws) => {
      const core = ws.connectToServer();
      ws.onMessage((m) => {
        const ack = typeof m === 'string' && m.includes('"journal.ack"');
        if (ack && !holdAcks) acked.push(m);
        if (!(ack && holdAcks)) core.send(m);
      });
      core.onMessage((m) => {
        const frame = JSON.parse(String(m)) as { type: string; events?: { event: string; data: Held }[] };
        if (frame.type !== 'events' || !frame.events) return ws.send(m);
        if (frame.events.some((e) => e.event === 'outgoing')) outgoingFrames.push(String(m));
        if (!holdIncoming) return ws.send(m);
        heldIncoming.push(...frame.events.filter((e) => e.event === 'incoming').map((e) => e.data));
        const rest = frame.events.filter((e) => e.event !== 'incoming');
        if (rest.length) ws.send(JSON.stringify({ ...frame, events: rest }));
      });
      toPage = (frame) => ws.send(frame);
    });
    await page.goto(await server.link());
    await page.waitForSelector('#catalog-search');
    const send = page.locator('article.instruction button.primary');
    const sendYe = async () => {
      await page.goto(`${server.base}#/instruction/YE`);
      await expect.poll(() => send.isEnabled(), { timeout: 30_000 }).toBe(true);
      await send.click();
    };
    await sendYe();
    await expect.poll(async () => (await received(page)).filter((m) => m.complete).length, { timeout: 45_000 }).toBeGreaterThan(0);
    // YE again; its reply reaches the core (journaled) but not the page before the clear.
    holdIncoming = true;
    await sendYe();
    // All of it (10086's reply can come in two parts).
    const whole = () => heldIncoming.length > 0 && heldIncoming.length === (heldIncoming[0]!.concat?.total ?? 1);
    await expect.poll(whole, { timeout: 45_000 }).toBe(true);
    const before = await readLog(page);
    const clearedKeys = before.parts.map((p) => String(p.key));
    const lateKeys = heldIncoming.map((r) => r.key);
    expect(lateKeys.filter((k) => clearedKeys.includes(k))).toEqual([]);

    await page.goto(`${server.base}#/settings`);
    await page.click('.settings .danger:not([disabled])');
    await page.locator('dialog[open] button.danger').click();
    await page.locator('.toast-text', { hasText: '本机记录已清除' }).waitFor({ timeout: 10_000 });
    expect((await readLog(page)).messages).toEqual([]);

    // A later state of a cleared instruction, as the core sends it (the last such frame it sent before the clear).
    expect(outgoingFrames.length).toBeGreaterThan(0);
    toPage!(outgoingFrames.at(-1)!);
    // The reload asks the journal for what it was not told was stored: the cleared reply, handed over
    // again, and the reply held back above, handed over for the first time.
    holdAcks = holdIncoming = false;
    await page.reload();
    await page.waitForSelector('.settings');
    // Both dealt with: the page acknowledges a part once the write that took it (or left it out) committed.
    const unacked = () => [...clearedKeys, ...lateKeys].filter((k) => !acked.some((m) => m.includes(JSON.stringify(k).slice(1, -1))));
    await expect.poll(unacked, { timeout: 45_000 }).toEqual([]);
    const after = await readLog(page);
    expect(after.parts.map((p) => String(p.key)).sort()).toEqual([...lateKeys].sort());
    // …as one whole message: nothing of the cleared reply joined it.
    expect(after.messages.map((m) => [m.direction, m.complete, [...(m.partKeys as string[])].sort()])).toEqual([['in', true, [...lateKeys].sort()]]);
  }, 180_000);
});
