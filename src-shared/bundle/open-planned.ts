import { isHallError } from '../errors';
import { openBundle, type OpenedBundle, type OpenOptions } from './open';
import type { UpdatePlan } from './update-index';

/** Refusals that say a delta does not fit the catalog in use, not that anything is wrong with the source. */
const DOES_NOT_FIT = new Set(['bundle.wrong-base', 'bundle.bad-patch', 'bundle.invalid-catalog']);

export interface PlannedBundle {
  opened: OpenedBundle;
  /** Every byte fetched, the full bundle's included when the delta did not fit. */
  bytes: number;
}

/**
 * Fetches and opens what the plan names. A delta that does not fit the catalog in use (one of the
 * same version with other content, say) gives way to the full bundle, which is verified on its own;
 * any other refusal stands.
 */
export async function openPlanned(plan: UpdatePlan, read: (file: string) => Promise<Uint8Array<ArrayBuffer>>, options: OpenOptions): Promise<PlannedBundle> {
  const bytes = await read(plan.file);
  try {
    return { opened: await openBundle(bytes, options), bytes: bytes.length };
  } catch (error) {
    if (plan.kind !== 'delta' || !isHallError(error) || !DOES_NOT_FIT.has(error.code)) throw error;
  }
  const full = await read(plan.full);
  return { opened: await openBundle(full, options), bytes: bytes.length + full.length };
}
