import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { startPtyEmulator } from '../../src-main/emulator/pty';
import type { HandedOutRecord } from '../../src-shared/journal-records';
import { FAST } from './session-kit';
import { waitFor } from './fleet/pool-kit';

/*
 * review28: a kept long reply that quotes the user's own instruction with its password, the instruction one of the user's
 * custom ones (`KDMM{password}`). The journal masks kept parts whole once when it opens (journal change of session 20),
 * and hands those out as they are held from then on; but it opens before the catalog in use (with the custom
 * instructions) is loaded, so it masked with the built-in catalog only, and the password went out in clear to every page
 * asking for the parts (journal.parts) after a restart, where before the hand-out masked it with the catalog in use.
 * Real HallCore on a real data folder, the emulator on a real pseudo-terminal (socat). The reply's wording is written for
 * the test (10086's "指令有误" replies quote what was sent; no real long one quoting a password is on record).
 */
const ICCID = '89860012345670002828';
const PASSWORD = '357108';
const REPLY = `尊敬的客户，您好！您发送的短信指令KDMM${PASSWORD}格式有误或暂不支持办理，请核对后重新发送，或登录中国移动APP查询可办理的业务，如有疑问请拨打10086咨询。感谢您的支持！【中国移动】`;

describe("a custom instruction's password quoted in a kept long reply (real core, real pty)", () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  });

  const KDMM = { code: 'KDMM', template: 'KDMM{password}', name: { 'zh-Hans': '修改宽带密码' } };

  /** A core on a fresh data folder, the modem on a real pty. */
  async function start() {
    const dir = await mkdtemp(join(tmpdir(), 'hall-custom-kept-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const emulator = new ModemEmulator({ ...FAST, sim: { iccid: ICCID, imsi: '460001234562828' } });
    const pty = await startPtyEmulator({ emulator });
    cleanup.push(() => pty.close());
    const core = await HallCore.create({ dataDir: dir, demo: false });
    cleanup.push(() => core.close());
    return { dir, emulator, pty, core };
  }

  /** The reply received in its two parts and acknowledged, as a page does; what journal.parts is asked for it. */
  async function keptReply(core: HallCore, emulator: ModemEmulator, path: string) {
    const incoming: HandedOutRecord[] = [];
    core.on('incoming', (r) => incoming.push(r));
    await core.call('modem.connect', { path });
    await waitFor(async () => (await core.call('modem.list', {})).some((m) => m.state === 'ready' && m.simId === ICCID), 'the modem ready');
    emulator.deliver('10086', REPLY);
    await waitFor(async () => incoming.length === 2, 'both parts journaled');
    await core.call('journal.ack', { keys: incoming.map((r) => r.key) });
    const [first] = incoming;
    return { messages: [{ simId: ICCID, from: first!.from, ref: first!.concat!.ref, total: 2, at: first!.receivedAt }] };
  }

  const handedOut = async (core: HallCore, asked: Awaited<ReturnType<typeof keptReply>>) => {
    const { incoming: parts } = await core.call('journal.parts', asked);
    expect(parts.map((p) => p.concat!.part).sort()).toEqual([1, 2]);
    return parts.map((p) => p.text).join('');
  };

  it('is masked in the parts handed out after a restart, as the catalog in use finds it', async () => {
    const { dir, emulator, pty, core } = await start();
    await core.call('custom.save', { entry: KDMM });
    const asked = await keptReply(core, emulator, pty.path);
    await core.close();
    const again = await HallCore.create({ dataDir: dir, demo: false });
    cleanup.push(() => again.close());
    expect(await handedOut(again, asked)).not.toContain(PASSWORD);
  }, 60_000);

  it('is masked in the parts handed out once the instruction is saved, after the reply was kept', async () => {
    const { emulator, pty, core } = await start();
    const asked = await keptReply(core, emulator, pty.path);
    // The user sent it as free text first, and makes it an instruction of their own now.
    await core.call('custom.save', { entry: KDMM });
    expect(await handedOut(core, asked)).not.toContain(PASSWORD);
  }, 60_000);
});
