import { HallError } from '../errors';
import type { Instruction } from './schema';
import { normalizeParam } from './params';
import { SECRET_MASK } from './secrets';
import { fillTemplate } from './template';

export interface Composed {
  id: string;
  to: string;
  /** The exact SMS text to send. */
  text: string;
  /** The same text with secret parameters masked: the only form that is ever stored or logged. */
  redacted: string;
  params: Record<string, string>;
}


/** Validates every parameter and returns the exact SMS text, or throws the first bilingual error. */
export function compose(instruction: Instruction, params: Record<string, string>, now: Date = new Date()): Composed {
  const known = new Set(instruction.params.map((p) => p.name));
  const unknown = Object.keys(params).filter((k) => !known.has(k));
  if (unknown.length) {
    const expected = instruction.params.map((p) => p.name).join(', ') || '—';
    throw new HallError(
      'compose.unknown-param',
      {
        zh: `${instruction.id} 没有参数 ${unknown.join(', ')}（可用：${expected}）。`,
        en: `${instruction.id} has no parameter ${unknown.join(', ')} (it takes: ${expected}).`,
      },
      { details: { id: instruction.id, unknown } },
    );
  }
  const values: Record<string, string> = {};
  const masked: Record<string, string> = {};
  for (const spec of instruction.params) {
    values[spec.name] = normalizeParam(spec, params[spec.name] ?? '', now);
    masked[spec.name] = spec.secret ? SECRET_MASK : values[spec.name]!;
  }
  refuseRepeatedPassword(instruction, values);
  return {
    id: instruction.id,
    to: instruction.to,
    text: fillTemplate(instruction.template, values),
    redacted: fillTemplate(instruction.template, masked),
    params: values,
  };
}

/**
 * Two passwords in one instruction are a current and a new one (MMXG): the same twice changes nothing,
 * and 10086 answers it with a failure the user pays an SMS for.
 */
function refuseRepeatedPassword(instruction: Instruction, values: Record<string, string>): void {
  const [current, next] = instruction.params.filter((p) => p.type === 'password');
  if (!current || !next || values[current.name] !== values[next.name]) return;
  throw new HallError(
    'param.same-password',
    {
      zh: `${next.label['zh-Hans']}：不能与${current.label['zh-Hans']}相同。`,
      en: `${next.label.en}: must differ from the ${current.label.en.toLowerCase()}.`,
    },
    { details: { param: next.name } },
  );
}

