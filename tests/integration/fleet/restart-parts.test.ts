import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { ModemEmulator } from '../../../src-main/emulator/modem';
import { startPtyEmulator } from '../../../src-main/emulator/pty';
import type { SimMessage } from '../../../src-main/services/fleet/sim-board';
import { FAST } from '../session-kit';
import { waitFor } from './pool-kit';

// Written for this test: a balance reply of two parts (67 + 20 characters in UCS-2).
const BALANCE = '尊敬的客户，您好！截至今日，您的账户余额为35.20元，本月已使用通用流量1.25GB，套餐内剩余通用流量8.75GB，剩余国内通话时长120分钟，感谢您的使用。【中国移动】';

/**
 * The fleet board (MQTT message events and SIM figures, Prometheus) reads whole messages. A long reply
 * whose first part came before the app restarted and whose second came after is whole in the journal
 * and in every store: the board must read it too.
 */
describe('a long reply cut by an app restart (real pty, native serialport binding)', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  });

  // Written for this test in the shape of a reset reply: its first part ends in the password's first four digits.
  const RESET =
    '尊敬的客户，您好！您于今日通过短信申请重置手机服务密码，系统已经为您办理完成，非常感谢您的支持和信任！您的新服务密码现已重置为357108，请妥善保管并尽快修改。如非本人操作，请立即拨打10086咨询。【中国移动】';

  it.each([
    ['not yet in a store', BALANCE, false, BALANCE],
    ['already in a store (kept by the journal, masked)', BALANCE, true, BALANCE],
    ['holding a password, already in a store', RESET, true, RESET.replace('357108', '******')],
  ])('is read whole by the fleet board once its last part comes after the restart: first part %s', async (_when, text, acknowledged, shown) => {
    const { published, sims } = await acrossRestart(text, acknowledged);
    expect(published.map((m) => m.text)).toEqual([shown]);
    if (text === BALANCE) expect(sims.balance).toBe(35.2);
  });

  it('reads no figure from digits glued to the mask of a kept part: a balance cut by the part boundary is not published wrong', async () => {
    // Written for this test: it names the service password, and its first part (67 characters) ends
    // in the balance's first two digits, 12|5.30. Kept by the journal, that part comes back masked
    // at the cut (`余额为******`); joined with the second part in clear it reads `余额为******5.30元`.
    const text = '尊敬的客户，您好！您已成功修改手机服务密码，新密码即日生效，请妥善保管，如非本人操作请拨打10086咨询。截至今日，您的账户余额为125.30元，本月已使用通用流量1.25GB。【中国移动】';
    const { published, sims } = await acrossRestart(text, true);
    expect(published.map((m) => m.text)).toEqual([text.replace('125.30', '******.30')]);
    expect(sims.balance).not.toBe(5.3);
    expect(sims.balance).toBeNull();
  });

  it('publishes no group of an ID number printed in groups whose first group ends the kept part', async () => {
    // Written for this test (no real 10086 text with an ID number in clear is on record): the first
    // part, 67 characters, ends in the ID's first group; kept, it reads `身份证号码 ******`, and the
    // second part goes on ` 19491231 002X`: apart from the mask by a space, which no digit rule reached.
    const text = '尊敬的客户，您好！您的实名登记信息已更新，请您核对：姓名：张*，证件类型居民身份证，如有疑问请拨打10086。身份证号码 110105 19491231 002X，登记日期为今日。【中国移动】';
    const { published, core, dir } = await acrossRestart(text, true);
    expect(published.map((m) => m.text)).toEqual([text.replace('110105 19491231 002X', '******')]);
    // Once a store has the second part too, the journal keeps both masked as the message reads.
    await core.call('journal.ack', { keys: core.journal.pendingIncoming().map((r) => r.key) });
    await core.journal.compact();
    const log = await readFile(join(dir, 'journal.log'), 'utf8');
    expect(log).toContain('登记日期为今日');
    expect(log).not.toContain('19491231');
  });

  /** One sending's first part before a core restart (acknowledged by a store or not), its second after. */
  async function acrossRestart(text: string, acknowledged: boolean) {
    const dir = await mkdtemp(join(tmpdir(), 'hall-restart-parts-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const emulator = new ModemEmulator(FAST);
    const pty = await startPtyEmulator({ emulator });
    cleanup.push(() => pty.close());
    const start = async () => {
      const core = await HallCore.create({ dataDir: dir, demo: false });
      cleanup.push(() => core.close());
      await core.call('modem.connect', { path: pty.path });
      await waitFor(async () => (await core.call('modem.list', {})).some((m) => m.state === 'ready' && m.simId), 'the modem ready');
      return core;
    };
    // The same sending twice (one reference, one service-centre stamp), the first time only its first
    // part getting through, the second time only its second: as if the app quit between the two.
    const sending = { concatRef: 91, timestamp: new Date() };

    const first = await start();
    emulator.fault({ kind: 'drop-part', part: 2 });
    emulator.deliver('10086', text, sending);
    const part = await waitFor(() => first.journal.pendingIncoming().find((r) => r.concat?.part === 1), 'the first part journaled');
    if (acknowledged) await first.call('journal.ack', { keys: [part.key] });
    await first.close();

    const second = await start();
    const published: SimMessage[] = [];
    second.fleet.board.on('message', (m) => published.push(m));
    emulator.fault({ kind: 'drop-part', part: 1 });
    emulator.deliver('10086', text, sending);
    const last = await waitFor(() => second.journal.pendingIncoming().find((r) => r.concat?.part === 2), 'the second part journaled');
    await waitFor(() => published.length > 0, 'the board to read the reply', 5000).catch(() => undefined);
    const sims = (await second.call('fleet.sims', {})).find((s) => s.simId === last.simId)!;
    return { published, sims, core: second, dir };
  }
});
