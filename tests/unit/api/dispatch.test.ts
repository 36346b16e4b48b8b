import { describe, expect, it } from 'vitest';
import type { Events } from '../../../src-shared/api/contract';
import { answerCall, forwardEvents } from '../../../src-shared/api/dispatch';
import { EVENT_NAMES, MAX_EVENTS_PER_MESSAGE, type WireEvents } from '../../../src-shared/api/wire';
import { SAMPLE_INCOMING, ScriptedCore, STANDARD_SCRIPT } from './scripted-core';

function answer(core: ScriptedCore, method: unknown, params: unknown) {
  const internal: unknown[] = [];
  const reply = answerCall(core, { type: 'call', id: 9, method, params }, (error) => internal.push(error));
  return reply.then((r) => ({ reply: r, internal }));
}

describe('answerCall', () => {
  it('answers a valid call with the core’s result', async () => {
    const core = new ScriptedCore(STANDARD_SCRIPT);
    const { reply, internal } = await answer(core, 'catalog.search', { query: '余额', limit: 3 });
    expect(reply).toEqual({ type: 'result', id: 9, result: [{ id: 'YE', score: 3, matched: { field: 'code', text: '余额' } }] });
    expect(internal).toEqual([]);
  });

  it.each([
    ['an unknown method', 'modem.format', {}, 'api.unknown-method'],
    ['a method that is not a string', 42, {}, 'api.unknown-method'],
    ['a prototype key as method', 'constructor', {}, 'api.unknown-method'],
    ['missing parameters', 'catalog.search', undefined, 'api.bad-request'],
    ['a parameter of the wrong type', 'catalog.search', { query: 5 }, 'api.bad-request'],
    ['an extra parameter', 'modem.list', { all: true }, 'api.bad-request'],
    ['a PIN that is not digits', 'modem.enterPin', { modemId: 'm1', pin: '12ab' }, 'api.bad-request'],
  ])('refuses %s before the core sees it', async (_name, method, params, code) => {
    const core = new ScriptedCore(STANDARD_SCRIPT);
    const { reply, internal } = await answer(core, method, params);
    expect(reply).toMatchObject({ type: 'error', id: 9, error: { code } });
    if (reply.type !== 'error') throw new Error('expected an error reply');
    expect(reply.error.zh).not.toBe('');
    expect(reply.error.en).not.toBe('');
    expect(core.calls).toEqual([]);
    expect(internal).toEqual([]);
  });

  it('passes a HallError from the core through with its code and texts', async () => {
    const { reply, internal } = await answer(new ScriptedCore(STANDARD_SCRIPT), 'modem.disconnect', { modemId: 'm9' });
    expect(reply).toEqual({
      type: 'error',
      id: 9,
      error: { code: 'modem.unknown', zh: '没有这个调制解调器：m9', en: 'No such modem: m9' },
    });
    expect(internal).toEqual([]);
  });

  it('hides any other failure behind the generic internal error and reports it on the side', async () => {
    const { reply, internal } = await answer(new ScriptedCore(STANDARD_SCRIPT), 'modem.ports', {});
    expect(reply).toMatchObject({ type: 'error', id: 9, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toMatch(/secret|core\.ts/);
    expect(internal).toHaveLength(1);
    expect((internal[0] as Error).message).toBe('secret internal detail at /home/user/hall/core.ts:42');
  });
});

describe('forwardEvents', () => {
  const turnEnds = () => new Promise((resolve) => setTimeout(resolve, 0));
  const notice: Events['notice'] = { level: 'warning', zh: '注意', en: 'Note' };

  it('forwards the events of one turn together, in order, until stopped', async () => {
    const core = new ScriptedCore({});
    const sent: WireEvents[] = [];
    const events = forwardEvents(core, (message) => sent.push(message), () => {});
    core.emit('incoming', SAMPLE_INCOMING);
    core.emit('notice', notice);
    expect(sent).toEqual([]);
    await turnEnds();
    expect(sent).toEqual([{ type: 'events', events: [{ event: 'incoming', data: SAMPLE_INCOMING }, { event: 'notice', data: notice }] }]);
    core.emit('notice', notice);
    await turnEnds();
    expect(sent[1]).toEqual({ type: 'events', events: [{ event: 'notice', data: notice }] });
    expect(core.subscriptionCount).toBe(EVENT_NAMES.length);
    events.stop();
    expect(core.subscriptionCount).toBe(0);
    core.emit('notice', notice);
    await turnEnds();
    expect(sent).toHaveLength(2);
  });

  it('sends what waits at once on flush (before a reply) and on stop, and never twice', async () => {
    const core = new ScriptedCore({});
    const sent: WireEvents[] = [];
    const events = forwardEvents(core, (message) => sent.push(message), () => {});
    core.emit('notice', notice);
    events.flush();
    expect(sent).toEqual([{ type: 'events', events: [{ event: 'notice', data: notice }] }]);
    core.emit('incoming', SAMPLE_INCOMING);
    events.stop();
    expect(sent[1]).toEqual({ type: 'events', events: [{ event: 'incoming', data: SAMPLE_INCOMING }] });
    await turnEnds();
    expect(sent).toHaveLength(2);
  });

  it('splits a burst into messages of at most MAX_EVENTS_PER_MESSAGE, keeping the order; a failing send keeps no other back', async () => {
    const core = new ScriptedCore({});
    const sent: WireEvents[] = [];
    const errors: unknown[] = [];
    let calls = 0;
    forwardEvents(
      core,
      (message) => {
        if (calls++ === 1) throw new Error('cannot be cloned');
        sent.push(message);
      },
      (error) => errors.push(error),
    );
    const count = MAX_EVENTS_PER_MESSAGE * 2 + 1;
    for (let i = 0; i < count; i++) core.emit('incoming', { ...SAMPLE_INCOMING, key: `k${i}` });
    await turnEnds();
    expect(sent.map((m) => m.events.length)).toEqual([MAX_EVENTS_PER_MESSAGE, 1]);
    expect(sent[1]!.events.map((e) => (e.data as { key: string }).key)).toEqual([`k${count - 1}`]);
    expect(sent[0]!.events.map((e) => (e.data as { key: string }).key)).toEqual(Array.from({ length: MAX_EVENTS_PER_MESSAGE }, (_, i) => `k${i}`));
    expect(errors).toEqual([new Error('cannot be cloned')]);
  });
});
