import { HallError, toHallError } from '../../errors';
import { parseCatalog } from '../load';
import type { Catalog, Instruction } from '../schema';
import type { InstructionOverride, ProvinceProfile } from './schema';

export interface ProvinceView {
  /** The catalog as the chosen province sees it: overridden, added and hidden instructions applied. */
  catalog: Catalog;
  /** Per instruction id, the caveats no profile confirms: the ones the app keeps showing. */
  openCaveats: Record<string, string[]>;
  /**
   * Parts of the profile that no longer fit the catalog (a signed update moved on: an instruction
   * gone, a caveat dropped, an added id now built in). They are skipped, never guessed at.
   */
  stale: HallError[];
}

const key = (id: string) => id.trim().toUpperCase();

/**
 * The effective catalog for a province (or for none). The profile is trusted only as far as it
 * fits: stale references are skipped and reported, and the result is checked like any catalog,
 * so an inconsistent profile is refused with a bilingual error instead of producing a broken one.
 */
export function applyProvince(catalog: Catalog, profile: ProvinceProfile | null): ProvinceView {
  if (!profile) return { catalog, openCaveats: openCaveatsOf(catalog.instructions), stale: [] };
  const stale: HallError[] = [];
  const known = new Set(catalog.instructions.map((e) => key(e.id)));
  const staleId = (part: ProfilePart, id: string) => stale.push(staleError(profile.id, part, id));

  const hidden = new Set(profile.hidden.map(key));
  for (const id of profile.hidden) if (!known.has(key(id))) staleId('hidden', id);

  const overrides = new Map<string, InstructionOverride>();
  for (const o of profile.overrides) {
    if (known.has(key(o.id)) && !hidden.has(key(o.id))) overrides.set(key(o.id), o);
    else staleId('overrides', o.id);
  }

  const kept = catalog.instructions
    .filter((e) => !hidden.has(key(e.id)))
    .map((e) => withoutReferencesTo(hidden, applyOverride(e, overrides.get(key(e.id)))));
  const instructions = [...kept];
  for (const entry of profile.added) {
    if (known.has(key(entry.id))) staleId('added', entry.id);
    else instructions.push(entry);
  }

  const confirmed = new Map<string, Set<string>>();
  for (const { id, caveat } of profile.confirms) {
    if (!instructions.find((e) => key(e.id) === key(id))?.caveats.includes(caveat)) staleId('confirms', `${id}/${caveat}`);
    else confirmed.set(key(id), (confirmed.get(key(id)) ?? new Set()).add(caveat));
  }
  const withConfirmations = instructions.map((e) => {
    const done = confirmed.get(key(e.id));
    return done ? { ...e, caveats: e.caveats.filter((c) => !done.has(c)) } : e;
  });

  const effective = checked({ ...catalog, instructions: withConfirmations }, profile);
  return { catalog: effective, openCaveats: openCaveatsOf(effective.instructions), stale };
}

function applyOverride(entry: Instruction, override: InstructionOverride | undefined): Instruction {
  if (!override) return entry;
  const { id: _id, ...fields } = override;
  return { ...entry, ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) };
}

/** A hidden instruction must not be offered as another's opposite or as related. */
function withoutReferencesTo(hidden: ReadonlySet<string>, entry: Instruction): Instruction {
  if (hidden.size === 0) return entry;
  const { opposite, related, ...rest } = entry;
  const keptRelated = related?.filter((r) => !hidden.has(key(r)));
  return {
    ...rest,
    ...(opposite !== undefined && !hidden.has(key(opposite)) ? { opposite } : {}),
    ...(keptRelated !== undefined ? { related: keptRelated } : {}),
  };
}

function openCaveatsOf(instructions: readonly Instruction[]): Record<string, string[]> {
  return Object.fromEntries(instructions.filter((e) => e.caveats.length > 0).map((e) => [e.id, [...e.caveats]]));
}

function checked(catalog: Catalog, profile: ProvinceProfile): Catalog {
  try {
    return parseCatalog(catalog);
  } catch (error) {
    const reason = toHallError(error);
    throw new HallError(
      'province.inconsistent',
      {
        zh: `${profile.name['zh-Hans']}的省份配置与指令目录不一致：${reason.zh}`,
        en: `The profile for ${profile.name.en} does not fit the instruction catalog: ${reason.en}`,
      },
      { cause: error, details: { province: profile.id } },
    );
  }
}

type ProfilePart = 'hidden' | 'overrides' | 'added' | 'confirms';

const PART_TEXT: Record<ProfilePart, { zh: string; en: string }> = {
  hidden: { zh: '要隐藏的指令不在目录中', en: 'hides an instruction the catalog does not have' },
  overrides: { zh: '要改写的指令不在目录中', en: 'overrides an instruction the catalog does not have' },
  added: { zh: '要添加的指令目录中已经有了', en: 'adds an instruction the catalog already has' },
  confirms: { zh: '确认的注意事项不在该指令上', en: 'confirms a caveat the instruction does not carry' },
};

function staleError(province: string, part: ProfilePart, id: string): HallError {
  const text = PART_TEXT[part];
  return new HallError(
    `province.stale-${part}`,
    { zh: `省份配置 ${province}：${text.zh}（${id}），已跳过。`, en: `Province profile ${province} ${text.en} (${id}); skipped.` },
    { details: { province, part, id } },
  );
}
