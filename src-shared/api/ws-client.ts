import { HallError } from '../errors';
import type { CoreApi, EventName, Events, Method, Request, Responses, WireMessage } from './contract';
import { EventListeners } from './listeners';
import { decodeWireMessage, fromWireError, MAX_FRAME_BYTES } from './wire';
import { encodeHello, UNAUTHORIZED_CLOSE, welcomeOf, type Credential } from './ws-handshake';

/** `unauthorized`: the server refused the credential; the client stops (a new try would be refused again). */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'unauthorized';

export interface WebSocketApiOptions {
  /** Defaults to the global WebSocket (browsers); Node passes one, e.g. from `ws`. */
  WebSocketImpl?: typeof WebSocket;
  /** How long a call made while disconnected waits for the connection before it fails. */
  waitForOpenMs?: number;
  /** Reconnect delays double from `first` up to `max` and start over after a successful open. */
  reconnectDelayMs?: { first: number; max: number };
  /**
   * Browser mode's credential (ws-handshake): sent as each connection's first message, and the
   * connection counts as open only once the server has welcomed it. A launch code is spent by its
   * welcome, which carries a session secret: later connections present that, and `onSession` hears
   * it (the page keeps it). Without a credential the connection is open at once.
   */
  credential?: Credential;
  onSession?: (session: string) => void;
}

export interface WebSocketApiClient extends CoreApi {
  /** Ends the connection for good; calls still waiting fail with 'api.disconnected'. */
  close(): void;
  /** The callback hears the current state at once, then every change; returns the unsubscribe. */
  onConnectionChange(cb: (state: ConnectionState) => void): () => void;
}

const DEFAULTS = { waitForOpenMs: 15_000, reconnectDelayMs: { first: 250, max: 10_000 } };

/**
 * The core over a WebSocket (browser mode). Listeners live here, not on the socket, and the server
 * sends every event to every connection, so a reconnect needs no re-subscription: listeners simply
 * keep hearing events. A call is sent once: if the connection drops before its answer it fails
 * (it may have been carried out: `send` must never be repeated behind the user's back).
 */
export function connectWebSocketApi(url: string, opts: WebSocketApiOptions = {}): WebSocketApiClient {
  const impl = opts.WebSocketImpl ?? globalThis.WebSocket;
  if (impl === undefined) {
    throw new HallError('api.no-websocket', {
      zh: '这个环境没有 WebSocket，无法连接 Hall10086 核心。',
      en: 'This environment has no WebSocket; cannot connect to the Hall10086 core.',
    });
  }
  return new ReconnectingClient(url, impl, opts.waitForOpenMs ?? DEFAULTS.waitForOpenMs, opts.reconnectDelayMs ?? DEFAULTS.reconnectDelayMs, opts.credential ?? null, opts.onSession ?? (() => {}));
}

interface PendingCall {
  frame: string;
  resolve: (result: unknown) => void;
  reject: (error: HallError) => void;
  /** Set while the call waits for a connection; cleared once the call is on the wire. */
  waitTimer: ReturnType<typeof setTimeout> | null;
}

const disconnected = {
  lost: (): HallError =>
    new HallError(
      'api.disconnected',
      {
        zh: '与 Hall10086 核心的连接中断了：这个请求可能已经执行，也可能没有。请先查看记录再决定是否重试。',
        en: 'The connection to the Hall10086 core dropped: this request may or may not have been carried out. Check the log before retrying.',
      },
      { details: { sent: true } },
    ),
  unreachable: (): HallError =>
    new HallError(
      'api.disconnected',
      {
        zh: '连不上 Hall10086 核心，请求没有发出。请确认 Hall10086 仍在运行。',
        en: 'Cannot reach the Hall10086 core; the request was not sent. Check that Hall10086 is still running.',
      },
      { details: { sent: false } },
    ),
  closed: (): HallError =>
    new HallError('api.disconnected', { zh: '连接已关闭，请求没有发出。', en: 'The connection is closed; the request was not sent.' }, { details: { sent: false } }),
  unauthorized: (): HallError =>
    new HallError(
      'api.unauthorized',
      {
        zh: 'Hall10086 没有接受这个页面的访问令牌，请求没有发出。请打开 Hall10086 给出的新链接（在它运行的终端里按回车）。',
        en: 'Hall10086 did not accept this page’s access token; the request was not sent. Open a new link from Hall10086 (press Enter in the terminal where it runs).',
      },
      { details: { sent: false } },
    ),
};

function tooLarge(method: Method): HallError {
  return new HallError(
    'api.too-large',
    { zh: '请求太大，没有发出。请分成几次较小的请求。', en: 'The request is too large and was not sent. Split it into smaller ones.' },
    { details: { method, maxBytes: MAX_FRAME_BYTES } },
  );
}

class ReconnectingClient implements WebSocketApiClient {
  private state: ConnectionState = 'connecting';
  private socket: WebSocket | null = null;
  private closedForGood = false;
  private nextId = 1;
  private failedAttempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pending = new Map<number, PendingCall>();
  private readonly listeners = new EventListeners();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(
    private readonly url: string,
    private readonly impl: typeof WebSocket,
    private readonly waitForOpenMs: number,
    private readonly delays: { first: number; max: number },
    private credential: Credential | null,
    private readonly onSession: (session: string) => void,
  ) {
    this.connect();
  }

  async call<M extends Method>(method: M, params: Request<M>): Promise<Responses[M]> {
    if (this.state === 'unauthorized') throw disconnected.unauthorized();
    if (this.closedForGood) throw disconnected.closed();
    const id = this.nextId++;
    const frame = JSON.stringify({ type: 'call', id, method, params } satisfies WireMessage);
    if (new TextEncoder().encode(frame).length > MAX_FRAME_BYTES) throw tooLarge(method);
    const result = await new Promise<unknown>((resolve, reject) => {
      const call: PendingCall = { frame, resolve, reject, waitTimer: null };
      this.pending.set(id, call);
      if (this.state === 'open') this.transmit(call);
      else call.waitTimer = setTimeout(() => this.settle(id)?.reject(disconnected.unreachable()), this.waitForOpenMs);
    });
    return result as Responses[M];
  }

  on<E extends EventName>(event: E, listener: (data: Events[E]) => void): () => void {
    return this.listeners.add(event, listener as (data: unknown) => void);
  }

  onConnectionChange(cb: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(cb);
    cb(this.state);
    return () => {
      this.stateListeners.delete(cb);
    };
  }

  close(): void {
    if (this.closedForGood) return;
    this.closedForGood = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(disconnected.closed());
    this.socket?.close(1000, 'Client closed');
    this.socket = null;
    this.setState('closed');
  }

  private connect(): void {
    this.setState('connecting');
    const socket = new this.impl(this.url);
    this.socket = socket;
    socket.onopen = () => {
      if (this.credential === null) this.opened();
      else socket.send(encodeHello(this.credential));
    };
    socket.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== 'string') return;
      if (this.state === 'connecting' && this.credential !== null) {
        const welcome = welcomeOf(event.data);
        if (welcome === null) return;
        if (welcome.session !== null) {
          this.credential = { session: welcome.session };
          this.onSession(welcome.session);
        }
        this.opened();
        return;
      }
      this.receive(event.data);
    };
    // Always followed by `close`, which does the work; the handler must exist (Node's ws throws on unheard errors).
    socket.onerror = () => {};
    socket.onclose = (event: CloseEvent) => this.dropped(socket, event.code);
  }

  private opened(): void {
    this.failedAttempts = 0;
    this.setState('open');
    for (const call of this.pending.values()) if (call.waitTimer !== null) this.transmit(call);
  }

  private dropped(socket: WebSocket, code: number): void {
    if (this.socket !== socket) return;
    this.socket = null;
    for (const [id, call] of [...this.pending]) if (call.waitTimer === null) this.settle(id)?.reject(disconnected.lost());
    if (code === UNAUTHORIZED_CLOSE) {
      // Every later try would present the same credential: stop, and fail what is waiting at once.
      this.closedForGood = true;
      for (const id of [...this.pending.keys()]) this.settle(id)?.reject(disconnected.unauthorized());
      this.setState('unauthorized');
      return;
    }
    this.setState('closed');
    const delay = Math.min(this.delays.max, this.delays.first * 2 ** this.failedAttempts++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private transmit(call: PendingCall): void {
    if (call.waitTimer !== null) clearTimeout(call.waitTimer);
    call.waitTimer = null;
    this.socket?.send(call.frame);
  }

  private receive(text: string): void {
    const message = decodeWireMessage(text);
    // A frame this client does not understand cannot be matched to anything: it is dropped.
    if (message === null) return;
    switch (message.type) {
      case 'result':
        this.settle(message.id)?.resolve(message.result);
        break;
      case 'error':
        this.settle(message.id)?.reject(fromWireError(message.error));
        break;
      case 'events':
        for (const { event, data } of message.events) this.listeners.emit(event, data);
        break;
      case 'call':
        // A server never calls its client; nothing to answer.
        break;
    }
  }

  private settle(id: number): PendingCall | undefined {
    const call = this.pending.get(id);
    if (call === undefined) return undefined;
    if (call.waitTimer !== null) clearTimeout(call.waitTimer);
    this.pending.delete(id);
    return call;
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const cb of this.stateListeners) cb(state);
  }
}
