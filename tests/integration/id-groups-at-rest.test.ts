import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { Journal } from '../../src-main/services/journal';
import { journalSecretHits } from '../e2e/secrets-in-bytes';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/*
 * review49 F2 (mend66): an ID number in groups apart by dots (or slashes, commas, two spaces…) kept its birth date and
 * check character in clear wherever the detector masks: here journal.log, the received text as the journal keeps it.
 * Constructed texts in the shape of a 补卡 (SIM replacement) notice, not real 10086 texts; the ID number is GB 11643's
 * own example.
 */
const DATE = '19491231';
const REST = '002X';
const NOTICES = [
  `【中国移动】您的补卡申请已受理，证件号码110105.${DATE}.${REST}，请携带身份证原件到营业厅办理。`,
  `补卡 身份证 110105/${DATE}/${REST}，手机13800138000`,
  `补卡登记：110105  ${DATE}  ${REST}，谢谢`,
];

/** Where journal.log holds `secret`: in a record's text wherever it stands, in its other fields as a number of its own. */
async function leaksIn(dir: string, secret: string): Promise<string[] | null> {
  return journalSecretHits(Buffer.from(await readFile(join(dir, 'journal.log'))), secret);
}

describe('a 补卡 text with an ID number in dotted groups, received over a real pty (native serialport binding)', () => {
  it('journal.log holds neither its birth date nor its check group, before and after a compaction and a reopen', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    for (const text of NOTICES) emulator.deliver('10086', text);
    await until(() => r.incoming.length === NOTICES.length, 'every notice journaled');
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');

    // The store gets what came; the file never has it.
    expect(r.incoming.map((x) => x.text).sort()).toEqual([...NOTICES].sort());
    expect(await leaksIn(r.dir, DATE)).toEqual([]);
    expect(await leaksIn(r.dir, REST)).toEqual([]);
    await r.journal.compact();
    expect(await leaksIn(r.dir, DATE)).toEqual([]);
    expect(await leaksIn(r.dir, REST)).toEqual([]);

    await r.journal.close();
    const again = await Journal.open(r.dir);
    cleanup.push(() => again.close());
    const pending = again.pendingIncoming().map((x) => x.text);
    expect(pending).toHaveLength(NOTICES.length);
    expect(pending.join('\n')).not.toMatch(new RegExp(`${DATE}|${REST}`));
    // The phone number after the ID and the rest of the notice are kept as they came.
    expect(pending.sort()).toEqual(['补卡 身份证 ******，手机13800138000', '补卡登记：******，谢谢', '【中国移动】您的补卡申请已受理，证件号码******，请携带身份证原件到营业厅办理。'].sort());
  });
});
