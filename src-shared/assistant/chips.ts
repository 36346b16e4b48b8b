import type { InstructionCatalog } from '../catalog/catalog';
import { normalizeParam } from '../catalog/params';
import type { Instruction, ParamType } from '../catalog/schema';
import type { Lang } from '../errors';
import type { AssistantData, TextKey } from './data';
import { readAmount, type MonthReader } from './months';
import type { Question } from './question';
import type { Chip } from './types';

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A chip and the notes that go with it (what the form will ask, a value that could not be used). */
export interface Made {
  chip: Chip;
  notes: string[];
}

/**
 * Builds chips in one language, pre-filling what the question says (a month, an amount) after the
 * same check the form makes. Secret parameters are never filled, whatever the question holds.
 */
export class ChipMaker {
  constructor(
    private readonly catalog: InstructionCatalog,
    private readonly data: AssistantData,
    private readonly months: MonthReader,
  ) {}

  text(key: TextKey, lang: Lang, values: Record<string, string> = {}): string {
    return fill(this.data.texts[key][lang], values);
  }

  /**
   * `given` are values already known (a typed instruction's, a clarification's); else the question
   * is read. Without a `why`, the chip says what the instruction does.
   */
  make(id: string, lang: Lang, why: string | null, q: Question | null, now: Date, given: Record<string, string> = {}): Made {
    const instruction = this.catalog.require(id);
    const params: Record<string, string> = {};
    const notes: string[] = [];
    for (const spec of instruction.params) {
      if (spec.secret) continue;
      const raw = given[spec.name] ?? (q ? this.read(spec.type, q, now) : null);
      if (raw === null || raw === undefined) continue;
      try {
        params[spec.name] = normalizeParam(spec, raw, now);
      } catch {
        if (spec.type === 'month') notes.push(this.text('monthInvalid', lang));
      }
    }
    const secrets = instruction.params.filter((p) => p.secret);
    if (secrets.length) {
      const fields = secrets.map((p) => p.label[lang]).join(lang === 'en' ? ', ' : '、');
      notes.push(this.text('secretNote', lang, { fields }));
    }
    return {
      chip: {
        id: instruction.id,
        label: instruction.name[lang],
        why: why ?? this.text('whySummary', lang, { summary: instruction.summary[lang] }),
        params,
        missing: instruction.params.map((p) => p.name).filter((n) => !(n in params)),
        risk: riskOf(instruction, lang),
      },
      notes,
    };
  }

  /** The name of the instruction's month parameter (ZD's `month`), if it has one. */
  monthParam(id: string): string | undefined {
    return this.catalog.require(id).params.find((p) => p.type === 'month')?.name;
  }

  private read(type: ParamType, q: Question, now: Date): string | null {
    if (type === 'month') return this.months.read(q, now);
    if (type === 'amount') return readAmount(q);
    return null;
  }
}

function riskOf(instruction: Instruction, lang: Lang): Chip['risk'] {
  const reason = instruction.risk.reason?.[lang];
  return reason ? { confirm: instruction.risk.confirm, reason } : { confirm: instruction.risk.confirm };
}
