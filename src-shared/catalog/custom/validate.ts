import * as v from 'valibot';
import { HallError } from '../../errors';
import { FIELD_LABELS, FIELD_MISSING, FIELD_PROBLEMS, type CustomField, type FieldProblem } from './messages';
import { CustomInstructionSchema, type CustomInstruction } from './schema';

export type FieldErrors = Partial<Record<CustomField, HallError>>;

export type CustomCheck = { ok: true; value: CustomInstruction } | { ok: false; errors: FieldErrors };

/** One field's problem as a user sees it: `代码：…` / `Code: …`, with a stable code per rule. */
export function fieldError(field: CustomField, key: FieldProblem, details: Record<string, unknown> = {}): HallError {
  const label = FIELD_LABELS[field];
  const text = FIELD_PROBLEMS[key];
  return new HallError(key, { zh: `${label.zh}：${text.zh}`, en: `${label.en}: ${text.en}` }, { details: { field, ...details } });
}

/**
 * Checks a user-defined instruction field by field, so a form can show every wrong field at once
 * (the first problem of each), and returns the entry with every language filled in.
 */
export function validateCustom(input: unknown): CustomCheck {
  const parsed = v.safeParse(CustomInstructionSchema, input);
  if (parsed.success) return { ok: true, value: parsed.output };
  const errors: FieldErrors = {};
  for (const issue of parsed.issues) {
    const field = fieldOf(issue);
    errors[field] ??= fieldError(field, problemOf(issue, field));
  }
  return { ok: false, errors };
}

/** The entry, or its first wrong field as the error (for callers that save one entry at a time). */
export function requireValidCustom(input: unknown): CustomInstruction {
  const checked = validateCustom(input);
  if (checked.ok) return checked.value;
  const first = Object.values(checked.errors)[0]!;
  throw new HallError(first.code, { zh: first.zh, en: first.en }, { details: { fields: Object.keys(checked.errors) } });
}

function problemOf(issue: v.BaseIssue<unknown>, field: CustomField): FieldProblem {
  const own = issue.message in FIELD_PROBLEMS && !(field !== 'entry' && issue.message === 'custom.entry-type');
  return own ? (issue.message as FieldProblem) : FIELD_MISSING[field];
}

function fieldOf(issue: v.BaseIssue<unknown>): CustomField {
  const first = issue.path?.[0]?.key;
  return typeof first === 'string' && first in FIELD_LABELS ? (first as CustomField) : 'entry';
}
