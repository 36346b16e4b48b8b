/**
 * What the CLI writes goes to a terminal, which obeys control sequences in it. Much of it is not
 * ours: an SMS from anyone (UCS-2 carries every code point), a modem's answers in the AT console, a
 * file's name. A stranger's ESC [1A ESC [2K erased the sender line of `inbox` and wrote "10086" in
 * its place; OSC 52 put text of their choosing on the clipboard; a C1 CSI (U+009B) does what ESC [
 * does on terminals that read C1; a lone CR wrote over the start of the line; a direction override
 * reordered what a bidi terminal showed.
 */

/**
 * Every character a terminal may act on instead of showing: C0 but tab and line feed, DEL, C1, and
 * the direction marks, embeddings, overrides and isolates (plus the line and paragraph separators).
 */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/gu;

const escaped = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The text with each control written out as `\uXXXX`: seen, never obeyed. That is also how JSON
 * writes such a character inside a string, and none can stand outside one, so JSON output keeps its
 * exact meaning (JSON.stringify escapes C0 itself; DEL, C1 and the direction controls it leaves raw).
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROL, escaped);
}

/**
 * A message's text under its header line: a CR (alone or before LF) is a line break, as SMS
 * writes one, and every line is indented, so a text cannot make a line that reads as another
 * message's header (`10086  2026-…`).
 */
export function messageBody(text: string, indent = '  '): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => indent + line)
    .join('\n');
}
