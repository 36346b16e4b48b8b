import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { hall } from './cli-helpers';

/**
 * Anyone can send the SIM an SMS, and UCS-2 carries every code point: terminal control sequences
 * too. `hall10086 inbox` printed a stranger's text as it came, so the clerk's terminal obeyed it:
 * ESC [1A ESC [2K moved up and erased the sender line and wrote "10086" in its place (a paid
 * number's "reply Y" shown as 10086's), OSC 52 put a command of the sender's choosing on the
 * clipboard (terminals that allow it: kitty, Windows Terminal, tmux), OSC 0 set the window title, a
 * C1 CSI (U+009B) does what ESC [ does on terminals that read C1, a lone CR rewrote the line and a
 * right-to-left override reordered it on terminals that do bidi (VTE). Written for this test as an
 * attacker would; not a real message.
 */
const ESC = '\u001b';
const BEL = '\u0007';
const SPOOF =
  `尊敬的客户，您将开通视频会员15元/月。${ESC}[1A${ESC}[2K${ESC}[1A${ESC}[2K10086  2026-12-06\r10086 ` +
  `${ESC}]52;c;cm0gLXJmIH4K${BEL}${ESC}]0;10086${BEL}\u009b2J回复Y确认\u202e1Y\u202c【中国移动】`;
/** What no terminal may be handed raw: C0 but tab and line feed, DEL, C1, direction controls. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

let emulator: ModemEmulator;
let modem: PtyEmulator;
let dataDir: string;

beforeAll(async () => {
  emulator = new ModemEmulator();
  modem = await startPtyEmulator({ emulator });
  dataDir = await mkdtemp(join(tmpdir(), 'hall10086-escapes-'));
}, 30_000);

afterAll(async () => {
  await modem?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a stranger\'s SMS carrying terminal control sequences (real pty, the real CLI)', () => {
  it('is printed by inbox with every control shown as \\uXXXX, and kept whole in --json', async () => {
    const before = emulator.messages('SM').length;
    emulator.deliver('1065812345', SPOOF);
    await expect.poll(() => emulator.messages('SM').length, { timeout: 10_000 }).toBeGreaterThan(before);

    const plain = await hall(['inbox', '--port', modem.path, '--data-dir', dataDir]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(plain.stderr).not.toMatch(TERMINAL_CONTROL);
    // Seen, not obeyed: the sender stays the real one, the sequences are visible.
    expect(plain.stdout).toMatch(/^1065812345 {2}/m);
    // Each line of a text is indented: none can pass for a header ("10086  2026-…") of its own.
    expect(plain.stdout).not.toMatch(/^10086 /m);
    expect(plain.stdout).toContain('\\u001b[1A\\u001b[2K');
    expect(plain.stdout).toContain('\\u001b]52;c;cm0gLXJmIH4K\\u0007');
    expect(plain.stdout).toContain('\\u009b2J');
    expect(plain.stdout).toContain('\\u202e1Y\\u202c');

    // Nothing lost: the JSON (for programs) holds the text exactly as it came, and is terminal-safe too.
    const json = await hall(['inbox', '--port', modem.path, '--data-dir', dataDir, '--json']);
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(TERMINAL_CONTROL);
    const messages = JSON.parse(json.stdout) as { from: string; text: string }[];
    expect(messages.find((m) => m.from === '1065812345')?.text).toBe(SPOOF);
  }, 60_000);
});
