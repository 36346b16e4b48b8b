import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { seedFleet } from '../integration/fleet/seed-fleet';
import { startBroker } from '../integration/fleet/mosquitto-kit';
import { loadCorpus } from '../fixtures/replies/corpus';
import { coreSuite } from './core-suite';

const SIMS = 40;

/** The Overview's fleet table and the MQTT settings in Chromium, against an in-process core holding 40 SIMs. */
describe('the fleet in the Overview', () => {
  let core: HallCore;
  let page: Page;
  let ids: string[];
  const fleetCore = async (dataDir: string): Promise<HallCore> => {
    const made = await HallCore.create({ dataDir });
    ids = seedFleet(made.fleet.board, SIMS);
    await made.fleet.setLabel({ simId: ids[7]!, name: '前台', owner: '王芳', phone: '' });
    return made;
  };
  coreSuite(
    {
      dirPrefix: 'hall-fleet-e2e-',
      core: fleetCore,
      context: { viewport: { width: 1200, height: 700 } },
      // A low-balance threshold of 50 yuan, as set in Settings → alerts.
      prepare: (context) => context.addInitScript(() => localStorage.setItem('hall10086.alertThresholds', JSON.stringify({ balanceYuan: 50, dataMb: null }))),
    },
    (suite) => {
      ({ core, page } = suite);
    },
  );
  // The page is the file's: a failed try's search text, filter or open editor (each test puts them back only when it
  // passes) are not what its retry, or the next test, starts from. Each starts on the Overview as the page opens it.
  beforeEach(async () => {
    await page.reload();
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.waitForSelector('.overview-table tbody tr[aria-rowindex]');
  });

  it('lists every SIM, draws only the rows in view, and puts low balances first', async () => {
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.waitForSelector('.overview-table tbody tr[aria-rowindex]');
    expect(await page.textContent('.fleet-count')).toBe(`显示 ${SIMS} / 共 ${SIMS} 张 SIM`);
    expect(await page.locator('.overview-table tbody tr[aria-rowindex]').count()).toBeLessThan(SIMS);
    const balances = core.fleet.board.list().map((s) => s.balance!);
    const lowest = Math.min(...balances);
    expect(await page.textContent('.overview-table tbody tr[aria-rowindex="2"] td[data-kind="balance.balance"]')).toBe(`${lowest.toFixed(2)} 元`);
    const lows = balances.filter((b) => b < 50).length;
    expect(lows).toBeGreaterThan(0);
    await page.selectOption('.fleet-tools select >> nth=0', 'low');
    await page.waitForFunction((n) => document.querySelector('.fleet-count')?.textContent?.startsWith(`显示 ${n} /`), lows);
    expect(await page.locator('.overview-table tbody tr.fleet-low').count()).toBe(Math.min(lows, await page.locator('.overview-table tbody tr[aria-rowindex]').count()));
    await page.selectOption('.fleet-tools select >> nth=0', 'all');
  });

  it('finds a SIM by its owner and edits its label, refusing a bad phone number', async () => {
    await page.fill('.fleet-search', '王芳');
    await page.waitForFunction(() => document.querySelector('.fleet-count')?.textContent?.startsWith('显示 1 /'));
    await page.getByRole('button', { name: '编辑标签 前台' }).click();
    await page.fill('#fleet-phone', '13800-abc');
    expect(await page.textContent('.fleet-editor .field-error')).toContain('号码应为');
    expect(await page.isDisabled('.fleet-editor button[type=submit]')).toBe(true);
    await page.fill('#fleet-phone', '13800138000');
    await page.fill('#fleet-name', '前台一号');
    await page.click('.fleet-editor button[type=submit]');
    await page.waitForSelector('.fleet-editor', { state: 'detached' });
    expect(core.fleet.labels.get(ids[7]!)).toEqual({ simId: ids[7]!, name: '前台一号', owner: '王芳', phone: '13800138000' });
    await page.waitForFunction(() => document.querySelector('.overview-table tbody')?.textContent?.includes('前台一号'));
    await page.fill('.fleet-search', '');
  });

  it("shows a SIM's failed sends beside its name, live as the core counts them", async () => {
    const simId = ids[7]!;
    const failed = (id: string) => ({ kind: 'out' as const, id, simId, to: '10086', text: 'YE', state: 'failed' as const, messageRefs: [], error: 'cms.38', at: Date.now() });
    await page.fill('.fleet-search', '前台一号');
    await page.waitForFunction(() => document.querySelector('.fleet-count')?.textContent?.startsWith('显示 1 /'));
    // The core outlives a failed attempt, which counted its own: this attempt's sends are its own, and counted on top.
    const before = core.fleet.board.list().find((s) => s.simId === simId)!.sendFailures;
    const attempt = `e2e-${Date.now().toString(36)}`;
    expect(await page.locator('.fleet-failures').count()).toBe(before ? 1 : 0);
    core.fleet.board.onOutgoing(failed(`${attempt}-1`));
    core.fleet.board.onOutgoing(failed(`${attempt}-1`)); // the same failure told twice counts once
    core.fleet.board.onOutgoing(failed(`${attempt}-2`));
    await page.waitForFunction((n) => document.querySelector('.fleet-failures')?.textContent?.trim() === `发送失败 ${n} 次`, before + 2);
    expect(await page.locator(`tr[data-sim="${simId}"] .fleet-failures`).count()).toBe(1);
    await page.fill('.fleet-search', '');
  });

  it.each(['zh-Hans', 'en'])('fits the SIM table in a 1024 px wide window (%s): no sideways scrolling, no figure cut', async (lang) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    try {
      await page.evaluate((l) => localStorage.setItem('hall10086.lang', l), lang);
      await page.reload();
      await page.evaluate(() => (location.hash = '#/overview'));
      await page.waitForSelector('.overview-table tbody tr[aria-rowindex]');
      const widths = await page.evaluate(() => {
        const box = (el: Element | null) => ({ scroll: el!.scrollWidth, client: el!.clientWidth });
        return { table: box(document.querySelector('.fleet-scroller')), page: box(document.scrollingElement) };
      });
      expect(widths.table.scroll, JSON.stringify(widths)).toBeLessThanOrEqual(widths.table.client);
      expect(widths.page.scroll, JSON.stringify(widths)).toBeLessThanOrEqual(widths.page.client);
      // Headings, figures, phone numbers, times, edit buttons and a SIM's name with its "low" badge show
      // whole (a name with its failed sends beside it may end in …).
      const cut = await page.$$eval('.overview-table :is(thead th, tbody tr[aria-rowindex] > :is(td, th:not(:has(.fleet-failures))))', (cells) =>
        cells
          .filter((cell) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            const style = getComputedStyle(cell);
            const room = cell.getBoundingClientRect().width - ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth'].reduce((sum, side) => sum + parseFloat(style[side as 'paddingLeft']), 0);
            return range.getBoundingClientRect().width > room + 0.5;
          })
          .map((cell) => `${cell.getAttribute('data-kind') ?? ''} ${cell.textContent}`),
      );
      expect(cut).toEqual([]);
    } finally {
      await page.evaluate(() => localStorage.setItem('hall10086.lang', 'zh-Hans'));
      await page.setViewportSize({ width: 1200, height: 700 });
      await page.reload();
    }
  });

  it('saves the MQTT settings without ever showing the password back', async () => {
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.waitForSelector('#mqtt-url');
    expect(await page.isChecked('text=启用 MQTT >> input')).toBe(false);
    await page.fill('#mqtt-url', 'mqtt://127.0.0.1:1');
    await page.fill('#mqtt-hostId', 'desk9');
    await page.fill('#mqtt-password', 'pw-Zq81');
    await page.click('text=保存 MQTT 设置');
    // The link's own event can mark the password kept a moment before the save's answer empties the field.
    await page.waitForFunction(() => {
      const field = document.querySelector('#mqtt-password') as HTMLInputElement | null;
      return !!field?.placeholder.includes('已保存') && field.value === '';
    });
    const view = await core.call('mqtt.get', {});
    expect(view).toMatchObject({ enabled: false, url: 'mqtt://127.0.0.1:1', hostId: 'desk9', passwordSet: true });
    expect(await page.inputValue('#mqtt-password')).toBe('');
    expect(await page.content()).not.toContain('pw-Zq81');
  });

  it('warns while a plain address to another machine is typed with a password kept, and the link refuses it until allowed', async () => {
    const warning = () => page.locator('.mqtt-warning').evaluateAll((ps) => ps.map((p) => `${p.getAttribute('data-code')}|${p.textContent}`));
    // What the test before leaves (a failed attempt of this one may have allowed the plain-text password and left the link on).
    const { passwordSet, clientKeySet, status, ...kept } = await core.call('mqtt.get', {});
    expect(passwordSet).toBe(true);
    await core.call('mqtt.set', { settings: { ...kept, enabled: false, url: 'mqtt://127.0.0.1:1', allowPlaintextPassword: false, password: 'pw-Zq81', clientKeyPem: null } });
    await page.reload();
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.waitForFunction(() => (document.querySelector('#mqtt-url') as HTMLInputElement | null)?.value === 'mqtt://127.0.0.1:1');
    await page.fill('#mqtt-url', 'mqtt://192.0.2.50:1883');
    await page.waitForSelector('.mqtt-warning[data-code="mqtt.plaintext-password"]');
    expect((await warning())[0]).toContain('密码会以明文经过网络');
    await page.check('text=启用 MQTT >> input');
    // A new address takes the password typed again: the kept one goes only where it was typed for.
    await page.fill('#mqtt-password', 'pw-Zq81');
    await page.click('text=保存 MQTT 设置');
    await page.waitForSelector('.mqtt-status[data-state="refused"]');
    expect(await page.textContent('.mqtt-status')).toContain('未连接');
    expect((await core.call('mqtt.get', {})).status.code).toBe('mqtt.plaintext-password');
    expect(await page.locator('.mqtt-warning').count()).toBe(0); // the status line says it; not twice

    await page.check('text=允许明文发送密码 >> input');
    await page.waitForSelector('.mqtt-warning[data-code="mqtt.plaintext-password-allowed"]');
    await page.click('text=保存 MQTT 设置');
    await page.waitForSelector('.mqtt-status:not([data-state="refused"])');
    // Saved, the warning stays: it is said from the settings as they are, not only while typing.
    expect((await warning()).map((w) => w.split('|')[0])).toEqual(['mqtt.plaintext-password-allowed']);

    // Encrypted: nothing to warn about.
    await page.fill('#mqtt-url', 'mqtts://192.0.2.50:8883');
    await page.waitForFunction(() => document.querySelectorAll('.mqtt-warning').length === 0);
    await page.uncheck('text=启用 MQTT >> input');
    await page.fill('#mqtt-password', 'pw-Zq81');
    await page.click('text=保存 MQTT 设置');
    await page.waitForSelector('.mqtt-status[data-state="off"]');
  });
  it('shows each figure with the time of its reply: minutes are the package’s own, and data a newer reply gave by kind only is said to be superseded, with a way to that reply', async () => {
    // Real replies (tests/fixtures/replies/real-dev.json) to one SIM of its own: fs-2016-0312 (5.85 MB; 40 minutes
    // of the package, 40 闲时, 896 集团), two hours later vpmn-0019-confirm (data of the 本地 kind only), then a balance.
    const corpus = loadCorpus(resolve(import.meta.dirname, '../fixtures/replies/real-dev.json'));
    const simId = '89860012345670009995';
    // 09:00 two days ago on the network's clock (UTC+8), which the Overview reads times on, stamped as China Mobile stamps (+08:00).
    const cst = 8 * 3_600_000;
    const t0 = Math.floor((Date.now() + cst) / 86_400_000) * 86_400_000 - cst - 2 * 86_400_000 + 9 * 3_600_000;
    const stamp = (at: number) => new Date(at + cst).toISOString().replace(/\.\d{3}Z$/, '+08:00');
    [['fs-2016-0312', t0], ['vpmn-0019-confirm', t0 + 2 * 3_600_000], ['hf-ll-0717', t0 + 3 * 3_600_000]].forEach(([id, at], i) => {
      const receivedAt = at as number;
      const text = corpus.find((e) => e.id === id)!.text;
      core.fleet.board.onIncoming({ kind: 'in', key: `${simId}|${receivedAt}|${i}`, simId, from: '10086', text, encoding: 'ucs2', timestamp: stamp(receivedAt), receivedAt, concat: null });
    });
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.fill('.fleet-search', simId);
    await page.waitForFunction(() => document.querySelector('.fleet-count')?.textContent?.startsWith('显示 1 /'));
    const row = page.locator(`tr[data-sim="${simId}"]`);
    await expect.poll(() => row.locator('td[data-kind="voice.remaining"] .figure-value').textContent(), { timeout: 15_000 }).toBe('40 分钟');
    // Minutes are as old as fs-2016-0312, two replies before the row's newest: their day is under them.
    expect(await row.locator('td[data-kind="voice.remaining"]').getAttribute('title')).toMatch(/^截至 .+ 09:00( UTC\+8 \(本机时间 \d\d:\d\d\))?$/);
    expect(await row.locator('td[data-kind="voice.remaining"] .fleet-as-of').textContent()).toBe('截至 09:00');
    // Data: no stale 5.85 MB, but that the newer reply gives it by kind only, linked to the SIM's thread.
    const data = row.locator('td[data-kind="data.remaining"]');
    expect(await data.locator('.figure-value').count()).toBe(0);
    const byKind = data.getByRole('link');
    expect(await byKind.textContent()).toBe('分类型');
    expect(await byKind.getAttribute('aria-label')).toMatch(/^.+ 11:00( UTC\+8 \(本机时间 \d\d:\d\d\))? 的回复只分类型列出（省内 117\.24 MB），没有一个总数/);
    expect(await row.locator('td[data-kind="balance.balance"] .figure-value').textContent()).toBe('27.73 元');
    expect(await row.locator('td[data-kind="balance.balance"] .fleet-as-of').count()).toBe(0);
    // Keyboard: the link is reached and opened with the keyboard alone.
    await byKind.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => decodeURIComponent(location.hash) === `#/thread/${id}`, simId);
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.fill('.fleet-search', '');
  });

  it('reads a row on the zone its reply was stamped in, as the reply’s bubble does (not on +08:00)', async () => {
    // A service centre stamping UTC+5:30 (a SIM roaming, or a test network): the thread reads that reply on
    // +05:30 (offsetOf its stamp), and so must its row, or the two disagree by two and a half hours.
    const corpus = loadCorpus(resolve(import.meta.dirname, '../fixtures/replies/real-dev.json'));
    const simId = '89860012345670009996';
    const receivedAt = Date.now() - 60_000;
    const ist = 330 * 60_000;
    const onIst = new Date(receivedAt + ist).toISOString();
    const stamp = onIst.replace(/\.\d{3}Z$/, '+05:30');
    const hhmm = onIst.slice(11, 16);
    const text = corpus.find((e) => e.id === 'hf-ll-0717')!.text;
    core.fleet.board.onIncoming({ kind: 'in', key: `${simId}|${receivedAt}|ist`, simId, from: '10086', text, encoding: 'ucs2', timestamp: stamp, receivedAt, concat: null });
    await expect.poll(() => core.fleet.board.get(simId)?.zoneMin ?? null, { timeout: 15_000 }).toBe(330);
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.fill('.fleet-search', simId);
    await page.waitForFunction(() => document.querySelector('.fleet-count')?.textContent?.startsWith('显示 1 /'));
    const updated = page.locator(`tr[data-sim="${simId}"] .fleet-updated-time`);
    await updated.waitFor({ timeout: 15_000 });
    const shown = { text: (await updated.textContent())?.trim(), title: await updated.getAttribute('title') };
    expect(shown.text?.endsWith(` ${hhmm}`), JSON.stringify({ hhmm, ...shown })).toBe(true);
    expect(shown.title, JSON.stringify(shown)).toContain(`${hhmm} UTC+5:30`);
    await page.fill('.fleet-search', '');
  });

  it('says in the MQTT status line that no command is heard when the broker refuses the command subscription (real mosquitto)', async () => {
    const topic = 'hall10086/deskr/command';
    const broker = await startBroker({ refuseSubscribe: [topic] });
    const { passwordSet, clientKeySet, status, ...kept } = await core.call('mqtt.get', {});
    try {
      await core.call('mqtt.set', { settings: { ...kept, enabled: true, url: broker.url, hostId: 'deskr', username: '', password: '', commands: true, clientKeyPem: null } });
      await page.evaluate(() => (location.hash = '#/settings'));
      const line = page.locator('.mqtt-status[data-state="no-commands"]');
      await line.waitFor();
      expect(await line.getAttribute('class')).toContain('banner-error');
      expect(await line.textContent()).toContain(`服务器拒绝了命令主题 ${topic} 的订阅`);
      expect(await line.textContent()).toContain('ACL');
    } finally {
      await core.call('mqtt.set', { settings: { ...kept, enabled: false, password: null, clientKeyPem: null } });
      await broker.stop();
    }
  });
});
