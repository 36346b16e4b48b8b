import { describe, expect, it } from 'vitest';
import { decodeWireMessage, EVENT_NAMES, fromWireError, parseWireMessage, toWireError } from '../../../src-shared/api/wire';
import { HallError } from '../../../src-shared/errors';

describe('decodeWireMessage', () => {
  it.each([
    ['a call', '{"type":"call","id":1,"method":"modem.list","params":{}}', { type: 'call', id: 1, method: 'modem.list', params: {} }],
    ['a call naming no real method (answered later with an error)', '{"type":"call","id":7,"method":42}', { type: 'call', id: 7, method: 42, params: undefined }],
    ['a result', '{"type":"result","id":3,"result":[1,2]}', { type: 'result', id: 3, result: [1, 2] }],
    ['an error', '{"type":"error","id":3,"error":{"code":"x","zh":"甲","en":"a"}}', { type: 'error', id: 3, error: { code: 'x', zh: '甲', en: 'a' } }],
    ['events', '{"type":"events","events":[{"event":"notice","data":{"level":"info"}},{"event":"modem","data":1}]}', { type: 'events', events: [{ event: 'notice', data: { level: 'info' } }, { event: 'modem', data: 1 }] }],
    ['extra keys are dropped', '{"type":"result","id":0,"result":null,"__proto__":{"polluted":true}}', { type: 'result', id: 0, result: null }],
  ])('accepts %s', (_name, text, expected) => {
    expect(decodeWireMessage(text)).toEqual(expected);
  });

  it.each([
    ['not JSON', '{"type":'],
    ['a JSON scalar', '42'],
    ['null', 'null'],
    ['an array', '[]'],
    ['an unknown type', '{"type":"hello","id":1}'],
    ['a call without id', '{"type":"call","method":"modem.list","params":{}}'],
    ['a fractional id', '{"type":"call","id":1.5,"method":"modem.list","params":{}}'],
    ['a negative id', '{"type":"call","id":-1,"method":"modem.list","params":{}}'],
    ['an id beyond safe integers', '{"type":"call","id":9007199254740993,"method":"modem.list","params":{}}'],
    ['a string id', '{"type":"call","id":"1","method":"modem.list","params":{}}'],
    ['an error without its English text', '{"type":"error","id":1,"error":{"code":"x","zh":"甲"}}'],
    ['an event without a name', '{"type":"events","events":[{"data":{}}]}'],
    ['events that are not a list', '{"type":"events","events":{"event":"notice"}}'],
  ])('rejects %s', (_name, text) => {
    expect(decodeWireMessage(text)).toBeNull();
  });

  it('parses an already structured message the same way', () => {
    expect(parseWireMessage({ type: 'result', id: 2, result: 'ok' })).toEqual({ type: 'result', id: 2, result: 'ok' });
    expect(parseWireMessage('{"type":"result","id":2,"result":"ok"}')).toBeNull();
  });
});

describe('wire errors', () => {
  it('carries a HallError’s code, both texts and what to do, and nothing else', () => {
    const error = new HallError('modem.busy', { zh: '忙', en: 'Busy' }, { details: { path: '/dev/ttyUSB0' }, action: { zh: '等', en: 'Wait' } });
    expect(toWireError(error)).toEqual({ code: 'modem.busy', zh: '忙', en: 'Busy', action: { zh: '等', en: 'Wait' } });
    expect(toWireError(new HallError('modem.busy', { zh: '忙', en: 'Busy' }))).toEqual({ code: 'modem.busy', zh: '忙', en: 'Busy' });
  });

  it('hands what to do across a JSON frame to the receiving side, so the UI can say it (zh and en)', () => {
    const thrown = new HallError(
      'modem.silent',
      { zh: '调制解调器没有应答 AT 命令。', en: 'The modem does not answer AT commands.' },
      { action: { zh: '确认选的是 AT 命令口。', en: 'Make sure this is the AT command port.' } },
    );
    const decoded = decodeWireMessage(JSON.stringify({ type: 'error', id: 7, error: toWireError(thrown) }));
    expect(decoded?.type).toBe('error');
    const error = fromWireError((decoded as Extract<typeof decoded, { type: 'error' }>).error);
    expect(error.action).toEqual({ zh: '确认选的是 AT 命令口。', en: 'Make sure this is the AT command port.' });
    expect(error.describe('en')).toBe('The modem does not answer AT commands. Make sure this is the AT command port.');
  });

  it.each([
    ['an Error', new TypeError('secret detail at core.ts:42')],
    ['a string', 'raw text'],
    ['undefined', undefined],
  ])('turns %s into the generic internal error, with no trace of the original', (_name, thrown) => {
    const wire = toWireError(thrown);
    expect(wire.code).toBe('internal');
    expect(wire.zh).toMatch(/内部错误/);
    expect(wire.en).toMatch(/^Internal error/);
    expect(JSON.stringify(wire)).not.toMatch(/secret|core\.ts|raw text/);
  });

  it('rebuilds a HallError on the receiving side', () => {
    const error = fromWireError({ code: 'api.bad-request', zh: '不对', en: 'Wrong' });
    expect(error).toBeInstanceOf(HallError);
    expect([error.code, error.zh, error.en]).toEqual(['api.bad-request', '不对', 'Wrong']);
  });
});

describe('EVENT_NAMES', () => {
  it('lists every event of the contract', () => {
    expect([...EVENT_NAMES].sort()).toEqual(['approvals', 'catalog', 'command', 'extensions', 'fleet', 'fleetCheck', 'fleetGone', 'incoming', 'labels', 'modem', 'mqtt', 'notice', 'outgoing']);
  });
});
