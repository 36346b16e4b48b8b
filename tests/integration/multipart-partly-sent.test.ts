import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { FAST } from './session-kit';
import { ptyRig, until } from './pty-rig';

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
    const rig = await ptyRig(new ModemEmulator(FAST), cleanup);
    const session = await rig.open();

    // Part 1 is taken by the network and answered OK without its reference; part 2's AT+CMGS is refused (armed once
    // part 1's command line has run, so it falls on the next one).
    rig.emulator.fault({ kind: 'cmgs-no-ref' });
    const off = rig.emulator.onCommand((line) => {
      if (!line.toUpperCase().startsWith('AT+CMGS')) return;
      off();
      rig.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    });
    const id = await session.send('10086', LONG, LONG);
    const last = await until(() => rig.outgoing.filter((o) => o.id === id && (o.state === 'failed' || o.state === 'failed-retryable')).at(-1), 'the send ended');
    // The network has part 1 of the two.
    expect(rig.emulator.sent).toHaveLength(1);
    expect(last).toMatchObject({ state: 'failed-retryable', error: 'cms.38', messageRefs: [] });
  }, 60_000);
});
