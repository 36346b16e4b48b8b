import type { Settings } from './settings';

/** TA buffer for indications under AT+CNMI=0: the oldest are dropped beyond this, as TS 27.005 allows. */
const TA_BUFFER_LIMIT = 32;

/**
 * Decides when an unsolicited result code reaches the wire. The line is "reserved" from a
 * command's CR to its final result and during the "> " prompt; nothing unsolicited may split
 * a response. SMS indications also obey AT+CNMI <mode>: 0 keeps them in the TA buffer, 1 drops
 * them while the line is reserved, 2 holds them until it is free. Other URCs just wait.
 */
export class UrcGate {
  private held: string[][] = [];
  private taBuffer: string[][] = [];

  constructor(
    private readonly deps: {
      settings: () => Settings;
      reserved: () => boolean;
      /** False while unplugged or hung: a dead modem says nothing at all. */
      live: () => boolean;
      send: (lines: string[]) => void;
    },
  ) {}

  push(lines: string[], sms: boolean): void {
    if (!this.deps.live()) return;
    const mode = this.deps.settings().cnmi.mode;
    if (sms && mode === 0) {
      this.taBuffer.push(lines);
      if (this.taBuffer.length > TA_BUFFER_LIMIT) this.taBuffer.shift();
      return;
    }
    if (!this.deps.reserved()) return this.deps.send(lines);
    if (!(sms && mode === 1)) this.held.push(lines);
  }

  /** The line is free again: what waited goes out, in order. */
  release(): void {
    while (this.held.length > 0 && !this.deps.reserved()) this.deps.send(this.held.shift()!);
  }

  /** AT+CNMI changed: <bfr> 0 flushes the TA buffer (after the command's own OK), 1 clears it. */
  cnmiChanged(): void {
    const { mode, bfr } = this.deps.settings().cnmi;
    if (mode === 0) return;
    const buffered = this.taBuffer;
    this.taBuffer = [];
    if (bfr === 0) this.held.push(...buffered);
  }

  /** Power lost: buffers are volatile. */
  clear(): void {
    this.held = [];
    this.taBuffer = [];
  }
}
