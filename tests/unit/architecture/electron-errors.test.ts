import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ELECTRON = resolve(import.meta.dirname, '../../../src-main/electron');
const PRINTS = /\bconsole\.\w+\(|process\.std(?:out|err)\.write\(/g;

/**
 * The Electron main cannot run here, so what it does with a bug is `internalErrorHandler` (src-main/services/diagnostics.ts,
 * tested in tests/integration/internal-error-diagnostics.test.ts): masked into diagnostics.log. A shell printing an error
 * itself (console.error(error): stack and text unmasked on the app's stderr) would bypass it; this lists every such call.
 */
it('the Electron shell prints nothing itself: its errors go through the diagnostics handler', () => {
  const prints = readdirSync(ELECTRON)
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => [...readFileSync(join(ELECTRON, name), 'utf8').matchAll(PRINTS)].map((m) => `${name}: ${m[0]}`));
  expect(prints).toEqual([]);
});
