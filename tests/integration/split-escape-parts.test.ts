import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { Journal } from '../../src-main/services/journal';
import { assembleRecords } from '../../src-shared/assemble';
import { splitPairParts } from '../fixtures/split-escape-pdus';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/*
 * review46 C2: `A{A` and `A€A` in two GSM 7-bit parts, the escape ending the first and its septet beginning the second,
 * delivered by the emulator over a real pty as +CMT: the journal kept each part's text decoded alone, the escape
 * dropped, so the message read `A(A` and `AeA`. Now the first part keeps it, and the message reads as sent, after a
 * restart of the journal too.
 */
describe('an escape pair split across two parts (real pty, native serialport binding)', () => {
  it('is read as its extension character from the journaled parts, before and after a restart', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    for (const [ref, septet] of [[7, 0x28], [8, 0x65]] as const) for (const hex of splitPairParts([0x41, 0x1b], [septet, 0x41], ref)) emulator.deliverPdu(hex);
    await until(() => r.incoming.length === 4, 'the four parts journaled');
    expect(assembleRecords(r.incoming).map((m) => m.text), 'the messages as the journal holds them').toEqual(['A{A', 'A€A']);
    await r.journal.close();
    const again = await Journal.open(r.dir);
    cleanup.push(() => again.close());
    expect(assembleRecords(again.pendingIncoming()).map((m) => m.text), 'after a restart').toEqual(['A{A', 'A€A']);
  });
});
