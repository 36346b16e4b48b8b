import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Checks on the Electron shell's source itself, for settings no unit test can reach without the
 * binary (main.ts runs only inside Electron): no file may weaken what window.ts and security.ts set.
 */
const DIR = join(import.meta.dirname, '../../../src-main/electron');
const sources = readdirSync(DIR)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }));
const source = (name: string) => sources.find((file) => file.name === name)!.text;

describe('Electron shell sources', () => {
  it('include main.ts and preload.ts', () => {
    expect(sources.map((file) => file.name)).toEqual(expect.arrayContaining(['main.ts', 'preload.ts', 'window.ts', 'security.ts', 'ipc.ts']));
  });

  it.each([
    ['nodeIntegration turned on', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
    ['context isolation turned off', /contextIsolation\s*:\s*false/],
    ['the sandbox turned off', /sandbox\s*:\s*false|no-sandbox/],
    ['web security turned off', /webSecurity\s*:\s*false/],
    ['insecure content allowed', /allowRunningInsecureContent\s*:\s*true/],
    ['webviews enabled', /webviewTag\s*:\s*true/],
    ['the remote module', /remote/i],
    ['a permission granted', /callback\(\s*true\s*\)|=>\s*true\s*\)/],
    ['a window allowed to open', /action\s*:\s*'allow'/],
    ['eval-like script sources', /unsafe-eval|wasm-unsafe-eval/],
  ])('never have %s', (_name, pattern) => {
    for (const file of sources) expect(`${file.name}: ${file.text.match(pattern)?.[0] ?? ''}`).toBe(`${file.name}: `);
  });

  it('expose exactly `hall` from the preload, and never ipcRenderer itself', () => {
    const preload = source('preload.ts');
    expect(preload.match(/exposeInMainWorld\([^)]*\)/g)).toEqual(["exposeInMainWorld('hall', hall)"]);
    expect(preload).not.toMatch(/exposeInIsolatedWorld|window\.\w+\s*=|globalThis\.\w+\s*=/);
    // Past its import, ipcRenderer is only ever used to listen or invoke, never handed on as a value.
    const code = preload.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/^import .*$/gm, '');
    expect(code.match(/\bipcRenderer\b(?!\.(?:on|invoke)\()/g)).toBeNull();
  });

  it('have main.ts take the single-instance lock, force the sandbox and install the guards before any window', () => {
    const main = source('main.ts');
    const positions = ['claimSingleInstance(', 'app.enableSandbox()', 'installSecurity(', 'createMainWindow('].map((needle) => main.indexOf(needle));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect(main.indexOf('installSecurity(')).toBeLessThan(main.indexOf('createMainWindow('));
  });
});
