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
    const literal = new Map(instructions.map((i) => [i, literalLength(i.template)]));
    const byLiteral = [...instructions].sort((a, b) => literal.get(b)! - literal.get(a)!);
    for (const instruction of byLiteral) {
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
    const t = text.normalize('NFKC').trim();
    const plain = this.plain.get(t.toUpperCase());
    if (plain) return { instruction: plain, params: {} };
    const candidates = [...(this.buckets.get(bucketKey(t)) ?? []), ...(this.buckets.get('') ?? [])];
    for (const { instruction, matcher, names } of candidates) {
      const m = matcher.exec(t);
      if (m) return { instruction, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ''])) };
    }
    return null;
  }
}

function bucketKey(text: string): string {
  return text.length >= 2 ? text.slice(0, 2).toUpperCase() : '';
}

function literalLength(template: string): number {
  return template.replace(/\{[^}]*\}/g, '').length;
}
