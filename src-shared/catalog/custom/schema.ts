import * as v from 'valibot';
import type { Lang } from '../../errors';
import { PARAM_TYPES, type Localized, type ParamType } from '../schema';
import { parseTemplate, templateParams } from '../template';
import type { FieldProblem } from './messages';

export const CUSTOM_CODE = /^[A-Za-z0-9]{1,16}$/;
export const DEFAULT_DESTINATION = '10086';
const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

/** `{password}`, `{password2}`: a placeholder is named for its parameter type, with a digit to tell two apart. */
const PLACEHOLDER = new RegExp(`^(${PARAM_TYPES.join('|')})(\\d?)$`);

export function placeholderType(name: string): ParamType | null {
  return (name.match(PLACEHOLDER)?.[1] as ParamType | undefined) ?? null;
}

function placeholdersValid(template: string): boolean {
  const literals = parseTemplate(template).flatMap((s) => ('literal' in s ? [s.literal] : []));
  const names = templateParams(template);
  return (
    !literals.some((l) => /[{}]/.test(l)) &&
    names.every((n) => placeholderType(n) !== null) &&
    new Set(names).size === names.length
  );
}

/** Valibot messages are plain strings; this keeps each one a known key of FIELD_PROBLEMS. */
const problem = (key: FieldProblem) => key;

/** Text in the user's own language(s): any of the three may be left out (or blank) and is filled from another. */
function userText(max: number, typeProblem: FieldProblem) {
  const text = v.optional(v.pipe(v.string(problem(typeProblem)), v.trim(), v.maxLength(max, problem(typeProblem))));
  return v.object({ 'zh-Hans': text, 'zh-Hant': text, en: text }, problem(typeProblem));
}

type PartialText = Partial<Record<Lang, string | undefined>>;

const FALLBACKS: Record<Lang, readonly Lang[]> = {
  // Copied, not converted: the user's own words are better than a guessed conversion.
  'zh-Hans': ['zh-Hant', 'en'],
  'zh-Hant': ['zh-Hans', 'en'],
  en: ['zh-Hans', 'zh-Hant'],
};

const given = (t: PartialText, lang: Lang) => (t[lang] ? t[lang] : undefined);
const hasAny = (t: PartialText) => LANGS.some((l) => given(t, l) !== undefined);

export function fillLanguages(t: PartialText): Localized {
  const pick = (lang: Lang) => given(t, lang) ?? FALLBACKS[lang].map((l) => given(t, l)).find((s) => s !== undefined) ?? '';
  return { 'zh-Hans': pick('zh-Hans'), 'zh-Hant': pick('zh-Hant'), en: pick('en') };
}

/**
 * A user's (or clerk's) own instruction, as typed into the form, stored, exported and imported.
 * Every rule's message is a key into FIELD_PROBLEMS; the output has every language filled in, so
 * reading a stored or exported entry again gives the same entry.
 */
export const CustomInstructionSchema = v.pipe(
  v.object(
    {
      /** The keyword the SMS starts with; identifies the entry among the user's own (any case). */
      code: v.pipe(v.string(problem('custom.code-format')), v.trim(), v.regex(CUSTOM_CODE, problem('custom.code-format'))),
      /** SMS text with placeholders; the code alone when left out. */
      template: v.optional(
        v.pipe(
          v.string(problem('custom.template-type')),
          v.trim(),
          v.minLength(1, problem('custom.template-length')),
          v.maxLength(70, problem('custom.template-length')),
          v.regex(/^[^\u0000-\u001f\u007f]*$/, problem('custom.template-chars')),
          v.check(placeholdersValid, problem('custom.template-param')),
        ),
      ),
      to: v.optional(v.pipe(v.string(problem('custom.to-format')), v.trim(), v.regex(/^\d{3,20}$/, problem('custom.to-format'))), DEFAULT_DESTINATION),
      name: v.pipe(userText(40, 'custom.name-type'), v.check(hasAny, problem('custom.name-missing')), v.transform(fillLanguages)),
      notes: v.optional(v.pipe(userText(500, 'custom.notes-type'), v.transform((t) => (hasAny(t) ? fillLanguages(t) : undefined)))),
      /** Ask before sending, as for the built-in risky instructions. */
      confirm: v.optional(v.boolean(problem('custom.confirm-type')), false),
    },
    problem('custom.entry-type'),
  ),
  v.forward(
    v.partialCheck(
      [['code'], ['template']],
      (e) => e.template === undefined || e.template.toUpperCase().startsWith(e.code.toUpperCase()),
      problem('custom.template-code'),
    ),
    ['template'],
  ),
  v.transform(({ code, template, to, name, notes, confirm }) => ({
    code,
    template: template ?? code,
    to,
    name,
    ...(notes ? { notes } : {}),
    confirm,
  })),
);

export type CustomInstruction = v.InferOutput<typeof CustomInstructionSchema>;
