import { describe, expect, it } from 'vitest';
import { appUrlMatcher } from '../../../src-main/electron/app-url';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../src-main/electron/channels';
import { isTrustedSender, serveIpc, type EventReceiver, type IpcMainLike, type SenderFrame } from '../../../src-main/electron/ipc';
import type { WireReply } from '../../../src-shared/api/wire';
import { SAMPLE_INCOMING, ScriptedCore, STANDARD_SCRIPT } from '../api/scripted-core';

const APP = 'file:///opt/hall/out/renderer/index.html';
const isAppUrl = appUrlMatcher(APP);
const TOP_FRAME: SenderFrame = { url: `${APP}#/log`, parent: null };

type Handler = Parameters<IpcMainLike['handle']>[1];

/** Stands in for Electron's ipcMain: keeps the handler so a test can invoke it as a renderer would. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler) {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(frame: SenderFrame | null, message: unknown): Promise<WireReply> {
    return this.handlers.get(CALL_CHANNEL)!({ senderFrame: frame }, message);
  }
}

class FakeWebContents implements EventReceiver {
  readonly sent: Array<[string, unknown]> = [];
  constructor(
    private readonly url: string,
    private readonly destroyed = false,
  ) {}
  send(channel: string, message: unknown) {
    this.sent.push([channel, message]);
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.url;
  }
}

function setUp(targets: EventReceiver[] = []) {
  const ipcMain = new FakeIpcMain();
  const core = new ScriptedCore(STANDARD_SCRIPT);
  const internal: unknown[] = [];
  const stop = serveIpc({ ipcMain, core, isAppUrl, targets: () => targets, onInternalError: (e) => internal.push(e) });
  return { ipcMain, core, internal, stop };
}

const call = (method: unknown, params: unknown, id = 4) => ({ type: 'call', id, method, params });

describe('isTrustedSender', () => {
  it.each([
    ['the app page’s top frame', TOP_FRAME, true],
    ['a subframe of the app page', { url: APP, parent: TOP_FRAME }, false],
    ['a frame that navigated away or died', null, false],
    ['another local file', { url: 'file:///tmp/evil.html', parent: null }, false],
    ['a web page', { url: 'https://evil.example/', parent: null }, false],
    ['about:blank', { url: 'about:blank', parent: null }, false],
  ])('%s → %s', (_name, frame, expected) => {
    expect(isTrustedSender(frame, isAppUrl)).toBe(expected);
  });
});

describe('serveIpc: hall:call', () => {
  it('answers the app page’s call with the core’s result', async () => {
    const { ipcMain } = setUp();
    expect(await ipcMain.invoke(TOP_FRAME, call('catalog.search', { query: 'ye' }))).toEqual({
      type: 'result',
      id: 4,
      result: [{ id: 'YE', score: 1, matched: { field: 'code', text: 'ye' } }],
    });
  });

  it.each([
    ['a subframe', { url: APP, parent: TOP_FRAME }],
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a dead frame', null],
  ])('refuses a call from %s before looking at it', async (_name, frame) => {
    const { ipcMain, core } = setUp();
    const reply = await ipcMain.invoke(frame, call('modem.list', {}));
    expect(reply).toEqual({
      type: 'error',
      id: 0,
      error: { code: 'api.forbidden', zh: '已拒绝：请求不是来自 Hall10086 自己的页面。', en: "Refused: the request does not come from Hall10086's own page." },
    });
    expect(core.calls).toEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'modem.list'],
    ['a result message', { type: 'result', id: 1, result: 1 }],
    ['a call without an id', { type: 'call', method: 'modem.list', params: {} }],
  ])('answers %s with api.bad-message', async (_name, message) => {
    const { ipcMain, core } = setUp();
    expect(await ipcMain.invoke(TOP_FRAME, message)).toMatchObject({ type: 'error', id: 0, error: { code: 'api.bad-message' } });
    expect(core.calls).toEqual([]);
  });

  it.each([
    ['invalid parameters', call('modem.enterPin', { modemId: 'm1', pin: 'abcd' }), 'api.bad-request'],
    ['an unknown method', call('shell.exec', { cmd: 'rm -rf /' }), 'api.unknown-method'],
  ])('validates every request: %s → %s', async (_name, message, code) => {
    const { ipcMain, core } = setUp();
    expect(await ipcMain.invoke(TOP_FRAME, message)).toMatchObject({ type: 'error', id: 4, error: { code } });
    expect(core.calls).toEqual([]);
  });

  it('reports a core bug on the side and answers with the generic internal error', async () => {
    const { ipcMain, internal } = setUp();
    const reply = await ipcMain.invoke(TOP_FRAME, call('modem.ports', {}));
    expect(reply).toMatchObject({ type: 'error', id: 4, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toMatch(/secret/);
    expect(internal).toHaveLength(1);
  });
});

describe('serveIpc: hall:event', () => {
  it('sends core events to live app pages only, until torn down', async () => {
    const app = new FakeWebContents(APP);
    const closed = new FakeWebContents(APP, true);
    const strayed = new FakeWebContents('https://evil.example/');
    const { ipcMain, core, stop } = setUp([app, closed, strayed]);
    core.emit('incoming', SAMPLE_INCOMING);
    await Promise.resolve();
    expect(app.sent).toEqual([[EVENT_CHANNEL, { type: 'events', events: [{ event: 'incoming', data: SAMPLE_INCOMING }] }]]);
    expect(closed.sent).toEqual([]);
    expect(strayed.sent).toEqual([]);

    stop();
    expect(ipcMain.handlers.size).toBe(0);
    expect(core.subscriptionCount).toBe(0);
  });
});
