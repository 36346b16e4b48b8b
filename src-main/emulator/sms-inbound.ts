import type { Scheduler } from './scheduler';
import type { Mem, Settings } from './settings';
import type { IncomingPdu } from './sms-center';
import { cdsLines, cmtLines } from './sms-text';
import type { Storages } from './storage';

export interface InboundTiming {
  /** How long the network waits for AT+CNMA after +CMT/+CDS when AT+CSMS=1. */
  cnmaTimeoutMs: number;
  /** How long the SMSC waits before trying again (after a refusal, a memory-available notice...). */
  smscRetryMs: number;
}

/**
 * The modem's receiving side (TS 27.005 §3.4.1 and TS 24.011). Each arriving SMS is stored
 * and indicated (+CMTI / +CDSI), routed straight to the host (+CMT / +CDS, acknowledged with
 * +CNMA under AT+CSMS=1) or dropped, as AT+CNMI says.
 *
 * When the receiving memory is full the modem refuses the message (RP-ERROR "memory capacity
 * exceeded") and says so with Huawei's ^SMMEMFULL; the network keeps it and every later one,
 * in order, and delivers them again once a deletion frees space (the modem's SMMA notice).
 * Nothing is ever lost for lack of space. An unacknowledged +CMT makes the modem drop routing
 * (CNMI <mt> and <ds> back to 0) and the network retry the message, which then lands in storage.
 */
export class SmsInbound {
  private held: IncomingPdu[] = [];
  private awaitingAck: { pdu: IncomingPdu; cancel: () => void } | null = null;
  private memoryFullSignalled = false;
  private cancelRetry: (() => void) | null = null;

  constructor(
    private readonly deps: {
      settings: () => Settings;
      storage: Storages;
      scheduler: Scheduler;
      timing: InboundTiming;
      /** Plugged in, SIM ready, registered: the network can reach the modem. */
      reachable: () => boolean;
      /** SMS indications, subject to the CNMI <mode> buffering rules. */
      indicate: (lines: string[]) => void;
      /** Vendor notices (memory full), sent whatever CNMI says. */
      notice: (line: string) => void;
      /** Where status reports go (SR, or the receiving memory) and the memory +CDSI names. */
      reports: () => { store: 'SR' | 'receive'; announcedAs: Mem | null };
    },
  ) {}

  /** Messages the network still holds for this modem. */
  get waiting(): number {
    return this.held.length;
  }

  receive(pdu: IncomingPdu): void {
    if (this.held.length > 0 || !this.take(pdu)) this.held.push(pdu);
  }

  /** Something changed that may let held messages through: the network tries again after a while. */
  retrySoon(delayMs = this.deps.timing.smscRetryMs): void {
    if (this.held.length === 0 || this.cancelRetry) return;
    this.cancelRetry = this.deps.scheduler.setTimeout(() => {
      this.cancelRetry = null;
      this.flushHeld();
    }, delayMs);
  }

  /** The SMSC tries again now (not after smscRetryMs) to deliver what it holds for the modem. */
  retryNow(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.flushHeld();
  }

  /** Whether a +CMT/+CDS was handed over and the modem still waits for its AT+CNMA. */
  get awaitingAcknowledgement(): boolean {
    return this.awaitingAck !== null;
  }

  /** The modem's wait for AT+CNMA ends now, unanswered, as at the end of cnmaTimeoutMs. False when none was waiting. */
  endAcknowledgementWait(): boolean {
    if (!this.awaitingAck) return false;
    this.awaitingAck.cancel();
    this.ackTimedOut();
    return true;
  }

  /** A deletion freed a slot: the modem's SMMA tells the network to deliver what it holds. */
  memoryAvailable(): void {
    if (!this.memoryFullSignalled) return;
    this.memoryFullSignalled = false;
    this.retrySoon();
  }

  /**
   * AT+CNMA: RP-ACK, or RP-ERROR when `positive` is false (the network keeps the message and
   * tries again later). False when no +CMT/+CDS is waiting for an acknowledgement.
   */
  acknowledge(positive: boolean): boolean {
    if (!this.awaitingAck) return false;
    const { pdu, cancel } = this.awaitingAck;
    cancel();
    this.awaitingAck = null;
    if (!positive) this.held.unshift(pdu);
    this.retrySoon(positive ? 0 : undefined);
    return true;
  }

  /** Power lost: an unacknowledged message goes back to the network, which will try again. */
  powerCycle(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    if (this.awaitingAck) {
      this.awaitingAck.cancel();
      this.held.unshift(this.awaitingAck.pdu);
      this.awaitingAck = null;
    }
  }

  private flushHeld(): void {
    while (this.held.length > 0) {
      const next = this.held.shift()!;
      if (!this.take(next)) {
        this.held.unshift(next);
        return;
      }
    }
  }

  /** True when the modem accepted the PDU (stored, routed or discarded by CNMI). */
  private take(pdu: IncomingPdu): boolean {
    if (!this.deps.reachable() || this.awaitingAck) return false;
    const cnmi = this.deps.settings().cnmi;
    if (pdu.kind === 'deliver') {
      if (cnmi.mt === 2) return this.route(pdu, cmtLines(pdu, this.deps.settings()));
      return this.store(pdu, cnmi.mt === 1 || cnmi.mt === 3 ? '+CMTI' : null);
    }
    if (cnmi.ds === 1) return this.route(pdu, cdsLines(pdu, this.deps.settings()));
    if (cnmi.ds === 2) return this.store(pdu, '+CDSI');
    return true;
  }

  private route(pdu: IncomingPdu, lines: string[]): boolean {
    this.deps.indicate(lines);
    if (this.deps.settings().csms === 1) {
      const cancel = this.deps.scheduler.setTimeout(() => this.ackTimedOut(), this.deps.timing.cnmaTimeoutMs);
      this.awaitingAck = { pdu, cancel };
    }
    return true;
  }

  private ackTimedOut(): void {
    const pdu = this.awaitingAck!.pdu;
    this.awaitingAck = null;
    const cnmi = this.deps.settings().cnmi;
    cnmi.mt = 0;
    cnmi.ds = 0;
    this.held.unshift(pdu);
    this.retrySoon();
  }

  private store(pdu: IncomingPdu, indication: '+CMTI' | '+CDSI' | null): boolean {
    const reports = this.deps.reports();
    const toSr = pdu.kind === 'status-report' && reports.store === 'SR';
    const mem: Mem = toSr ? 'SR' : this.deps.settings().cpms[2];
    const named = toSr ? (reports.announcedAs ?? mem) : mem;
    const index = this.deps.storage.store(mem, { status: 0, pdu: pdu.hex, kind: pdu.kind });
    if (index === null) {
      if (!this.memoryFullSignalled) this.deps.notice(`^SMMEMFULL: "${mem}"`);
      this.memoryFullSignalled = true;
      return false;
    }
    if (indication) this.deps.indicate([`${indication}: "${named}",${index}`]);
    return true;
  }
}
