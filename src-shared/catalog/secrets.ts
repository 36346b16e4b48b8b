import type { Instruction } from './schema';
import { parseTemplate } from './template';

/** What every secret becomes at rest, whatever its length: not even how long a password is leaks. */
export const SECRET_MASK = '******';

/**
 * Between a code and its values people type `#`, spaces, full-width `＃` or nothing at all, and
 * often a trailing separator. After NFKC (full-width → ASCII) these are the separators accepted.
 */
const SEPARATOR = String.raw`[\s#*,，、.。:;/\\\-_=+|~]`;
/** A secret value (password, ID number) always has a digit; a word after a code (`MMXG is…`) is not one. */
const SECRET_VALUE = String.raw`([0-9A-Za-z]*[0-9][0-9A-Za-z]*)`;
const PLAIN_VALUE = String.raw`([0-9A-Za-z]+)`;
/** An ID number on its own, anywhere: 17 digits and a digit or X. */
const ID_NUMBER = String.raw`(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])`;
/**
 * A 6-digit run on its own, anywhere: the shape of a service password (glued to letters, as in
 * ZD202610, it is not). A month typed apart (`zd 202610`) is masked too: a password can look like a
 * month, and an instruction typed whole is kept in its composed form, not through this.
 */
const SIX_DIGITS = String.raw`(?<![0-9A-Za-z])(\d{6})(?![0-9A-Za-z])`;

interface Pattern {
  /** Null for the bare shapes, which need no confirmation of their own. */
  instruction: Instruction | null;
  regex: RegExp;
  /** Which capture groups hold secrets. */
  secretGroups: number[];
}

export interface SecretFinding {
  /** The catalog instruction whose secrets the text carries, if it is one: its confirmation applies. */
  instruction: Instruction | null;
}

/**
 * The one detector of secrets in text a person typed, for every path that keeps or shows it
 * (composer, CLI, API, journal, IndexedDB, exports, logs). It finds each catalog instruction with a
 * secret parameter (built in or custom) in any case, with any separators or none, with a trailing
 * separator, inside a sentence and in full-width characters; and ID numbers and 6-digit runs on
 * their own. Pure: the text that is sent is never touched, only the copy that is kept.
 */
export class SecretDetector {
  private readonly patterns: Pattern[];

  constructor(instructions: readonly Instruction[]) {
    this.patterns = [
      ...instructions.flatMap((instruction) => instructionPattern(instruction) ?? []),
      { instruction: null, regex: new RegExp(ID_NUMBER, 'gud'), secretGroups: [1] },
      { instruction: null, regex: new RegExp(SIX_DIGITS, 'gud'), secretGroups: [1] },
    ];
  }

  /** The text with every secret replaced by SECRET_MASK; text without one comes back as it was. */
  mask(text: string): string {
    const spans = this.secretSpans(text).spans;
    if (spans.length === 0) return text;
    let out = '';
    let at = 0;
    for (const [start, end] of spans) {
      out += text.slice(at, start) + SECRET_MASK;
      at = end;
    }
    return out + text.slice(at);
  }

  /** Whether the text carries a secret, and of which catalog instruction (the first found). */
  find(text: string): SecretFinding | null {
    const { spans, instruction } = this.secretSpans(text);
    return spans.length ? { instruction } : null;
  }

  /** Secret spans in the original text, merged and in order, found in its NFKC form. */
  private secretSpans(text: string): { spans: Array<[number, number]>; instruction: Instruction | null } {
    const { normal, starts, ends } = normalizeWithOrigins(text);
    const found: Array<[number, number]> = [];
    let instruction: Instruction | null = null;
    for (const pattern of this.patterns) {
      for (const m of normal.matchAll(pattern.regex)) {
        for (const group of pattern.secretGroups) {
          const value = m.indices?.[group];
          if (!value || value[1] <= value[0]) continue;
          found.push([starts[value[0]]!, ends[value[1] - 1]!]);
          instruction ??= pattern.instruction;
        }
      }
    }
    return { spans: merge(found), instruction };
  }
}

/** A literal run of letters and digits (secret: null), or a value. */
type Token = { pattern: string; secret: boolean | null };

/**
 * A lenient matcher for one instruction with secrets: its literal letters and digits in any case,
 * joined by any run of separators (or none), its values as tokens. What follows the first secret is
 * optional, so `MMXG#123456` alone (a half-typed change) is still masked. Null when there are not
 * two letters before the first secret: nothing to recognise the instruction by.
 */
function instructionPattern(instruction: Instruction): Pattern | null {
  const secret = new Set(instruction.params.filter((p) => p.secret).map((p) => p.name));
  if (secret.size === 0) return null;
  const tokens = parseTemplate(instruction.template.normalize('NFKC')).flatMap<Token>((s) =>
    'literal' in s
      ? s.literal.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((chunk) => ({ pattern: escapeRegExp(chunk), secret: null }))
      : [{ pattern: secret.has(s.param) ? SECRET_VALUE : PLAIN_VALUE, secret: secret.has(s.param) }],
  );
  const firstSecret = tokens.findIndex((t) => t.secret === true);
  const lead = tokens.slice(0, firstSecret).filter((t) => t.secret === null).map((t) => t.pattern).join('');
  if ((lead.match(/\p{L}/gu) ?? []).length < 2) return null;

  // Capture groups are the values, in order (1-based).
  const secretGroups = tokens.filter((t) => t.secret !== null).flatMap((t, i) => (t.secret ? [i + 1] : []));
  const required = tokens.slice(0, firstSecret + 1).map((t) => t.pattern).join(`${SEPARATOR}*`);
  const optional = tokens.slice(firstSecret + 1).reduceRight((tail, t) => `(?:${SEPARATOR}*${t.pattern}${tail})?`, '');
  return { instruction, regex: new RegExp(`(?<![0-9A-Za-z])${required}${optional}`, 'giud'), secretGroups };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The NFKC form of the text, and for each of its UTF-16 units where the character it came from
 * starts and ends in the original: a secret found in the normal form is masked in the text as typed.
 */
function normalizeWithOrigins(text: string): { normal: string; starts: number[]; ends: number[] } {
  let normal = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC');
    normal += n;
    for (let i = 0; i < n.length; i++) {
      starts.push(at);
      ends.push(at + ch.length);
    }
    at += ch.length;
  }
  return { normal, starts, ends };
}

function merge(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([...span]);
  }
  return out;
}
