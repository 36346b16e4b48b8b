import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { CoreApi } from '../../src-shared/api/contract';
import { answerCall, forwardEvents, type EventForwarder } from '../../src-shared/api/dispatch';
import { decodeWireMessage, MAX_FRAME_BYTES, toWireError, type WireEvents, type WireReply } from '../../src-shared/api/wire';

export const API_PATH = '/api';
const CLOSE_GRACE_MS = 2000;

/** RFC 6455 close codes for the ways a frame can be unacceptable. */
const CLOSE_CODES = { binary: 1003, malformed: 1007, notACall: 1008, goingAway: 1001 } as const;

export interface WebSocketApi {
  /** Takes over an upgrade the HTTP layer has already authorised. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/**
 * The `/api` endpoint: each connection sends calls and gets replies; core events go to every
 * connection. A frame that is not a call is a protocol violation and ends that connection with a
 * reason; nothing a client sends can throw out of here.
 */
export function createWebSocketApi(core: CoreApi, onInternalError: (error: unknown) => void): WebSocketApi {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const events = forwardEvents(core, (message) => broadcast(wss.clients, message, onInternalError), onInternalError);
  wss.on('connection', (socket) => serveConnection(socket, core, events, onInternalError));

  return {
    accept(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    async close() {
      events.stop();
      await Promise.all([...wss.clients].map(closeGracefully));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function serveConnection(socket: WebSocket, core: CoreApi, events: EventForwarder, onInternalError: (error: unknown) => void): void {
  // ws reports an oversized or invalid frame here and closes the connection itself (1009, 1007…).
  socket.on('error', () => {});
  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) return socket.close(CLOSE_CODES.binary, 'Text frames only');
    const message = decodeWireMessage(data.toString());
    if (message === null) return socket.close(CLOSE_CODES.malformed, 'Not a JSON wire message');
    if (message.type !== 'call') return socket.close(CLOSE_CODES.notACall, 'Clients may only send calls');
    void answerCall(core, message, onInternalError).then((reply) => {
      events.flush();
      if (socket.readyState === WebSocket.OPEN) socket.send(encodeReply(reply, onInternalError));
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

function broadcast(clients: Set<WebSocket>, message: WireEvents, onInternalError: (error: unknown) => void): void {
  const frames = encodeEvents(message, onInternalError);
  for (const client of clients) {
    if (client.readyState !== WebSocket.OPEN) continue;
    for (const frame of frames) client.send(frame);
  }
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
