import type { Instruction } from './schema';
import { templateMatcher, templateParams, templatePrefix } from './template';

export interface Recognized {
  instruction: Instruction;
  /** Raw values as typed, not yet validated. */
  params: Record<string, string>;
}

/**
 * Recognises text typed with its parameters (`ZD202610`, `mmxg#123456#654321`) as an instruction
 * and its raw parameter values. Templates are compiled once and bucketed by their first two
 * letters, so a catalog of 12,000 entries tries a handful of patterns, not all of them.
 */
export class Recognizer {
  private readonly buckets = new Map<string, { instruction: Instruction; matcher: RegExp; names: string[] }[]>();
  /** Templates without parameters (most of a large catalog), by their text in upper case. */
  private readonly plain = new Map<string, Instruction>();

  constructor(instructions: readonly Instruction[]) {
    // Longer literal text first, so that `CXYEH123456` is CXYEH with a password, not a shorter code.
    // Sorted by place (the sort is stable, so equal lengths keep catalog order): a catalog of
    // 12,000 entries is sorted each time a search index is built.
    const literal = instructions.map((i) => literalLength(i.template));
    const byLiteral = literal.map((_, k) => k).sort((a, b) => literal[b]! - literal[a]!);
    for (const k of byLiteral) {
      const instruction = instructions[k]!;
      if (!instruction.template.includes('{')) {
        const key = instruction.template.toUpperCase();
        if (!this.plain.has(key)) this.plain.set(key, instruction);
        continue;
      }
      const key = bucketKey(templatePrefix(instruction.template));
      const list = this.buckets.get(key) ?? [];
      list.push({ instruction, matcher: templateMatcher(instruction.template), names: templateParams(instruction.template) });
      this.buckets.set(key, list);
    }
  }

  recognize(text: string): Recognized | null {
    const t = typedForm(text);
    const plain = this.plain.get(t.toUpperCase());
    if (plain) return { instruction: plain, params: {} };
    const candidates = [...(this.buckets.get(bucketKey(t)) ?? []), ...(this.buckets.get('') ?? [])];
    for (const { instruction, matcher, names } of candidates) {
      const m = matcher.exec(t);
      if (m) return { instruction, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ''])) };
    }
    return null;
  }

  /**
   * For the confirmation rule only (whether it asks first, and why): the text recognised as it stands, else a risky
   * instruction (one that asks first) it is written as with punctuation at its end (`TJ。`, `TJ#`, `TJ.`,
   * `MMXG 123456 654321。`), in quotes (`"TJ"`), or with spaces or punctuation inside its code (`T J`, `qx gprs`, `T.J`) (review46: such
   * a colleague's entry kept its `confirm: false`, such free text went without TJ's question). A harmless code so
   * written (`YE。`) stays no instruction: nothing else reads it as one, and it is sent as typed.
   */
  recognizeRisky(text: string): Recognized | null {
    const hit = this.recognize(text);
    if (hit) return hit;
    for (const reading of riskReadings(text)) {
      const risky = this.recognize(reading);
      if (risky?.instruction.risk.confirm) return risky;
    }
    return null;
  }
}

/**
 * The same, forgiving how the parameters were set apart or how many were typed: `mmxg 111111
 * 222222` (spaces for #) and `MMXG#123456` (the new password left out) are MMXG with what was
 * typed, so that search can name the missing parameter instead of finding nothing.
 */
export function recognizeLoosely(recognizer: Recognizer, instructions: readonly Instruction[], text: string): Recognized | null {
  const t = typedForm(text);
  // Letters, then values that hold a digit each (passwords, ID numbers, months, amounts): not an English sentence.
  const spaced = t.match(/^([A-Za-z]+)[\s#]+(\d[\dXx#\s]*)$/);
  if (!spaced) return null;
  const values = spaced[2]!.split(/[\s#]+/).filter(Boolean);
  const instruction = instructions.find((i) => templatePrefix(i.template).replace(/#$/, '').toUpperCase() === spaced[1]!.toUpperCase() && i.template.includes('{'));
  if (!instruction) return null;
  const names = templateParams(instruction.template);
  if (values.length > names.length) return null;
  return recognizer.recognize(templatePrefix(instruction.template) + values.join('#')) ?? { instruction, params: Object.fromEntries(names.map((n, i) => [n, values[i] ?? ''])) };
}

/**
 * Unicode's format characters (Cf): zero-width space and joiners, word joiner, soft hyphen, BOM,
 * direction marks and overrides, emoji tags, and a few visible ones (U+0600 and kin). Text copied from
 * a web page may carry them; instructions are looked for without any of them. Nor with the control
 * characters that show nothing (NUL, NEL, DEL…; tab, line breaks and the other spaces are whitespace).
 */
const FORMAT = /\p{Cf}|[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/gu;

/**
 * Typed text as instructions are looked for in it: NFKC (full-width letters and digits), trimmed, and
 * without invisible format characters, so `T\u200bJ` is TJ and asks for TJ's confirmation (before, it was
 * no instruction and went unasked, with the character, as free text).
 */
function typedForm(text: string): string {
  return text.normalize('NFKC').replace(FORMAT, '').trim();
}

/**
 * Punctuation after an instruction (`TJ。`, `TJ#`, `QXGPRS!`, `TJ：`, `TJ)`), ASCII or Chinese (NFKC made `：` and `）`
 * ASCII already), a `#` or colon before one (`#TJ`), and quotes or brackets around one (`"TJ"`, `(TJ)`, `【TJ】`; review47 F3).
 */
const TRAILING_PUNCTUATION = /[#.。!?,，;；、~～…:)\]】》>*-]+$/u;
const LEADING_PUNCTUATION = /^[#:]+/u;
const QUOTES = /^["'“”‘’「」『』(\[【《<]+|["'“”‘’「」『』)\]】》>]+$/gu;

/** Punctuation between two letters of a code (`T.J`, `T-J`, `T·J`, `Q.X.G.P.R.S`, `T、J`; mend63), as people space one out. */
const INNER_PUNCTUATION = /(?<=\p{L})[.。·・_、,，*~/\\|-]+(?=\p{L})/gu;

/**
 * What typed text may be meant as, when asking whether it is a risky instruction: punctuation and quotes off, then spaces
 * too, then punctuation between letters too.
 */
function riskReadings(text: string): string[] {
  let t = typedForm(text);
  for (let before = ''; before !== t; ) {
    before = t;
    t = t.replace(QUOTES, '').replace(TRAILING_PUNCTUATION, '').replace(LEADING_PUNCTUATION, '').trim();
  }
  const unspaced = t.replace(/\s+/g, '');
  return [t, unspaced, unspaced.replace(INNER_PUNCTUATION, '')];
}

function bucketKey(text: string): string {
  return text.length >= 2 ? text.slice(0, 2).toUpperCase() : '';
}

function literalLength(template: string): number {
  return template.includes('{') ? template.replace(/\{[^}]*\}/g, '').length : template.length;
}
