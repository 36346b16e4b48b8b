import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { mac, randomToken } from '../../src-shared/api/extension-auth';
import type { AppMessage } from '../../src-shared/api/extension-messages';
import { encodeNativeFrame, NativeFrameDecoder } from '../../src-shared/api/native-framing';

export const HOST_BIN = resolve(import.meta.dirname, '../../bin/hall10086-native-host.mjs');

/**
 * Plays Chrome's part: starts the real host process with the caller's origin in argv and talks
 * length-prefixed frames on its stdin/stdout.
 */
export class FakeChromePort {
  readonly received: AppMessage[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  private waiters: Array<() => void> = [];

  constructor(socketPath: string, origin: string) {
    this.child = spawn(process.execPath, [HOST_BIN, '--socket', socketPath, origin], { stdio: ['pipe', 'pipe', 'pipe'] });
    const decoder = new NativeFrameDecoder(1024 * 1024);
    this.child.stdout.on('data', (chunk: Buffer) => {
      for (const m of decoder.push(chunk)) this.received.push(m as AppMessage);
      for (const w of this.waiters) w();
    });
    this.exited = new Promise((r) => this.child.on('close', (code) => r(code)));
  }

  post(message: unknown): void {
    this.child.stdin.write(encodeNativeFrame(message));
  }

  writeRaw(bytes: Uint8Array): void {
    this.child.stdin.write(bytes);
  }

  /** The first message received (from `from` on) that matches. */
  async next<T extends AppMessage>(match: (m: AppMessage) => m is T, from = 0, ms = 20_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.received.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching message; got ${JSON.stringify(this.received)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
      this.waiters = [];
    }
  }

  close(): Promise<number | null> {
    this.child.stdin.end();
    return this.exited;
  }
}

export const is =
  <K extends AppMessage['type']>(type: K, extra: (m: Extract<AppMessage, { type: K }>) => boolean = () => true) =>
  (m: AppMessage): m is Extract<AppMessage, { type: K }> =>
    m.type === type && extra(m as Extract<AppMessage, { type: K }>);

/**
 * The extension's side of the protocol over a FakeChromePort: hello for the connection's nonce,
 * then requests signed with an association's secret (made here, as a browser profile makes its own).
 */
export class SignedPort {
  nonce = '';
  counter = 0;
  constructor(
    readonly port: FakeChromePort,
    readonly association = { id: randomToken(16), key: randomToken(32) },
  ) {}

  async open(): Promise<this> {
    const from = this.port.received.length;
    this.port.post({ type: 'hello' });
    this.nonce = (await this.port.next(is('hello'), from)).nonce;
    return this;
  }

  /** The request as it would go on the wire, with its MAC (not posted). */
  async sign(message: Record<string, unknown>, counter = ++this.counter): Promise<Record<string, unknown>> {
    return { ...message, auth: { id: this.association.id, counter, mac: await mac(this.association.key, 'request', this.nonce, counter, message) } };
  }

  async post(message: Record<string, unknown>): Promise<void> {
    this.port.post(await this.sign(message));
  }

  askToPair(): void {
    this.port.post({ type: 'pair', id: this.association.id, key: this.association.key, browser: 'Chromium', profile: 'test profile' });
  }
}
