import { isCallCommand, redactCommand, responsePrefix } from '../../../src-shared/at/command';
import { parseFinalResult, type FinalResult } from '../../../src-shared/at/final-result';
import { AtLineSplitter } from '../../../src-shared/at/line-splitter';
import { classifyUrc, isPduLine, isTwoLineHeader, looksUnsolicited, pduHex, type TwoLineUrc, type Urc } from '../../../src-shared/at/urc';
import { AtError, closedError, errorForFinal, noPromptError, timeoutError, unansweredError } from './at-error';

export { AtError, type AtErrorCode, type AtErrorDetails } from './at-error';

/** What a serial port gives us; serialport's SerialPort fits through a thin adapter. */
export interface ByteLink {
  write(data: Uint8Array | string): void;
  /** Returns a function that unsubscribes. */
  onData(cb: (chunk: Uint8Array) => void): () => void;
  onClose(cb: (err?: Error) => void): () => void;
}

export interface AtCommandOptions {
  /** From the moment the command is written; data arriving meanwhile does not extend it. */
  timeoutMs?: number;
  /** For AT+CMGS: written after the `> ` prompt, followed by Ctrl-Z. */
  payload?: string;
  /** How long to wait for the `> ` prompt (default 10 s, capped at timeoutMs). */
  promptTimeoutMs?: number;
  /**
   * Lines starting with it belong to the response even if they look like URCs. The command's own prefix
   * (`AT+CREG?` → `+CREG:`) is always included; this adds one, e.g. `+ICCID:` for SIMCom's AT+CCID.
   */
  expectPrefix?: string;
  /** Goes before every queued command (not before the one in flight): an acknowledgement with a deadline. */
  urgent?: boolean;
  /**
   * For reads of stored PDUs (+CMGL, +CMGR): a line shaped like an unsolicited one (`+CSQ: 23,99`,
   * `#QSS: 1`, `POWERED DOWN`) that is not the command's own goes to the listeners, never into the PDUs.
   */
  unsolicitedByShape?: boolean;
}

export interface AtResponse {
  /** The command with PINs and passwords masked. */
  command: string;
  /** Information lines in order, echo and URCs removed (for +CMGL: header, PDU, header, PDU...). */
  lines: string[];
  final: FinalResult;
}

export interface AtEngineOptions {
  defaultTimeoutMs?: number;
  /** Sees every line sent and received, with secrets masked and message bodies left out. */
  log?: (dir: 'tx' | 'rx', text: string) => void;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_PROMPT_TIMEOUT_MS = 10_000;
/** After a timeout: how long the line must stay free of answers before the next command goes. */
const RESYNC_QUIET_MS = 200;
const CTRL_Z = '\x1a';
const ESC = '\x1b';

/** A command from run() until it settles. */
interface Job {
  readonly sent: string;
  /** `sent` with secrets masked: the only form that reaches errors, logs and responses. */
  readonly shown: string;
  /** What the modem echoes back when echo is on (ATE1), upper-cased: the command, then the body. */
  readonly echo: string;
  readonly body: string | null;
  readonly bodyEcho: string;
  readonly prefixes: readonly string[];
  readonly unsolicitedByShape: boolean;
  readonly timeoutMs: number;
  readonly promptTimeoutMs: number;
  readonly lines: string[];
  bodySent: boolean;
  readonly timers: ReturnType<typeof setTimeout>[];
  resolve(response: AtResponse): void;
  reject(error: AtError): void;
}

function startsWithUpper(line: string, upperPrefix: string): boolean {
  return line.length >= upperPrefix.length && line.slice(0, upperPrefix.length).toUpperCase() === upperPrefix;
}

/**
 * Runs AT commands one at a time over a byte link and routes what comes back: information lines and the
 * final result to the command in flight, unsolicited result codes (URCs) to listeners, whenever they arrive.
 */
export class AtEngine {
  private readonly splitter = new AtLineSplitter();
  private readonly queue: Job[] = [];
  private readonly listeners = new Set<(urc: Urc) => void>();
  private readonly echoListeners = new Set<() => void>();
  private readonly detach: (() => void)[];
  private current: Job | null = null;
  /** A +CMT/+CDS header whose PDU is the next line. */
  private twoLineHeader: TwoLineUrc | null = null;
  private closed = false;
  /** Set while one chunk's tokens are handled; see pump(). */
  private receiving = false;
  /**
   * Set after a command timed out, until the modem is back in step: its late answer must not be
   * taken for the next command's (a slow SIM's +CMGR would be read as the next slot's, and the wrong
   * message deleted). A probe `AT` is sent; once a final result has come and the line has been quiet
   * for RESYNC_QUIET_MS, commands go again. The probe is repeated while nothing answers, and each
   * probe left unanswered fails the commands waiting (as their own timeouts would have).
   */
  private resync: { quiet: ReturnType<typeof setTimeout> | null; probe: ReturnType<typeof setTimeout> | null } | null = null;

  constructor(
    private readonly link: ByteLink,
    private readonly options: AtEngineOptions = {},
  ) {
    this.detach = [link.onData((chunk) => this.receive(chunk)), link.onClose((err) => this.shutdown(err))];
  }

  /** Queues a command (without the trailing CR). Rejects with AtError on ERROR, +CMS/+CME, timeout or close. */
  run(command: string, opts: AtCommandOptions = {}): Promise<AtResponse> {
    const sent = command.trim();
    const shown = redactCommand(sent);
    if (this.closed) return Promise.reject(closedError(shown));
    const timeoutMs = opts.timeoutMs ?? this.options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    const prefixes = [responsePrefix(sent), opts.expectPrefix?.toUpperCase()].filter((p): p is string => !!p);
    return new Promise((resolve, reject) => {
      this.queue[opts.urgent ? 'unshift' : 'push']({
        sent,
        shown,
        echo: sent.toUpperCase(),
        body: opts.payload ?? null,
        bodyEcho: opts.payload?.toUpperCase() ?? '',
        prefixes,
        unsolicitedByShape: opts.unsolicitedByShape ?? false,
        timeoutMs,
        promptTimeoutMs: Math.min(opts.promptTimeoutMs ?? DEFAULT_PROMPT_TIMEOUT_MS, timeoutMs),
        lines: [],
        bodySent: false,
        timers: [],
        resolve,
        reject,
      });
      this.pump();
    });
  }

  onUrc(listener: (urc: Urc) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Calls `listener` when a command comes back echoed (dropped all the same): a modem set to ATE0 that echoes has restarted. */
  onEcho(listener: () => void): () => void {
    this.echoListeners.add(listener);
    return () => {
      this.echoListeners.delete(listener);
    };
  }

  /** Sends ESC, which ends the modem's message-text entry (the "> " prompt) and does nothing elsewhere. */
  cancelTextEntry(): void {
    if (!this.closed) this.send(ESC, '<ESC>');
  }

  /** Detaches from the link and rejects the command in flight and every queued one with at.closed. */
  close(): void {
    this.shutdown();
  }

  /**
   * Starts the next queued command. Never while a chunk is being handled: bytes that arrived before a
   * command was written cannot be its answer (a stale OK later in the same chunk would otherwise end it).
   */
  private pump(): void {
    if (this.current || this.receiving || this.closed || this.resync) return;
    const job = this.queue.shift();
    if (!job) return;
    this.current = job;
    // The prompt timer goes first so that, when both deadlines are equal, a missing prompt is reported as such.
    if (job.body !== null) job.timers.push(setTimeout(() => this.expirePrompt(job), job.promptTimeoutMs));
    job.timers.push(setTimeout(() => this.expire(job), job.timeoutMs));
    this.send(`${job.sent}\r`, job.shown);
  }

  private send(data: string, logged: string): void {
    this.options.log?.('tx', logged);
    try {
      this.link.write(data);
    } catch (err) {
      // A port that refuses writes is gone; waiting for timeouts would only delay the same verdict.
      this.shutdown(err);
    }
  }

  private receive(chunk: Uint8Array): void {
    if (this.closed) return;
    this.receiving = true;
    try {
      for (const token of this.splitter.push(chunk)) {
        if (this.closed) break;
        if (token.kind === 'prompt') this.onPrompt();
        else this.onLine(token.text);
      }
    } finally {
      this.receiving = false;
    }
    this.pump();
  }

  private awaitsPrompt(job: Job): boolean {
    return job.body !== null && !job.bodySent;
  }

  private onPrompt(): void {
    this.options.log?.('rx', '> ');
    const job = this.current;
    if (job && job.body !== null && !job.bodySent) {
      job.bodySent = true;
      this.send(job.body + CTRL_Z, `[message body, ${job.body.length} characters] <Ctrl-Z>`);
      return;
    }
    // Nobody waits for a body (the prompt came after its command timed out): cancel the text entry, or
    // the modem would take the next command for message text.
    this.send(ESC, '<ESC>');
  }

  private onLine(line: string): void {
    const header = this.twoLineHeader;
    if (header) {
      if (isPduLine(line)) {
        this.twoLineHeader = null;
        this.options.log?.('rx', line);
        this.emit({ ...header, pduLine: line });
        return;
      }
      // A vendor line that raced the delivery (Huawei's ^RSSI at any time): the PDU is still to come.
      // The command in flight's own line (`+CSQ: 20,99` for AT+CSQ) is not one.
      const own = this.current?.prefixes.some((p) => startsWithUpper(line, p)) ?? false;
      const raced = !own && looksUnsolicited(line) ? (classifyUrc(line) ?? unsolicitedNotice(line)) : null;
      if (raced && !isTwoLineHeader(raced)) {
        this.options.log?.('rx', line);
        this.emit(raced);
        return;
      }
      this.twoLineHeader = null;
      this.emit(header);
    }
    const job = this.current;
    if (job && this.isEcho(job, line)) {
      this.options.log?.('rx', job.bodySent ? '[echo of message body]' : job.shown);
      for (const listener of this.echoListeners) listener();
      return;
    }
    this.options.log?.('rx', line);
    if (!job && this.resync) {
      const urc = classifyUrc(line);
      if (urc) this.route(urc);
      // The rest is the late answer of the command that timed out, or the probe's: nobody's to take.
      else this.resyncHeard(parseFinalResult(line) !== null);
      return;
    }
    if (!job) {
      const urc = classifyUrc(line);
      if (urc) this.route(urc);
      // A final result with no command waiting is the tail of one that timed out: nothing to give it to.
      else if (!parseFinalResult(line)) this.route({ kind: 'unknown', text: line });
      return;
    }
    const final = parseFinalResult(line);
    if (final && (final.kind !== 'no-carrier' || isCallCommand(job.sent))) {
      this.settle(job, final);
      return;
    }
    if (!job.prefixes.some((p) => startsWithUpper(line, p))) {
      const urc = classifyUrc(line) ?? (job.unsolicitedByShape && pduHex(line) === null && looksUnsolicited(line) ? unsolicitedNotice(line) : null);
      if (urc) {
        this.route(urc);
        return;
      }
    }
    job.lines.push(line);
  }

  private isEcho(job: Job, line: string): boolean {
    const echoed = job.bodySent ? job.bodyEcho : job.echo;
    return line.length === echoed.length && line.toUpperCase() === echoed;
  }

  private settle(job: Job, final: FinalResult): void {
    if (final.kind !== 'ok') this.finish(job, errorForFinal(job.shown, final, job.body === null ? undefined : { bodySent: job.bodySent, lines: job.lines }));
    else if (this.awaitsPrompt(job)) this.finish(job, noPromptError(job.shown));
    else this.finish(job, { command: job.shown, lines: job.lines, final });
  }

  private finish(job: Job, outcome: AtResponse | AtError): void {
    if (this.current !== job) return;
    this.current = null;
    for (const timer of job.timers) clearTimeout(timer);
    if (outcome instanceof AtError) job.reject(outcome);
    else job.resolve(outcome);
  }

  private expirePrompt(job: Job): void {
    if (this.current !== job || !this.awaitsPrompt(job)) return;
    this.finish(job, timeoutError(job.shown, 'prompt', job.promptTimeoutMs, false));
    // The prompt may be on its way: ESC makes sure the modem is not left waiting for a body.
    this.send(ESC, '<ESC>');
    this.startResync(job.promptTimeoutMs);
  }

  private expire(job: Job): void {
    if (this.current !== job) return;
    this.finish(job, timeoutError(job.shown, 'response', job.timeoutMs, job.body === null ? undefined : job.bodySent));
    this.startResync(this.options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  private startResync(probeEveryMs: number): void {
    if (this.closed) return;
    const resync: NonNullable<AtEngine['resync']> = { quiet: null, probe: null };
    this.resync = resync;
    const probe = (unanswered: boolean) => {
      if (this.resync !== resync) return;
      // Answered and waiting out the quiet moment: nothing to probe.
      if (resync.quiet !== null) {
        resync.probe = setTimeout(() => probe(true), probeEveryMs);
        return;
      }
      // A probe nobody answered: the modem is not answering at all, and what waits would only wait
      // longer. Those commands were never written, and say so.
      if (unanswered) for (const queued of this.queue.splice(0)) queued.reject(unansweredError(queued.shown, probeEveryMs));
      this.send('AT\r', 'AT');
      // Sending can find the port gone, which ends the resync with everything else.
      if (this.resync === resync) resync.probe = setTimeout(() => probe(true), probeEveryMs);
    };
    probe(false);
  }

  /**
   * A line while out of step: a final result starts the quiet wait, any line restarts a running one.
   * (Whether a final is the late answer's or the probe's cannot be told: a modem answers the probe
   * within the quiet moment after finishing the late command, which is what the wait relies on.)
   */
  private resyncHeard(final: boolean): void {
    const resync = this.resync!;
    if (!final && resync.quiet === null) return;
    if (resync.quiet !== null) clearTimeout(resync.quiet);
    resync.quiet = setTimeout(() => this.endResync(), RESYNC_QUIET_MS);
  }

  private endResync(): void {
    const resync = this.resync;
    if (!resync) return;
    if (resync.quiet !== null) clearTimeout(resync.quiet);
    if (resync.probe !== null) clearTimeout(resync.probe);
    this.resync = null;
    this.pump();
  }

  private route(urc: Urc): void {
    if (isTwoLineHeader(urc)) this.twoLineHeader = urc;
    else this.emit(urc);
  }

  private emit(urc: Urc): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(urc);
      } catch (err) {
        // A listener's bug must not desynchronise the parser mid-chunk; it still surfaces as uncaught.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  private shutdown(cause?: unknown): void {
    if (this.closed) return;
    this.closed = true;
    for (const detach of this.detach) detach();
    if (this.twoLineHeader) this.emit(this.twoLineHeader);
    this.twoLineHeader = null;
    const job = this.current;
    if (job) this.finish(job, closedError(job.shown, cause, job.body === null ? undefined : job.bodySent));
    if (this.resync) {
      if (this.resync.quiet !== null) clearTimeout(this.resync.quiet);
      if (this.resync.probe !== null) clearTimeout(this.resync.probe);
      this.resync = null;
    }
    for (const queued of this.queue.splice(0)) queued.reject(closedError(queued.shown, cause, queued.body === null ? undefined : false));
  }
}

function unsolicitedNotice(line: string): Urc {
  const colon = line.indexOf(':');
  return { kind: 'notice', name: colon > 0 ? line.slice(0, colon) : line, text: line };
}
