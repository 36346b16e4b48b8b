import { HallError } from '../errors';
import type { CoreApi, EventName, Events, Method, Request, Responses } from './contract';
import { fromWireError, parseWireMessage, toWireError } from './wire';

/**
 * What the Electron preload exposes as `window.hall`. It answers with the wire reply rather than
 * throwing, because an error crossing the context bridge keeps only its message: the code and the
 * bilingual text would be lost.
 */
export interface HallBridge {
  call(method: string, params: unknown): Promise<unknown>;
  on(event: string, cb: (data: unknown) => void): () => void;
}

/** The renderer's CoreApi on top of `window.hall`. */
export function coreApiFromBridge(bridge: HallBridge): CoreApi {
  return {
    async call<M extends Method>(method: M, params: Request<M>): Promise<Responses[M]> {
      let reply: unknown;
      try {
        reply = await bridge.call(method, params);
      } catch (error) {
        // Only Electron itself rejects (e.g. a result it cannot clone): the core's own errors arrive as replies.
        throw fromWireError(toWireError(error));
      }
      const message = parseWireMessage(reply);
      if (message?.type === 'result') return message.result as Responses[M];
      if (message?.type === 'error') throw fromWireError(message.error);
      throw new HallError('api.bad-reply', {
        zh: '收到的回复格式不对。请重新启动 Hall10086。',
        en: 'The reply had an unexpected format. Restart Hall10086.',
      });
    },
    on<E extends EventName>(event: E, listener: (data: Events[E]) => void): () => void {
      return bridge.on(event, listener as (data: unknown) => void);
    },
  };
}
