import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { INSTANT_TIMING } from '../../src-main/emulator/options';
import type { SimMessage } from '../../src-main/services/fleet/sim-board';
import type { IncomingRecord } from '../../src-shared/journal-records';
import { loadCorpus } from '../fixtures/replies/corpus';
import { coreSuite } from './core-suite';
import { readLog } from './ui-kit';

/** More than two of the store's transactions (2,000 records each) and two acknowledgement frames (2,000 keys). */
const BURST = 4_500;
const SIM = '89860099887766554433';
// Real replies (each with its public source), in turn: the board reads every one, the store keeps every one.
const corpus = loadCorpus(resolve(import.meta.dirname, '../fixtures/replies/real-dev.json'));

/** A burst as the core hands it on at a catch-up: thousands of journaled messages in one turn. */
describe('a burst of incoming messages through the real core, WebSocket and IndexedDB', () => {
  let core: HallCore;
  let page: Page;
  // A core and page for each try: a retry on the first try's log would find the burst stored twice (or once, skipped).
  coreSuite({ dirPrefix: 'hall-burst-e2e-', core: (dataDir) => HallCore.create({ dataDir, demo: true, emulatorOptions: INSTANT_TIMING }), perTest: true }, (suite) => {
    ({ core, page } = suite);
  });

  it('stores every message it acknowledges, once, in the order received; the fleet board reads each once, in order', async () => {
    // Whatever the demo modem brought at start is stored first.
    await expect.poll(() => core.journal.pendingIncoming().length, { timeout: 60_000 }).toBe(0);
    const base = Date.UTC(2025, 0, 1);
    const records: IncomingRecord[] = [];
    for (let i = 0; i < BURST; i++) {
      const receivedAt = base + i * 1000;
      const message = { simId: SIM, from: '10086', text: corpus[i % corpus.length]!.text, encoding: 'ucs2' as const, timestamp: new Date(receivedAt).toISOString(), receivedAt, concat: null };
      const { key } = await core.journal.appendIncoming(message);
      records.push({ kind: 'in', key, ...message });
    }
    const read: SimMessage[] = [];
    core.fleet.board.on('message', (m) => read.push(m));
    for (const r of records) core.emit('incoming', r);
    // The journal forgets a key only on the store's acknowledgement, sent after its transaction committed.
    await expect.poll(() => core.journal.pendingIncoming().length, { timeout: 180_000, interval: 200 }).toBe(0);

    const log = await readLog(page);
    const keys = records.map((r) => r.key);
    const stored = log.parts.map((p) => p.key as string).filter((k) => keys.includes(k));
    expect(stored.sort()).toEqual([...keys].sort());
    const messages = log.messages.filter((m) => m.simId === SIM && m.direction === 'in');
    expect(messages).toHaveLength(BURST);
    const byTime = [...messages].sort((a, b) => (a.at as number) - (b.at as number));
    expect(byTime.map((m) => m.id)).toEqual(keys.map((k) => `in:${k}`));
    expect(byTime.map((m) => m.text)).toEqual(records.map((r) => r.text));

    core.fleet.board.flush();
    expect(read.map((m) => m.receivedAt)).toEqual(records.map((r) => r.receivedAt));
  }, 300_000);
});
