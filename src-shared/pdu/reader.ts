import { PduError, type PduField } from './errors';

/** A cursor over PDU octets whose every read is bounds-checked, so malformed input fails as a PduError. */
export class PduReader {
  pos = 0;

  constructor(readonly bytes: Uint8Array) {}

  byte(field: PduField): number {
    if (this.pos >= this.bytes.length) throw new PduError('pdu.truncated', field, this.pos);
    return this.bytes[this.pos++]!;
  }

  /** Claims `count` octets for `field` and returns the offset where they start. */
  take(count: number, field: PduField): number {
    const start = this.pos;
    if (start + count > this.bytes.length) throw new PduError('pdu.truncated', field, start);
    this.pos = start + count;
    return start;
  }
}
