import type { AtCommand, AtOp } from './at-command';
import type { FaultBook } from './faults';
import type { Identity } from './identity';
import type { Network } from './network';
import type { Quirks } from './profiles';
import type { Response } from './result-codes';
import type { Settings } from './settings';
import type { SimCard } from './sim';
import type { SmsCenter } from './sms-center';
import type { SmsInbound } from './sms-inbound';
import type { Storages } from './storage';

/** A command that answers "> " and waits for a body ended by Ctrl-Z (AT+CMGS). */
export interface Prompt {
  onPayload(text: string): Response;
}

export type Reply = Response | Prompt;

export function isPrompt(reply: Reply): reply is Prompt {
  return 'onPayload' in reply;
}

/** What command handlers see of the modem. */
export interface ModemContext {
  readonly settings: Settings;
  readonly identity: Identity;
  /** How the emulated device differs from plain TS 27.005/27.007 (its profile). */
  readonly quirks: Quirks;
  readonly sim: SimCard;
  readonly network: Network;
  readonly storage: Storages;
  readonly inbound: SmsInbound;
  readonly center: SmsCenter;
  readonly faults: FaultBook;
  /** Time the network takes to accept an SMS (the wait before +CMGS: <mr>). */
  readonly sendDelayMs: number;
  /** ATZ / AT&F: factory settings back, messages and SIM untouched. */
  resetSettings(): void;
  /** The right PIN/PUK went in: the radio may now register. */
  simUnlocked(): void;
  /** AT+CNMI changed: buffered SMS indications are flushed or discarded as <bfr> says. */
  smsIndicationsChanged(): void;
  /** The device's URC that races the first listing after power-on, once; null afterwards. */
  takeListingUrc(): string | null;
}

export type Handler = (cmd: AtCommand, m: ModemContext) => Reply;

/** Commands by name, then by form (`AT+X`, `AT+X=…`, `AT+X?`, `AT+X=?`); a missing form is an ERROR. */
export type CommandTable = Record<string, Partial<Record<AtOp, Handler>>>;
