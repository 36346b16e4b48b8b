import { describe, expect, it } from 'vitest';
import type { ModemStatus } from '../../../src-shared/api/contract';
import { simIdentity } from '../../../src-shared/at/sim-id';
import { emptySimState } from '../../../src-shared/fleet/sim-state';
import { SimBoard } from '../../../src-main/services/fleet/sim-board';

/**
 * fleet25: a SIM that answers neither ICCID nor IMSI gets an id of its own at every bring-up (simid26), so each
 * card put into a modem, and each reconnect, was a new row on the fleet board that never went. The row of such an
 * insertion now goes when its modem shows another insertion; nothing of its figures passes to any other row.
 */
let n = 0;
const fresh = () => `${(++n).toString(16).padStart(8, '0')}-rest`;
const modemIdOf = (path: string) => path.replace(/[^A-Za-z0-9._-]/g, '_').slice(-64);
const status = (path: string, simId: string): ModemStatus =>
  ({ modemId: modemIdOf(path), path, demo: false, state: 'ready', identity: {}, simId, sim: 'ready', registration: 'home', operator: null, signal: null, smsc: null, storage: null, traps: [], error: null }) as ModemStatus;
const reply = (simId: string, text: string, second: number) => ({
  kind: 'in' as const,
  key: `${simId}|${second}`,
  simId,
  from: '10086',
  text,
  encoding: 'ucs2' as const,
  timestamp: new Date(Date.UTC(2026, 11, 6, 0, 0, second)).toISOString(),
  receivedAt: Date.UTC(2026, 11, 6, 0, 0, second),
  concat: null,
});
// Two modems of one make: by-id paths alike in the 42 characters an unidentified id keeps of them.
const PORT = '/dev/serial/by-id/usb-HUAWEI_Technologies_HUAWEI_Mobile_0123456789-if00-port0';
const OTHER = PORT.replace('0123456789', '9876543210');

describe('the fleet board and SIMs without ICCID or IMSI', () => {
  it('keeps one row per modem: an insertion\'s row goes (told once) when its modem shows another insertion, with none of its figures passing on', () => {
    const board = new SimBoard((t) => t);
    const gone: string[] = [];
    board.on('gone', (id) => gone.push(id));
    const first = simIdentity({ path: PORT }, fresh).simId;
    board.onModem(status(PORT, first));
    board.onIncoming(reply(first, '尊敬的客户，您的话费余额为35.20元。【中国移动】', 0));
    expect(board.get(first)?.balance).toBe(35.2);
    // The other modem's own unidentified card: this modem's row stays.
    const elsewhere = simIdentity({ path: OTHER }, fresh).simId;
    board.onModem(status(OTHER, elsewhere));
    expect(board.list().map((s) => s.simId).sort()).toEqual([first, elsewhere].sort());

    const second = simIdentity({ path: PORT }, fresh).simId;
    board.onModem(status(PORT, second));
    expect(board.list().map((s) => s.simId).sort()).toEqual([elsewhere, second].sort());
    expect(gone).toEqual([first]);
    expect(board.get(second)!.balance).toBeNull();
    // An identified card in that modem is another insertion too.
    board.onModem(status(PORT, '89860012345678900041'));
    expect(board.list().map((s) => s.simId).sort()).toEqual(['89860012345678900041', elsewhere].sort());
    expect(gone).toEqual([first, second]);
  });

  it('never takes away an identified SIM\'s row, nor an insertion\'s on its own status, nor one restored from the last run that names another modem', () => {
    const board = new SimBoard((t) => t);
    const kept = simIdentity({ path: OTHER }, fresh).simId;
    board.restore([{ ...emptySimState(kept), modemId: modemIdOf(OTHER), sendFailures: 1 }]);
    board.onModem(status(PORT, '89860012345678900041'));
    const insertion = simIdentity({ path: PORT }, fresh).simId;
    board.onModem(status(PORT, insertion));
    board.onModem(status(PORT, insertion));
    expect(board.list().map((s) => s.simId).sort()).toEqual(['89860012345678900041', insertion, kept].sort());
    expect(board.get(kept)!.sendFailures).toBe(1);
  });
});
