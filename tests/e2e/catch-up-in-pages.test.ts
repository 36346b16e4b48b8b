import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { INSTANT_TIMING } from '../../src-main/emulator/options';
import type { IncomingRecord } from '../../src-shared/journal-records';
import { loadCorpus } from '../fixtures/replies/corpus';
import { coreSuite } from './core-suite';
import { readLog } from './ui-kit';

/**
 * A backlog whose one answer to `journal.pending` (about 10 MB) is far past what the server lets wait unsent for a client
 * (4 MiB here, 16 MiB in the app: the bench's 95,000 pending): any event while that frame was still being written cut the page
 * off, and the page reconnected and asked again, for ever, storing nothing (found by `npm run bench -- ui`, session 26).
 */
const BACKLOG = 20_000;
const SIM = '89860099887766554433';
const corpus = loadCorpus(resolve(import.meta.dirname, '../fixtures/replies/real-dev.json'));

describe('a reloaded page catches up a backlog bigger than the server lets wait unsent', () => {
  let core: HallCore;
  let page: Page;
  coreSuite(
    {
      dirPrefix: 'hall-backlog-e2e-',
      core: (dataDir) => HallCore.create({ dataDir, demo: true, emulatorOptions: INSTANT_TIMING }),
      perTest: true,
      limits: { maxBufferedBytes: 4 * 1024 * 1024 },
    },
    (suite) => {
      ({ core, page } = suite);
    },
  );

  it('stores every part of the backlog once, while events keep coming', async () => {
    await expect.poll(() => core.journal.pendingIncoming().length, { timeout: 60_000 }).toBe(0);
    const base = Date.UTC(2025, 0, 1);
    const message = (i: number) => ({
      simId: SIM,
      from: '10086',
      text: corpus[i % corpus.length]!.text,
      encoding: 'ucs2' as const,
      timestamp: new Date(base + i * 1000).toISOString(),
      receivedAt: base + i * 1000,
      concat: null,
    });
    const keys: string[] = [];
    for (let start = 0; start < BACKLOG; start += 1000) {
      const batch = Array.from({ length: 1000 }, (_, k) => message(start + k));
      keys.push(...(await Promise.all(batch.map((m) => core.journal.appendIncoming(m)))).map((a) => a.key));
    }
    // Events while the page catches up, as a working modem gives them: each one more message, journaled and handed on.
    let next = BACKLOG;
    const live: string[] = [];
    const ticker = setInterval(() => {
      const m = message(next++);
      void core.journal.appendIncoming(m).then(({ key }) => {
        live.push(key);
        core.emit('incoming', { kind: 'in', key, ...m } satisfies IncomingRecord);
      });
    }, 10);
    try {
      await page.reload();
      const backlog = new Set(keys);
      await expect
        .poll(() => core.journal.pendingIncoming().filter((r) => backlog.has(r.key)).length, { timeout: 180_000, interval: 500 })
        .toBe(0);
    } finally {
      clearInterval(ticker);
    }
    await expect.poll(() => core.journal.pendingIncoming().length, { timeout: 60_000 }).toBe(0);

    const log = await readLog(page);
    const stored = log.parts.map((p) => p.key as string);
    const wanted = new Set([...keys, ...live]);
    expect(stored.filter((k) => wanted.has(k)).sort()).toEqual([...wanted].sort());
  }, 300_000);
});
