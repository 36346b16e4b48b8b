import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QUECTEL_EC25 } from '../../src-main/emulator/profiles/quectel';
import { encodeDeliverParts } from '../../src-shared/pdu';
import { FAST, sessionKit, type Kit } from './session-kit';

let kit: Kit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

const TEXT = '您的账户余额为35.20元。';
const SMSC = '+8613800100500';
/** Not a PDU at all: it must stay where it is. */
const UNREADABLE = '0791683108100005F00405A1';
const twin = (): string => encodeDeliverParts({ from: '10086', text: TEXT, timestamp: new Date(Date.UTC(2026, 10, 25, 1, 0, 0)), tzQuarterHours: 32, smsc: SMSC, concatRef: 0 })[0]!.hex;

/** The slots the journal recorded for received parts, in the order they were journaled. */
async function journaledSlots(k: Kit): Promise<(string | undefined)[]> {
  const lines = (await readFile(join(k.dir, 'journal.log'), 'utf8')).split('\n').filter(Boolean);
  return lines.map((line) => JSON.parse(line.slice(line.indexOf('{'))) as { kind: string; slot?: string }).filter((r) => r.kind === 'in').map((r) => r.slot);
}

/**
 * A modem that keeps messages in SM and ME (Quectel EC25: index 0 in both): a slot is its memory and
 * index, so an identical message in the other memory is never taken for the one held here.
 */
describe('identical messages in different memories of one modem are two messages', () => {
  it('keeps a read twin in ME:0 while the one from SM:0 is still held (its delete failed)', async () => {
    kit = await sessionKit({ ...FAST, profile: QUECTEL_EC25 });
    const emu = kit.binding.emulator;
    // Both already marked read (another tool listed them), identical to the second.
    expect(emu.preload('SM', twin())).toBe(0);
    expect(emu.preload('ME', twin())).toBe(0);
    // The SIM slot is journaled but not deleted: the modem still holds it as SM:0.
    emu.fault({ kind: 'command-error', command: 'AT+CMGD', cms: 500, times: 1 });
    await kit.session.open();
    await kit.waitFor(() => emu.messages('ME').length === 0, 'ME drained');

    expect(kit.journal.pendingIncoming().map((r) => r.text)).toEqual([TEXT, TEXT]);
    expect(await journaledSlots(kit)).toEqual(['SM:0', 'ME:0']);
    expect(emu.messages('SM')).toHaveLength(1);

    // Read again from SM:0 it is the same part: deleted now, not kept twice.
    await kit.session.drain();
    expect(emu.messages('SM')).toHaveLength(0);
    expect(kit.journal.pendingIncoming()).toHaveLength(2);
    expect(kit.seen.incoming).toHaveLength(2);
  });

  it('keeps an unreadable ME slot on the modem and still takes its readable twin in SM', async () => {
    kit = await sessionKit({ ...FAST, profile: QUECTEL_EC25 });
    const emu = kit.binding.emulator;
    emu.preload('SM', twin());
    emu.preload('ME', UNREADABLE);
    await kit.session.open();
    await kit.waitFor(() => emu.messages('SM').length === 0, 'SM drained');

    expect(await journaledSlots(kit)).toEqual(['SM:0']);
    expect(emu.messages('ME')).toHaveLength(1);
    expect(emu.deletions.map((d) => d.mem)).not.toContain('ME');
    expect(kit.seen.notice.some((n) => n.en.includes('unreadable message is kept on the SIM, slot 0 (ME)'))).toBe(true);
  });
});
