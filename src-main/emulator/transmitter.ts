import type { Scheduler } from './scheduler';

/**
 * The modem's TX wire towards the host. Without a baud rate bytes leave at once; with one they
 * leave at baud/10 bytes per second (8N1: ten bit times per byte), in order, like a real UART:
 * byte n of a burst is on the wire n byte-times after the burst began, never earlier.
 */
export class Transmitter {
  private listeners = new Set<(chunk: Uint8Array) => void>();
  private queue: Uint8Array[] = [];
  private queued = 0;
  private cancelTick: (() => void) | null = null;
  private burstStart = 0;
  private burstSent = 0;
  private readonly bytesPerMs: number;

  constructor(
    private readonly scheduler: Scheduler,
    baud: number | null,
  ) {
    this.bytesPerMs = baud ? baud / 10 / 1000 : Infinity;
  }

  onData(cb: (chunk: Uint8Array) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  send(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.bytesPerMs === Infinity) {
      this.emit(bytes);
      return;
    }
    this.queue.push(bytes);
    this.queued += bytes.length;
    if (this.cancelTick) return;
    this.burstStart = this.scheduler.now();
    this.burstSent = 0;
    this.scheduleTick();
  }

  /** Drops bytes not yet on the wire (the cable was pulled). */
  clear(): void {
    this.cancelTick?.();
    this.cancelTick = null;
    this.queue = [];
    this.queued = 0;
  }

  private scheduleTick(): void {
    const nextDue = this.burstStart + (this.burstSent + 1) / this.bytesPerMs;
    this.cancelTick = this.scheduler.setTimeout(() => this.tick(), Math.max(0, nextDue - this.scheduler.now()));
  }

  private tick(): void {
    const due = Math.floor((this.scheduler.now() - this.burstStart) * this.bytesPerMs) - this.burstSent;
    const n = Math.min(Math.max(1, due), this.queued);
    this.burstSent += n;
    this.queued -= n;
    const chunk = this.take(n);
    this.cancelTick = null;
    if (this.queued > 0) this.scheduleTick();
    this.emit(chunk);
  }

  private take(n: number): Uint8Array {
    const chunk = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const head = this.queue[0]!;
      const count = Math.min(head.length, n - filled);
      chunk.set(head.subarray(0, count), filled);
      filled += count;
      if (count === head.length) this.queue.shift();
      else this.queue[0] = head.subarray(count);
    }
    return chunk;
  }

  private emit(chunk: Uint8Array): void {
    for (const cb of [...this.listeners]) cb(chunk);
  }
}
