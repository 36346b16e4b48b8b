/** Longest possible PDU: SMSC 12 + TPDU 164 (SMS-SUBMIT with a 7-octet validity and 140 octets of data). */
const MAX_PDU_OCTETS = 176;

/**
 * Appends octets to one reusable buffer. Encoding is synchronous and never re-entrant, so a single
 * scratch buffer is safe and spares an allocation per PDU.
 */
export class PduWriter {
  private static readonly scratch = new Uint8Array(MAX_PDU_OCTETS);
  readonly buf = PduWriter.scratch;
  pos = 0;

  constructor() {
    this.buf.fill(0);
  }

  byte(value: number): void {
    this.buf[this.pos++] = value;
  }

  bytes(values: ArrayLike<number>): void {
    this.buf.set(values, this.pos);
    this.pos += values.length;
  }

  /** Claims `count` zeroed octets (for bit packing) and returns where they start. */
  reserve(count: number): number {
    const start = this.pos;
    this.pos += count;
    return start;
  }
}
