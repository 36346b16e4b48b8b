import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as PeerSocket } from 'ws';
import type { WireMessage } from '../../../src-shared/api/contract';
import { connectWebSocketApi, type ConnectionState, type WebSocketApiClient, type WebSocketApiOptions } from '../../../src-shared/api/ws-client';
import { MAX_FRAME_BYTES } from '../../../src-shared/api/wire';
import { encodeWelcome, UNAUTHORIZED_CLOSE } from '../../../src-shared/api/ws-handshake';
import { hallErrorOf } from './hall-error-of';
import { NodeWebSocketImpl } from './node-websocket';
import { SAMPLE_INCOMING } from './scripted-core';

type Call = Extract<WireMessage, { type: 'call' }>;

/** The far end of the wire, scripted by each test: a bare ws server, so only the client is under test. */
class Peer {
  readonly connections: PeerSocket[] = [];
  private readonly inboxes = new Map<PeerSocket, { calls: Call[]; waiting: Array<(call: Call) => void> }>();
  private readonly connectionWaiters: Array<(socket: PeerSocket) => void> = [];

  private constructor(
    readonly server: WebSocketServer,
    private refusalsLeft: number,
  ) {
    server.on('connection', (socket) => {
      const inbox = { calls: [] as Call[], waiting: [] as Array<(call: Call) => void> };
      this.inboxes.set(socket, inbox);
      socket.on('message', (data) => {
        const call = JSON.parse(data.toString()) as Call;
        const waiter = inbox.waiting.shift();
        if (waiter) waiter(call);
        else inbox.calls.push(call);
      });
      this.connections.push(socket);
      this.connectionWaiters.shift()?.(socket);
    });
  }

  /** `refuseFirst` handshakes fail with 503 before one succeeds. */
  static async start(refuseFirst = 0): Promise<Peer> {
    let peer: Peer | undefined;
    const server = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      verifyClient: (_info, done) => done(peer!.admit(), 503),
    });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    peer = new Peer(server, refuseFirst);
    return peer;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  nextConnection(): Promise<PeerSocket> {
    return new Promise((resolve) => this.connectionWaiters.push(resolve));
  }

  nextCall(socket: PeerSocket): Promise<Call> {
    const inbox = this.inboxes.get(socket)!;
    const queued = inbox.calls.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => inbox.waiting.push(resolve));
  }

  async close(): Promise<void> {
    for (const socket of this.server.clients) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private admit(): boolean {
    if (this.refusalsLeft === 0) return true;
    this.refusalsLeft--;
    return false;
  }
}

function send(socket: PeerSocket, message: WireMessage | string): void {
  socket.send(typeof message === 'string' ? message : JSON.stringify(message));
}

function stateReached(client: WebSocketApiClient, wanted: ConnectionState): Promise<void> {
  return new Promise((resolve) => {
    const stop = client.onConnectionChange((state) => {
      if (state !== wanted) return;
      queueMicrotask(() => stop());
      resolve();
    });
  });
}

const FAST = { reconnectDelayMs: { first: 5, max: 20 }, WebSocketImpl: NodeWebSocketImpl };

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(refuseFirst = 0, options: Pick<WebSocketApiOptions, 'waitForOpenMs' | 'credential' | 'onSession'> = {}) {
  const peer = await Peer.start(refuseFirst);
  cleanups.push(() => peer.close());
  const client = connectWebSocketApi(peer.url, { ...FAST, ...options });
  cleanups.push(() => client.close());
  return { peer, client };
}

describe('connectWebSocketApi', () => {
  it('with a launch code, presents it first, sends calls only once welcomed, and reconnects with the session the welcome handed over', async () => {
    const sessions: string[] = [];
    const { peer, client } = await setUp(0, { credential: { launch: 'launch-code-launch-code' }, onSession: (session) => sessions.push(session) });
    const socket = await peer.nextConnection();
    const pending = client.call('modem.list', {});
    expect(await peer.nextCall(socket)).toEqual({ type: 'hello', launch: 'launch-code-launch-code' });
    const states: ConnectionState[] = [];
    client.onConnectionChange((state) => states.push(state));
    socket.send(encodeWelcome('session-secret-session-secret'));
    const call = await peer.nextCall(socket);
    expect([call.method, states, sessions]).toEqual(['modem.list', ['connecting', 'open'], ['session-secret-session-secret']]);
    send(socket, { type: 'result', id: call.id, result: [] });
    await expect(pending).resolves.toEqual([]);
    // The code is spent: a dropped connection comes back with the session, never the code again.
    socket.close(1001, 'Server restarting');
    const again = await peer.nextConnection();
    expect(await peer.nextCall(again)).toEqual({ type: 'hello', session: 'session-secret-session-secret' });
    again.send(encodeWelcome());
    await stateReached(client, 'open');
    expect(sessions).toEqual(['session-secret-session-secret']);
  });

  it('stops for good when the server refuses the credential, and says so', async () => {
    const { peer, client } = await setUp(0, { credential: { session: 'wrong-session-wrong-session' } });
    const connected = peer.nextConnection();
    // A control in the same state, dropped after the refusal with an ordinary close: its reconnect, on the same
    // delay and a timer set later, comes after any the refused client would make.
    const control = await setUp(0, { credential: { session: 'wrong-session-wrong-session' } });
    const controlSocket = await control.peer.nextConnection();
    await control.peer.nextCall(controlSocket);
    const socket = await connected;
    const pending = client.call('modem.list', {});
    await peer.nextCall(socket);
    socket.close(UNAUTHORIZED_CLOSE, 'Access token refused');
    const error = await hallErrorOf(pending);
    expect([error.code, error.details]).toEqual(['api.unauthorized', { sent: false }]);
    await stateReached(client, 'unauthorized');
    expect((await hallErrorOf(client.call('modem.list', {}))).code).toBe('api.unauthorized');
    const controlBack = control.peer.nextConnection();
    controlSocket.close(1001, 'Server restarting');
    expect(await control.peer.nextCall(await controlBack)).toEqual({ type: 'hello', session: 'wrong-session-wrong-session' });
    expect(peer.connections.length).toBe(1);
  });

  it('matches replies to calls by id, whatever order they come back in', async () => {
    const { peer, client } = await setUp();
    const socket = await peer.nextConnection();
    const first = client.call('catalog.search', { query: '余额' });
    const second = client.call('modem.list', {});
    const [callA, callB] = [await peer.nextCall(socket), await peer.nextCall(socket)];
    expect(callA).toEqual({ type: 'call', id: 1, method: 'catalog.search', params: { query: '余额' } });
    expect(callB).toEqual({ type: 'call', id: 2, method: 'modem.list', params: {} });

    send(socket, { type: 'result', id: callB.id, result: [] });
    send(socket, { type: 'result', id: callA.id, result: [{ id: 'YE', score: 1, matched: { field: 'code', text: '余额' } }] });
    await expect(second).resolves.toEqual([]);
    await expect(first).resolves.toEqual([{ id: 'YE', score: 1, matched: { field: 'code', text: '余额' } }]);
  });

  it('rejects with a HallError rebuilt from an error reply', async () => {
    const { peer, client } = await setUp();
    const socket = await peer.nextConnection();
    const pending = client.call('modem.disconnect', { modemId: 'm1' });
    const call = await peer.nextCall(socket);
    send(socket, { type: 'error', id: call.id, error: { code: 'modem.unknown', zh: '没有这个调制解调器', en: 'No such modem' } });
    const error = await hallErrorOf(pending);
    expect([error.code, error.zh, error.en]).toEqual(['modem.unknown', '没有这个调制解调器', 'No such modem']);
  });

  it('ignores frames it cannot understand and keeps answering', async () => {
    const { peer, client } = await setUp();
    const socket = await peer.nextConnection();
    const pending = client.call('modem.list', {});
    const call = await peer.nextCall(socket);
    send(socket, 'not json');
    send(socket, '{"type":"result"}');
    send(socket, { type: 'result', id: 999, result: 'for nobody' });
    send(socket, { type: 'result', id: call.id, result: [] });
    await expect(pending).resolves.toEqual([]);
  });

  it('refuses a call too large for the server without sending it, and the connection lives on', async () => {
    const { peer, client } = await setUp();
    const socket = await peer.nextConnection();
    // A control character is six bytes as JSON (\u0001): the frame is over the limit by far.
    const error = await hallErrorOf(client.call('custom.import', { text: '\u0001'.repeat(1_500_000), replace: false }));
    expect(error.code).toBe('api.too-large');
    expect(error.details).toEqual({ method: 'custom.import', maxBytes: MAX_FRAME_BYTES });

    const next = client.call('modem.list', {});
    const call = await peer.nextCall(socket);
    expect(call.method).toBe('modem.list');
    send(socket, { type: 'result', id: call.id, result: [] });
    await expect(next).resolves.toEqual([]);
  });

  it('delivers events to their listeners until they unsubscribe', async () => {
    const { peer, client } = await setUp();
    const socket = await peer.nextConnection();
    const heard: unknown[] = [];
    const stop = client.on('incoming', (record) => heard.push(record.key));
    client.on('notice', (notice) => heard.push(notice.en));
    send(socket, { type: 'events', events: [{ event: 'incoming', data: SAMPLE_INCOMING }] });
    send(socket, { type: 'events', events: [{ event: 'notice', data: { level: 'info', zh: '好', en: 'Fine' } }, { event: 'notice', data: { level: 'info', zh: '二', en: 'Two' } }] });
    // A reply after the events proves they were processed (one socket keeps order).
    const ping = client.call('modem.list', {});
    send(socket, { type: 'result', id: (await peer.nextCall(socket)).id, result: [] });
    await ping;
    stop();
    send(socket, { type: 'events', events: [{ event: 'incoming', data: SAMPLE_INCOMING }] });
    const ping2 = client.call('modem.list', {});
    send(socket, { type: 'result', id: (await peer.nextCall(socket)).id, result: [] });
    await ping2;
    expect(heard).toEqual([SAMPLE_INCOMING.key, 'Fine', 'Two']);
  });

  it('holds a call made before the connection opens and sends it once it does', async () => {
    const { peer, client } = await setUp(2);
    const states: ConnectionState[] = [];
    client.onConnectionChange((state) => states.push(state));
    const pending = client.call('modem.list', {});
    const socket = await peer.nextConnection();
    const call = await peer.nextCall(socket);
    send(socket, { type: 'result', id: call.id, result: [] });
    await expect(pending).resolves.toEqual([]);
    expect(states).toEqual(['connecting', 'closed', 'connecting', 'closed', 'connecting', 'open']);
  });

  it('fails a call that waited longer than allowed for a connection, saying it was not sent', async () => {
    const { client } = await setUp(Number.POSITIVE_INFINITY, { waitForOpenMs: 30 });
    const error = await hallErrorOf(client.call('modem.list', {}));
    expect(error.code).toBe('api.disconnected');
    expect(error.details).toEqual({ sent: false });
    expect(error.zh).toMatch(/没有发出/);
    expect(error.en).toMatch(/not sent/);
  });

  it('fails calls in flight when the connection drops, reconnects, and keeps its listeners', async () => {
    const { peer, client } = await setUp();
    const first = await peer.nextConnection();
    const heard: string[] = [];
    client.on('notice', (notice) => heard.push(notice.en));
    const inFlight = client.call('send', { modemId: 'm1', id: 'YE' });
    await peer.nextCall(first);

    const reconnected = peer.nextConnection();
    first.terminate();
    const error = await hallErrorOf(inFlight);
    expect(error.code).toBe('api.disconnected');
    expect(error.details).toEqual({ sent: true });
    expect(error.en).toMatch(/may or may not/);

    const second = await reconnected;
    await stateReached(client, 'open');
    send(second, { type: 'events', events: [{ event: 'notice', data: { level: 'info', zh: '又连上了', en: 'Back' } }] });
    const after = client.call('modem.list', {});
    send(second, { type: 'result', id: (await peer.nextCall(second)).id, result: [] });
    await expect(after).resolves.toEqual([]);
    expect(heard).toEqual(['Back']);
  });

  it('close() fails waiting calls, refuses new ones and reports closed', async () => {
    const { client } = await setUp(Number.POSITIVE_INFINITY);
    const waiting = client.call('modem.list', {});
    client.close();
    const states: ConnectionState[] = [];
    client.onConnectionChange((state) => states.push(state));
    for (const pending of [waiting, client.call('modem.list', {})]) {
      const error = await hallErrorOf(pending);
      expect([error.code, error.details]).toEqual(['api.disconnected', { sent: false }]);
    }
    expect(states).toEqual(['closed']);
  });

  it('says clearly when there is no WebSocket to use', () => {
    const original = globalThis.WebSocket;
    Reflect.deleteProperty(globalThis, 'WebSocket');
    try {
      expect(() => connectWebSocketApi('ws://127.0.0.1:1/api')).toThrow(expect.objectContaining({ code: 'api.no-websocket' }));
    } finally {
      if (original) globalThis.WebSocket = original;
    }
  });
});
