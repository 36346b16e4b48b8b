import type { EmulatorOptions } from './options';
import { startPtyEmulator, type PtyEmulator } from './pty';

/** The most modems one pool starts: a 32-port USB hub is the largest pool the fleet issue names, with headroom. */
export const MAX_POOL = 64;

/** Appends the Luhn check digit (IMEIs and ICCIDs both end with one). */
export function withLuhn(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

/**
 * The SIM and modem identity of pool member `n` (0-based): each its own IMEI, ICCID and IMSI (China
 * Mobile's 46000 prefix), and its own seed so every account tells a different story.
 */
export function poolMemberOptions(n: number, base: EmulatorOptions = {}): EmulatorOptions {
  const serial = String(n + 1).padStart(6, '0');
  return {
    ...base,
    seed: (base.seed ?? 10086) + n,
    identity: { ...base.identity, imei: withLuhn(`86753001${serial}`) },
    sim: { ...base.sim, iccid: withLuhn(`8986001234567${serial}`), imsi: `460001234${serial}` },
  };
}

/**
 * `count` emulated modems, each on its own pseudo-terminal with its own SIM: a USB hub full of
 * sticks. Started one after another (each is a socat), closed together.
 */
export async function startPtyPool(count: number, base: EmulatorOptions = {}): Promise<PtyEmulator[]> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_POOL) throw new RangeError(`pool size must be 1..${MAX_POOL}`);
  const pool: PtyEmulator[] = [];
  try {
    for (let n = 0; n < count; n++) pool.push(await startPtyEmulator({ emulatorOptions: poolMemberOptions(n, base) }));
  } catch (e) {
    await closePool(pool);
    throw e;
  }
  return pool;
}

export async function closePool(pool: readonly PtyEmulator[]): Promise<void> {
  await Promise.all(pool.map((p) => p.close()));
}
