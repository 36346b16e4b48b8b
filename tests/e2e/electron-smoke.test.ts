import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The Electron binary, when this machine has one (it cannot be downloaded everywhere). */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const ROOT = resolve(import.meta.dirname, '../..');

describe('Electron app', () => {
  it.skipIf(binary === null)('opens the main window on the demo modem with the secure settings (skipped: no Electron binary here)', async () => {
    const { _electron } = await import('playwright-core');
    const app = await _electron.launch({ executablePath: binary!, args: [ROOT, '--demo', '--no-sandbox'], env: { ...process.env, HALL10086_DATA_DIR: resolve(ROOT, 'test-results/electron-data') } });
    try {
      const window = await app.firstWindow();
      await window.waitForLoadState('domcontentloaded');
      // What the page can reach: no Node (nodeIntegration off, sandbox on), only the contract's bridge.
      const reach = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as { hall?: object }).hall ?? {}).sort(),
      }));
      expect(reach).toEqual({ require: 'undefined', process: 'undefined', bridge: ['call', 'on'] });
      expect(await window.locator('input').first().isVisible()).toBe(true);
    } finally {
      await app.close();
    }
  });
});
