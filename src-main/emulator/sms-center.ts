import { encodeDeliverParts, encodeStatusReport, type EncodedPdu, type Encoding, type SubmitPart } from '../../src-shared/pdu';
import { BEIJING_TZ_QUARTERS } from '../../src-shared/wall-clock';
import type { FaultBook } from './faults';
import { Holdback } from './holdback';
import type { Rng } from './rng';
import type { Scheduler } from './scheduler';

/** An SMS on its way from the network into the modem. */
export interface IncomingPdu {
  hex: string;
  tpduLength: number;
  kind: 'deliver' | 'status-report';
}

/** One AT+CMGS the network accepted. */
export interface SentMessage {
  messageRef: number;
  /** The PDU as sent over the air (PDU mode: exactly what the host typed). */
  pdu: string;
  part: SubmitPart;
  mode: 'pdu' | 'text';
  at: Date;
}

export type PartOrder = 'in-order' | 'reversed' | 'shuffled';

export interface DeliverOptions {
  /** Before the first part reaches the modem. */
  delayMs?: number;
  /** Multipart only; 'shuffled' never comes out in order. Default: the emulator's partOrder. */
  order?: PartOrder;
  /** Mean gap between parts, jittered ±50% with the seed. */
  partGapMs?: number;
  encoding?: Encoding;
  /** SCTS; default the emulator's clock. */
  timestamp?: Date;
  /** The sender as a name (alphanumeric address), as a gateway that picks its sender ID writes it. */
  fromAlphanumeric?: boolean;
  /** Multipart only: the concatenation reference (0–255; default drawn with the seed). Senders reuse them. */
  concatRef?: number;
}

export interface CenterTiming {
  partGapMs: number;
  statusReportMs: number;
}

/** TP-ST 0x00: short message received by the recipient. */
const DELIVERED = 0x00;

/**
 * The network side: the SMSC that accepts what the host sends (message references, status
 * reports) and pushes SMS towards the modem, long texts as parts that arrive late and shuffled.
 */
export class SmsCenter {
  readonly sent: SentMessage[] = [];
  /** Every text the network delivered towards the modem, whole, in order. */
  readonly delivered: { from: string; text: string }[] = [];
  private nextRef: number;
  private submitted = new Set<(m: SentMessage) => void>();
  /** Status reports kept back while a test holds them (the 'hold' fault). */
  readonly reportHold = new Holdback<SentMessage>();

  constructor(
    private readonly deps: {
      scheduler: Scheduler;
      rng: Rng;
      clock: () => Date;
      faults: FaultBook;
      timing: CenterTiming;
      /** Order of multipart deliveries that do not choose one. */
      partOrder: PartOrder;
      smsc: () => string;
      /** Hands a PDU to the modem's receiving side. */
      toModem: (pdu: IncomingPdu) => void;
    },
  ) {
    this.nextRef = deps.rng.int(0, 255);
  }

  onSubmitted(cb: (m: SentMessage) => void): () => void {
    this.submitted.add(cb);
    return () => this.submitted.delete(cb);
  }

  /** The air interface accepted a submit: returns its TP-MR, as +CMGS reports it. */
  accept(part: SubmitPart, pdu: string, mode: 'pdu' | 'text'): SentMessage {
    const message: SentMessage = { messageRef: this.nextRef, pdu, part, mode, at: this.deps.clock() };
    this.nextRef = (this.nextRef + 1) & 0xff;
    this.sent.push(message);
    if (part.statusReportRequest) this.reportLater(message);
    for (const cb of [...this.submitted]) cb(message);
    return message;
  }

  /** A status report for `messageRef`, whether or not the host ever used it. */
  statusReport(recipient: string, messageRef: number, submittedAt: Date, status = DELIVERED): void {
    const pdu = encodeStatusReport({
      recipient,
      messageRef,
      scTimestamp: submittedAt,
      dischargeTime: this.deps.clock(),
      status,
      smsc: this.deps.smsc(),
      tzQuarterHours: BEIJING_TZ_QUARTERS,
    });
    this.deps.toModem({ hex: pdu.hex, tpduLength: pdu.tpduLength, kind: 'status-report' });
  }

  /** Sends `text` from `from` to the modem: one PDU, or parts with the multipart faults applied. */
  deliver(from: string, text: string, opts: DeliverOptions = {}): void {
    const delay = opts.delayMs ?? 0;
    if (delay > 0) this.deps.scheduler.setTimeout(() => this.deliverNow(from, text, opts), delay);
    else this.deliverNow(from, text, opts);
  }

  /**
   * An SMS-DELIVER exactly as given (hex, the SMSC address first): what a sender who writes their own
   * PDUs gets through, such as a data coding the phone cannot read (compressed text, TS 23.038 bit 5).
   */
  deliverPdu(hex: string): void {
    const smscOctets = 1 + parseInt(hex.slice(0, 2), 16);
    this.deps.toModem({ hex, tpduLength: hex.length / 2 - smscOctets, kind: 'deliver' });
  }

  /** The SMSC stamps the message as it takes it in, then hands the parts over one gap apart. */
  private deliverNow(from: string, text: string, opts: DeliverOptions): void {
    const { rng, scheduler, timing } = this.deps;
    this.delivered.push({ from, text });
    const parts = encodeDeliverParts({
      from,
      text,
      timestamp: opts.timestamp ?? this.deps.clock(),
      tzQuarterHours: BEIJING_TZ_QUARTERS,
      smsc: this.deps.smsc(),
      concatRef: opts.concatRef ?? rng.int(0, 255),
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
      ...(opts.fromAlphanumeric ? { fromAlphanumeric: true } : {}),
    });
    const schedule = parts.length > 1 ? this.partSchedule(parts, opts.order ?? this.deps.partOrder) : parts;
    const gap = opts.partGapMs ?? timing.partGapMs;
    let at = 0;
    schedule.forEach((pdu, i) => {
      if (i > 0 && gap > 0) at += rng.int(Math.ceil(gap / 2), Math.ceil((gap * 3) / 2));
      const incoming: IncomingPdu = { hex: pdu.hex, tpduLength: pdu.tpduLength, kind: 'deliver' };
      if (at === 0) this.deps.toModem(incoming);
      else scheduler.setTimeout(() => this.deps.toModem(incoming), at);
    });
  }

  private partSchedule(parts: EncodedPdu[], order: PartOrder): EncodedPdu[] {
    let ordered =
      order === 'in-order' ? parts : order === 'reversed' ? [...parts].reverse() : this.outOfOrder(parts);
    const { drop, duplicate } = this.deps.faults.takePartFaults();
    if (drop !== null) {
      const lost = drop === 0 ? parts.length : drop;
      ordered = ordered.filter((p) => p.part !== lost);
    }
    if (duplicate !== null) {
      const again = parts.find((p) => p.part === duplicate);
      if (again) ordered = [...ordered, again];
    }
    return ordered;
  }

  /** A seeded shuffle that is guaranteed not to be the original order. */
  private outOfOrder(parts: EncodedPdu[]): EncodedPdu[] {
    const shuffled = this.deps.rng.shuffle(parts);
    const unchanged = shuffled.every((p, i) => p === parts[i]);
    return unchanged ? [...parts.slice(1), parts[0]!] : shuffled;
  }

  /** Hands the oldest `count` held reports (all by default) to the modem now, each saying `status`. */
  releaseReports(count?: number, status?: number): void {
    for (const message of this.reportHold.release(count)) this.statusReport(message.part.number, message.messageRef, message.at, status);
  }

  private reportLater(message: SentMessage): void {
    if (this.reportHold.keep(message)) return;
    this.deps.scheduler.setTimeout(
      () => this.statusReport(message.part.number, message.messageRef, message.at),
      this.deps.timing.statusReportMs,
    );
  }
}
