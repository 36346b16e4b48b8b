import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { startPtyEmulator } from '../../src-main/emulator/pty';
import { COMPACT_AT_BYTES, decodeJournal, encodeLine, Journal } from '../../src-main/services/journal';
import type { HandedOutRecord } from '../../src-shared/journal-records';
import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { FAST } from './session-kit';
import { waitFor } from './fleet/pool-kit';
import { hall } from './cli-helpers';

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

  /**
   * A busy fleet's finished instructions, written through the real journal until the log is past the size at which it
   * is compacted (the product's own size: the core offers no other), and one instruction the last run was cut off
   * sending: the start that marks it failed writes, and that write is what compacts. The filler journal itself never
   * compacts (its own size set out of reach), or it would do the very compaction under test, with no catalog at all.
   */
  async function grownPastCompaction(dir: string) {
    // An owner's mask never given (maskKept): it writes no part, and leaves the log's lines as they are (mend37: the
    // built-in mask at open would mask `KDMM******` again, as `******`).
    const filler = await Journal.open(dir, { compactAtBytes: Number.MAX_SAFE_INTEGER, maskAtRest: (parts) => builtinCatalog().maskSecretParts(parts) });
    try {
      for (let batch = 0; filler.stats().bytes <= COMPACT_AT_BYTES; batch++) {
        await Promise.all(
          Array.from({ length: 500 }, (_, i) =>
            filler.recordOutgoing({ id: `done-${batch}-${i}`, simId: ICCID, to: '10086', text: 'CXYE', state: 'delivered', messageRefs: [i % 256], error: null }),
          ),
        );
      }
      await filler.recordOutgoing({ id: 'cut-off', simId: ICCID, to: '10086', text: 'CXLL', state: 'sending', messageRefs: [], error: null });
    } finally {
      await filler.close();
    }
  }

  it('is masked in the journal file a start compacts, the catalog in use not loaded yet (the real CLI)', async () => {
    const { dir, emulator, pty, core } = await start();
    await core.call('custom.save', { entry: KDMM });
    await keptReply(core, emulator, pty.path);
    await core.close();
    await grownPastCompaction(dir);
    const log = join(dir, 'journal.log');
    // Masked from its first write since secrets24; a log an older version wrote holds the part's line as it came, and a
    // compaction is what masks it on disk: that log, the line put back as it came.
    expect((await readFile(log, 'utf8')).includes(`KDMM${PASSWORD}`)).toBe(false);
    const { records } = decodeJournal(await readFile(log));
    const asItCame = records.map((r) => (r.kind === 'in' ? { ...r, text: r.text.replace('KDMM******', `KDMM${PASSWORD}`) } : r));
    await writeFile(log, Buffer.concat(asItCame.map(encodeLine)));
    expect((await readFile(log, 'utf8')).includes(`KDMM${PASSWORD}`)).toBe(true);
    const run = await hall(['modem', 'status', '--port', pty.path, '--data-dir', dir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const compacted = await readFile(log, 'utf8');
    expect(Buffer.byteLength(compacted)).toBeLessThan(COMPACT_AT_BYTES / 100);
    // Kept (for 7 days, for profiles that missed it), masked as the catalog in use finds it.
    expect(compacted).toContain('您发送的短信指令');
    expect(compacted.includes(PASSWORD)).toBe(false);
  }, 120_000);

  it('is masked in the parts handed out once the instruction is saved, after the reply was kept', async () => {
    const { emulator, pty, core } = await start();
    const asked = await keptReply(core, emulator, pty.path);
    // The user sent it as free text first, and makes it an instruction of their own now.
    await core.call('custom.save', { entry: KDMM });
    expect(await handedOut(core, asked)).not.toContain(PASSWORD);
  }, 60_000);
});
