import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { Journal } from '../../src-main/services/journal';
import { SimBoard, type SimMessage } from '../../src-main/services/fleet/sim-board';
import { assembleRecords } from '../../src-shared/assemble';
import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

const PASSWORD = '357108';
// Written for this test in the shape of a reset reply (no real one long enough to be split is on
// record): 63 characters before the password, so a UCS-2 part of 67 ends after its first four digits.
const LEAD = '尊敬的客户，您好！您于今日通过短信申请重置手机服务密码，系统已经为您办理完成，非常感谢您的支持和信任！您的新服务密码现已重置为';
const RESET = `${LEAD}${PASSWORD}，请妥善保管并尽快修改。如非本人操作，请立即拨打10086咨询。【中国移动】`;
// Written for this test: a balance reply of two parts.
const LATER = '尊敬的客户，您好！截至今日，您的账户余额为35.20元，本月已使用通用流量1.25GB，套餐内剩余通用流量8.75GB，剩余国内通话时长120分钟，感谢您的使用。【中国移动】';

describe('a long reply whose part holding the rest of a password never comes (real pty, native serialport binding)', () => {
  it('keeps no digit of the password in journal.log once the store has the part that came, across a restart too', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.fault({ kind: 'drop-part', part: 2 });
    emulator.deliver('10086', RESET);
    const first = await until(() => r.incoming.find((x) => x.concat?.part === 1), 'the first part journaled');
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');
    // The part boundary falls inside the password, and the part after it is lost.
    expect(first.text.endsWith(`重置为${PASSWORD.slice(0, 4)}`)).toBe(true);
    expect(r.incoming.some((x) => x.concat?.part === 2)).toBe(false);

    // Until a store has it, the journal keeps the part as it came; once acknowledged, only masked.
    await r.journal.ack([first.key]);
    await r.journal.compact();
    expect(await readFile(join(r.dir, 'journal.log'), 'utf8')).not.toContain(PASSWORD.slice(0, 4));
    await r.journal.close();

    const reopened = await Journal.open(r.dir);
    cleanup.push(() => reopened.close());
    const [kept] = reopened.partsOf([{ simId: first.simId, from: first.from, ref: first.concat!.ref, total: first.concat!.total, at: first.receivedAt }]);
    expect(kept!.text).toBe(`${LEAD}******`);
    await reopened.compact();
    expect(await readFile(join(r.dir, 'journal.log'), 'utf8')).not.toContain(PASSWORD.slice(0, 4));
  });

  it('is not completed by a later message that reuses its reference: each keeps its own text, and no piece of the password is published', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    // The reset, stamped by the service centre yesterday, lost its second part; today 10086 writes
    // again under the same reference (senders reuse their 256 references) and the same part count.
    emulator.fault({ kind: 'drop-part', part: 2 });
    emulator.deliver('10086', RESET, { concatRef: 77, timestamp: new Date(Date.now() - 86_400_000) });
    await until(() => r.incoming.some((x) => x.concat?.part === 1), "the reset's first part journaled");
    emulator.deliver('10086', LATER, { concatRef: 77 });
    await until(() => r.incoming.length === 3, "the later message's two parts journaled");
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');

    const messages = assembleRecords(r.incoming).map((m) => [m.text, m.complete]);
    expect(messages).toEqual([
      [r.incoming[0]!.text, false],
      [LATER, true],
    ]);
    // What the fleet board publishes over MQTT: the later message whole, nothing of the reset.
    const board = new SimBoard((text) => builtinCatalog().maskSecrets(text));
    const published: SimMessage[] = [];
    board.on('message', (m) => published.push(m));
    for (const part of r.incoming) board.onIncoming(part);
    board.flush();
    expect(published.map((m) => m.text)).toEqual([LATER]);
  });

  it('keeps the figures of a real reply that names no secret at the cut of a part that never comes', async () => {
    // Real (real-dev.json, boss-2012-freeres-day): six parts in UCS-2; its only 证 is in WLAN自动认证流量.
    const real = JSON.parse(readFileSync(join(__dirname, '../fixtures/replies/real-dev.json'), 'utf8')) as { id: string; text: string }[];
    const usage = real.find((x) => x.id === 'boss-2012-freeres-day')!.text;
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.fault({ kind: 'drop-part', part: 3 });
    emulator.deliver('10086', usage);
    await until(() => r.incoming.length === 5, 'the five parts that come journaled');
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');
    const second = r.incoming.find((x) => x.concat?.part === 2)!;
    // The lost part 3 starts '.00分钟': part 2 ends in the WLAN time used, 632.
    expect(second.text.endsWith('WLAN时长为632')).toBe(true);

    await r.journal.ack(r.incoming.map((x) => x.key));
    await r.journal.compact();
    const [kept] = r.journal.partsOf([{ simId: second.simId, from: second.from, ref: second.concat!.ref, total: second.concat!.total, at: second.receivedAt }]).filter((x) => x.key === second.key);
    expect(kept!.text).toBe(second.text);
    expect(await readFile(join(r.dir, 'journal.log'), 'utf8')).toContain('WLAN时长为632');
  });
});
