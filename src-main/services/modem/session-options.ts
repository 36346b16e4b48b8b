import type { BindingInterface } from '../../serialport-types';
import type { Journal } from '../journal';

/** The USB device behind a port, to find it again under a new path after an unplug. */
export interface UsbIdentity {
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
  /**
   * The USB interface of the port (`02`). One modem shows several serial ports with the same vendor,
   * product and serial number, and only one of them speaks AT: a Quectel EC25 has QCDM (if 00), GPS
   * (01), AT (02) and a second AT port (03), ModemManager src/plugins/quectel/77-mm-quectel-port-types.rules.
   */
  usbInterface?: string;
}

/** What a modem session is given: its port, its journal, and the timings tests shorten. */
export interface SessionOptions {
  modemId: string;
  path: string;
  demo: boolean;
  journal: Journal;
  /** The demo modem's serialport binding; absent for a real port (serialport's native binding). */
  binding?: BindingInterface;
  /** To find the modem again after an unplug, when the OS gives it a new path. */
  usb?: UsbIdentity;
  findPath?: (usb: UsbIdentity) => Promise<string | null>;
  /**
   * The path of another session up on this SIM (`simId`), else null: asked the moment the card is identified, before
   * anything of its memory is read. A modem's second AT port (an EC25's interface 03 beside 02) is another device
   * with the same card behind it.
   */
  simHeldBy?: (simId: string) => string | null;
  now?: () => Date;
  log?: (dir: 'tx' | 'rx', text: string) => void;
  /** Waits between reconnect attempts (ms); the last repeats. */
  backoffMs?: readonly number[];
  /** How often signal and registration are refreshed (ms); also detects a modem that went silent. */
  healthEveryMs?: number;
  /** How soon a message the journal could not write (a full disk) is tried again (ms). */
  journalRetryMs?: number;
  /** How long AT+CMGS may go unanswered, its body sent, before the send counts as maybe sent (ms); default 90 s. */
  sendTimeoutMs?: number;
  /** How long an instruction waits for the network to register the card before it fails as `send.no-network` (ms); default 60 s. */
  networkWaitMs?: number;
}
