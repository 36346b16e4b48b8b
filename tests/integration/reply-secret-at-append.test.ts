import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { passwordReset } from '../../src-main/emulator/replies-10086';
import { Journal } from '../../src-main/services/journal';
import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { InstructionCatalog } from '../../src-shared/catalog/catalog';
import { mergeCustom } from '../../src-shared/catalog/custom/merge';
import { CustomInstructionSchema } from '../../src-shared/catalog/custom/schema';
import { secretHits } from '../e2e/secrets-in-bytes';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/*
 * secrets24: a reply journaled before any store had it was written to journal.log as it came, a new service password
 * in it, and stayed so until its acknowledgement and the next compaction (hours or days on a quiet log). The reset
 * reply is the emulator's own wording (replies-10086.ts), not a real 10086 text.
 */
const PASSWORD = '357108';
const CODE = '4821';
const CODE_TEXT = `【某应用】您的验证码为【${CODE}】，5分钟内有效。`;

async function leaksIn(dir: string, secret: string): Promise<string[]> {
  const bytes = Buffer.from(await readFile(join(dir, 'journal.log')));
  return secretHits(bytes, secret)
    .filter((h) => !h.insideNumber)
    .map((h) => bytes.subarray(Math.max(0, h.at - 60), h.at + 20).toString(h.encoding));
}

describe('a reply holding a secret, journaled and not yet acknowledged (real pty, native serialport binding)', () => {
  it('journal.log holds it masked from its first write; the session hands it out clear; after a restart it is still pending, masked', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.deliver('10086', passwordReset(PASSWORD));
    emulator.deliver('1069012345', CODE_TEXT);
    await until(() => r.incoming.length === 2, 'both replies journaled');
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');

    // What the user must see reaches the store as it came: the journal's memory, never its file.
    expect(r.incoming.map((x) => x.text).sort()).toEqual([CODE_TEXT, passwordReset(PASSWORD)].sort());
    expect(r.journal.pendingIncoming().map((x) => x.text).join('')).toContain(PASSWORD);
    expect(await leaksIn(r.dir, PASSWORD)).toEqual([]);
    expect(await leaksIn(r.dir, CODE)).toEqual([]);

    // Nothing lost: a crash before any store acknowledged them still hands both over, masked.
    await r.journal.close();
    const again = await Journal.open(r.dir);
    cleanup.push(() => again.close());
    const pending = again.pendingIncoming().map((x) => x.text).sort();
    expect(pending).toHaveLength(2);
    expect(pending.join('\n')).not.toContain(PASSWORD);
    expect(pending.join('\n')).toContain('您的服务密码已重置为******');
    expect(pending.join('\n')).toContain('您的验证码为【******】');
  });

  it('a compaction before the acknowledgement writes it masked too', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.deliver('10086', passwordReset(PASSWORD));
    await until(() => r.incoming.length === 1, 'the reply journaled');
    await r.journal.compact();
    expect(await leaksIn(r.dir, PASSWORD)).toEqual([]);
    expect(r.journal.pendingIncoming()[0]?.text).toBe(passwordReset(PASSWORD));
  });
});

describe("a custom instruction's password in a reply journaled before the catalog in use is given (secrets24)", () => {
  /*
   * The core opens the journal before the catalog in use (custom instructions) and connects no modem until it is
   * given (HallCore.openIn); the journal itself now holds a received part until then, so no other owner can write one
   * masked with the built-in catalog only, which finds no `KDMM357108` (digits glued to letters).
   */
  it('waits for maskKept, then writes it masked with that catalog', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hall-mask-given-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    let inUse: InstructionCatalog | undefined;
    const journal = await Journal.open(dir, { maskAtRest: (parts) => (inUse ?? builtinCatalog()).maskSecretParts(parts) });
    cleanup.push(() => journal.close());
    const reply = `尊敬的客户，您好！您发送的短信指令KDMM${PASSWORD}格式有误或暂不支持办理，请核对后重新发送。`;
    const appended = journal.appendIncoming(
      { simId: '898600', from: '10086', timestamp: '2026-12-07T08:00:00+08:00', text: reply, encoding: 'ucs2', concat: null, receivedAt: Date.now() },
      { slot: 'direct' },
    );
    // A write through the same log, resolved: had the reply not waited, its line would have been written with it or before.
    await journal.recordOutgoing({ id: 'x', simId: '898600', to: '10086', text: 'CXYE', state: 'queued', messageRefs: [], error: null });
    const kdmm = v.parse(CustomInstructionSchema, { code: 'KDMM', template: 'KDMM{password}', name: { 'zh-Hans': '修改宽带密码' } });
    inUse = new InstructionCatalog(mergeCustom(builtinCatalog().data, [kdmm]));
    journal.maskKept();
    expect((await appended).added).toBe(true);
    expect(await leaksIn(dir, PASSWORD)).toEqual([]);
    expect(journal.pendingIncoming()[0]?.text).toBe(reply);
  });

  it('refuses a part still waiting when the journal closes, and writes nothing of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hall-mask-given-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const journal = await Journal.open(dir, { maskAtRest: (parts) => builtinCatalog().maskSecretParts(parts) });
    const appended = journal.appendIncoming(
      { simId: '898600', from: '10086', timestamp: '2026-12-07T08:00:00+08:00', text: passwordReset(PASSWORD), encoding: 'ucs2', concat: null, receivedAt: Date.now() },
      { slot: 'direct' },
    );
    const refused = expect(appended).rejects.toMatchObject({ code: 'journal.closed' });
    await journal.close();
    await refused;
    expect(await readFile(join(dir, 'journal.log'), 'utf8')).toBe('');
  });
});
