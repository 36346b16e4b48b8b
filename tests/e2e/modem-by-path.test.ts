import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { browserSuite, modemCard, plugInByPath, sendTyped, type Served } from './ui-kit';

/**
 * A modem the system's port list does not show: here `hall10086 emulator --pty` on a real
 * pseudo-terminal (socat), as docs/cli.md tells a newcomer to run it; for a user, also a modem
 * reached through socat or ser2net, /dev/serial/by-id/… or rfcomm. Typed on the Modem page, it
 * connects like a listed port and carries an instruction and its reply; a wrong path is said under
 * the field. Before, the page offered only the listed ports and such a modem could not be used.
 * Once a real modem is there, the demo modem's SIM is marked DEMO in the Overview's table as well.
 */

let server: Served;
let page: Page;
browserSuite({ artifactPrefix: 'modem-by-path-', openApp: true }, (suite) => {
  ({ server, page } = suite);
});

/** The built-in demo modem's SIM (src-main/emulator/sim.ts). */
const DEMO_SIM = '89860012345678901234';
const SILENT_SIM = '89860012345678900066';
const SLOW_SIM = '89860012345678900088';

let emulator: ChildProcess;
let ptyPath: string;

beforeAll(async () => {
  emulator = spawn(process.execPath, [resolve(import.meta.dirname, '../../bin/hall10086.mjs'), 'emulator', '--pty'], {
    env: { ...process.env, LANG: 'en_US.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  ptyPath = await new Promise<string>((done, fail) => {
    let out = '';
    emulator.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const line = out.match(/^(\/\S+)$/m)?.[1];
      if (line) done(line);
    });
    emulator.on('close', (code) => fail(new Error(`emulator --pty exited ${code}`)));
  });
}, 60_000);

afterAll(async () => {
  const closed = new Promise((done) => emulator.once('close', done));
  emulator.kill('SIGTERM');
  await closed;
});

const modemPage = async () => {
  await page.goto(`${server.base}#/modem`);
  await page.waitForSelector('#port-by-path', { timeout: 30_000 });
};

describe('a port typed on the Modem page', () => {
  it('connects a modem on a pseudo-terminal, which then sends YE and shows the reply with its figures', async () => {
    await modemPage();
    await page.locator('#port-by-path').fill(ptyPath);
    await page.locator('#port-by-path').press('Enter');
    const card = page.locator('.modem-card', { hasText: ptyPath });
    await card.waitFor({ timeout: 30_000 });
    // Ready, a real modem takes over sending from the demo one.
    await card.getByText('发送设备', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.port-by-path [role=alert]').count()).toBe(0);

    await sendTyped(page, `${server.base}#/thread`, 'YE');
    await page.getByText('你的余额 50.43 元', { exact: false }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(import.meta.dirname, '../../test-results/e2e/modem-by-path-reply.png') });

    // The Overview lists the demo SIM beside the real one: its made-up figures are marked in its row.
    await page.goto(`${server.base}#/overview`);
    const demoRow = page.locator(`tr[data-sim="${DEMO_SIM}"]`);
    const realRow = page.locator(`tr[data-sim]:not([data-sim="${DEMO_SIM}"])`);
    await realRow.getByText('50.43 元').waitFor({ timeout: 30_000 });
    await demoRow.locator('.badge-demo').waitFor({ timeout: 30_000 });
    expect(await realRow.locator('.badge-demo').count()).toBe(0);
    // Its question was answered: no "no reply yet" mark.
    expect(await realRow.locator('.fleet-asked').count()).toBe(0);
  }, 90_000);

  it('says under the field, with what to do, that a port does not exist', async () => {
    await modemPage();
    const field = page.locator('#port-by-path');
    await field.fill('/dev/ttyUSB-not-there');
    await field.press('Enter');
    const note = page.locator('.port-by-path [role=alert]');
    await note.waitFor({ timeout: 20_000 });
    expect(await note.textContent()).toContain('找不到串口 /dev/ttyUSB-not-there');
    // What to do on this page (ux29), not a command for a terminal: before, '或用 hall10086 ports 查看可用串口'.
    expect(await note.textContent()).toContain('检查调制解调器是否插好，再在上面的「串口」列表里找它（插上后按「刷新」）。');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.modem-card', { hasText: '/dev/ttyUSB-not-there' }).count()).toBe(0);
  }, 60_000);

  it('a SIM asked and not answered yet is marked in its Overview row', async () => {
    // A second modem whose 10086 does not answer (within this test).
    const silent: PtyEmulator = await startPtyEmulator({ emulatorOptions: { replyDelayMs: 3_600_000, sim: { iccid: SILENT_SIM, imsi: '460001234567006' } } });
    try {
      await plugInByPath(page, server.base, silent.path);
      await sendTyped(page, `${server.base}#/thread/${SILENT_SIM}`, 'YE');
      await page.locator('.bubble-line.out', { hasText: 'YE' }).getByText(/已发送|已送达/).waitFor({ timeout: 30_000 });

      await page.goto(`${server.base}#/overview`);
      const row = page.locator(`tr[data-sim="${SILENT_SIM}"]`);
      await row.locator('.fleet-asked').waitFor({ timeout: 30_000 });
      expect(await row.locator('.fleet-asked').textContent()).toMatch(/^\s*\d{2}:\d{2} 待回复$/);
      // A SIM with no open question has no mark.
      expect(await page.locator(`tr[data-sim="${DEMO_SIM}"] .fleet-asked`).count()).toBe(0);
    } finally {
      await silent.close();
    }
  }, 90_000);

  // The e2e kit's plugInByPath, which the tests that restart the core lean on: it took the SIM fact's 就绪 (there from
  // the SIM's READY until its id is read) for the modem's, so a test went on while the modem was still being set up,
  // stopped the core, and its next start did not open the modem again (sender-across-restart, session 20).
  it('is connected, for the kit, once the modem itself is up, not when its SIM alone says 就绪', async () => {
    const slow: PtyEmulator = await startPtyEmulator({ emulatorOptions: { sim: { iccid: SLOW_SIM, imsi: '460001234567008' } } });
    try {
      // Its SIM answers READY, then its IMSI never comes: the SIM fact says 就绪 alone until the core gives up asking.
      const off = slow.emulator.onCommand((line) => {
        if (line !== 'AT+CPIN?') return;
        off();
        slow.emulator.fault({ kind: 'silence', commands: 1, durationMs: 60_000 });
      });
      await plugInByPath(page, server.base, slow.path);
      expect(await modemCard(page, slow.path).locator('.facts > div', { has: page.locator('dt', { hasText: /^状态$/ }) }).locator('dd').textContent()).toBe('就绪');
    } finally {
      await slow.close();
    }
  }, 90_000);
});
