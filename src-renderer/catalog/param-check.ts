import type { Instruction } from '../../src-shared/catalog/schema';
import { fillTemplate, templatePrefix } from '../../src-shared/catalog/template';
import type { Lang } from '../i18n';

/** The part of a template before its first parameter, written as the code people type: `ZD`, `MMXG`. */
export function instructionCode(instruction: Instruction): string {
  return templatePrefix(instruction.template).replace(/#$/, '') || instruction.id;
}

/** The SMS with each parameter still to fill shown by name: `ZD‹账单月份（年年年年月月）›`. */
export function templateWithLabels(instruction: Instruction, lang: Lang): string {
  return fillTemplate(instruction.template, Object.fromEntries(instruction.params.map((p) => [p.name, `‹${p.label[lang]}›`])));
}
