import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { CoreApi } from '../../src-shared/api/contract';
import { answerCall, forwardEvents, type EventForwarder } from '../../src-shared/api/dispatch';
import { decodeWireMessage, MAX_FRAME_BYTES, toWireError, type WireEvents, type WireReply } from '../../src-shared/api/wire';
import { credentialOfHello, encodeWelcome, UNAUTHORIZED_CLOSE, type Credential } from '../../src-shared/api/ws-handshake';
import type { BrowserSessions } from './browser-sessions';

export const API_PATH = '/api';
const CLOSE_GRACE_MS = 2000;

/** A connection that has not presented a credential by then is closed: nobody may hold a socket open for free. */
export const HELLO_DEADLINE_MS = 10_000;

/**
 * What a connection may send before its hello is heard (bytes on the socket, frame headers included). A hello is
 * a few hundred bytes; the frame limit (MAX_FRAME_BYTES, 8 MiB + 64 KiB for the largest import) is for welcomed
 * pages only: ws has one limit per server, so without this anyone on the machine who passes the Host and Origin
 * checks (any local process can send those headers) could make the server buffer a whole frame per connection.
 */
export const MAX_HELLO_BYTES = 4 * 1024;

/**
 * What may wait unsent for one client (ws `bufferedAmount`, bytes). A client that stops reading
 * would otherwise make the server keep every event for it, without bound. The largest frame is a
 * catalog event (an update inflates to at most 8 MiB), so a client that reads is never near this.
 */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** RFC 6455 close codes for the ways a frame can be unacceptable. */
const CLOSE_CODES = { binary: 1003, malformed: 1007, notACall: 1008, goingAway: 1001, unauthorized: UNAUTHORIZED_CLOSE } as const;

export interface WebSocketApi {
  /** Takes over an upgrade the HTTP layer has already authorised. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/**
 * The `/api` endpoint: a connection first presents a launch code or session (ws-handshake), then sends
 * calls and gets replies; core events go to every welcomed connection. A frame that is not a call
 * is a protocol violation and ends that connection with a reason; nothing a client sends can throw
 * out of here. A client that falls more than MAX_BUFFERED_BYTES behind is dropped.
 */
export interface ApiLimits {
  maxBufferedBytes: number;
  helloDeadlineMs: number;
}

export function createWebSocketApi(
  core: CoreApi,
  sessions: BrowserSessions,
  onInternalError: (error: unknown) => void,
  limits: Partial<ApiLimits> = {},
): WebSocketApi {
  const { maxBufferedBytes = MAX_BUFFERED_BYTES, helloDeadlineMs = HELLO_DEADLINE_MS } = limits;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const welcomed = new Set<WebSocket>();
  const deliver = (client: WebSocket, frame: string) => deliverOrDrop(client, frame, maxBufferedBytes);
  const events = forwardEvents(core, (message) => broadcast(welcomed, message, deliver, onInternalError), onInternalError);
  wss.on('connection', (socket) => {
    socket.on('close', () => welcomed.delete(socket));
    awaitHello(socket, sessions, helloDeadlineMs, deliver, () => {
      welcomed.add(socket);
      serveConnection(socket, core, events, deliver, onInternalError);
    });
  });

  return {
    accept(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        capUntilHello(socket, ws);
        wss.emit('connection', ws, req);
      });
    },
    async close() {
      events.stop();
      await Promise.all([...wss.clients].map(closeGracefully));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

type Deliver = (client: WebSocket, frame: string) => void;

/**
 * Counts what arrives on the socket until the first message (the hello) is heard, and cuts the connection once that
 * passes MAX_HELLO_BYTES: ws would otherwise read a frame up to MAX_FRAME_BYTES before anyone knows who sent it.
 * ws reads the socket first (its listener came first), so at most one read's chunk lies beyond the cap.
 */
function capUntilHello(socket: Duplex, ws: WebSocket): void {
  let received = 0;
  let heard = false;
  const count = (chunk: Buffer) => {
    // Set by ws's own reading of this chunk when it completed the hello: what came with it is a welcomed page's.
    if (heard) return;
    received += chunk.length;
    if (received > MAX_HELLO_BYTES) ws.terminate();
  };
  socket.on('data', count);
  const stop = () => {
    heard = true;
    socket.off('data', count);
  };
  ws.once('message', stop);
  ws.once('close', stop);
}

/** The first frame must be a hello with a good credential; until then the connection gets nothing. */
function awaitHello(socket: WebSocket, sessions: BrowserSessions, deadlineMs: number, deliver: Deliver, welcome: () => void): void {
  // ws reports an oversized or invalid frame here and closes the connection itself (1009, 1007…).
  socket.on('error', () => {});
  const deadline = setTimeout(() => socket.close(CLOSE_CODES.unauthorized, 'No access token in time'), deadlineMs);
  socket.once('close', () => clearTimeout(deadline));
  socket.once('message', (data: RawData, isBinary: boolean) => {
    clearTimeout(deadline);
    const answer = isBinary ? null : welcomeFor(credentialOfHello(data.toString()), sessions);
    if (answer === null) return socket.close(CLOSE_CODES.unauthorized, 'Access token refused');
    deliver(socket, answer);
    welcome();
  });
}

/** The welcome frame a credential earns (a traded launch code earns a session), or null. */
function welcomeFor(credential: Credential | null, sessions: BrowserSessions): string | null {
  if (credential === null) return null;
  if ('session' in credential) return sessions.admits(credential.session) ? encodeWelcome() : null;
  const session = sessions.trade(credential.launch);
  return session === null ? null : encodeWelcome(session);
}

function serveConnection(socket: WebSocket, core: CoreApi, events: EventForwarder, deliver: Deliver, onInternalError: (error: unknown) => void): void {
  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) return socket.close(CLOSE_CODES.binary, 'Text frames only');
    const message = decodeWireMessage(data.toString());
    if (message === null) return socket.close(CLOSE_CODES.malformed, 'Not a JSON wire message');
    if (message.type !== 'call') return socket.close(CLOSE_CODES.notACall, 'Clients may only send calls');
    void answerCall(core, message, onInternalError).then((reply) => {
      events.flush();
      deliver(socket, encodeReply(reply, onInternalError));
    });
  });
}

/** A result the core returned but JSON cannot carry (a cycle, a BigInt) is a core bug: the caller gets 'internal'. */
function encodeReply(reply: WireReply, onInternalError: (error: unknown) => void): string {
  try {
    return JSON.stringify(reply);
  } catch (error) {
    onInternalError(error);
    return JSON.stringify({ type: 'error', id: reply.id, error: toWireError(error) } satisfies WireReply);
  }
}

function broadcast(clients: Set<WebSocket>, message: WireEvents, deliver: Deliver, onInternalError: (error: unknown) => void): void {
  const frames = encodeEvents(message, onInternalError);
  for (const client of clients) for (const frame of frames) deliver(client, frame);
}

/**
 * Sends, unless the client is already too far behind: then it is cut off at once (terminate, not
 * close: a close frame would queue behind everything it is not reading). Its page reconnects and
 * reads the journal and modem list again, so it loses nothing it cannot fetch.
 */
function deliverOrDrop(client: WebSocket, frame: string, maxBufferedBytes: number): void {
  if (client.readyState !== WebSocket.OPEN) return;
  if (client.bufferedAmount > maxBufferedBytes) return client.terminate();
  client.send(frame);
}

/** An event JSON cannot carry (a core bug) is reported and left out; the others in its message still go. */
function encodeEvents(message: WireEvents, onInternalError: (error: unknown) => void): string[] {
  try {
    return [JSON.stringify(message)];
  } catch {
    return message.events.flatMap((event) => {
      try {
        return [JSON.stringify({ type: 'events', events: [event] } satisfies WireEvents)];
      } catch (error) {
        onInternalError(error);
        return [];
      }
    });
  }
}

function closeGracefully(client: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (client.readyState === WebSocket.CLOSED) return resolve();
    const timer = setTimeout(() => client.terminate(), CLOSE_GRACE_MS);
    client.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    client.close(CLOSE_CODES.goingAway, 'Server closing');
  });
}
