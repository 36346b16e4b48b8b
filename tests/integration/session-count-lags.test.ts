import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { encodeDeliver } from '../../src-shared/pdu';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/**
 * review18: a Huawei E3531 counts its memory empty (`+CPMS: 0,20,…`) right after a message came (gammu
 * issue #373, libgammu/phone/at/at-sms.c). The session skipped listing a memory counted empty and, as if
 * that were a listing, released every slot the journal held there: a part journaled whose delete had not
 * been journaled (refused, or a crash) was then new when the next listing showed it, and journaled twice.
 * ModemManager lists whatever the count (src/mm-broadband-modem.c, `+CMGL=4` after locking the storage,
 * commit 9a2d5863eb21957767dbc826b481080c08736590). Written for the test: the text.
 */
const TEXT = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
const pdu = encodeDeliver({ from: '10086', text: TEXT, timestamp: new Date(Date.UTC(2026, 11, 6, 0, 0, 7)), tzQuarterHours: 32, smsc: '+8613800100500' }).hex;

describe('a memory counted empty while it holds a message (real pty, native serialport binding)', () => {
  it.each([
    // A Huawei stick's count is not trusted (families.ts emptyCountLags): listed at once, deleted at the second start.
    ['huawei-e173', 2],
    // Any other modem's count of 0 skips the listing, but releases nothing: deleted at the third.
    [undefined, 3],
  ])('%s: releases nothing the journal holds there; the message read again is journaled once (deleted at start %i)', async (profile, deletedAt) => {
    const emulator = new ModemEmulator({ ...FAST, ...(profile ? { profile } : {}) });
    expect(emulator.preload('SM', pdu)).not.toBeNull();
    const r = await ptyRig(emulator, cleanup);
    // Journaled, but its delete refused: the journal holds the slot for it.
    emulator.fault({ kind: 'command-error', command: 'AT+CMGD', cms: 500, times: 1 });
    const first = await r.open();
    await until(() => r.incoming.length === 1 && r.notices.length > 0, 'journaled, its delete refused');
    expect(emulator.messages('SM').length).toBe(1);
    await first.close();
    // Next start: the modem counts SM empty once (as the E3531 right after a message came).
    emulator.fault({ kind: 'replay', command: 'AT+CPMS="SM"', bytes: '\r\n+CPMS: 0,20,0,20,0,20\r\n\r\nOK\r\n', times: 1 });
    const second = await r.open();
    await until(() => emulator.deletions.length > 0 || deletedAt > 2, 'read despite the count');
    expect(emulator.messages('SM').length).toBe(deletedAt === 2 ? 0 : 1);
    await second.close();
    // And the start after: the listing shows the slot, the same message, still journaled once.
    await r.open();
    await until(() => emulator.messages('SM').length === 0, 'the slot deleted');
    expect(r.incoming.map((x) => x.text)).toEqual([TEXT]);
    expect(r.journal.pendingIncoming().length).toBe(1);
  });
});
