import { fieldError } from './validate';
import type { CustomInstruction } from './schema';

/** Codes are compared as the network compares them: case does not matter. */
export const sameCode = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

export function findCustom(list: readonly CustomInstruction[], code: string): CustomInstruction | undefined {
  return list.find((e) => sameCode(e.code, code.trim()));
}

/**
 * Adds an entry, or replaces the one with code `replacing` (an edit may change the code). Refuses
 * a code another entry already has, so two custom instructions never share one.
 */
export function saveCustom(list: readonly CustomInstruction[], entry: CustomInstruction, replacing?: string): CustomInstruction[] {
  const clash = list.find((e) => sameCode(e.code, entry.code) && !(replacing !== undefined && sameCode(e.code, replacing)));
  if (clash) throw duplicateCode(entry.code);
  const at = replacing === undefined ? -1 : list.findIndex((e) => sameCode(e.code, replacing));
  return at === -1 ? [...list, entry] : list.map((e, i) => (i === at ? entry : e));
}

export function deleteCustom(list: readonly CustomInstruction[], code: string): CustomInstruction[] {
  return list.filter((e) => !sameCode(e.code, code.trim()));
}

export function assertUniqueCodes(list: readonly CustomInstruction[]): void {
  const seen = new Set<string>();
  for (const e of list) {
    if (seen.has(e.code.toUpperCase())) throw duplicateCode(e.code);
    seen.add(e.code.toUpperCase());
  }
}

function duplicateCode(code: string) {
  return fieldError('code', 'custom.duplicate-code', { code });
}
