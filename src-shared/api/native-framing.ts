import { HallError } from '../errors';

/**
 * Chrome native messaging's framing: each message is UTF-8 JSON preceded by its length as a
 * 32-bit unsigned integer in native byte order (little-endian on every platform Chrome ships on).
 */

export function encodeNativeFrame(message: unknown): Uint8Array {
  const body = new TextEncoder().encode(JSON.stringify(message));
  const frame = new Uint8Array(4 + body.length);
  new DataView(frame.buffer).setUint32(0, body.length, true);
  frame.set(body, 4);
  return frame;
}

/**
 * Collects bytes as they arrive in any chunking and yields whole messages. A frame longer than
 * `maxBytes` is refused before its body is buffered, so a hostile length cannot exhaust memory.
 */
export class NativeFrameDecoder {
  private buffer = new Uint8Array(0);

  constructor(private readonly maxBytes: number) {}

  push(chunk: Uint8Array): unknown[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
    const messages: unknown[] = [];
    while (this.buffer.length >= 4) {
      const length = new DataView(this.buffer.buffer, this.buffer.byteOffset).getUint32(0, true);
      if (length > this.maxBytes) {
        throw new HallError('extension.frame-too-large', {
          zh: `扩展消息太大（${length} 字节，最多 ${this.maxBytes}）。`,
          en: `Extension message too large (${length} bytes, at most ${this.maxBytes}).`,
        });
      }
      if (this.buffer.length < 4 + length) break;
      const body = this.buffer.subarray(4, 4 + length);
      this.buffer = this.buffer.slice(4 + length);
      messages.push(parseJson(body));
    }
    return messages;
  }
}

/** Bad JSON in one frame is reported as a value, so one broken frame does not end the stream. */
export const UNPARSABLE = Symbol('unparsable');

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return UNPARSABLE;
  }
}
