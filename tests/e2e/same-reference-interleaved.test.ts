import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { assembleRecords } from '../../src-shared/assemble';
import { encodeDeliverParts } from '../../src-shared/pdu';
import { ptyRig, until } from '../integration/pty-rig';
import { FAST } from '../integration/session-kit';
import { readLog, servedFolders } from './ui-kit';

/**
 * review17: two long replies from 10086 under one reference (8 bits: one pair in 256 shares it) and one
 * part count, stamped a minute apart, whose parts are read interleaved: A1, B1, B2, A2 (the SIM's slot
 * order when the network handed them over so, or when freed slots were filled out of order). A part
 * joined the OLDEST message still missing its number, so B's second part went to A and A's to B: two
 * "complete" messages, each half of one reply and half of the other, their figures read from the
 * mixture (published over MQTT, shown). Now a part goes to the message stamped nearest to it.
 * Both texts are real (real-dev.json r15-153 and r15-183); their reference and stamps are written for the test.
 */

const real = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/replies/real-dev.json'), 'utf8')) as { id: string; text: string }[];
const BILL = real.find((x) => x.id === 'r15-153')!.text;
const DATA = real.find((x) => x.id === 'r15-183')!.text;

const { cleanup, open } = servedFolders();

describe('two long replies under one reference, read interleaved (real pty, then real IndexedDB)', () => {
  it('each is put together from its own parts, in the journal and in the page’s log', async () => {
    const reply = (text: string, minute: number) =>
      encodeDeliverParts({ from: '10086', text, timestamp: new Date(Date.UTC(2026, 11, 6, 0, minute, 7)), tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 77 });
    const [a1, a2] = reply(BILL, 0);
    const [b1, b2] = reply(DATA, 1);
    expect([a1, a2, b1, b2].every(Boolean) && reply(BILL, 0).length === 2 && reply(DATA, 1).length === 2).toBe(true);

    const emulator = new ModemEmulator(FAST);
    // On the SIM while the app was not running, in this slot order.
    for (const pdu of [a1!, b1!, b2!, a2!]) expect(emulator.preload('SM', pdu.hex)).not.toBeNull();
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    await until(() => r.incoming.length === 4 && emulator.messages('SM').length === 0, 'the four parts journaled and the SIM emptied');
    const journaled = assembleRecords(r.journal.pendingIncoming());
    expect(journaled.map((m) => [m.text, m.complete]).sort()).toEqual([[BILL, true], [DATA, true]].sort());
    await r.journal.close();

    const { page } = await open(r.dir);
    await expect.poll(async () => (await readLog(page)).parts.length, { timeout: 45_000 }).toBe(4);
    const stored = (await readLog(page)).messages.filter((m) => m.direction === 'in');
    expect(stored.map((m) => [m.text, m.complete]).sort()).toEqual([[BILL, true], [DATA, true]].sort());
  }, 150_000);
});
