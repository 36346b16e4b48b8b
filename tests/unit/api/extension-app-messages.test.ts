import { describe, expect, it } from 'vitest';
import { needsAppAuth, parseAppMessage, type AppMessage } from '../../../src-shared/api/extension-messages';

/**
 * Every message type the app sends the extension, as an app of protocol version 2 before any
 * optional field was added sends it (typed as the app's `AppMessage`, so the contract and these
 * samples cannot drift apart), each beside a malformed one of the same type.
 */
const ID = 'gABpe2QcOptn_ASZyYIvmQ';
const olderApp: Array<[string, AppMessage]> = [
  ['hello', { type: 'hello', version: 2, nonce: 'bN2Epu0McyidxeiLEh0POA' }],
  ['status (paired)', { type: 'status', paired: true, re: 1, name: 'Chromium · test profile', modem: { state: 'ready', demo: true, operator: 'CHINA MOBILE', bars: 3 } }],
  ['status (paired, no modem)', { type: 'status', paired: true, re: 3, name: 'Chromium · test profile', modem: null }],
  ['status (not paired)', { type: 'status', paired: false, pairingCode: null }],
  ['pairing', { type: 'pairing', code: '170387' }],
  ['paired', { type: 'paired', id: ID }],
  ['unpaired (no error text)', { type: 'unpaired', reason: 'refused' }],
  ['send-state (no error text)', { type: 'send-state', ref: 'e1', state: 'queued' }],
  ['reply (no uncertain mark)', { type: 'reply', ref: 'e1', from: '10086', text: '余额50.43元', receivedAt: 1796424993698 }],
  ['reply-uncertain (a reply marked after it was passed on)', { type: 'reply-uncertain', ref: 'e1', receivedAt: 1796424993698 }],
  ['modems (told unasked, mend45)', { type: 'modems', modems: [{ state: 'ready', demo: false, operator: 'CHINA MOBILE', bars: 3, sim: 'SIM …900033', device: 'Hall10086 Emulator' }] }],
  ['error', { type: 'error', error: { code: 'extension.app-not-running', zh: '桌面应用没有运行。', en: 'The desktop app is not running.' } }],
];

const malformed: Array<[string, unknown, string[]]> = [
  ['hello with a short nonce', { type: 'hello', version: 2, nonce: 'abc' }, ['nonce']],
  ['hello of another protocol version', { type: 'hello', version: 1, nonce: 'bN2Epu0McyidxeiLEh0POA' }, ['version']],
  ['status whose modem has 9 bars', { type: 'status', paired: true, re: 1, name: 'x', modem: { state: 'ready', demo: true, operator: null, bars: 9 } }, ['modem.bars']],
  ['status whose list of modems is no list', { type: 'status', paired: true, re: 1, name: 'x', modem: null, modems: 'all' }, ['modems']],
  ['status whose second modem names its SIM by a number', { type: 'status', paired: true, re: 1, name: 'x', modem: null, modems: [{ state: 'ready', demo: false, operator: null, bars: 2 }, { state: 'ready', demo: false, operator: null, bars: 2, sim: 898600 }] }, ['modems.1.sim']],
  ['status with a recheck of "yes"', { type: 'status', paired: true, re: 1, name: 'x', modem: null, recheck: 'yes' }, ['recheck']],
  ['status without re', { type: 'status', paired: true, name: 'x', modem: null }, ['re']],
  ['status with a paired of "yes"', { type: 'status', paired: 'yes', pairingCode: null }, ['paired']],
  ['status not paired with a non-numeric code', { type: 'status', paired: false, pairingCode: 'abcdef' }, ['pairingCode']],
  ['pairing with a code of 7 digits', { type: 'pairing', code: '1234567' }, ['code']],
  ['paired without an id', { type: 'paired' }, ['id']],
  ['unpaired for an unknown reason', { type: 'unpaired', reason: 'bored' }, ['reason']],
  ['unpaired with an error without English', { type: 'unpaired', reason: 'rate-limited', error: { code: 'extension.rate-limited', zh: '太频繁' } }, ['error.en']],
  ['send-state of an unknown state', { type: 'send-state', ref: 'e1', state: 'teleported' }, ['state']],
  ['send-state with a path as ref', { type: 'send-state', ref: '../e1', state: 'sent' }, ['ref']],
  ['reply with a numeric text', { type: 'reply', ref: 'e1', from: '10086', text: 5, receivedAt: 1 }, ['text']],
  ['reply with a mark of "yes"', { type: 'reply', ref: 'e1', from: '10086', text: 'x', receivedAt: 1, uncertain: 'yes' }, ['uncertain']],
  ['reply-uncertain without the time of the reply it names', { type: 'reply-uncertain', ref: 'e1' }, ['receivedAt']],
  ['modems whose list is no list', { type: 'modems', modems: { state: 'ready' } }, ['modems']],
  ['error without its text', { type: 'error' }, ['error']],
  ['error whose code is not a code', { type: 'error', error: { code: '<b>x</b>', zh: '错', en: 'wrong' } }, ['error.code']],
];

describe('every app message type as the extension checks it (after its MAC)', () => {
  it.each(olderApp)('a well-formed %s from an older app passes, its fields kept', (_, m) => {
    const parsed = parseAppMessage({ ...m, auth: { counter: 1, mac: 'x' } });
    expect('message' in parsed).toBe(true);
    if (!('message' in parsed)) return;
    const { uncertain, recheck, ...rest } = parsed.message as typeof parsed.message & { uncertain?: boolean; recheck?: boolean };
    expect(rest).toEqual(m);
    // Absent in an older app's reply: read as certain.
    if (m.type === 'reply') expect(uncertain).toBe(false);
    // Absent in an older app's paired status: the extension does not ask it to recheck (fleet26).
    if (m.type === 'status' && m.paired) expect(recheck).toBe(false);
  });

  it('covers every type the app sends', () => {
    expect(new Set(olderApp.map(([, m]) => m.type))).toEqual(new Set(['hello', 'status', 'pairing', 'paired', 'unpaired', 'send-state', 'reply', 'reply-uncertain', 'modems', 'error']));
    expect(new Set(malformed.map(([, m]) => (m as { type: string }).type))).toEqual(new Set(olderApp.map(([, m]) => m.type)));
  });

  it.each(malformed)('refuses %s, naming its type and fields but no value', (_, raw, fields) => {
    const parsed = parseAppMessage(raw);
    expect(parsed).toEqual({ refused: { type: (raw as { type: string }).type, ref: (raw as { ref?: string }).ref === 'e1' ? 'e1' : null, fields } });
  });

  it('refuses what is no message at all, or of a type it does not know, without echoing the type', () => {
    expect(parseAppMessage(null)).toEqual({ refused: { type: 'unknown', ref: null, fields: ['(root)'] } });
    expect(parseAppMessage({ type: '<script>' })).toEqual({ refused: { type: 'unknown', ref: null, fields: ['type'] } });
  });

  it('a paired status with every modem, its SIM as the app names it (mend42), passes as sent', () => {
    const modems = [
      { state: 'ready', demo: false, operator: 'CHINA MOBILE', bars: 3, sim: 'SIM …900011', device: 'Hall10086 Emulator' },
      { state: 'busy', demo: false, operator: null, bars: 0, sim: null, device: null },
    ] as const;
    const status = { type: 'status', paired: true, re: 2, name: 'x', modem: modems[0], modems, recheck: true } as const;
    expect(parseAppMessage(status)).toEqual({ message: status });
  });

  it('a field a newer app adds is left out, not refused', () => {
    expect(parseAppMessage({ type: 'pairing', code: '170387', expiresAt: 5 })).toEqual({ message: { type: 'pairing', code: '170387' } });
  });

  it('a status claiming pairing in any form but `false` needs the MAC (checked before the message is)', () => {
    expect(needsAppAuth({ type: 'status', paired: 'yes' })).toBe(true);
    expect(needsAppAuth({ type: 'status' })).toBe(true);
    expect(needsAppAuth({ type: 'status', paired: false })).toBe(false);
  });

  it('a modem list told unasked needs the MAC: a forger could show a modem that is not there', () => {
    expect(needsAppAuth({ type: 'modems' })).toBe(true);
  });
});
