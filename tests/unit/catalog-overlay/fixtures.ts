import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import type { CustomInstruction } from '../../../src-shared/catalog/custom/schema';
import { validateCustom } from '../../../src-shared/catalog/custom/validate';
import type { ProvinceProfile } from '../../../src-shared/catalog/provinces/schema';
import type { Instruction } from '../../../src-shared/catalog/schema';

export const base = () => builtinCatalog().data;

/** A made-up province profile: the facts in it are test data, not claims about any province. */
export function profile(changes: Partial<Pick<ProvinceProfile, 'overrides' | 'added' | 'hidden' | 'confirms'>> = {}): ProvinceProfile {
  return {
    id: 'gd',
    name: { 'zh-Hans': '广东', 'zh-Hant': '廣東', en: 'Guangdong' },
    status: 'verified',
    source: 'test fixture',
    overrides: [],
    added: [],
    hidden: [],
    confirms: [],
    ...changes,
  };
}

/** An instruction a fixture province adds: CXYEG's entry under another code and name. */
export function addedInstruction(id: string): Instruction {
  const like = base().instructions.find((e) => e.id === 'CXYEG')!;
  const { related: _related, ...rest } = like;
  return {
    ...rest,
    id,
    template: id,
    name: { 'zh-Hans': '查询省内流量', 'zh-Hant': '查詢省內流量', en: 'In-province data left' },
    caveats: [],
    seed: '',
  };
}

export function custom(input: Record<string, unknown>): CustomInstruction {
  const checked = validateCustom(input);
  if (!checked.ok) throw new Error(`fixture is invalid: ${Object.keys(checked.errors).join()}`);
  return checked.value;
}
