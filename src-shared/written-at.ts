/**
 * A stamp this far after the message reached this computer is no time 10086 wrote it (a service
 * centre or modem with its clock wrong, an unset year): the arrival stands for it.
 */
const FUTURE_STAMP_MS = 24 * 3600_000;

/**
 * When 10086 wrote a reply, by the service centre's stamp (SCTS), else when it reached this computer.
 * "Newest" goes by this: a reply delivered late (its modem was off, a SIM read later lists messages in
 * slot order, not in the order they came) is the older one, and must not replace a figure written after it.
 */
export function writtenAt(timestamp: string | undefined | null, receivedAt: number): number {
  const stamp = Date.parse(timestamp ?? '');
  return Number.isNaN(stamp) || stamp > receivedAt + FUTURE_STAMP_MS ? receivedAt : stamp;
}
