import type { Socket } from 'node:net';

/** Longest line either side accepts; a longer one ends the connection. */
export const MAX_LINE_BYTES = 128 * 1024;

/**
 * Newline-delimited JSON on a local socket (app ⇄ native-messaging host). Each line is one
 * message; a line that is not JSON is reported as `undefined` to the handler, which answers it.
 */
export function readJsonLines(socket: Socket, onMessage: (message: unknown) => void, onTooLong: () => void): void {
  let pending = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line.trim()) onMessage(parseLine(line));
    }
    if (Buffer.byteLength(pending) > MAX_LINE_BYTES) {
      pending = '';
      onTooLong();
    }
  });
}

export function writeJsonLine(socket: Socket, message: unknown): void {
  if (!socket.destroyed && socket.writable) socket.write(`${JSON.stringify(message)}\n`);
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
