import { compose, type Composed } from '../../src-shared/catalog/compose';
import { normalizeParam } from '../../src-shared/catalog/params';
import type { Instruction } from '../../src-shared/catalog/schema';
import { fillTemplate, templatePrefix } from '../../src-shared/catalog/template';
import type { Lang } from '../i18n';
import { HallError, toHallError } from '../../src-shared/errors';

export interface ParamCheck {
  /** The bilingual error of each field that is wrong (missing counts as wrong). */
  errors: Record<string, HallError>;
  /** The exact SMS, once every field is right. */
  composed: Composed | null;
}

/** Checks each field on its own (so every wrong field shows its error at once), then composes the SMS. */
export function checkParams(instruction: Instruction, values: Record<string, string>, now: Date): ParamCheck {
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

/** The part of a template before its first parameter, written as the code people type: `ZD`, `MMXG`. */
export function instructionCode(instruction: Instruction): string {
  return templatePrefix(instruction.template).replace(/#$/, '') || instruction.id;
}

/** What a phone's camera app understands as "write this SMS to this number". */
export function smsQrPayload(to: string, text: string): string {
  return `SMSTO:${to}:${text}`;
}

/** The SMS with each parameter still to fill shown by name: `ZD‹账单月份（年年年年月月）›`. */
export function templateWithLabels(instruction: Instruction, lang: Lang): string {
  return fillTemplate(instruction.template, Object.fromEntries(instruction.params.map((p) => [p.name, `‹${p.label[lang]}›`])));
}
