import type { Network } from './network';
import type { Rng } from './rng';
import type { Scheduler } from './scheduler';

/**
 * Huawei sticks chatter unprompted: signal (^RSSI), system mode (^MODE), service state (^SRVST),
 * data-flow reports (^DSFLOWRPT) and the periodic ^BOOT. Written as Huawei does, no space after ':'.
 */
export class VendorNoise {
  private cancel: (() => void) | null = null;
  private uptimeS = 0;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly rng: Rng,
    private readonly network: Network,
    private readonly say: (line: string) => void,
  ) {}

  start(everyMs: number): void {
    this.stop();
    if (everyMs <= 0) return;
    const tick = (): void => {
      this.uptimeS += Math.round(everyMs / 1000);
      this.say(this.line());
      this.cancel = this.scheduler.setTimeout(tick, everyMs);
    };
    this.cancel = this.scheduler.setTimeout(tick, everyMs);
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private line(): string {
    const hex8 = (n: number): string => n.toString(16).toUpperCase().padStart(8, '0');
    switch (this.rng.int(0, 4)) {
      case 0:
        this.network.rssi = Math.min(31, Math.max(2, this.network.rssi + this.rng.int(-2, 2)));
        return `^RSSI:${this.network.rssi}`;
      case 1:
        return '^MODE:5,4';
      case 2:
        return '^SRVST:2';
      case 3:
        return `^DSFLOWRPT:${hex8(this.uptimeS)},00000000,00000000,0000000000000000,0000000000000000,0003E800,0003E800`;
      default:
        return '^BOOT:20952347,0,0,0,72';
    }
  }
}
