import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { encodeDeliver, encodeDeliverParts } from '../../src-shared/pdu';
import { ptyRig, until } from '../integration/pty-rig';
import { FAST } from '../integration/session-kit';
import { readLog, readTables, servedFolders } from './ui-kit';

/**
 * review18: review17 gave a part to the message stamped nearest to it, which needs different stamps. Two
 * long replies from 10086 under one reference and part count, stamped the SAME second and read
 * interleaved (A1, B1, B2, A2), still went B2 to A and A2 to B: two "complete" messages, each half of one
 * reply, their figures read from the mixture. Nothing in the parts tells them apart (same sender, stamp,
 * reference, part count, encoding, service centre; the slot order is no proof), so the page now marks
 * both as possibly joined wrong and reads no figures from them.
 * Both texts are real (real-dev.json r15-153 and r15-183); their reference and stamp are written for the test.
 */

const real = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/replies/real-dev.json'), 'utf8')) as { id: string; text: string }[];
const BILL = real.find((x) => x.id === 'r15-153')!.text;
const DATA = real.find((x) => x.id === 'r15-183')!.text;

const CONTROL = '尊敬的客户，您的话费余额为35.20元。【中国移动】';

const { cleanup, open } = servedFolders();

describe('two long replies under one reference in the same second, read interleaved (real pty, then real IndexedDB)', () => {
  it('are shown as possibly joined wrong, with no figures read from them', async () => {
    const reply = (text: string) =>
      encodeDeliverParts({ from: '10086', text, timestamp: new Date(Date.UTC(2026, 11, 6, 0, 0, 7)), tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 77 });
    const [a1, a2] = reply(BILL);
    const [b1, b2] = reply(DATA);
    expect(reply(BILL).length === 2 && reply(DATA).length === 2).toBe(true);

    // A single balance reply after them: once its figures are read, the reader has been over the four parts.
    const control = [encodeDeliver({ from: '10086', text: CONTROL, timestamp: new Date(Date.UTC(2026, 11, 6, 0, 2, 7)), tzQuarterHours: 32, smsc: '+8613800100500' })];
    const emulator = new ModemEmulator(FAST);
    for (const pdu of [a1!, b1!, b2!, a2!, ...control]) expect(emulator.preload('SM', pdu.hex)).not.toBeNull();
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    await until(() => r.incoming.length === 5 && emulator.messages('SM').length === 0, 'the four parts journaled and the SIM emptied');
    // Four parts, none taken for another's repeat (the same key fields, other texts).
    expect(new Set(r.incoming.map((x) => x.key)).size).toBe(5);
    const simId = r.incoming[0]!.simId;
    await r.journal.close();

    const { page, server } = await open(r.dir);
    await expect.poll(async () => (await readLog(page)).parts.length, { timeout: 45_000 }).toBe(5);
    const stored = (await readLog(page)).messages.filter((m) => m.direction === 'in' && m.text !== CONTROL);
    expect(stored.map((m) => [m.complete, m.uncertain])).toEqual([
      [true, true],
      [true, true],
    ]);
    // No figure row from either, once the reader has read the control reply's.
    const figures = async () => (await readTables(page, ['figures'] as const)).figures;
    const controlId = (await readLog(page)).messages.find((m) => m.text === CONTROL)!.id;
    await expect.poll(async () => (await figures()).some((f) => f.messageId === controlId), { timeout: 45_000 }).toBe(true);
    expect((await figures()).filter((f) => stored.some((m) => m.id === f.messageId))).toEqual([]);
    await page.goto(`${server.base}#/thread/${encodeURIComponent(simId)}`);
    await expect.poll(() => page.getByText('这条长短信可能拼错了', { exact: false }).count(), { timeout: 20_000 }).toBe(2);
  }, 150_000);
});
