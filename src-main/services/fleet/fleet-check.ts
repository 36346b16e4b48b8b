import type { FleetCheckState } from '../../../src-shared/api/contract';
import type { OutgoingRecord } from '../../../src-shared/journal-records';
import { Emitter } from '../modem/emitter';
import type { SimMessage } from './sim-board';

/** After its last instruction left, how long a SIM's answers are waited for before it counts as done without them. */
export const REPLY_WAIT_MS = 120_000;

interface SimRun {
  /** Instructions queued for it and not finished yet (ids learnt as they are queued). */
  pending: Set<string>;
  /** Instructions still to be queued (their ids not known yet). */
  unqueued: number;
  sent: number;
  replies: number;
  failed: boolean;
  done: boolean;
  timer: NodeJS.Timeout | null;
}

const IDLE: FleetCheckState = { running: false, total: 0, done: 0, answered: 0, startedAt: null };

/**
 * One "check every SIM now" at a time, and how far it is: a SIM is done when each of its
 * instructions failed or left the modem and 10086 answered each one that left (or REPLY_WAIT_MS
 * passed without). Fed by the core's outgoing records and the board's whole messages.
 */
export class FleetCheck extends Emitter<{ state: FleetCheckState }> {
  private sims = new Map<string, SimRun>();
  private startedAt: number | null = null;
  /** Final states of instructions whose ids were not handed over yet (a fast modem can finish before `queued` returns). */
  private early = new Map<string, OutgoingRecord>();
  /** The state of the run that ended last (or idle). */
  private last: FleetCheckState = IDLE;

  constructor(private readonly replyWaitMs = REPLY_WAIT_MS) {
    super();
  }

  get running(): boolean {
    return this.startedAt !== null;
  }

  state(): FleetCheckState {
    if (this.startedAt === null) return this.last;
    const runs = [...this.sims.values()];
    return {
      running: true,
      total: runs.length,
      done: runs.filter((r) => r.done).length,
      answered: runs.filter((r) => r.done && !r.failed).length,
      startedAt: this.startedAt,
    };
  }

  /** A run over these SIMs, each with its number of instructions; false when one is already running. */
  begin(plan: readonly { simId: string; instructions: number }[], now = Date.now()): boolean {
    if (this.running) return false;
    this.startedAt = now;
    this.early.clear();
    this.sims = new Map(plan.map((p) => [p.simId, { pending: new Set(), unqueued: p.instructions, sent: 0, replies: 0, failed: false, done: false, timer: null }]));
    this.changed();
    return true;
  }

  /** One of the SIM's instructions is queued under `commandId`. */
  queued(simId: string, commandId: string): void {
    const run = this.sims.get(simId);
    if (!run || run.done) return;
    run.unqueued--;
    run.pending.add(commandId);
    const early = this.early.get(commandId);
    if (early) this.onOutgoing(early);
    else this.settle(run);
  }

  /** The SIM's instructions could not all be queued (its modem went away): it is done, failed. */
  refused(simId: string): void {
    const run = this.sims.get(simId);
    if (!run || run.done) return;
    run.failed = true;
    run.unqueued = 0;
    run.pending.clear();
    this.settle(run);
  }

  onOutgoing(record: OutgoingRecord): void {
    const run = this.sims.get(record.simId);
    if (!run || run.done) return;
    const final = record.state === 'sent' || record.state === 'delivered' || record.state === 'failed' || record.state === 'failed-retryable';
    if (!final) return;
    if (!run.pending.has(record.id)) {
      if (run.unqueued > 0) this.early.set(record.id, record);
      return;
    }
    run.pending.delete(record.id);
    this.early.delete(record.id);
    if (record.state === 'sent' || record.state === 'delivered') run.sent++;
    else run.failed = true;
    this.settle(run);
  }

  /** A whole message a SIM received; one from a service number after the run began answers one instruction. */
  onMessage(message: SimMessage): void {
    const run = this.sims.get(message.simId);
    // Maybe a reply counted before (SimMessage.mayRepeat): a second count would end a check before its last reply.
    // Written before the run began (SimMessage.writtenBy: the network's repeat of an older reply after a restart): no answer to it.
    if (!run || run.done || message.text === null || message.mayRepeat || this.startedAt === null) return;
    if (message.receivedAt < this.startedAt || (message.writtenBy !== undefined && message.writtenBy < this.startedAt)) return;
    run.replies++;
    this.settle(run);
  }

  /** Ends a run at once (the core closing). */
  stop(): void {
    for (const run of this.sims.values()) if (run.timer) clearTimeout(run.timer);
    this.sims.clear();
    this.startedAt = null;
  }

  private settle(run: SimRun): void {
    if (!run.done && run.unqueued === 0 && run.pending.size === 0) {
      if (run.failed || run.replies >= run.sent) return this.finish(run);
      if (!run.timer) {
        run.timer = setTimeout(() => this.finish(run), this.replyWaitMs);
        run.timer.unref();
      }
    }
    this.changed();
  }

  private finish(run: SimRun): void {
    if (run.timer) clearTimeout(run.timer);
    run.timer = null;
    if (run.replies < run.sent) run.failed = true;
    run.done = true;
    if ([...this.sims.values()].every((r) => r.done)) {
      this.last = { ...this.state(), running: false };
      this.startedAt = null;
      this.sims.clear();
      this.early.clear();
    }
    this.changed();
  }

  private changed(): void {
    this.emit('state', this.state());
  }
}
