import { createServer, type Server, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, EXTENSION_DIR } from '../../src-extension/build';
import { loadExtension, type LoadedExtension } from '../../src-extension/load-in-chromium';
import { installNativeHost, profileManifestLocation } from '../../src-main/native-host';
import { extensionSocketPath } from '../../src-main/services/extension-link/socket-path';
import { HOST_BIN } from '../integration/native-host-kit';
import { watchExtensionLogs, type ExtensionLogs } from './extension-logs';

/**
 * The built extension in Chromium, its real native host, and on the socket an "app" that answers
 * `hello` with a malformed message (a damaged or mismatched app): the popup must say so in the
 * user's language rather than stay "connecting", and the worker logs which field, not its value.
 */
let ext: LoadedExtension;
let logs: ExtensionLogs;
let appDataDir: string;
let fakeApp: Server;
const heard: unknown[] = [];

beforeAll(async () => {
  await buildExtension();
  appDataDir = await mkdtemp(join(tmpdir(), 'hall10086-ext-badapp-'));
  fakeApp = createServer((socket: Socket) => {
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const message = JSON.parse(buffered.slice(0, nl)) as { type?: string };
        buffered = buffered.slice(nl + 1);
        heard.push(message);
        if (message.type === 'hello') socket.write(`${JSON.stringify({ type: 'hello', version: 2, nonce: 'secret-looking-0123456789' })}\n`);
      }
    });
  });
  await new Promise<void>((resolve) => fakeApp.listen(extensionSocketPath(appDataDir), resolve));
  ext = await loadExtension(EXTENSION_DIR, 'zh-CN', (profile) =>
    installNativeHost({ dataDir: appDataDir, launcher: [process.execPath, HOST_BIN], locations: [profileManifestLocation(profile)] }).then(() => undefined),
  );
  logs = await watchExtensionLogs(ext.context);
}, 120_000);

afterAll(async () => {
  await logs?.stop();
  await ext?.close();
  await new Promise((resolve) => fakeApp?.close(resolve));
  await rm(appDataDir, { recursive: true, force: true });
});

describe('an app whose hello the extension cannot read', () => {
  it('the popup says in Chinese that the app’s message could not be read, not "connecting"; the log names the field only', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${ext.base}popup.html#/instruction/YE`);
    await page.waitForSelector('main section');
    await page.waitForFunction(() => document.querySelector('#desktop-status')?.textContent?.includes('桌面应用发来的消息无法读取'), undefined, { timeout: 20_000 });
    expect(await page.textContent('#desktop-status')).toContain('请把桌面应用和扩展都更新到最新版本');
    // Nothing was asked after the unreadable hello (no status, no nonce to sign it with).
    expect(heard.map((m) => (m as { type?: string }).type ?? 'origin')).toEqual(['origin', 'hello']);
    await logs.flush();
    const dropped = logs.lines.filter((l) => l.includes('dropped a malformed'));
    expect(dropped.length).toBeGreaterThanOrEqual(1);
    expect(dropped.join('\n')).toContain('"hello"');
    expect(dropped.join('\n')).toContain('nonce');
    expect(dropped.join('\n')).not.toContain('secret-looking');
  }, 60_000);
});
