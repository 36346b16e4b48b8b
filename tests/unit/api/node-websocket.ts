import { WebSocket as NodeWebSocket } from 'ws';

/** ws implements the browser WebSocket API, but its declared event types differ in detail from the DOM's. */
export const NodeWebSocketImpl = NodeWebSocket as unknown as typeof WebSocket;

/** A WebSocket class for connectWebSocketApi that sends an Origin header, as a browser page would. */
export function webSocketWithOrigin(origin: string): typeof WebSocket {
  class WithOrigin extends NodeWebSocket {
    constructor(url: string) {
      super(url, { origin });
    }
  }
  return WithOrigin as unknown as typeof WebSocket;
}
