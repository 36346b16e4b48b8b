/**
 * The process the crash harness kills: the real core (HallCore, journal, modem session over the
 * real serialport binding) plus a stand-in for the UI's log store that writes every batch durably
 * and only then acknowledges it to the journal through `journal.ack`, exactly as the UI does.
 *
 * argv[2]: JSON {@link ChildPlan}. Prints progress lines ("ready", "queued <text>", "stored <parts>
 * <instruction states>", "acked <n>", "failed <code>: <why>") on stdout; SIGTERM closes everything in order.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HallCore } from '../../src-main/core/core';
import { decodeJournal } from '../../src-main/services/journal';
import { IngestQueue } from '../../src-renderer/store/ingest-queue';
import { toHallError } from '../../src-shared/errors';
import { LineStore, readStore } from './line-store';

export interface ChildPlan {
  dataDir: string;
  port: string;
  store: string;
  /** Instructions the user has asked for by now; one already in the log or journal is not asked for again. */
  instructions: string[];
  /**
   * SIGKILL itself right after the n-th batch with message parts is in the store, before its
   * acknowledgement: a window of a millisecond or two that a kill sent by the harness, on reading
   * "stored", would mostly miss.
   */
  dieAfterStored?: number;
}

const say = (line: string): void => void process.stdout.write(line + '\n');

/** What the user can see was already asked for: every instruction text in the store or the journal. */
async function alreadyAsked(plan: ChildPlan): Promise<Set<string>> {
  const texts = new Set((await readStore(plan.store)).outgoing.map((r) => r.text));
  const log = await readFile(join(plan.dataDir, 'journal.log')).catch(() => new Uint8Array());
  for (const r of decodeJournal(log).records) if (r.kind === 'out') texts.add(r.text);
  return texts;
}

async function main(plan: ChildPlan): Promise<void> {
  const asked = await alreadyAsked(plan);
  const core = await HallCore.create({ dataDir: plan.dataDir });
  const store = await LineStore.open(plan.store);
  let batches = 0;
  const queue = new IngestQueue({
    write: async (batch) => {
      await store.write(batch);
      say(`stored ${batch.incoming.length} ${batch.outgoing.length}`);
      if (batch.incoming.length > 0 && ++batches === plan.dieAfterStored) process.kill(process.pid, 'SIGKILL');
    },
    ack: async (keys) => {
      await core.call('journal.ack', { keys });
      say(`acked ${keys.length}`);
    },
    retryMs: 200,
  });
  // Subscribed before asking for what is pending, as the UI does, so nothing falls in between.
  core.on('incoming', (r) => queue.pushIncoming(r));
  core.on('outgoing', (r) => queue.pushOutgoing(r));
  const pending = await core.call('journal.pending', {});
  pending.incoming.forEach((r) => queue.pushIncoming(r));
  pending.outgoing.forEach((r) => queue.pushOutgoing(r));

  const modem = await core.connect(plan.port);
  if (modem.state !== 'ready') throw new Error(`modem ${modem.state}`);
  say('ready');
  for (const text of plan.instructions) {
    if (asked.has(text)) continue;
    await core.call('send', { modemId: modem.modemId, text, confirmed: true });
    say(`queued ${text}`);
  }

  const keepAlive = setInterval(() => {}, 1 << 30);
  process.once('SIGTERM', () => {
    clearInterval(keepAlive);
    queue.dispose();
    void core
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}

main(JSON.parse(process.argv[2]!) as ChildPlan).catch((e: unknown) => {
  const error = toHallError(e);
  say(`failed ${error.code}: ${error.en}`);
  process.exit(3);
});
