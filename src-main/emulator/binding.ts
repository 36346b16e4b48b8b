import type {
  BindingInterface,
  BindingPortInterface,
  OpenOptions,
  PortInfo,
  PortStatus,
  UpdateOptions,
} from '../serialport-types';
import { ModemEmulator } from './modem';
import type { EmulatorOptions } from './options';

export const DEMO_PATH = 'emulator://demo';
export const DEMO_MANUFACTURER = 'Hall10086 demo modem';

/** serialport's contract: an error with `canceled` means "closed on purpose", anything else a disconnect. */
class CanceledError extends Error {
  readonly canceled = true;
}

/** The open side of the demo port: bytes between SerialPortStream and the emulator, no OS involved. */
export class EmulatorPort implements BindingPortInterface {
  readonly openOptions: Required<OpenOptions>;
  isOpen = true;
  private received: Buffer[] = [];
  private waiting: { wake: () => void; fail: (e: Error) => void } | null = null;
  private disconnected: Error | null = null;
  private readonly detach: () => void;

  constructor(
    private readonly emulator: ModemEmulator,
    openOptions: Required<OpenOptions>,
    private readonly onClose: () => void,
  ) {
    this.openOptions = openOptions;
    const offData = emulator.onData((chunk) => {
      this.received.push(Buffer.from(chunk));
      this.wake();
    });
    const offUnplug = emulator.onUnplug(() => this.lose(new Error(`${openOptions.path}: device disconnected`)));
    this.detach = () => {
      offData();
      offUnplug();
    };
  }

  async read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
    for (;;) {
      this.checkUsable();
      if (this.received.length > 0) break;
      await new Promise<void>((wake, fail) => (this.waiting = { wake, fail }));
    }
    let bytesRead = 0;
    while (bytesRead < length && this.received.length > 0) {
      const head = this.received[0]!;
      const n = head.copy(buffer, offset + bytesRead, 0, Math.min(head.length, length - bytesRead));
      bytesRead += n;
      if (n === head.length) this.received.shift();
      else this.received[0] = head.subarray(n);
    }
    return { buffer, bytesRead };
  }

  async write(buffer: Buffer): Promise<void> {
    this.checkUsable();
    this.emulator.write(new Uint8Array(buffer));
  }

  async close(): Promise<void> {
    if (!this.isOpen) throw new Error('Port is not open');
    this.isOpen = false;
    this.detach();
    this.received = [];
    this.fail(new CanceledError('port is closed'));
    this.onClose();
  }

  async update(options: UpdateOptions): Promise<void> {
    this.checkUsable();
    this.openOptions.baudRate = options.baudRate;
  }

  /** DTR/RTS/BRK are not modelled: the emulated modem ignores control lines, as most USB sticks do. */
  async set(): Promise<void> {
    this.checkUsable();
  }

  async get(): Promise<PortStatus> {
    this.checkUsable();
    return { cts: true, dsr: true, dcd: false };
  }

  async getBaudRate(): Promise<{ baudRate: number }> {
    this.checkUsable();
    return { baudRate: this.openOptions.baudRate };
  }

  async flush(): Promise<void> {
    this.checkUsable();
    this.received = [];
  }

  async drain(): Promise<void> {
    this.checkUsable();
  }

  private checkUsable(): void {
    if (!this.isOpen) throw new CanceledError('Port is not open');
    if (this.disconnected) throw this.disconnected;
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = null;
    w?.wake();
  }

  private fail(e: Error): void {
    const w = this.waiting;
    this.waiting = null;
    w?.fail(e);
  }

  /** The cable went: reads and writes fail with a plain error, which serialport treats as a disconnect. */
  private lose(e: Error): void {
    this.disconnected = e;
    this.fail(e);
  }
}

export interface EmulatorBinding extends BindingInterface<EmulatorPort, OpenOptions, PortInfo> {
  readonly path: string;
  readonly emulator: ModemEmulator;
}

/**
 * A serialport binding with one port, the demo modem:
 * `new SerialPortStream({ binding: createEmulatorBinding(), path: DEMO_PATH, baudRate: 115200 })`.
 * While the emulator is unplugged the port is not listed and cannot be opened.
 */
export function createEmulatorBinding(
  opts: { path?: string; emulator?: ModemEmulator; emulatorOptions?: EmulatorOptions } = {},
): EmulatorBinding {
  const path = opts.path ?? DEMO_PATH;
  const emulator = opts.emulator ?? new ModemEmulator(opts.emulatorOptions);
  let openPort: EmulatorPort | null = null;
  const info: PortInfo = {
    path,
    manufacturer: DEMO_MANUFACTURER,
    serialNumber: 'HALL10086-DEMO',
    pnpId: undefined,
    locationId: undefined,
    productId: undefined,
    vendorId: undefined,
  };
  return {
    path,
    emulator,
    async list() {
      return emulator.isPlugged ? [{ ...info }] : [];
    },
    async open(options) {
      if (!options?.path) throw new TypeError('"path" is not a valid port');
      if (!options.baudRate) throw new TypeError('"baudRate" is not a valid baudRate');
      if (options.path !== path || !emulator.isPlugged) throw new Error(`${options.path}: no such device`);
      if (openPort?.openOptions.lock) throw new Error('Port is locked cannot open');
      const full: Required<OpenOptions> = {
        dataBits: 8,
        lock: true,
        stopBits: 1,
        parity: 'none',
        rtscts: false,
        xon: false,
        xoff: false,
        xany: false,
        hupcl: true,
        ...options,
      };
      const port = new EmulatorPort(emulator, full, () => {
        if (openPort === port) openPort = null;
      });
      openPort = port;
      return port;
    },
  };
}
