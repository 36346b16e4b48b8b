import type { CoreApi } from '../../src-shared/api/contract';
import { answerCall, forwardEvents } from '../../src-shared/api/dispatch';
import { NO_ID, parseWireMessage, type WireError, type WireReply } from '../../src-shared/api/wire';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

/** The frame an IPC message came from, as Electron describes it (null once it navigated away or died). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** The parts of Electron's ipcMain and WebContents the IPC transport uses (Electron's own types satisfy them). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: SenderFrame | null }, message: unknown) => Promise<WireReply>): void;
  removeHandler(channel: string): void;
}

export interface EventReceiver {
  send(channel: string, message: unknown): void;
  isDestroyed(): boolean;
  getURL(): string;
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  core: CoreApi;
  isAppUrl: (url: string) => boolean;
  /** The web contents that receive core events (the main window's). */
  targets: () => EventReceiver[];
  onInternalError: (error: unknown) => void;
}

const FORBIDDEN: WireError = {
  code: 'api.forbidden',
  zh: '已拒绝：请求不是来自 Hall10086 自己的页面。',
  en: "Refused: the request does not come from Hall10086's own page.",
};

const MALFORMED: WireError = { code: 'api.bad-message', zh: '请求的格式不对。', en: 'The request is malformed.' };

/** Only the app page's top frame may call the core: not a subframe, not a page it was navigated to. */
export function isTrustedSender(frame: SenderFrame | null, isAppUrl: (url: string) => boolean): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/**
 * `hall:call` (invoke) answers a wire `call` with its wire reply; `hall:event` carries core events
 * to the app page. Returns the teardown.
 */
export function serveIpc(options: IpcOptions): () => void {
  const events = forwardEvents(
    options.core,
    (message) => {
      for (const target of options.targets()) {
        if (!target.isDestroyed() && options.isAppUrl(target.getURL())) target.send(EVENT_CHANNEL, message);
      }
    },
    options.onInternalError,
  );
  options.ipcMain.handle(CALL_CHANNEL, async (event, message) => {
    if (!isTrustedSender(event.senderFrame, options.isAppUrl)) return { type: 'error', id: NO_ID, error: FORBIDDEN };
    const call = parseWireMessage(message);
    if (call?.type !== 'call') return { type: 'error', id: NO_ID, error: MALFORMED };
    const reply = await answerCall(options.core, call, options.onInternalError);
    events.flush();
    return reply;
  });
  return () => {
    options.ipcMain.removeHandler(CALL_CHANNEL);
    events.stop();
  };
}
