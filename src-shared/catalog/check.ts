import { HallError, toHallError } from '../errors';
import { compose, type Composed } from './compose';
import { normalizeParam } from './params';
import type { Instruction } from './schema';

export interface ParamCheck {
  /** The bilingual error of each field that is wrong (missing counts as wrong). */
  errors: Record<string, HallError>;
  /** The exact SMS, once every field is right. */
  composed: Composed | null;
}

/**
 * Checks each field on its own, so a form shows every wrong field's error at once (compose stops
 * at the first), then composes the SMS. The app's form and the extension's use this one check.
 */
export function checkParams(instruction: Instruction, values: Record<string, string>, now: Date = new Date()): ParamCheck {
  const errors: Record<string, HallError> = {};
  for (const spec of instruction.params) {
    try {
      normalizeParam(spec, values[spec.name] ?? '', now);
    } catch (error) {
      errors[spec.name] = toHallError(error);
    }
  }
  if (Object.keys(errors).length) return { errors, composed: null };
  return { errors, composed: compose(instruction, values, now) };
}

/** What a phone's camera app understands as "write this SMS to this number". */
export function smsToPayload(to: string, text: string): string {
  return `SMSTO:${to}:${text}`;
}
