import { ModemEmulator } from '../../src-main/emulator/modem';

const CR = 0x0d;
const CTRL_Z = 0x1a;
const ESC = 0x1b;

/** One unit the host sent: a command line (without its CR), or a message body ended by Ctrl-Z. */
export interface HostUnit {
  kind: 'line' | 'body';
  text: string;
}

/**
 * Decides, as each unit arrives from the host, whether it reaches the modem. 'cut' means the host
 * died before writing it: the unit and every byte after it are dropped.
 */
export type Tap = (unit: HostUnit) => 'pass' | 'cut';

/**
 * The emulated modem with a window on what the host writes, so a harness can kill the host at an
 * exact point of the AT conversation (the line AT+CMGD=3 arriving, say) and make it as if the host
 * had died just before writing it.
 */
export class TappedModem extends ModemEmulator {
  private unit: number[] = [];
  private tap: Tap = () => 'pass';
  /** Set once a unit was cut: the host is gone, so the rest of what it wrote never happened. */
  private deaf = false;

  /** Watches a new host (the previous one's leftovers are forgotten). */
  listen(tap: Tap): void {
    this.tap = tap;
    this.unit = [];
    this.deaf = false;
  }

  override write(data: Uint8Array | string): void {
    if (this.deaf) return;
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === ESC) this.unit = [];
      else if (b !== CR && b !== CTRL_Z) this.unit.push(b);
      else if (this.unit.length > 0) {
        const unit: HostUnit = { kind: b === CR ? 'line' : 'body', text: Buffer.from(this.unit).toString('latin1').trim() };
        const start = i - this.unit.length;
        this.unit = [];
        if (unit.text && this.tap(unit) === 'cut') {
          this.deaf = true;
          // The part of the unit that came in an earlier chunk is already on the line, as on a real one.
          if (start > 0) super.write(bytes.subarray(0, start));
          return;
        }
      }
    }
    super.write(bytes);
  }
}
