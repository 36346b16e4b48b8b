/** One unit of modem output: a complete line, or the `> ` prompt (or a lone `>` line) that asks for the SMS body after AT+CMGS. */
export type AtToken = { kind: 'line'; text: string } | { kind: 'prompt' };

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const GREATER_THAN = 0x3e;
const TILDE = 0x7e;
/** Only 0x20–0x7E ever reach it, where every WHATWG single-byte decoder agrees with ASCII. */
const ASCII = new TextDecoder('ascii');

/**
 * Longest line kept. The longest legitimate line is a hex PDU (under 400 characters); anything longer is
 * noise without line ends (wrong baud rate, binary junk), so it is cut rather than buffered forever.
 */
export const MAX_LINE_LENGTH = 4096;

/**
 * Turns the modem's byte stream into lines and prompts, whatever the chunking: a line may be split across
 * chunks and one chunk may hold many lines. CR, LF and any mix of them end a line; empty lines vanish.
 *
 * Every AT response this app reads is printable ASCII (PDUs travel as hex), so bytes outside 0x20–0x7E
 * are dropped instead of decoded: a NUL, a 0xFF after a power glitch or an echoed Ctrl-Z then cannot turn
 * "OK" into an unrecognisable line and leave a command waiting for its final result.
 */
export class AtLineSplitter {
  private readonly line = new Uint8Array(MAX_LINE_LENGTH);
  private length = 0;

  push(chunk: Uint8Array | string): AtToken[] {
    const tokens: AtToken[] = [];
    if (typeof chunk === 'string') {
      for (let i = 0; i < chunk.length; i++) this.feed(chunk.charCodeAt(i), tokens);
    } else {
      for (let i = 0; i < chunk.length; i++) this.feed(chunk[i]!, tokens);
    }
    return tokens;
  }

  /** Forgets a partial line, e.g. after the link was reopened. */
  reset(): void {
    this.length = 0;
  }

  private feed(byte: number, tokens: AtToken[]): void {
    if (byte === CR || byte === LF) {
      this.endLine(tokens);
      return;
    }
    if (byte < SPACE || byte > TILDE) return;
    // The prompt is the only output not followed by a line end: the modem waits for the body after it.
    if (byte === SPACE && this.length === 1 && this.line[0] === GREATER_THAN) {
      this.length = 0;
      tokens.push({ kind: 'prompt' });
      return;
    }
    if (this.length === MAX_LINE_LENGTH) this.endLine(tokens);
    this.line[this.length++] = byte;
  }

  private endLine(tokens: AtToken[]): void {
    if (this.length === 0) return;
    const text = ASCII.decode(this.line.subarray(0, this.length)).trim();
    this.length = 0;
    // SIMCom SIM7600/A76xx prompt with a line end instead of the space (`\r\n>\r\n`, gammu PR #1177).
    if (text === '>') tokens.push({ kind: 'prompt' });
    else if (text) tokens.push({ kind: 'line', text });
  }
}
