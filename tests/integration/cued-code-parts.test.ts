import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/*
 * review16: a one-time code in brackets or quotes, or after an English "code is", was kept in clear:
 * in journal.log, for the 7 days the parts of a long message are kept after a store has them, and in
 * the exports. Written for this test in the shape of SMS templates found in public code
 * (`您的注册验证码为【%s】`) and of own-wordings.json's "English verification code"; none is a real message.
 */
const CODE = '4821';
const BRACKETED =
  `【某应用】您好，您的注册验证码为【${CODE}】，5分钟内有效。为了保障您的账户安全，请勿将验证码告诉任何人，` +
  '工作人员不会向您索取验证码。如非本人操作，请忽略本短信。';
const ENGLISH =
  `Your verification code is ${CODE}. It expires in 10 minutes. Never share this code with anyone, not even with ` +
  'our staff: we will never ask you for it. If you did not ask for a code, you can ignore this message safely.';

describe('a long message holding a one-time code as templates write it (real pty, native serialport binding)', () => {
  it.each([
    ['in brackets, UCS-2', BRACKETED],
    ['after "verification code is", GSM 7-bit', ENGLISH],
  ])('%s: once a store has its parts, journal.log keeps them without the code', async (_name, text) => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.deliver('1069012345', text);
    await until(() => r.incoming.length === 2, 'both parts journaled');
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');
    const inOrder = [...r.incoming].sort((a, b) => a.concat!.part - b.concat!.part);
    expect(inOrder.map((x) => x.text).join('')).toBe(text);

    await r.journal.ack(r.incoming.map((x) => x.key));
    await r.journal.compact();
    const log = await readFile(join(r.dir, 'journal.log'), 'utf8');
    expect(log).not.toContain(CODE);
    // The kept parts are there, masked.
    expect(log).toContain('******');
  });
});
