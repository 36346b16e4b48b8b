import type { Bilingual } from '../errors';

/** What a +CMS/+CME error code means to a user, and what they can do about it. */
export interface ErrorExplanation extends Bilingual {
  action: Bilingual;
  /** The name the 3GPP specification gives this code; absent when only a range or the fallback matched. */
  spec?: string;
  /** Said after a message body was handed over, the message may have reached the network (CMS only; absent = it did not). */
  maybeSent?: true;
}

/** A code the specification lists by name. */
export interface ErrorEntry extends Bilingual {
  code: number;
  spec: string;
  action: Bilingual;
  /** See ErrorExplanation.maybeSent. */
  maybeSent?: true;
}

/** The meaning of every code in [from, to] not listed by name; `{code}` in the text is replaced by the code. */
export interface ErrorRange extends Bilingual {
  from: number;
  to: number;
  action: Bilingual;
  /** See ErrorExplanation.maybeSent. */
  maybeSent?: true;
}

function fill(text: Bilingual, code: number): Bilingual {
  return { zh: text.zh.replaceAll('{code}', String(code)), en: text.en.replaceAll('{code}', String(code)) };
}

/** Verbose names differ between vendors in case, "(U)SIM" vs "SIM", "personalisation" vs "personalization". */
function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('(u)sim', 'sim')
    .replaceAll('personalisation', 'personalization')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Looks codes up in a table of named entries, then in ranges, then falls back to `other`. */
export class ErrorTable {
  private readonly byCode: ReadonlyMap<number, ErrorEntry>;
  private readonly byName: ReadonlyMap<string, number>;

  constructor(
    entries: readonly ErrorEntry[],
    private readonly ranges: readonly ErrorRange[],
    private readonly other: Omit<ErrorRange, 'from' | 'to'>,
  ) {
    this.byCode = new Map(entries.map((e) => [e.code, e]));
    const byName = new Map<string, number>();
    // The first entry wins when two codes share a name (CME 122 and 157 are both "Congestion").
    for (const e of entries) if (!byName.has(normalizeName(e.spec))) byName.set(normalizeName(e.spec), e.code);
    this.byName = byName;
  }

  explain(code: number): ErrorExplanation {
    const entry = this.byCode.get(code);
    if (entry) return { zh: entry.zh, en: entry.en, action: entry.action, spec: entry.spec, ...(entry.maybeSent ? { maybeSent: true } : {}) };
    const range = this.ranges.find((r) => code >= r.from && code <= r.to) ?? this.other;
    return { ...fill(range, code), action: fill(range.action, code), ...(range.maybeSent ? { maybeSent: true } : {}) };
  }

  /** The code for a verbose report (`SIM PIN required` → 11), or null for a vendor's own wording. */
  codeForName(name: string): number | null {
    return this.byName.get(normalizeName(name)) ?? null;
  }
}
