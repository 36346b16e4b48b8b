import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { encodeDeliverParts } from '../../src-shared/pdu';
import { browserSuite, charLefts, plugInByPath, type Served } from './ui-kit';

/*
 * review23: a text from 10086 (or one a fake base station sends under 10086's number, which no phone
 * can tell from it) turns into buttons under the reply: a menu's options, a service's cancel, a
 * confirmation word. What such a button sends must be what it says. Three ways it was not:
 * - `您是否想要：查余额请发KTCL`: the option "KTCL 查余额" sent KTCL (开通彩铃, a paid service) on one click,
 *   judged a look-up by 10086's label alone;
 * - `手机报 5元/月（退订回复KTCL）`: "取消" 手机报 sent KTCL, an order, or `（退订回复TJ）` TJ, 停机; and one that
 *   sends QXCL said nothing of its cancelling 彩铃;
 * - `请回复“是‮”确认`: the confirmation showed the word with its override (the core drops it), and
 *   Chromium drew `到 10086` reversed after it.
 * Written texts (NOT real replies), received by a modem emulator on a real pseudo-terminal (socat,
 * serialport), stored by the page in IndexedDB, in real Chromium against the browser-mode server.
 */

const SIM = { iccid: '89860012345670002323', imsi: '460001234562323' };
let modem: PtyEmulator;
beforeAll(async () => {
  modem = await startPtyEmulator({ emulatorOptions: { sim: SIM } });
  // The emulated 10086 answers what a test sends (是, JF, 2) 2.5 s later: landing in the next test, after its menu, that
  // answer made the menu "written since", so its look-up 2 was rightly asked about and never sent (mend42). Every text
  // here is delivered by the tests themselves; none waits for an answer.
  modem.emulator.fault({ kind: 'hold', what: '10086-replies' });
}, 60_000);
afterAll(async () => {
  await modem?.close();
});

let server: Served;
let page: Page;
browserSuite({ artifactPrefix: 'reply-actions-', openApp: true }, (suite) => {
  ({ server, page } = suite);
});

/** What the modem has put on the air so far. */
const airTexts = () => modem.emulator.sent.map((s) => s.part.text);

/**
 * Clicks a reply's button that must ask first: the open dialog (failing with what the modem got when none opens),
 * and `dismiss` to close it with Esc and check nothing went out.
 */
async function clickAsks(button: Locator, what: string) {
  const before = airTexts().length;
  await button.click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor({ timeout: 10_000 }).catch(() => {
    throw new Error(`no dialog before sending ${what}; the modem got ${JSON.stringify(airTexts().slice(before))}`);
  });
  const dismiss = async () => {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect(airTexts().slice(before)).toEqual([]);
  };
  return { dialog, before, dismiss };
}

/** `text` delivered from 10086 to the modem, then its thread opened once the page has the bubble. */
async function receivedFrom10086(text: string, shown: string): Promise<void> {
  await plugInByPath(page, server.base, modem.path);
  modem.emulator.deliver('10086', text);
  await page.goto(`${server.base}#/thread/${encodeURIComponent(SIM.iccid)}`);
  await page.locator('.bubble-line.in', { hasText: shown }).last().waitFor({ timeout: 30_000 });
}

describe('a button under a reply sends what it says', () => {
  it('an option whose code the catalog knows as an order asks first and names it, whatever the label says', async () => {
    await receivedFrom10086('您发送的指令有误。您是否想要：查余额请发KTCL，查积分请发JF。', '查余额请发KTCL');
    const { dialog, before, dismiss } = await clickAsks(page.getByRole('button', { name: 'KTCL 查余额' }), 'KTCL');
    expect(await dialog.textContent()).toContain('开通彩铃');
    // Nothing went out: no click sent it, and a look-up still goes on its click alone.
    await dismiss();
    await page.getByRole('button', { name: 'JF 查积分' }).click();
    await expect.poll(() => airTexts().slice(before), { timeout: 30_000 }).toEqual(['JF']);
  });

  it('a service whose cancel would send an order or 停机 has no cancel button; a cancel the catalog knows says what it cancels', async () => {
    await receivedFrom10086('尊敬的客户，您已订购的业务如下：1、手机报 5元/月（退订回复KTCL）；2、视频彩铃 6元/月（退订回复TJ）；3、手机报尊享版 3元/月（退订回复QXCL）。', '退订回复QXCL');
    const services = page.locator('.reply-services li');
    await expect.poll(() => services.allTextContents(), { timeout: 30_000 }).toEqual(['手机报 5元/月', '视频彩铃 6元/月', '手机报尊享版 3元/月取消']);
    const before = airTexts().length;
    await services.nth(2).getByRole('button', { name: '取消' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('将发送“QXCL”到 10086。');
    // The reply calls it 手机报's cancel; the catalog says what QXCL does, and the dialog says it beside.
    expect(await dialog.locator('.reply-catalog-says').textContent()).toBe('指令目录里，QXCL 是“取消彩铃”。 取消后来电方将听到普通回铃音');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect(airTexts().slice(before)).toEqual([]);
  });

  it('a confirmation word with a direction override is shown and sent without it, and 10086 reads left to right', async () => {
    await receivedFrom10086('您正在办理流量加油包业务，请回复“是\u202E”确认办理。', '流量加油包');
    const before = airTexts().length;
    const button = page.locator('button.confirm-reply');
    await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await button.textContent()).toBe('回复“是”');
    await button.click();
    const said = page.locator('dialog[open] p', { hasText: '将发送' });
    expect(await said.textContent()).toBe('将发送“是”到 10086。');
    const lefts = await said.evaluate(charLefts, '10086');
    expect(lefts.every((left, i) => i === 0 || left > lefts[i - 1]!)).toBe(true);
    await page.locator('dialog[open]').getByRole('button', { name: '确认发送' }).click();
    await expect.poll(() => airTexts().slice(before), { timeout: 30_000 }).toEqual(['是']);
    // The log holds 是 as sent: after a reload the request reads as answered, and offers no second 是.
    await page.locator('.bubble-line.out', { hasText: '是' }).waitFor({ timeout: 30_000 });
    await page.reload();
    // Once the log has said (no longer busy) and a modem can send (not aria-disabled), the button is as it stays.
    const settled = page.locator('button.confirm-reply:not([aria-busy]):not([aria-disabled])');
    await settled.waitFor({ timeout: 30_000 });
    expect(await settled.isDisabled()).toBe(true);
  });

  it('a menu number that is the word of an open confirmation from the same number is asked about, saying which request it may confirm', async () => {
    // review23's leftover: 10086 reads a bare 1 against its latest real message. A real `回复1确认订购`, then a fake base
    // station's menu under 10086's number (newest, so not "written since"): its look-up option 1 went on one click
    // and confirmed the order. Written texts (NOT real replies).
    await receivedFrom10086('尊敬的客户，您将订购10元1GB流量包，费用10元/月，回复1确认订购，24小时内有效。【中国移动】', '10元1GB流量包');
    await receivedFrom10086('尊敬的客户，您好！请回复序号查询：1 话费余额；2 剩余流量。【中国移动】', '剩余流量');
    const menu = page.locator('.reply-menu').last();
    const { dialog, before, dismiss } = await clickAsks(menu.getByRole('button', { name: '1 话费余额' }), '1 while 回复1确认订购 is open');
    const warning = await dialog.locator('.reply-confirms-request').textContent();
    expect(warning).toContain('回复“1”确认');
    expect(warning).toContain('10元1GB流量包');
    await dismiss();
    // A number that confirms nothing open still goes on its click alone.
    await menu.getByRole('button', { name: '2 剩余流量' }).click();
    await expect.poll(() => airTexts().slice(before), { timeout: 30_000 }).toEqual(['2']);
  });

  it('a menu number that cancels by an earlier list of services (回复序号退订) is asked about, saying so (review25)', async () => {
    await receivedFrom10086('尊敬的客户，您已订购的业务如下：1、手机报 5元/月；2、视频彩铃 6元/月。回复序号退订对应业务。【中国移动】', '回复序号退订');
    await receivedFrom10086('尊敬的客户，您好！请回复序号查询：1 话费余额；2 剩余流量。【中国移动】', '剩余流量');
    const { dialog, dismiss } = await clickAsks(page.locator('.reply-menu').last().getByRole('button', { name: '1 话费余额' }), '1 while 回复序号退订 is open');
    const warning = await dialog.locator('.reply-confirms-request').textContent();
    expect(warning).toContain('回复“1”会办理或退订业务');
    expect(warning).toContain('手机报');
    await dismiss();
  });

  it('an option whose code the catalog does not know is asked about, saying only the reply names it (review25)', async () => {
    // A fake 10086 can label any code a look-up: QXSJB cancels 手机报 whatever "查余额" beside it says.
    await receivedFrom10086('您发送的指令有误。您是否想要：查余额请发QXSJB，查积分请发JF。', '查余额请发QXSJB');
    const { dialog, dismiss } = await clickAsks(page.getByRole('button', { name: 'QXSJB 查余额' }).last(), 'QXSJB');
    expect(await dialog.locator('.reply-catalog-unknown').textContent()).toBe('指令目录里没有 QXSJB：它做什么，只有这条消息这么说，由 10086 决定。');
    await dismiss();
  });

  it('a request made "may be joined wrong" by a part under its reference still guards its number (review25)', async () => {
    // A fake base station sends a part 2 under the real request's reference and second, before the real part 2: both
    // messages are marked (sending-order.ts) and no longer read for figures, but the request's 1 must stay guarded.
    const stamp = new Date(Date.UTC(2026, 11, 6, 1, 2, 3));
    const parts = (text: string) => encodeDeliverParts({ from: '10086', text, timestamp: stamp, tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 91 }).map((p) => p.hex);
    const [a1, a2] = parts('尊敬的客户，您将订购10元1GB流量包，费用10元/月，次月起自动续订，可随时退订。如需办理，请回复1确认订购，24小时内有效，逾期未回复视为放弃办理。【中国移动】');
    const [, b2] = parts('尊敬的客户，您本月已使用国内通用流量2.5GB，剩余7.5GB，套餐外流量按3元/GB收取，详情请登录中国移动APP查询。感谢您的支持，【中国移动】');
    await plugInByPath(page, server.base, modem.path);
    await page.goto(`${server.base}#/thread/${encodeURIComponent(SIM.iccid)}`);
    // A1 and the fake B2 join, in order, into one whole bubble; A2 then begins a message alone (shown once its window ends).
    modem.emulator.deliverPdu(a1!);
    modem.emulator.deliverPdu(b2!);
    await page.locator('.bubble-line.in', { hasText: '您将订购10元1GB流量包' }).last().waitFor({ timeout: 30_000 });
    // Handed over in order: the menu below is stored after A2.
    modem.emulator.deliverPdu(a2!);
    await receivedFrom10086('尊敬的客户，您好！请回复序号查询：1 话费余额；2 剩余流量。【中国移动】', '剩余流量');
    const { dialog, dismiss } = await clickAsks(page.locator('.reply-menu').last().getByRole('button', { name: '1 话费余额' }), '1 while a marked 回复1确认订购 is open');
    expect(await dialog.locator('.reply-confirms-request').textContent()).toContain('回复“1”确认');
    await dismiss();
  });
});
