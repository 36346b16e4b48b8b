import type { Cnmi } from './settings';
import type { RegStat } from './network';
import type { Final } from './result-codes';

/**
 * Things that go wrong with real modems, injected on purpose. Faults either act at once
 * (garbage 'now', SIM full, stray status report...) or are armed and fire on a later trigger
 * (the next matching command, the next response, the next multipart reply).
 */
export type Fault =
  /**
   * The cable is pulled: now, or while answering the next (matching) command, after `afterBytes`
   * bytes of its answer (the echo of the command line is already out by then). For AT+CMGS the
   * answer runs on past the "> " prompt into the reply to the body: a cut there comes after the
   * network accepted the message.
   */
  | { kind: 'unplug'; onCommand?: string; afterBytes?: number }
  /** Line noise: random bytes (seeded) or the given ones, now or glued into the next response. */
  | { kind: 'garbage'; bytes?: Uint8Array | string; length?: number; when?: 'now' | 'next-response' }
  /** The modem hangs: no echo, no answer, for N command lines or a time, or until replugged. */
  | { kind: 'silence'; commands?: number; durationMs?: number }
  /**
   * The next `times` uses of a command fail with this result (e.g. +CMGS → +CMS ERROR: 330); neither cms nor cme: a
   * bare ERROR. A command with a body (AT+CMGS) still prompts for it, and fails after it. `taken`: the network takes
   * that body first and the modem says `+CMGS: <mr>` before the error, as a modem that fails a step after the
   * submission (storing the reference, say) answers.
   */
  | { kind: 'command-error'; command: string; cms?: number; cme?: number; times?: number; taken?: boolean }
  /** A storage fills up with old read messages (SM by default). */
  | { kind: 'sim-full'; mem?: 'SM' | 'ME' }
  | { kind: 'sim-locked'; state: 'SIM PIN' | 'SIM PUK' }
  | { kind: 'sim-removed' }
  /**
   * The SIM answers +CME ERROR: 14 (SIM busy) for `durationMs`, as a card still starting after the power came
   * back does, then indicates "+CPIN: READY". Given again, it ends at the new time (0: now).
   */
  | { kind: 'sim-busy'; durationMs: number }
  /** Coverage lost; back to registered after `durationMs` (null: stays lost). */
  | { kind: 'no-network'; stat?: RegStat; durationMs?: number | null }
  /** In the next multipart delivery, this part (1-based; default the last) never arrives. */
  | { kind: 'drop-part'; part?: number }
  /** In the next multipart delivery, this part (default the first) arrives twice. */
  | { kind: 'duplicate-part'; part?: number }
  /** A status report for a message reference the host never used. */
  | { kind: 'stray-status-report'; messageRef?: number }
  /** An SMS from somebody other than 10086 (an ad, a friend). */
  | { kind: 'foreign-sms'; from?: string; text?: string }
  /**
   * The next `times` uses of exactly this command line (`AT+CMGR=1`) are answered with these bytes, as a
   * real device answered it in a public transcript, instead of the emulator's own answer.
   */
  | { kind: 'replay'; command: string; bytes: string; times?: number }
  /**
   * The next `times` SMS the network takes are answered with a bare OK, no `+CMGS: <mr>` (27.005 makes the reference
   * mandatory in PDU mode; a modem that leaves it out still sent the message): the host cannot tell from a reference
   * that it went.
   */
  | { kind: 'cmgs-no-ref'; times?: number }
  /**
   * The modem restarts in place, its serial line kept (a brown-out): settings back to factory. Without
   * `banner` it says nothing as it comes back (a SIM800 with autobauding on says no RDY).
   */
  | { kind: 'restart'; banner?: boolean }
  /**
   * From now on the network keeps `what` back until 'release': the status reports for what was sent, or
   * 10086's answers. A test chooses the moment they reach the modem (say, while the next AT+CMGS runs, or
   * once an extension was revoked) by an event it waited for, not by a timer racing it.
   */
  | { kind: 'hold'; what: HeldBack }
  /**
   * The oldest `count` held back (all by default) go on their way now (an answer with its think time); holding goes on.
   * Status reports released carry TP-ST `status` (delivered, 0x00, by default): a send the network failed, say 0x41.
   */
  | { kind: 'release'; what: HeldBack; count?: number; status?: number }
  /**
   * The modem's wait for the AT+CNMA of the direct delivery it handed over ends now, unanswered, as when
   * cnmaTimeoutMs runs out: RP-ERROR to the network, which keeps the message, and CNMI <mt>, <ds> set to 0.
   */
  | { kind: 'cnma-wait-ends' }
  /** The SMSC tries again now, not after smscRetryMs, to deliver what the modem refused or left unacknowledged. */
  | { kind: 'smsc-retry' }
  /** Line noise garbles the PDU line of the next direct delivery (+CMT/+CDS); the modem still waits for +CNMA. */
  | { kind: 'garble-delivery' }
  /** The next response with information lines gets a URC wedged after its first line. */
  | { kind: 'urc-in-response'; text?: string }
  /** Huawei chatter (^RSSI, ^MODE, ^BOOT, ^DSFLOWRPT...) every `everyMs`; 0 stops it. */
  | { kind: 'vendor-noise'; everyMs?: number }
  /** AT+CNMI settings matching every given field are refused with +CMS ERROR: 303. */
  | ({ kind: 'refuse-cnmi' } & Partial<Cnmi>);

/** What the network can keep back for a test (the 'hold' fault). */
export type HeldBack = 'status-reports' | '10086-replies';

export interface ScriptStep {
  atMs: number;
  fault: Fault;
}

/** 'CMGS', 'AT+CMGS', '+cmgs' all name the command '+CMGS'. */
export function commandName(text: string): string {
  const upper = text.trim().toUpperCase().replace(/^AT/, '');
  return /^[A-Z]{2,}/.test(upper) ? `+${upper}` : upper;
}

interface ArmedError {
  command: string;
  final: Final;
  timesLeft: number;
  /** Whether the command does its work (the network takes the SMS) before failing. */
  taken: boolean;
}

/** Faults waiting for their trigger. */
export class FaultBook {
  private errors: ArmedError[] = [];
  private unplugs: { command: string | null; afterBytes: number }[] = [];
  private garbage: Uint8Array[] = [];
  private urcs: string[] = [];
  private drops: number[] = [];
  private duplicates: number[] = [];
  private cnmiRefusals: Partial<Cnmi>[] = [];
  private replays: { line: string; text: string; timesLeft: number }[] = [];
  private garbleDeliveries = 0;
  private noRefs = 0;

  armError(command: string, final: Final, times: number, taken = false): void {
    this.errors.push({ command: commandName(command), final, timesLeft: times, taken });
  }

  takeError(command: string): { final: Final; taken: boolean } | null {
    const armed = this.errors.find((e) => e.command === command);
    if (!armed) return null;
    if (--armed.timesLeft <= 0) this.errors = this.errors.filter((e) => e !== armed);
    return { final: armed.final, taken: armed.taken };
  }

  armUnplug(command: string | null, afterBytes: number): void {
    this.unplugs.push({ command: command === null ? null : commandName(command), afterBytes });
  }

  /** Bytes of the answer to let through before the line dies, or null when no unplug is armed for it. */
  takeUnplug(command: string): number | null {
    const armed = this.unplugs.find((u) => u.command === null || u.command === command);
    if (!armed) return null;
    this.unplugs = this.unplugs.filter((u) => u !== armed);
    return armed.afterBytes;
  }

  armNoRef(times: number): void {
    this.noRefs += times;
  }

  /** Whether this SMS taken by the network is answered without its reference. */
  takeNoRef(): boolean {
    if (this.noRefs <= 0) return false;
    this.noRefs--;
    return true;
  }

  armReplay(line: string, text: string, times: number): void {
    this.replays.push({ line: line.trim().toUpperCase(), text, timesLeft: times });
  }

  /** The recorded answer to this command line, or null when none is armed for it. */
  takeReplay(line: string): string | null {
    const armed = this.replays.find((r) => r.line === line.trim().toUpperCase());
    if (!armed) return null;
    if (--armed.timesLeft <= 0) this.replays = this.replays.filter((r) => r !== armed);
    return armed.text;
  }

  armGarbledDelivery(): void {
    this.garbleDeliveries++;
  }

  /** Whether the next direct delivery's PDU line is to be garbled (once per arming). */
  takeGarbledDelivery(): boolean {
    if (this.garbleDeliveries === 0) return false;
    this.garbleDeliveries--;
    return true;
  }

  armGarbage(bytes: Uint8Array): void {
    this.garbage.push(bytes);
  }

  takeGarbage(): Uint8Array | null {
    return this.garbage.shift() ?? null;
  }

  armUrc(text: string): void {
    this.urcs.push(text);
  }

  takeUrc(): string | null {
    return this.urcs.shift() ?? null;
  }

  armDrop(part: number): void {
    this.drops.push(part);
  }

  armDuplicate(part: number): void {
    this.duplicates.push(part);
  }

  /** Part numbers to lose (0 = the last part) and to send twice in the next multipart delivery. */
  takePartFaults(): { drop: number | null; duplicate: number | null } {
    return { drop: this.drops.shift() ?? null, duplicate: this.duplicates.shift() ?? null };
  }

  refuseCnmi(pattern: Partial<Cnmi>): void {
    this.cnmiRefusals.push(pattern);
  }

  refusesCnmi(cnmi: Cnmi): boolean {
    return this.cnmiRefusals.some((p) => (Object.keys(p) as (keyof Cnmi)[]).every((k) => p[k] === cnmi[k]));
  }

  clear(): void {
    this.errors = [];
    this.unplugs = [];
    this.garbage = [];
    this.urcs = [];
    this.drops = [];
    this.duplicates = [];
    this.cnmiRefusals = [];
    this.replays = [];
    this.garbleDeliveries = 0;
    this.noRefs = 0;
  }
}
