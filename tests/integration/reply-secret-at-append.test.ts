import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { passwordReset } from '../../src-main/emulator/replies-10086';
import { Journal } from '../../src-main/services/journal';
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
