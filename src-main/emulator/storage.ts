import type { Mem } from './settings';

/** TS 27.005 <stat>: 0 REC UNREAD, 1 REC READ, 2 STO UNSENT, 3 STO SENT. */
export type MessageStatus = 0 | 1 | 2 | 3;
export const STATUS_NAMES = ['REC UNREAD', 'REC READ', 'STO UNSENT', 'STO SENT'] as const;

export interface StoredMessage {
  status: MessageStatus;
  /** The PDU as the modem prints it: SMSC address first, then the TPDU, upper-case hex. */
  pdu: string;
  kind: 'deliver' | 'status-report';
}

export interface StoredEntry {
  index: number;
  message: StoredMessage;
}

type Physical = 'SM' | 'ME' | 'SR';

/**
 * SIM (SM), phone (ME) and status-report (SR) message memories with fixed capacities. MT is a view
 * over SM and ME, SIM slots first, the way Huawei and Quectel number it. Indices start at `firstIndex`.
 */
export class Storages {
  private slots: Record<Physical, (StoredMessage | null)[]>;
  /** Every message deleted, in order, with the memory it was deleted from. */
  readonly deleted: { mem: Mem; index: number; message: StoredMessage }[] = [];

  constructor(
    capacities: Record<Physical, number>,
    readonly firstIndex: 0 | 1,
  ) {
    this.slots = {
      SM: Array.from({ length: capacities.SM }, () => null),
      ME: Array.from({ length: capacities.ME }, () => null),
      SR: Array.from({ length: capacities.SR }, () => null),
    };
  }

  capacity(mem: Mem): number {
    return this.physical(mem).reduce((n, p) => n + this.slots[p].length, 0);
  }

  used(mem: Mem): number {
    return this.list(mem).length;
  }

  isValidIndex(mem: Mem, index: number): boolean {
    return Number.isInteger(index) && index >= this.firstIndex && index < this.firstIndex + this.capacity(mem);
  }

  list(mem: Mem): StoredEntry[] {
    const out: StoredEntry[] = [];
    let base = this.firstIndex;
    for (const p of this.physical(mem)) {
      this.slots[p].forEach((message, i) => message && out.push({ index: base + i, message }));
      base += this.slots[p].length;
    }
    return out;
  }

  get(mem: Mem, index: number): StoredMessage | null {
    const at = this.locate(mem, index);
    return at ? this.slots[at.store][at.pos]! : null;
  }

  delete(mem: Mem, index: number): void {
    const at = this.locate(mem, index);
    const message = at ? this.slots[at.store][at.pos] : null;
    if (!at || !message) return;
    this.deleted.push({ mem, index, message });
    this.slots[at.store][at.pos] = null;
  }

  /** The card pulled: SM is the card's own memory, so its messages leave with it (ME stays). */
  cardLeft(): void {
    this.slots.SM = this.slots.SM.map(() => null);
  }

  /** Puts a message in the first free slot; null when the memory is full. */
  store(mem: Mem, message: StoredMessage): number | null {
    let base = this.firstIndex;
    for (const p of this.physical(mem)) {
      const free = this.slots[p].indexOf(null);
      if (free >= 0) {
        this.slots[p][free] = message;
        return base + free;
      }
      base += this.slots[p].length;
    }
    return null;
  }

  private physical(mem: Mem): Physical[] {
    return mem === 'MT' ? ['SM', 'ME'] : [mem];
  }

  private locate(mem: Mem, index: number): { store: Physical; pos: number } | null {
    if (!this.isValidIndex(mem, index)) return null;
    let pos = index - this.firstIndex;
    for (const p of this.physical(mem)) {
      if (pos < this.slots[p].length) return { store: p, pos };
      pos -= this.slots[p].length;
    }
    return null;
  }
}
