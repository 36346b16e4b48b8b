import { describe, expect, it } from 'vitest';
import type { ModemStatus, Trap } from '../../../src-shared/api/contract';
import { isSavedSender, modemForSim, noSenderKey, savedMayBeComing, modemLabel, modemNeedingAttention, modemOnItsWayKey, senderToSave, sendingModem, shownStateKey, simLabel, upsertModem, type SavedSender } from '../../../src-renderer/core/modems';

function modem(modemId: string, path: string, extra: Partial<ModemStatus> = {}): ModemStatus {
  return {
    modemId,
    path,
    demo: false,
    state: 'ready',
    identity: {},
    simId: null,
    sim: 'ready',
    registration: 'home',
    operator: 'CHINA MOBILE',
    signal: null,
    smsc: null,
    storage: null,
    traps: [],
    error: null,
    ...extra,
  };
}

describe('upsertModem', () => {
  it('adds, replaces by id (keeping the list sorted by port) and drops a closed modem', () => {
    let list = upsertModem([], modem('b', '/dev/ttyUSB2'));
    list = upsertModem(list, modem('a', '/dev/ttyUSB0', { state: 'probing' }));
    expect(list.map((m) => [m.modemId, m.state])).toEqual([['a', 'probing'], ['b', 'ready']]);
    list = upsertModem(list, modem('a', '/dev/ttyUSB0'));
    expect(list.map((m) => [m.modemId, m.state])).toEqual([['a', 'ready'], ['b', 'ready']]);
    list = upsertModem(list, modem('b', '/dev/ttyUSB2', { state: 'closed' }));
    expect(list.map((m) => m.modemId)).toEqual(['a']);
  });
});

describe('sendingModem', () => {
  const list = [modem('a', '/dev/ttyUSB0', { state: 'reconnecting' }), modem('b', '/dev/ttyUSB2'), modem('c', '/dev/ttyUSB4')];
  /** What the page keeps: a port chosen by the user (the SIM id unknown, as a choice saved before ux22 reads). */
  const chose = (path: string, extra: Partial<SavedSender> = {}): SavedSender => ({ simId: null, path, chosen: true, demo: false, ...extra });
  it.each([
    ['the chosen port when ready', chose('/dev/ttyUSB4'), 'c'],
    ['the first ready one when the chosen one is not ready', chose('/dev/ttyUSB0'), 'b'],
    ['the first ready one when none was chosen', null, 'b'],
  ])('%s', (_why, saved, id) => {
    expect(sendingModem(list, saved)?.modemId).toBe(id);
  });

  it('is a real modem rather than the demo one, in whatever order the list comes', () => {
    const demo = modem('d', 'emulator://demo', { demo: true });
    const real = modem('r', '/tmp/hall10086-modem-1');
    expect(sendingModem([demo, real], null)?.modemId).toBe('r');
    expect(sendingModem([real, demo], null)?.modemId).toBe('r');
    expect(sendingModem([demo, real], chose('emulator://demo', { demo: true }))?.modemId).toBe('d');
    // The demo modem the page fell on alone gives way to a real one; chosen, it does not.
    expect(sendingModem([demo, real], chose('emulator://demo', { demo: true, chosen: false }), 'emulator://demo')?.modemId).toBe('r');
    expect(sendingModem([demo, { ...real, state: 'failed' }], null)?.modemId).toBe('d');
  });

  it('stays with the modem sending now when another is plugged in, until the user chooses', () => {
    const sending = modem('s', '/tmp/z');
    const plugged = modem('p', '/tmp/a');
    expect(sendingModem([plugged, sending], null, '/tmp/z')?.modemId).toBe('s');
    expect(sendingModem([plugged, sending], chose('/tmp/z', { chosen: false }), '/tmp/z')?.modemId).toBe('s');
    expect(sendingModem([plugged, sending], chose('/tmp/z'), '/tmp/z', '/tmp/a')?.modemId).toBe('p');
    // A choice not ready yet (a modem connected again) waits; the one sending now goes on meanwhile.
    expect(sendingModem([{ ...plugged, state: 'probing' }, sending], null, '/tmp/z', '/tmp/a')?.modemId).toBe('s');
    expect(sendingModem([plugged, { ...sending, state: 'reconnecting' }], null, '/tmp/z')?.modemId).toBe('p');
    const demo = modem('d', 'emulator://demo', { demo: true });
    expect(sendingModem([demo, plugged], null, 'emulator://demo')?.modemId).toBe('p');
    expect(sendingModem([demo, plugged], chose('emulator://demo', { demo: true }), 'emulator://demo')?.modemId).toBe('d');
  });

  it('after a reload sends from the saved SIM, not the first in port order, whichever port it came back on; back after an absence, it sends again', () => {
    const first = modem('f', '/dev/ttyUSB0', { simId: '89860000000000000001' });
    const mine = modem('m', '/dev/ttyUSB3', { simId: '89860000000000000002' });
    const saved: SavedSender = { simId: '89860000000000000002', path: '/dev/ttyUSB1', chosen: false, demo: false };
    // A fresh page (no current): the saved SIM, on another port than when it was saved.
    expect(sendingModem([first, mine], saved)?.modemId).toBe('m');
    // Away: another stands in (the page says so); back, the saved one sends again.
    expect(sendingModem([first], saved)?.modemId).toBe('f');
    expect(sendingModem([first, mine], saved, '/dev/ttyUSB0')?.modemId).toBe('m');
    // The user chose the stand-in meanwhile: that is the choice now.
    expect(sendingModem([first, mine], { ...saved, simId: first.simId, path: first.path, chosen: true }, '/dev/ttyUSB0')?.modemId).toBe('f');
  });

  it('is null when nothing is ready', () => {
    expect(sendingModem([modem('a', 'x', { state: 'failed' })], null)).toBeNull();
  });
});

describe('savedMayBeComing', () => {
  const saved: SavedSender = { simId: '89860012345670007701', path: '/dev/ttyUSB0', chosen: false, demo: false };
  const other = modem('b', '/dev/ttyUSB2', { simId: '89860012345670007702' });
  it('is true while a modem whose SIM is not read yet, or is the saved one, comes up by itself (opening, or its SIM still starting)', () => {
    expect(savedMayBeComing([other, modem('a', '/dev/ttyUSB4', { state: 'probing', sim: 'unknown', traps: trapped('sim-busy') })], saved)).toBe(true);
    expect(savedMayBeComing([other, modem('a', '/dev/ttyUSB4', { state: 'opening' })], saved)).toBe(true);
    expect(savedMayBeComing([other, modem('a', '/dev/ttyUSB4', { state: 'probing', simId: saved.simId })], saved)).toBe(true);
  });
  it('is false once it is up or waits for its user, for a modem that holds another SIM, a stick coming back, and with no saved SIM or a demo one fallen on', () => {
    expect(savedMayBeComing([other, modem('a', '/dev/ttyUSB4', { simId: saved.simId })], saved)).toBe(false);
    expect(savedMayBeComing([other, modem('a', '/dev/ttyUSB4', { state: 'probing', sim: 'pin', traps: trapped('pin') })], saved)).toBe(false);
    expect(savedMayBeComing([modem('b', '/dev/ttyUSB2', { state: 'probing', simId: other.simId })], saved)).toBe(false);
    expect(savedMayBeComing([other, modem('a', '/dev/ttyUSB4', { state: 'reconnecting' })], saved)).toBe(false);
    expect(savedMayBeComing([other, modem('a', '/dev/ttyUSB4', { state: 'failed' })], saved)).toBe(false);
    expect(savedMayBeComing([modem('a', '/dev/ttyUSB4', { state: 'opening' })], null)).toBe(false);
    expect(savedMayBeComing([modem('a', '/dev/ttyUSB4', { state: 'opening' })], { simId: null, path: 'emulator://demo', chosen: false, demo: true })).toBe(false);
  });
});

describe('senderToSave', () => {
  const a = modem('a', '/dev/ttyUSB0', { simId: '89860000000000000001' });
  const b = modem('b', '/dev/ttyUSB1', { simId: '89860000000000000002' });
  const demo = modem('d', 'emulator://demo', { demo: true, simId: '89860000000000000099' });
  const of = (m: ModemStatus, chosen: boolean): SavedSender => ({ simId: m.simId, path: m.path, chosen, demo: m.demo });
  it('keeps the first sender, the user’s choice, and a real modem over a demo one fallen on; never a stand-in', () => {
    expect(senderToSave(a, null, false)).toEqual(of(a, false));
    expect(senderToSave(b, of(a, false), true)).toEqual(of(b, true));
    expect(senderToSave(a, of(demo, false), false)).toEqual(of(a, false));
    // A stand-in while the saved SIM is away is not saved: the saved one sends again when back.
    expect(senderToSave(b, of(a, true), false)).toBeNull();
    expect(senderToSave(b, of(a, false), false)).toBeNull();
    expect(senderToSave(a, of(a, true), false)).toBeNull();
  });
  it('learns the SIM of a port saved before SIM ids were kept, and the new port of a SIM plugged in elsewhere', () => {
    expect(senderToSave(a, { simId: null, path: a.path, chosen: true, demo: false }, false)).toEqual(of(a, true));
    expect(senderToSave({ ...a, path: '/dev/ttyUSB7' }, of(a, false), false)).toEqual({ ...of(a, false), path: '/dev/ttyUSB7' });
  });
  it('says whether a modem is the saved one: by SIM, else by port', () => {
    expect(isSavedSender(a, of(a, false))).toBe(true);
    expect(isSavedSender({ ...a, path: '/x' }, of(a, false))).toBe(true);
    expect(isSavedSender({ ...b, path: a.path }, of(a, false))).toBe(false);
    expect(isSavedSender(a, { simId: null, path: a.path, chosen: true, demo: false })).toBe(true);
    expect(isSavedSender(a, null)).toBe(false);
  });
});

describe('modemForSim', () => {
  it('is the ready modem holding the SIM', () => {
    const list = [modem('a', 'x', { simId: 's1', state: 'reconnecting' }), modem('b', 'y', { simId: 's2' })];
    expect(modemForSim(list, 's2')?.modemId).toBe('b');
    expect(modemForSim(list, 's1')).toBeNull();
  });
});

describe('labels', () => {
  it.each([
    ['89860012345678901234', 'SIM …901234'],
    ['8901260487759545390F', 'SIM …545390'],
    ['460001234567890', 'SIM …567890'],
    ['/dev/ttyUSB2', '/dev/ttyUSB2'],
    ['unidentified:3f9a0c1e@/dev/ttyUSB2', 'SIM ? #3f9a0c1e'],
  ])('SIM %s is called %s', (simId, label) => {
    expect(simLabel(simId)).toBe(label);
  });

  it('names a modem by maker and model, with its port', () => {
    expect(modemLabel({ path: '/dev/ttyUSB2', identity: { manufacturer: 'huawei', model: 'E3372' } })).toBe('huawei E3372 (/dev/ttyUSB2)');
    expect(modemLabel({ path: 'COM3', identity: {} })).toBe('COM3');
  });
});

/** A trap as the session sets it (src-main/services/modem/traps.ts); only the code matters here. */
const trapped = (code: Trap['code']): Trap[] => [{ code, zh: '', en: '', action: { zh: '', en: '' } }];

/** What the session says of a modem its SIM holds up: `sim` and the trap it sets for it (session.ts simTrap). */
const heldBySim = [
  { state: 'probing', sim: 'pin', traps: trapped('pin') },
  { state: 'probing', sim: 'puk', traps: trapped('puk') },
  { state: 'probing', sim: 'absent', traps: trapped('no-sim') },
  { state: 'probing', sim: 'unknown', traps: trapped('sim-busy') },
  { state: 'probing', sim: 'unknown', traps: trapped('sim-lock') },
  { state: 'probing', sim: 'unknown', traps: trapped('no-sim') },
] as const;

describe('modemNeedingAttention', () => {
  it('names a connected modem, when none is ready, held up by a trap only its user can clear (a PIN, the PUK, a SIM to put in, a device lock)', () => {
    for (const waiting of heldBySim.filter((m) => m.traps[0]!.code !== 'sim-busy')) {
      expect(modemNeedingAttention([modem('a', '/dev/ttyUSB2', waiting)])?.modemId, waiting.traps[0]!.code).toBe('a');
    }
  });

  it('is null while a modem is ready, for a port that could not be opened, and while a modem is still starting', () => {
    expect(modemNeedingAttention([modem('a', '/dev/ttyUSB2', heldBySim[0]), modem('b', '/dev/ttyUSB5')])).toBeNull();
    expect(modemNeedingAttention([modem('a', '/dev/ttyS0', { state: 'failed', sim: 'unknown' })])).toBeNull();
    expect(modemNeedingAttention([modem('a', '/dev/ttyUSB2', { state: 'probing', sim: 'unknown' })])).toBeNull();
    expect(modemNeedingAttention([])).toBeNull();
  });

  it('agrees with the card: a SIM still busy starting, a stick coming back, a trap left from before while set up again need no one', () => {
    const goesOnByItself: Partial<ModemStatus>[] = [
      { state: 'probing', sim: 'unknown', traps: trapped('sim-busy') },
      { state: 'reconnecting' },
      { state: 'probing', sim: 'ready', traps: [...trapped('no-network'), ...trapped('no-smsc')] },
    ];
    for (const m of goesOnByItself) {
      const list = [modem('a', '/dev/ttyUSB2', m)];
      expect(modemNeedingAttention(list), m.state).toBeNull();
      expect(shownStateKey(list[0]!)).not.toBe('modemState.waiting');
    }
    expect(modemOnItsWayKey([modem('a', '/dev/ttyUSB2', goesOnByItself[0])])).toBe('modem.startingShort');
    expect(modemOnItsWayKey([modem('a', '/dev/ttyUSB2', goesOnByItself[1])])).toBe('modem.reconnectingShort');
    expect(modemOnItsWayKey([modem('a', '/dev/ttyS0', { state: 'failed', sim: 'unknown' })])).toBe('modem.noneShort');
    expect(modemOnItsWayKey([])).toBe('modem.noneShort');
  });
});

describe('shownStateKey', () => {
  it('says a modem waits for the user only when a trap needs them (a PIN, the PUK, a SIM to put in, a device lock), and shows every other state as it is', () => {
    for (const held of heldBySim.filter((m) => m.traps[0]!.code !== 'sim-busy')) expect(shownStateKey(held), held.traps[0]!.code).toBe('modemState.waiting');
    expect(shownStateKey({ state: 'probing', traps: [] })).toBe('modemState.probing');
    expect(shownStateKey({ state: 'ready', traps: [] })).toBe('modemState.ready');
    expect(shownStateKey({ state: 'ready', traps: trapped('no-network') })).toBe('modemState.ready');
    expect(shownStateKey({ state: 'reconnecting', traps: [] })).toBe('modemState.reconnecting');
  });

  it('does not say "waiting for you" for a trap that clears by itself: a SIM still busy starting waits for the SIM, a trap left from before goes on probing', () => {
    expect(shownStateKey({ state: 'probing', traps: trapped('sim-busy') })).toBe('modemState.waitingForSim');
    // While a modem that was ready is set up again, its old no-network / no-SMS-centre traps stay until the SIM is read.
    expect(shownStateKey({ state: 'probing', traps: [...trapped('no-network'), ...trapped('no-smsc')] })).toBe('modemState.probing');
    expect(shownStateKey({ state: 'probing', traps: [...trapped('no-network'), ...trapped('pin')] })).toBe('modemState.waiting');
  });

  it('claims no state while the core is out of reach', () => {
    for (const state of ['ready', 'probing', 'reconnecting'] as const) expect(shownStateKey({ state, traps: [] }, false)).toBe('modemState.unknown');
    expect(shownStateKey({ state: 'probing', traps: trapped('pin') }, false)).toBe('modemState.unknown');
  });
});

describe('noSenderKey', () => {
  const ready = modem('a', '/dev/ttyUSB0');
  it('says the page’s own access or link first: a modem plugged in would not help', () => {
    expect(noSenderKey([ready], 'lost', 'unauthorized')).toBe('instr.noAccess');
    expect(noSenderKey([], 'connecting', 'connecting')).toBe('conn.connecting');
    expect(noSenderKey([ready], 'lost', 'closed')).toBe('thread.coreGone');
  });
  it('then a modem that needs its user, one on its way, or none', () => {
    expect(noSenderKey([modem('a', '/dev/ttyUSB0', { state: 'probing', sim: 'pin', traps: trapped('pin') })], 'open', 'open')).toBe('instr.modemNeedsYou');
    expect(noSenderKey([ready, modem('b', '/dev/ttyUSB2', { state: 'probing', sim: 'unknown', traps: trapped('sim-busy') })], 'open', 'open')).toBe('instr.modemOnItsWay');
    expect(noSenderKey([modem('b', '/dev/ttyUSB2', { state: 'reconnecting' })], 'open', 'open')).toBe('instr.modemOnItsWay');
    expect(noSenderKey([modem('b', '/dev/ttyUSB2', { state: 'failed' })], 'open', 'open')).toBe('instr.noModem');
    expect(noSenderKey([], 'open', 'open')).toBe('instr.noModem');
  });
});
