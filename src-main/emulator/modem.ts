import { parseCommandLine, type AtCommand } from './at-command';
import { basicCommands } from './basic';
import { latin1Bytes } from './charset';
import { CommandReader, type ReaderEvent } from './command-reader';
import { isPrompt, type CommandTable, type ModemContext, type Prompt, type Reply } from './context';
import { applyFault } from './fault-actions';
import { FaultBook, type Fault, type ScriptStep } from './faults';
import { identityCommands } from './identity';
import { Network, networkCommands, REGISTRATIONS, registrationLine } from './network';
import { resolveOptions, type EmulatorOptions, type ResolvedOptions } from './options';
import { Responder10086 } from './responder-10086';
import { CME, cme, error, formatFinal, formatInfo, ok, type Final, type Response } from './result-codes';
import { createRng, type Rng } from './rng';
import { defaultSettings, type Mem, type Settings } from './settings';
import { DEFAULT_SIM, SimCard, simCommands, type SimOptions, type SimState } from './sim';
import { SmsCenter, type DeliverOptions, type SentMessage } from './sms-center';
import { smsConfigCommands } from './sms-config';
import { SmsInbound } from './sms-inbound';
import { PAYLOAD_COMMANDS, smsSendCommands } from './sms-send';
import { smsStorageCommands } from './sms-storage';
import { Storages, type StoredEntry } from './storage';
import { Subscriber10086 } from './subscriber-10086';
import { Transmitter } from './transmitter';
import { UrcGate } from './urc-gate';
import { vendorCommands } from './vendor-commands';
import { VendorNoise } from './vendor-noise';

/** Commands refused while the SMS service is still starting after power-on (Quirks.smsReadyAfterMs). */
const SMS_COMMANDS: ReadonlySet<string> = new Set(['+CMGF', '+CPMS', '+CMGL', '+CMGR', '+CMGD', '+CMGS', '+CSCA', '+CNMI', '+CSMS', '+CSMP', '+CNMA']);

const COMMANDS: CommandTable = {
  ...basicCommands,
  ...identityCommands,
  ...simCommands,
  ...networkCommands,
  ...smsConfigCommands,
  ...smsStorageCommands,
  ...smsSendCommands,
};

const CR = 0x0d;
const CTRL_Z = 0x1a;
const ESC = 0x1b;

export interface SimView {
  state: SimState;
  pinTriesLeft: number;
  smsc: string;
  /** Messages on the SIM (SM storage). */
  messages: StoredEntry[];
}

/**
 * A GSM/LTE USB modem on a serial line, byte for byte: V.250 command lines with echo,
 * TS 27.007 / 27.005 commands (Huawei / Quectel flavour), URCs, the "> " SMS prompt, SIM
 * storage, a network with an SMSC and the 10086 business hall behind it, and faults on demand.
 *
 * The host writes bytes with `write` and reads the modem's bytes through `onData`. Input is
 * read only while no command is executing, as from a UART FIFO; URCs never split a response
 * (unless a fault says so, see UrcGate).
 */
export class ModemEmulator {
  private readonly o: ResolvedOptions;
  private readonly rng: Rng;
  private settings: Settings;
  private readonly simCard: SimCard;
  private readonly network: Network;
  private readonly storage: Storages;
  private readonly faults = new FaultBook();
  private readonly center: SmsCenter;
  private readonly responder: Responder10086;
  private readonly inbound: SmsInbound;
  private readonly tx: Transmitter;
  private readonly noise: VendorNoise;
  private readonly reader = new CommandReader();
  private readonly urcs: UrcGate;
  private readonly ctx: ModemContext;
  private readonly commands: CommandTable;
  /** False from power-on until the SMS service has started. */
  private smsReady = true;
  /** The profile's URC that races the first listing after power-on, until it has been said. */
  private listingUrc: string | null = null;
  /** The profile's URC that races the first direct delivery (+CMT/+CDS) after power-on, until it has been said. */
  private deliveryUrc: string | null = null;

  private plugged = true;
  /** Cancels the end of a 'sim-busy' fault under way: another one ends it at its own time. */
  private endSimBusy: (() => void) | null = null;
  /** A command is executing: input waits in the FIFO. */
  private busy = false;
  private input: number[] = [];
  private pumping = false;
  private echo: number[] = [];
  private prompt: Prompt | null = null;
  /** An armed unplug that lets the whole "> " prompt out: bytes of the answer to the body before the line dies. */
  private cutAfterPrompt: number | null = null;
  private silence: { commandsLeft: number; until: number } | null = null;
  private timers = new Set<() => void>();
  private unplugListeners = new Set<() => void>();
  private commandListeners = new Set<(line: string) => void>();
  private replugListeners = new Set<() => void>();

  constructor(
    private readonly options: EmulatorOptions = {},
    /** The card and its message memory, when this is another serial port of a modem that holds them (`secondPort`). */
    shared?: { simCard: SimCard; storage: Storages },
  ) {
    const o = (this.o = resolveOptions(options));
    this.settings = this.factorySettings();
    this.commands = { ...COMMANDS, ...vendorCommands(o.quirks.vendorCommands) };
    this.rng = createRng(o.seed);
    this.simCard = shared?.simCard ?? new SimCard(o.sim);
    this.network = new Network(o.scheduler, o.timing.registerDelayMs, o.rssi);
    this.storage = shared?.storage ?? new Storages(o.capacity, o.firstIndex);
    this.tx = new Transmitter(o.scheduler, o.baud);
    this.urcs = new UrcGate({
      settings: () => this.settings,
      // Reserved from a command's CR to its final result code, and during the "> " prompt.
      reserved: () => this.busy || this.reader.inPayload,
      live: () => this.plugged && !this.isSilenced(),
      send: (lines) => this.send(formatInfo(lines, this.settings)),
    });
    this.noise = new VendorNoise(o.scheduler, this.rng, this.network, (line) => this.urcs.push([line], false));
    this.inbound = new SmsInbound({
      settings: () => this.settings,
      storage: this.storage,
      scheduler: o.scheduler,
      timing: o.timing,
      reachable: () => this.plugged && this.simCard.state === 'READY' && this.network.registered,
      indicate: (lines) => this.urcs.push(this.asDelivered(lines), true),
      notice: (line) => this.urcs.push([line], false),
      reports: () => ({ store: o.quirks.reportStore, announcedAs: o.quirks.reportAnnouncedAs }),
    });
    this.center = new SmsCenter({
      scheduler: o.scheduler,
      rng: this.rng,
      clock: o.clock,
      faults: this.faults,
      timing: o.timing,
      partOrder: o.partOrder,
      smsc: () => this.simCard.smsc,
      toModem: (pdu) => this.inbound.receive(pdu),
    });
    const subscriber = new Subscriber10086(createRng(o.seed ^ 0x10086), o.seed, o.subscriber);
    this.responder = new Responder10086(this.center, subscriber, o.clock, o.timing.replyDelayMs);
    this.ctx = this.context();
    this.network.onStatChange(() => {
      for (const reg of REGISTRATIONS) {
        if (this.settings[reg.mode] > 0) this.urcs.push([registrationLine(this.ctx, reg, true)], false);
      }
      if (this.network.registered) this.inbound.retrySoon();
    });
    this.network.cfun = o.quirks.radioAtBoot;
    if (this.simCard.state === 'READY') this.network.register();
    this.powerOn();
    this.script(o.script);
  }

  private factorySettings(): Settings {
    return defaultSettings({ cpms: this.o.quirks.cpmsDefault, cscs: this.o.quirks.cscs });
  }

  /**
   * A +CMT/+CDS (header, PDU) as it reaches the wire: with the profile's racing URC between them once per
   * power-on, and its PDU line garbled when a fault says so.
   */
  private asDelivered(lines: string[]): string[] {
    if (lines.length !== 2 || !/^\+(CMT|CDS):/.test(lines[0]!)) return lines;
    const [header, pdu] = lines as [string, string];
    const wire = this.faults.takeGarbledDelivery() ? `${pdu.slice(0, 10)}#${pdu.slice(11)}` : pdu;
    const urc = this.deliveryUrc;
    this.deliveryUrc = null;
    return urc === null ? [header, wire] : [header, urc, wire];
  }

  /** The device's boot: its banners (none when `silent`), and its SMS service starting a moment later. */
  private powerOn(silent = false): void {
    const q = this.o.quirks;
    this.listingUrc = q.listingUrc;
    this.deliveryUrc = q.deliveryUrc;
    if (q.bootUrcs.length > 0 && !silent) this.urcs.push(q.bootUrcs, false);
    this.smsReady = q.smsReadyAfterMs <= 0;
    if (this.smsReady) return;
    this.after(q.smsReadyAfterMs, () => {
      this.smsReady = true;
      if (q.smsReadyUrc && !silent) this.urcs.push([q.smsReadyUrc], false);
    });
  }

  // ---- the serial line ----

  /** Bytes from the host. */
  write(data: Uint8Array | string): void {
    if (!this.plugged) return;
    const bytes = typeof data === 'string' ? latin1Bytes(data) : data;
    for (const b of bytes) this.input.push(b);
    this.pump();
  }

  /** Bytes to the host. */
  onData(cb: (chunk: Uint8Array) => void): () => void {
    return this.tx.onData(cb);
  }

  /**
   * The modem's second AT port (a Quectel EC25's USB interface 03 beside 02, a SIM7600's ttyUSB3 beside ttyUSB2): a
   * line of its own (echo, settings, prompt) onto the same card and message memory. New messages are announced on
   * this (the first) port only, as a modem's URCs go to one port.
   */
  secondPort(): ModemEmulator {
    // The first port plays the script: the card's and the network's events happen once.
    return new ModemEmulator({ ...this.options, script: [] }, { simCard: this.simCard, storage: this.storage });
  }

  /**
   * Each command line the modem has just run (its effects applied; an AT+CMGS has its "> " out and holds the
   * line until its answer), as the line came: what a test waits for to act at that very point of a
   * conversation (hand over a report, end a wait), instead of guessing when it comes.
   */
  onCommand(cb: (line: string) => void): () => void {
    this.commandListeners.add(cb);
    return () => this.commandListeners.delete(cb);
  }

  onUnplug(cb: () => void): () => void {
    this.unplugListeners.add(cb);
    return () => this.unplugListeners.delete(cb);
  }

  onReplug(cb: () => void): () => void {
    this.replugListeners.add(cb);
    return () => this.replugListeners.delete(cb);
  }

  get isPlugged(): boolean {
    return this.plugged;
  }

  /** Its SMS service is up (Quirks.smsReadyAfterMs after power-on): SMS commands are no longer refused. */
  get smsServiceReady(): boolean {
    return this.smsReady;
  }

  // ---- host API for tests and the demo ----

  /** An SMS arrives from the network (long text: parts, shuffled, with gaps). */
  deliver(from: string, text: string, opts?: DeliverOptions): void {
    this.center.deliver(from, text, opts);
  }

  /** One SMS-DELIVER PDU from the network as given, byte for byte (see SmsCenter.deliverPdu). */
  deliverPdu(hex: string): void {
    this.center.deliverPdu(hex);
  }

  get sent(): readonly SentMessage[] {
    return this.center.sent;
  }

  /** Every text the network delivered to the modem, whole. */
  get delivered(): readonly { from: string; text: string }[] {
    return this.center.delivered;
  }

  /** Every message the host deleted, with where it was. */
  get deletions(): Storages['deleted'] {
    return this.storage.deleted;
  }

  get sim(): SimView {
    const s = this.simCard;
    return { state: s.state, pinTriesLeft: s.pinTriesLeft, smsc: s.smsc, messages: this.storage.list('SM') };
  }

  messages(mem: Mem): StoredEntry[] {
    return this.storage.list(mem);
  }

  /** Puts a PDU (SMSC field first) in a memory's first free slot, as if it had been there since before; its index, or null when full. */
  preload(mem: 'SM' | 'ME' | 'SR', pdu: string, kind: StoredEntry['message']['kind'] = 'deliver', status: StoredEntry['message']['status'] = 1): number | null {
    return this.storage.store(mem, { status, pdu, kind });
  }

  /**
   * Another SIM put into this modem while it is unplugged (a clerk swapping customers' cards at a desk):
   * the next host to open the port finds only the new card.
   */
  insertSim(sim: Partial<SimOptions>): void {
    this.simCard.replaceWith({ ...DEFAULT_SIM, ...sim });
  }

  /**
   * A card pulled and another pushed in while the modem runs, with SIM hot-plug detection on (a Quectel with
   * AT+QSIMDET): "+CPIN: NOT READY" as the card leaves, "+CPIN: READY" once the next one has started, the line a
   * Quectel module prints for a card at power-on too (RDY, +CPIN: READY, +QUSIM: 1, +QIND: SMS DONE).
   */
  swapSim(sim: Partial<SimOptions>): void {
    this.pullSim();
    this.pushSim(sim);
  }

  /**
   * The first half of swapSim: the card is out, its SM memory with it, and until pushSim every SIM and message command
   * is refused (CME 10 / CMS 310). A hand is slower than a serial line: a test that puts the next card in only once the
   * host has heard this one leave plays what a desk can do, where swapSim in one go has the next card in before the host
   * could know the first one left.
   */
  pullSim(): void {
    this.simCard.state = 'ABSENT';
    this.network.detach();
    this.urcs.push(['+CPIN: NOT READY'], false);
    this.storage.cardLeft();
  }

  /** The second half of swapSim: the next card is in and has started. */
  pushSim(sim: Partial<SimOptions>): void {
    this.simCard.replaceWith({ ...DEFAULT_SIM, ...sim });
    if (this.simCard.cpin === 'READY') this.network.attach();
    this.urcs.push([`+CPIN: ${this.simCard.cpin}`], false);
  }

  /** The device profile this emulator plays, if any. */
  get profile(): ResolvedOptions['profile'] {
    return this.o.profile;
  }

  /** Whether the modem handed over a +CMT/+CDS and still waits for its AT+CNMA (AT+CSMS=1). */
  get awaitingAcknowledgement(): boolean {
    return this.inbound.awaitingAcknowledgement;
  }

  /** Messages the network holds because the modem cannot take them (memory full, unreachable). */
  get waitingInNetwork(): number {
    return this.inbound.waiting;
  }

  fault(f: Fault): void {
    applyFault(f, {
      faults: this.faults,
      rng: this.rng,
      clock: this.o.clock,
      sim: this.simCard,
      network: this.network,
      storage: this.storage,
      center: this.center,
      inbound: this.inbound,
      responder: this.responder,
      noise: this.noise,
      unplug: () => this.unplug(),
      restart: (banner) => this.restart(banner),
      sendRaw: (bytes) => {
        if (this.plugged) this.tx.send(bytes);
      },
      silence: (commands, durationMs) => {
        this.silence = { commandsLeft: commands, until: this.o.scheduler.now() + durationMs };
      },
      simBusy: (durationMs) => {
        this.endSimBusy?.();
        this.simCard.busy = true;
        const cancel = this.after(durationMs, () => {
          this.endSimBusy = null;
          this.simCard.busy = false;
          this.urcs.push([`+CPIN: ${this.simCard.cpin}`], false);
        });
        if (this.simCard.busy) this.endSimBusy = cancel;
      },
    });
  }

  script(steps: readonly ScriptStep[]): void {
    for (const step of steps) this.o.scheduler.setTimeout(() => this.fault(step.fault), step.atMs);
  }

  clearFaults(): void {
    this.faults.clear();
    this.silence = null;
    this.noise.stop();
  }

  /** The cable is pulled: the line goes dead, half-sent answers are lost, settings die with the power. */
  unplug(): void {
    if (!this.plugged) return;
    this.plugged = false;
    this.powerLost();
    for (const cb of [...this.unplugListeners]) cb();
  }

  /**
   * A restart in place (a brown-out on a serial module): the line stays, what was half-sent is lost,
   * settings go back to factory. `banner` false: it says nothing as it comes back, as a SIM800 with
   * autobauding on does ("RDY" and so on are not indicated, SIM800 Series AT Command Manual §2.2.41.1).
   */
  restart(banner: boolean): void {
    if (!this.plugged) return;
    this.powerLost();
    this.boot(!banner);
  }

  private powerLost(): void {
    for (const cancel of this.timers) cancel();
    this.timers.clear();
    this.tx.clear();
    this.reader.reset();
    this.input = [];
    this.echo = [];
    this.busy = false;
    this.prompt = null;
    this.cutAfterPrompt = null;
    this.urcs.clear();
    this.inbound.powerCycle();
    this.network.detach();
  }

  /** Plugged back in: a cold boot with factory settings; SIM, messages and the network's queue survive. */
  replug(): void {
    if (this.plugged) return;
    this.plugged = true;
    this.boot(false);
    for (const cb of [...this.replugListeners]) cb();
  }

  private boot(silent: boolean): void {
    this.settings = this.factorySettings();
    this.silence = null;
    this.network.cfun = this.o.quirks.radioAtBoot;
    this.simCard.state = this.simCard.powerOnState();
    this.simCard.busy = false;
    this.endSimBusy = null;
    if (this.simCard.state === 'READY') this.network.attach();
    this.powerOn(silent);
  }

  /** Stops every timer the emulator owns (noise, pending answers); the object is done with. */
  dispose(): void {
    this.noise.stop();
    for (const cancel of this.timers) cancel();
    this.timers.clear();
  }

  // ---- input ----

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.plugged && !this.busy && this.input.length > 0) {
        const byte = this.input.shift()!;
        if (this.isSilenced()) {
          if (byte === CR) this.silence!.commandsLeft--;
          continue;
        }
        if (this.settings.echo && byte !== CTRL_Z && byte !== ESC) this.echo.push(byte);
        const event = this.reader.feed(byte);
        if (event) this.onReaderEvent(event);
      }
    } finally {
      this.pumping = false;
      this.flushEcho();
    }
  }

  private onReaderEvent(event: ReaderEvent): void {
    if (event.kind === 'noise') return;
    this.flushEcho();
    switch (event.kind) {
      case 'line':
        this.execute(event.text);
        for (const cb of [...this.commandListeners]) cb(event.text);
        return;
      case 'payload-newline':
        if (this.settings.cmgf === 1) this.send('\r\n> ');
        return;
      case 'payload':
        this.finishPrompt(event.text);
        return;
      case 'payload-cancelled':
        this.prompt = null;
        this.cutAfterPrompt = null;
        this.busy = true;
        this.respond(ok(), this.o.timing.latencyMs, null);
        return;
    }
  }

  private isSilenced(): boolean {
    const s = this.silence;
    if (s && (s.commandsLeft <= 0 || this.o.scheduler.now() >= s.until)) this.silence = null;
    return this.silence !== null;
  }

  private flushEcho(): void {
    if (this.echo.length === 0) return;
    const bytes = Uint8Array.from(this.echo);
    this.echo = [];
    this.tx.send(bytes);
  }

  // ---- commands ----

  private execute(line: string): void {
    this.busy = true;
    const latency = this.o.timing.latencyMs;
    const recorded = this.faults.takeReplay(line);
    if (recorded !== null) {
      this.after(latency, () => this.release(recorded));
      return;
    }
    const commands = parseCommandLine(line);
    if (!commands) return this.respond(error(), latency, null);
    const lines: string[] = [];
    let final: Final = { kind: 'ok' };
    let delay = latency;
    let cut: number | null = null;
    for (const cmd of commands) {
      cut ??= this.faults.takeUnplug(cmd.name);
      const reply = this.run(cmd);
      if (isPrompt(reply)) return this.openPrompt(reply, lines, delay, cut);
      lines.push(...reply.lines);
      delay += reply.delayMs ?? 0;
      final = reply.final;
      if (final.kind !== 'ok') break;
    }
    this.respond({ lines, final }, delay, cut);
  }

  private run(cmd: AtCommand): Reply {
    const failure = this.faults.takeError(cmd.name);
    if (failure) {
      const failed: Response = { lines: [], final: failure.final };
      // Commands with a body still prompt for it; the network refuses only after Ctrl-Z.
      if (!(PAYLOAD_COMMANDS.includes(cmd.name) && cmd.op === 'set')) return failed;
      const own = failure.taken ? this.command(cmd) : null;
      if (own === null || !isPrompt(own)) return { onPayload: () => failed };
      // Taken: the body goes its usual way (the network has it, `+CMGS: <mr>` said), then the error ends the answer.
      return { onPayload: (payload) => ({ ...own.onPayload(payload), final: failure.final }) };
    }
    return this.command(cmd);
  }

  /** The command's own answer, faults aside. */
  private command(cmd: AtCommand): Reply {
    if (!this.smsReady && SMS_COMMANDS.has(cmd.name)) return this.o.quirks.smsNotReady === 'sim-busy' ? cme(CME.simBusy) : error();
    const forms = this.commands[cmd.name];
    if (!forms) return this.o.unknownCommand === 'cme' ? cme(CME.operationNotSupported) : error();
    const handler = forms[cmd.op];
    return handler ? handler(cmd, this.ctx) : error();
  }

  private openPrompt(prompt: Prompt, lines: string[], delay: number, cut: number | null): void {
    this.prompt = prompt;
    this.reader.expectPayload();
    this.busy = false;
    const text = `${formatInfo(lines, this.settings)}${this.o.quirks.prompt}`;
    // A cut past the prompt falls in the answer to the body: the network has the message by then.
    this.cutAfterPrompt = cut !== null && cut > text.length ? cut - text.length : null;
    this.after(delay, () => this.emit(text, this.cutAfterPrompt === null ? cut : null));
  }

  private finishPrompt(payload: string): void {
    const prompt = this.prompt!;
    const cut = this.cutAfterPrompt;
    this.prompt = null;
    this.cutAfterPrompt = null;
    this.busy = true;
    const response = prompt.onPayload(payload);
    this.respond(response, this.o.timing.latencyMs + (response.delayMs ?? 0), cut);
  }

  /** Sends the answer after `delay`, then frees the line: held URCs go out, queued input is read. */
  private respond(response: Response, delay: number, cut: number | null): void {
    const style = this.settings;
    const [first, ...rest] = response.lines;
    const wedged = first === undefined ? null : this.faults.takeUrc();
    const info = wedged
      ? formatInfo([first!], style) + formatInfo([wedged], style) + formatInfo(rest, style)
      : formatInfo(response.lines, style);
    const garbage = this.faults.takeGarbage();
    const text = info + formatFinal(response.final, style);
    this.after(delay, () => {
      if (garbage) this.tx.send(garbage);
      this.emit(text, cut);
      if (this.plugged) this.release(null);
    });
  }

  /** Puts text on the wire, or only its first `cut` bytes before the cable goes. */
  /** Sends what is left of an answer (if anything), then frees the line: held URCs go out, queued input is read. */
  private release(text: string | null): void {
    if (text !== null) this.send(text);
    this.busy = false;
    this.urcs.release();
    this.pump();
  }

  private emit(text: string, cut: number | null): void {
    const bytes = latin1Bytes(text);
    if (cut === null) return this.tx.send(bytes);
    this.tx.send(bytes.subarray(0, cut));
    this.unplug();
  }

  private send(text: string): void {
    this.tx.send(latin1Bytes(text));
  }

  /** Runs `fn` after `ms` (at once when not positive), unless the power goes first; returns what cancels it. */
  private after(ms: number, fn: () => void): () => void {
    if (ms <= 0) {
      fn();
      return () => undefined;
    }
    const cancel = this.o.scheduler.setTimeout(() => {
      this.timers.delete(cancel);
      fn();
    }, ms);
    this.timers.add(cancel);
    return () => {
      cancel();
      this.timers.delete(cancel);
    };
  }

  private context(): ModemContext {
    const self = this;
    return {
      get settings() {
        return self.settings;
      },
      identity: this.o.identity,
      quirks: this.o.quirks,
      sim: this.simCard,
      network: this.network,
      storage: this.storage,
      inbound: this.inbound,
      center: this.center,
      faults: this.faults,
      sendDelayMs: this.o.timing.sendDelayMs,
      resetSettings: () => {
        this.settings = this.factorySettings();
      },
      takeListingUrc: () => {
        const urc = this.listingUrc;
        this.listingUrc = null;
        return urc;
      },
      simUnlocked: () => this.network.attach(),
      smsIndicationsChanged: () => this.urcs.cnmiChanged(),
    };
  }
}
