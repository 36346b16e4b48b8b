import { encodeDeliver } from '../../src-shared/pdu';
import { BEIJING_TZ_QUARTERS } from '../../src-shared/wall-clock';
import { latin1Bytes } from './charset';
import type { Fault, FaultBook } from './faults';
import type { Network } from './network';
import type { Final } from './result-codes';
import type { Responder10086 } from './responder-10086';
import type { Rng } from './rng';
import type { SimCard } from './sim';
import type { SmsCenter } from './sms-center';
import type { SmsInbound } from './sms-inbound';
import type { Storages } from './storage';
import type { VendorNoise } from './vendor-noise';

/** The parts of the modem a fault may touch. */
export interface FaultTarget {
  faults: FaultBook;
  rng: Rng;
  clock: () => Date;
  sim: SimCard;
  network: Network;
  storage: Storages;
  center: SmsCenter;
  inbound: SmsInbound;
  responder: Responder10086;
  noise: VendorNoise;
  unplug(): void;
  restart(banner: boolean): void;
  sendRaw(bytes: Uint8Array): void;
  silence(commands: number, durationMs: number): void;
  simBusy(durationMs: number): void;
}

const DEFAULT_OUTAGE_MS = 10_000;
const DEFAULT_NOISE_MS = 3000;
const FOREIGN_SENDER = '13912345678';
const FOREIGN_TEXT = '你好，我是小王，明天下午三点在公司楼下开会，别忘了带材料。';
const PROMO_SENDER = '10658000';

function randomBytes(rng: Rng, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => rng.int(0, 255));
}

/** Old read promotions, the kind that really fill up SIM cards, until the memory is full. */
function fill(t: FaultTarget, mem: 'SM' | 'ME'): void {
  for (let n = 1; ; n++) {
    const pdu = encodeDeliver({
      from: PROMO_SENDER,
      text: `【中国移动】尊敬的客户，流量特惠包限时优惠第${n}期，回复KTLLB办理。`,
      timestamp: t.clock(),
      tzQuarterHours: BEIJING_TZ_QUARTERS,
    });
    if (t.storage.store(mem, { status: 1, pdu: pdu.hex, kind: 'deliver' }) === null) return;
  }
}

/** The lowest message reference the host has not used, so the report matches nothing. */
function unusedRef(center: SmsCenter): number {
  const used = new Set(center.sent.map((m) => m.messageRef));
  let ref = 0;
  while (used.has(ref) && ref < 255) ref++;
  return ref;
}

function injectedFinal(f: { cms?: number; cme?: number }): Final {
  if (f.cms !== undefined) return { kind: 'cms', code: f.cms };
  if (f.cme !== undefined) return { kind: 'cme', code: f.cme };
  return { kind: 'error' };
}

export function applyFault(f: Fault, t: FaultTarget): void {
  switch (f.kind) {
    case 'unplug':
      if (f.onCommand === undefined && f.afterBytes === undefined) t.unplug();
      else t.faults.armUnplug(f.onCommand ?? null, f.afterBytes ?? 0);
      return;
    case 'garbage': {
      const bytes =
        typeof f.bytes === 'string' ? latin1Bytes(f.bytes) : (f.bytes ?? randomBytes(t.rng, f.length ?? 16));
      if (f.when === 'next-response') t.faults.armGarbage(bytes);
      else t.sendRaw(bytes);
      return;
    }
    case 'silence':
      t.silence(f.commands ?? Infinity, f.durationMs ?? Infinity);
      return;
    case 'command-error':
      t.faults.armError(f.command, injectedFinal(f), f.times ?? 1, f.taken ?? false);
      return;
    case 'sim-full':
      fill(t, f.mem ?? 'SM');
      return;
    case 'sim-locked':
      t.sim.lock(f.state);
      t.network.detach();
      return;
    case 'sim-busy':
      t.simBusy(f.durationMs);
      return;
    case 'sim-removed':
      t.sim.state = 'ABSENT';
      t.network.detach();
      return;
    case 'no-network':
      t.network.outage(f.stat ?? 0, f.durationMs === undefined ? DEFAULT_OUTAGE_MS : f.durationMs);
      return;
    case 'drop-part':
      t.faults.armDrop(f.part ?? 0);
      return;
    case 'duplicate-part':
      t.faults.armDuplicate(f.part ?? 1);
      return;
    case 'stray-status-report':
      t.center.statusReport('10086', f.messageRef ?? unusedRef(t.center), t.clock());
      return;
    case 'foreign-sms':
      t.center.deliver(f.from ?? FOREIGN_SENDER, f.text ?? FOREIGN_TEXT);
      return;
    case 'replay':
      t.faults.armReplay(f.command, f.bytes, f.times ?? 1);
      return;
    case 'cmgs-no-ref':
      t.faults.armNoRef(f.times ?? 1);
      return;
    case 'restart':
      t.restart(f.banner ?? true);
      return;
    case 'hold':
      (f.what === 'status-reports' ? t.center.reportHold : t.responder.answerHold).hold();
      return;
    case 'release':
      if (f.what === 'status-reports') t.center.releaseReports(f.count, f.status);
      else t.responder.release(f.count);
      return;
    case 'cnma-wait-ends':
      t.inbound.endAcknowledgementWait();
      return;
    case 'smsc-retry':
      t.inbound.retryNow();
      return;
    case 'garble-delivery':
      t.faults.armGarbledDelivery();
      return;
    case 'urc-in-response':
      t.faults.armUrc(f.text ?? `^RSSI:${t.network.rssi}`);
      return;
    case 'vendor-noise':
      t.noise.start(f.everyMs ?? DEFAULT_NOISE_MS);
      return;
    case 'refuse-cnmi': {
      const { kind: _, ...pattern } = f;
      t.faults.refuseCnmi(pattern);
      return;
    }
  }
}
