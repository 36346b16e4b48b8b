import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Journal } from '../../src-main/services/journal';
import { DIAGNOSTICS_FILE, recordInternalError } from '../../src-main/services/diagnostics';
import { STACK_TRACE } from './cli-helpers';

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

/**
 * `serve`'s handler of a bug (a failure that is not a HallError; the page is only told "internal"): it printed the
 * error with console.error, stack and all, on the user's terminal. Now the terminal gets one zh/en line with an id,
 * and the stack goes to diagnostics.log in the data folder (mode 0600), with the journal's mask over it.
 */
it("a bug's stack goes to the data folder's diagnostics log, masked, under the id the terminal line gives", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-diagnostics-'));
  dirs.push(dataDir);
  const journal = await Journal.open(dataDir);
  const bug = new TypeError('cannot read the reply to CXYEH 135790');
  const line = await recordInternalError(dataDir, bug, (text) => journal.maskText(text));
  await journal.close();

  for (const text of [line.zh, line.en]) {
    expect(text).not.toMatch(STACK_TRACE);
    expect(text).not.toContain('TypeError');
    expect(text).not.toContain('135790');
  }
  const id = /\(id ([0-9a-f]{8})\)/.exec(line.en)?.[1];
  expect(id, line.en).toBeDefined();
  expect(line.zh).toContain(`编号 ${id}`);
  const path = join(dataDir, DIAGNOSTICS_FILE);
  expect(line.en).toContain(path);

  const log = await readFile(path, 'utf8');
  expect(log).toContain(` ${id}\nTypeError: cannot read the reply to CXYEH ******`);
  expect(log).toMatch(STACK_TRACE);
  expect(log).not.toContain('135790');
  expect((await stat(path)).mode & 0o777).toBe(0o600);
});
