import type { CoreApi, EventName, Events, Method, Request, Responses } from '../../../src-shared/api/contract';
import { EventListeners } from '../../../src-shared/api/listeners';
import { HallError } from '../../../src-shared/errors';
import type { IncomingRecord } from '../../../src-shared/journal-records';

export type Script = { [M in Method]?: (params: Request<M>) => Responses[M] | Promise<Responses[M]> };

/**
 * A CoreApi whose answers each test scripts: the transports are under test here, not the core.
 * It records every call that got through, so a test can prove a refused request never reached it.
 */
export class ScriptedCore implements CoreApi {
  readonly calls: Array<{ method: Method; params: unknown }> = [];
  private readonly listeners = new EventListeners();
  private subscriptions = 0;

  constructor(private readonly script: Script) {}

  async call<M extends Method>(method: M, params: Request<M>): Promise<Responses[M]> {
    this.calls.push({ method, params });
    const handler = this.script[method] as ((params: Request<M>) => Responses[M] | Promise<Responses[M]>) | undefined;
    if (handler === undefined) throw new HallError('test.unscripted', { zh: `未编排：${method}`, en: `Unscripted: ${method}` });
    return handler(params);
  }

  on<E extends EventName>(event: E, listener: (data: Events[E]) => void): () => void {
    const remove = this.listeners.add(event, listener as (data: unknown) => void);
    this.subscriptions++;
    return () => {
      remove();
      this.subscriptions--;
    };
  }

  emit<E extends EventName>(event: E, data: Events[E]): void {
    this.listeners.emit(event, data);
  }

  /** How many event subscriptions are live (a transport must drop its own when it closes). */
  get subscriptionCount(): number {
    return this.subscriptions;
  }
}

export const SAMPLE_INCOMING: IncomingRecord = {
  kind: 'in',
  key: 'sim-1|10086|2026-10-01T08:00:00+08:00|0',
  simId: 'sim-1',
  from: '10086',
  text: '尊敬的客户，您的话费余额为 12.34 元。',
  encoding: 'ucs2',
  timestamp: '2026-10-01T08:00:00+08:00',
  receivedAt: 1_790_000_000_000,
  concat: null,
};

/** The script most transport tests share: a search that echoes its query, and the error cases. */
export const STANDARD_SCRIPT: Script = {
  'catalog.search': ({ query, limit }) => [{ id: 'YE', score: limit ?? 1, matched: { field: 'code', text: query } }],
  'modem.list': () => [],
  'modem.disconnect': ({ modemId }) => {
    throw new HallError('modem.unknown', { zh: `没有这个调制解调器：${modemId}`, en: `No such modem: ${modemId}` });
  },
  'modem.ports': () => {
    throw new TypeError('secret internal detail at /home/user/hall/core.ts:42');
  },
};
