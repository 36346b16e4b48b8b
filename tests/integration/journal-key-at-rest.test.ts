import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { crc32Hex } from '../../src-shared/crc32';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/**
 * review17: the journal remembers a message's key for 90 days after its text is gone (acknowledged by the
 * store, compacted). The key ended in a CRC-32 of the text, and a CRC-32 of a known template with a 6-digit
 * password in it names the password: trying the 10^6 took 7 s (review17's report). Written for the test:
 * a reset reply in the shape of 10086's, and a bank's one-time code.
 */
const RESET = '尊敬的客户，您的服务密码已重置为357108，请妥善保管。【中国移动】';
const CODE = '【某银行】您的验证码为4821，5分钟内有效，请勿泄露。';

describe('keys the journal remembers after a message is stored (real pty, native serialport binding)', () => {
  it('name no checksum of the text, so no password or code can be worked back from journal.log', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.deliver('10086', RESET);
    emulator.deliver('95588', CODE);
    await until(() => r.incoming.length === 2 && emulator.messages('SM').length === 0, 'both journaled and deleted from the SIM');
    // The page stores them and acknowledges; the journal is compacted (as it is once the log has grown).
    await r.journal.ack(r.incoming.map((x) => x.key));
    await r.journal.compact();
    const log = await readFile(join(r.dir, 'journal.log'), 'utf8');
    const checksums = [RESET, CODE].map((text) => crc32Hex(new TextEncoder().encode(text)));
    for (const x of r.incoming) expect(x.key).toMatch(/\|\*$/);
    for (const crc of checksums) expect(log).not.toContain(crc);
    for (const secret of ['357108', '4821']) expect(log).not.toContain(secret);
    // Still remembered: the same message read again from a freed slot is a new one, numbered after it.
    emulator.deliver('10086', RESET, { timestamp: new Date(Date.parse(r.incoming.find((x) => x.text === RESET)!.timestamp)) });
    await until(() => r.incoming.length === 3, 'the repeat journaled');
    expect(r.incoming[2]!.key).toBe(`${r.incoming.find((x) => x.text === RESET)!.key}#2`);
  });
});
