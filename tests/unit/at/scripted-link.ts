import type { ByteLink } from '../../../src-main/services/modem/at-engine';
import { toBytes, type Step } from './transcript';

/** How a modem step is cut into the chunks a serial port would deliver. */
export type Chunker = (bytes: Uint8Array) => Uint8Array[];

export const wholeSteps: Chunker = (bytes) => [bytes];
export const singleBytes: Chunker = (bytes) => Array.from(bytes, (b) => Uint8Array.of(b));

/** Cuts with the given sizes, cycling through them. */
export function cyclicChunks(sizes: readonly number[]): Chunker {
  return (bytes) => {
    const chunks: Uint8Array[] = [];
    for (let at = 0, i = 0; at < bytes.length; i++) {
      const size = sizes[i % sizes.length]!;
      chunks.push(bytes.subarray(at, at + size));
      at += size;
    }
    return chunks;
  };
}

/**
 * A link whose modem side is the caller: `deliver` hands the engine a chunk as a port's data event
 * would, with no script to follow (random bytes, a recorded listing); writes go nowhere.
 */
export function pushedLink(): ByteLink & { deliver: (chunk: Uint8Array) => void } {
  let listener: (chunk: Uint8Array) => void = () => {};
  return {
    write: () => {},
    onData: (cb) => {
      listener = cb;
      return () => {};
    },
    onClose: () => () => {},
    deliver: (chunk) => listener(chunk),
  };
}

function latin1(data: Uint8Array | string): string {
  return typeof data === 'string' ? data : String.fromCharCode(...data);
}

/**
 * Plays the modem side of a transcript: modem steps are delivered (each chunk in its own microtask, like
 * a port's data events), host steps wait until the engine has written exactly those bytes, `wait` steps
 * sleep on (possibly fake) timers, `close` unplugs. A host write that strays from the script stops it.
 */
export class ScriptedLink implements ByteLink {
  /** Why the script stopped early, or null. */
  failure: string | null = null;
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly closeListeners = new Set<(err?: Error) => void>();
  /** Host bytes written but not yet matched by a host step. */
  private pendingHost = '';
  private awaitedHost: { bytes: string; done: () => void } | null = null;
  private closed = false;

  constructor(
    private readonly steps: readonly Step[],
    private readonly chunker: Chunker = wholeSteps,
  ) {}

  /** Resolves when the script has played to its end or stopped on a failure. */
  start(): Promise<void> {
    return this.play();
  }

  /** Host bytes no host step accounted for (a spurious ESC, say). */
  unconsumed(): string {
    return this.pendingHost;
  }

  write(data: Uint8Array | string): void {
    if (this.closed) throw new Error('write after close');
    this.pendingHost += latin1(data);
    this.matchHost();
  }

  onData(cb: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(cb);
    return () => this.dataListeners.delete(cb);
  }

  onClose(cb: (err?: Error) => void): () => void {
    this.closeListeners.add(cb);
    return () => this.closeListeners.delete(cb);
  }

  private async play(): Promise<void> {
    for (const step of this.steps) {
      if (this.failure || this.closed) return;
      if (step.kind === 'modem') {
        for (const chunk of this.chunker(toBytes(step.bytes))) {
          await Promise.resolve();
          if (this.closed) return;
          for (const cb of [...this.dataListeners]) cb(chunk);
        }
      } else if (step.kind === 'host') {
        await new Promise<void>((done) => {
          this.awaitedHost = { bytes: step.bytes, done };
          this.matchHost();
        });
      } else if (step.kind === 'wait') {
        await new Promise((r) => setTimeout(r, step.ms));
      } else {
        this.closed = true;
        for (const cb of [...this.closeListeners]) cb(new Error('unplugged'));
      }
    }
  }

  private matchHost(): void {
    const awaited = this.awaitedHost;
    if (!awaited) return;
    const n = Math.min(awaited.bytes.length, this.pendingHost.length);
    if (this.pendingHost.slice(0, n) !== awaited.bytes.slice(0, n)) {
      this.failure = `expected host bytes ${JSON.stringify(awaited.bytes)}, got ${JSON.stringify(this.pendingHost)}`;
    } else if (n < awaited.bytes.length) {
      return;
    } else {
      this.pendingHost = this.pendingHost.slice(n);
    }
    this.awaitedHost = null;
    awaited.done();
  }
}
