import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { extensionSocketPath } from '../../src-main/services/extension-link';
import { EXTENSION_ID } from '../../src-shared/extension-identity';
import { FakeChromePort, is, SignedPort } from '../integration/native-host-kit';
import { buildApp, launchChromium, openApp, serve, type Served } from './ui-kit';

/**
 * review36: an extension's send is asked in the app's window naming the SIM it goes from. Browser mode with two
 * emulated modems on real pseudo-terminals (`serve --count 2`), the real native host on the app's socket, the
 * question answered by clicking in real Chromium.
 */
let browser: Browser;
let server: Served;
let page: Page;
const ports: FakeChromePort[] = [];

beforeAll(async () => {
  await buildApp();
  browser = await launchChromium();
  server = await serve(['--count', '2']);
  page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await openApp(page, await server.link());
}, 180_000);

afterAll(async () => {
  for (const p of ports) await p.close();
  await browser?.close();
  await server?.stop();
});

/** The app window's question, once it is up: its whole text. */
async function question(): Promise<string> {
  const dialog = page.locator('dialog[open]').filter({ hasText: '浏览器扩展' });
  await dialog.first().waitFor({ timeout: 30_000 });
  return dialog.first().innerText();
}

describe('an extension’s send as the app asks about it', () => {
  it('with two SIMs ready the question names the SIM it goes from (before: no SIM, and a KTGPRS went unasked)', async () => {
    const p = new FakeChromePort(extensionSocketPath(server.dataDir), `chrome-extension://${EXTENSION_ID}/`);
    ports.push(p);
    const signed = await new SignedPort(p).open();
    signed.askToPair();
    await p.next(is('pairing'), 0, 30_000);
    await question();
    await page.getByRole('button', { name: '配对' }).click();
    await p.next(is('paired'), 0, 30_000);

    await signed.post({ type: 'send', ref: 'kt', id: 'KTGPRS' });
    const first = await p.next(is('send-state', (m) => m.ref === 'kt'), 0, 30_000);
    expect(first.state).toBe('confirming');
    const text = await question();
    expect(text).toContain('KTGPRS');
    // The sender line as the composer's own question has it: a SIM named by the end of its ICCID, then its modem.
    expect(text).toMatch(/从 SIM …\d{6} · .+ 发出。/);
    expect(text).toMatch(/2 张 SIM 卡就绪/);
    await page.getByRole('button', { name: '拒绝' }).click();
    expect(await p.next(is('send-state', (m) => m.ref === 'kt' && m.state === 'refused'), 0, 30_000)).toMatchObject({ error: { code: 'extension.send-declined' } });
  }, 120_000);
});
