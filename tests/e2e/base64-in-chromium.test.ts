import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './app-kit';

/** src-shared/bundle/base64.ts as the page runs it: transpiled, its exports as plain functions. */
const source = ts
  .transpileModule(readFileSync(resolve(import.meta.dirname, '../../src-shared/bundle/base64.ts'), 'utf8'), { compilerOptions: { target: ts.ScriptTarget.ES2022 } })
  .outputText.replace(/^export /gm, '');

/** Texts the page must refuse: the platform's decoder alone takes the last four (spaces, line breaks, no padding), each a multiple of four long. */
const NOT_BASE64 = ['abc', 'ab!=', 'AA==AA==', 'AAEC    AwA=', 'AAEC\nAw==\n\n\n', 'AAECAw  ', 'AAECAw\r\n'];

describe('base64 in real Chromium (the page and the extension decode the prebuilt index with it)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('takes the platform decoder there, gives the same bytes as Node for every byte value and an index-sized block, and refuses what is not strict base64', async () => {
    const page = await browser.newPage();
    const block = Buffer.from(Uint8Array.from({ length: 202_825 }, (_, i) => (i * 7919 + (i >> 8)) & 255));
    const result = await page.evaluate(
      ({ code, every, big, bad }) => {
        const { toBase64, fromBase64 } = new Function(`${code}; return { toBase64, fromBase64 };`)() as {
          toBase64(b: Uint8Array): string;
          fromBase64(t: string): Uint8Array | undefined;
        };
        const all = Uint8Array.from({ length: 256 }, (_, i) => i);
        return {
          platform: typeof (Uint8Array as { fromBase64?: unknown }).fromBase64,
          every: toBase64(all) === every && Array.from(fromBase64(every) ?? []),
          big: Array.from(fromBase64(big) ?? []),
          refused: bad.map((t) => fromBase64(t) === undefined),
        };
      },
      { code: source, every: Buffer.from(Uint8Array.from({ length: 256 }, (_, i) => i)).toString('base64'), big: block.toString('base64'), bad: NOT_BASE64 },
    );
    expect(result.platform).toBe('function');
    expect(result.every).toEqual(Array.from({ length: 256 }, (_, i) => i));
    expect(Buffer.from(result.big).equals(block)).toBe(true);
    expect(result.refused).toEqual(NOT_BASE64.map(() => true));
  });
});
