const CR = 0x0d;
const LF = 0x0a;
const BACKSPACE = 0x08;
const CTRL_Z = 0x1a;
const ESC = 0x1b;

export type ReaderEvent =
  /** A command line ended by CR, starting at its "AT" prefix; garbage before the prefix is dropped. */
  | { kind: 'line'; text: string }
  /** A line that held no "AT" prefix at all: a real modem ignores it silently. */
  | { kind: 'noise' }
  /** CR inside an SMS body: text mode answers it with a fresh "> " prompt. */
  | { kind: 'payload-newline' }
  | { kind: 'payload'; text: string }
  | { kind: 'payload-cancelled' };

/**
 * The modem's input side, one byte at a time: V.250 command lines (CR-terminated, LF ignored,
 * backspace edits) and, after a "> " prompt, an SMS body ended by Ctrl-Z or abandoned by ESC.
 * Bytes are kept as Latin-1 characters, as a modem sees an 8-bit line.
 */
export class CommandReader {
  private mode: 'command' | 'payload' = 'command';
  private buffer = '';

  expectPayload(): void {
    this.mode = 'payload';
    this.buffer = '';
  }

  reset(): void {
    this.mode = 'command';
    this.buffer = '';
  }

  get inPayload(): boolean {
    return this.mode === 'payload';
  }

  feed(byte: number): ReaderEvent | null {
    return this.mode === 'command' ? this.feedCommand(byte) : this.feedPayload(byte);
  }

  private feedCommand(byte: number): ReaderEvent | null {
    if (byte === LF) return null;
    if (byte === BACKSPACE) {
      this.buffer = this.buffer.slice(0, -1);
      return null;
    }
    if (byte !== CR) {
      this.buffer += String.fromCharCode(byte);
      return null;
    }
    const line = this.buffer;
    this.buffer = '';
    const start = line.search(/at/i);
    return start < 0 ? { kind: 'noise' } : { kind: 'line', text: line.slice(start) };
  }

  private feedPayload(byte: number): ReaderEvent | null {
    if (byte === CTRL_Z || byte === ESC) {
      const text = this.buffer;
      this.reset();
      return byte === CTRL_Z ? { kind: 'payload', text } : { kind: 'payload-cancelled' };
    }
    if (byte === BACKSPACE) {
      this.buffer = this.buffer.slice(0, -1);
      return null;
    }
    if (byte === LF) return null;
    this.buffer += String.fromCharCode(byte);
    return byte === CR ? { kind: 'payload-newline' } : null;
  }
}
