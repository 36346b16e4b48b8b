import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  /** `chrome-extension://<id>/` */
  base: string;
  /** The profile folder (removed by close): what the browser kept can be read once the context is closed. */
  profile: string;
  close(): Promise<void>;
}

/**
 * The built extension (out/extension) in headless Chromium with a fresh profile, for the
 * end-to-end test and the bench. Extensions need a persistent context.
 */
export async function loadExtension(dir: string, locale = 'zh-CN', prepareProfile?: (profile: string) => Promise<void>): Promise<LoadedExtension> {
  const profile = await mkdtemp(join(tmpdir(), 'hall10086-ext-'));
  await prepareProfile?.(profile);
  const context = await launchWithExtension(profile, dir, locale);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    base: new URL('/', worker.url()).href,
    profile,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium on `profile` with only the extension in `dir` loaded: a fresh profile, or one a test started before. */
export function launchWithExtension(profile: string, dir: string, locale: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${locale}`,
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
}
