import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildExtension, EXTENSION_DIR } from '../../src-extension/build';
import { loadExtension, type LoadedExtension } from '../../src-extension/load-in-chromium';

/** Every URL a Chromium profile's History database holds, read with python3's sqlite3 once Chromium has closed. */
export function historyUrls(profile: string): string[] {
  const read = spawnSync('python3', ['-c', 'import sqlite3,sys; print("\\n".join(r[0] for r in sqlite3.connect(sys.argv[1]).execute("select url from urls")))', join(profile, 'Default', 'History')], { encoding: 'utf8' });
  if (read.status !== 0) throw new Error(read.stderr);
  return read.stdout.split('\n').filter(Boolean);
}

/**
 * The built extension in Chromium with a persistent profile of its own, for one test file: built
 * and started before its tests, closed after. The getter gives the one started.
 */
export function builtExtensionProfile(locale = 'zh-CN'): () => LoadedExtension {
  let ext: LoadedExtension | undefined;
  beforeAll(async () => {
    await buildExtension();
    ext = await loadExtension(EXTENSION_DIR, locale);
  }, 120_000);
  afterAll(async () => {
    await ext?.close();
  });
  return () => ext!;
}
