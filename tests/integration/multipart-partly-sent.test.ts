import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPtyEmulator } from '../../src-main/emulator/pty';
import { Journal } from '../../src-main/services/journal';
import { ModemSession } from '../../src-main/services/modem/session';
import type { OutgoingRecord } from '../../src-shared/journal-records';
import { FAST } from './session-kit';
import { until } from './pty-rig';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/** Written for this test: 77 Chinese characters, two UCS-2 parts (67 in each part of a long one). */
const LONG = '请帮我查询本机当前套餐的国内通用流量、省内流量、语音分钟数和短信条数的剩余情况，以及本月截至今天的话费账单明细，谢谢。另外请告诉我积分余额和可兑换的礼品。';

/**
 * review40's suspicion, mend47: a modem that answers a part's AT+CMGS with a bare OK (no `+CMGS: <mr>`) has sent it;
 * when a later part then fails, the instruction went out in part. It was marked `failed` (nothing went out), so Retry
 * sent part 1 again without the "may already have gone out" question. Emulator on a real pty, native serialport binding.
 */
describe('a long send whose first part went without a reference and a later part failed', () => {
  it('is marked as maybe sent (failed-retryable), not as failed', async () => {
    expect(LONG.length).toBeGreaterThan(70);
    const pty = await startPtyEmulator({ emulatorOptions: FAST });
    cleanup.push(() => pty.close());
    const dir = await mkdtemp(join(tmpdir(), 'hall-partly-sent-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const journal = await Journal.open(dir);
    cleanup.push(() => journal.close());
    const session = new ModemSession({ modemId: 'pty', path: pty.path, demo: false, journal });
    cleanup.push(() => session.close());
    const outgoing: OutgoingRecord[] = [];
    session.on('outgoing', (r) => outgoing.push(r));
    await session.open();

    // Part 1 is taken by the network and answered OK without its reference; part 2's AT+CMGS is refused (armed once
    // part 1's command line has run, so it falls on the next one).
    pty.emulator.fault({ kind: 'cmgs-no-ref' });
    const off = pty.emulator.onCommand((line) => {
      if (!line.toUpperCase().startsWith('AT+CMGS')) return;
      off();
      pty.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    });
    const id = await session.send('10086', LONG, LONG);
    const last = await until(() => outgoing.filter((o) => o.id === id && (o.state === 'failed' || o.state === 'failed-retryable')).at(-1), 'the send ended');
    // The network has part 1 of the two.
    expect(pty.emulator.sent).toHaveLength(1);
    expect(last).toMatchObject({ state: 'failed-retryable', error: 'cms.38', messageRefs: [] });
  }, 60_000);
});
