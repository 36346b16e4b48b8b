import { describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../src-main/electron/channels';
import type { HallBridge } from '../../../src-shared/api/bridge';

// The Electron binary cannot exist here: these stand in for contextBridge and ipcRenderer, recording what the preload does with them.
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invoked: Array<[string, unknown]> = [];
  const rendererListeners = new Map<string, (event: unknown, message: unknown) => void>();
  const ipcRenderer = {
    invoke: async (channel: string, message: unknown) => {
      invoked.push([channel, message]);
      return { type: 'result', id: 0, result: 'answered' };
    },
    on: (channel: string, listener: (event: unknown, message: unknown) => void) => {
      rendererListeners.set(channel, listener);
    },
  };
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) };
  return { exposed, invoked, rendererListeners, ipcRenderer, contextBridge };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

await import('../../../src-main/electron/preload');
const hall = electron.exposed.get('hall') as HallBridge;
/** What the main process would send on hall:event, with the IPC event object a page must never see. */
const deliver = (message: unknown) => electron.rendererListeners.get(EVENT_CHANNEL)!({ sender: electron.ipcRenderer }, message);

describe('preload', () => {
  it('exposes exactly one thing, `hall`, holding exactly call and on', () => {
    expect([...electron.exposed.keys()]).toEqual(['hall']);
    expect(Object.keys(hall).sort()).toEqual(['call', 'on']);
    for (const value of Object.values(hall)) {
      expect(typeof value).toBe('function');
      expect(Object.values(electron.ipcRenderer)).not.toContain(value);
    }
  });

  it('sends each call as a numbered wire call on hall:call and returns the reply', async () => {
    await expect(hall.call('modem.list', {})).resolves.toEqual({ type: 'result', id: 0, result: 'answered' });
    await hall.call('catalog.search', { query: 'ye' });
    expect(electron.invoked).toEqual([
      [CALL_CHANNEL, { type: 'call', id: 1, method: 'modem.list', params: {} }],
      [CALL_CHANNEL, { type: 'call', id: 2, method: 'catalog.search', params: { query: 'ye' } }],
    ]);
  });

  it('hands event data, and only the data, to the page’s listeners until they unsubscribe', () => {
    const heard: unknown[][] = [];
    const stop = hall.on('notice', (...args) => heard.push(args));
    hall.on('modem', () => heard.push(['wrong event']));
    deliver({ type: 'events', events: [{ event: 'notice', data: { en: 'one' } }, { event: 'notice', data: { en: 'one more' } }] });
    stop();
    deliver({ type: 'events', events: [{ event: 'notice', data: { en: 'two' } }] });
    expect(heard).toEqual([[{ en: 'one' }], [{ en: 'one more' }]]);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['events that are not a list', { type: 'events', events: { event: 'notice', data: 1 } }],
    ['another type of message', { type: 'result', events: [{ event: 'notice', data: 1 }] }],
    ['an event without a name', { type: 'events', events: [{ data: 1 }] }],
    ['a numeric event name', { type: 'events', events: [{ event: 5, data: 1 }] }],
    ['a null event', { type: 'events', events: [null, 7] }],
  ])('ignores %s on hall:event', (_name, message) => {
    const heard: unknown[] = [];
    hall.on('notice', (data) => heard.push(data));
    expect(() => deliver(message)).not.toThrow();
    expect(heard).toEqual([]);
  });
});
