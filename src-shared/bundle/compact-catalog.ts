import type { Catalog, Instruction, Localized, LocalizedList, ParamSpec } from '../catalog/schema';
import { bundleError } from './bundle-error';
import {
  charMapFromEntries,
  charMapToEntries,
  decodeHant,
  decodeHantList,
  encodeHant,
  encodeHantList,
  learnCharMap,
  type CharMap,
  type HantCode,
  type HantListCode,
  type HantPairs,
} from './hant-from-hans';

/**
 * The catalog as positional arrays (no repeated key names) with zh-Hant rebuilt from zh-Hans:
 * lossless — decoding gives back data that deep-equals the original — and a fraction of the JSON.
 */
export type CompactCatalog = [schemaVersion: 1, version: string, date: string, hantMap: string[], categories: unknown[], caveats: unknown[], instructions: unknown[]];

type CompactLocalized = [hans: string, hant: HantCode, en: string];
type CompactList = [hans: string[], hant: HantListCode, en: string[]];
/** Absent optional members are 0, so "absent" and "empty" stay distinct. */
type CompactInstruction = [
  id: string, template: string, to: string, params: unknown[], name: CompactLocalized, summary: CompactLocalized,
  category: string, action: string, opposite: string | 0, related: string[] | 0, caveats: string[],
  confirm: boolean, reason: CompactLocalized | 0, synonyms: CompactList, examples: CompactList, seed: string | 0,
];

function localizedPairs(catalog: Catalog): HantPairs {
  const pairs: HantPairs = { texts: [], lists: [] };
  const one = (l: Localized) => pairs.texts.push([l['zh-Hans'], l['zh-Hant']]);
  const list = (l: LocalizedList) => pairs.lists.push([l['zh-Hans'], l['zh-Hant']]);
  catalog.categories.forEach((c) => one(c.name));
  catalog.caveats.forEach((c) => one(c.text));
  for (const e of catalog.instructions) {
    [e.name, e.summary, ...e.params.map((p) => p.label), ...(e.risk.reason ? [e.risk.reason] : [])].forEach(one);
    [e.synonyms, e.examples].forEach(list);
  }
  return pairs;
}

/** Most seed lines are the zh-Hant name and the template, as the seed writes them: `開通來電顯示:KTLDXS`. */
function seedLine(name: Localized, template: string): string {
  return `${name['zh-Hant']}:${template}`;
}

/** The zh-Hans → zh-Hant table a catalog's own texts suggest. */
export function hantMapOf(catalog: Catalog): CharMap {
  return learnCharMap(localizedPairs(catalog));
}

/**
 * `map` defaults to the catalog's own table; a delta encodes the new catalog with the old one's
 * table so the table itself never changes in a patch (it is learned, and one edit can tip a vote).
 */
export function encodeCatalog(catalog: Catalog, map: CharMap = hantMapOf(catalog)): CompactCatalog {
  const text = (l: Localized): CompactLocalized => [l['zh-Hans'], encodeHant(map, l['zh-Hans'], l['zh-Hant']), l.en];
  const list = (l: LocalizedList): CompactList => [l['zh-Hans'], encodeHantList(map, l['zh-Hans'], l['zh-Hant']), l.en];
  const param = (p: ParamSpec) => [p.name, p.type, p.secret, text(p.label)];
  const instruction = (e: Instruction): CompactInstruction => [
    e.id, e.template, e.to, e.params.map(param), text(e.name), text(e.summary), e.category, e.action,
    e.opposite ?? 0, e.related ?? 0, e.caveats, e.risk.confirm, e.risk.reason ? text(e.risk.reason) : 0,
    list(e.synonyms), list(e.examples), e.seed === seedLine(e.name, e.template) ? 0 : e.seed,
  ];
  return [
    catalog.schemaVersion, catalog.version, catalog.date, charMapToEntries(map),
    catalog.categories.map((c) => [c.id, text(c.name)]),
    catalog.caveats.map((c) => [c.id, text(c.text)]),
    catalog.instructions.map(instruction),
  ];
}

/** The same compact catalog under another version and date (a delta's are in its trusted comment). */
export function relabel(compact: CompactCatalog, { version, date }: { version: string; date: string }): CompactCatalog {
  const [schemaVersion, , , ...rest] = compact;
  return [schemaVersion, version, date, ...rest];
}

/**
 * Rebuilds catalog-shaped data. The result is not trusted yet: callers validate it with the
 * catalog schema and compare its hash with the signed one.
 */
export function decodeCatalog(compact: unknown): unknown {
  try {
    return decodeUnchecked(compact as CompactCatalog);
  } catch (cause) {
    throw bundleError('bundle.malformed', { zh: '更新文件里的目录数据无法解读', en: 'The catalog data in the update file cannot be read' }, cause);
  }
}

function decodeUnchecked([schemaVersion, version, date, hantMap, categories, caveats, instructions]: CompactCatalog): unknown {
  const map: CharMap = charMapFromEntries(hantMap);
  const text = ([hans, hant, en]: CompactLocalized): Localized => ({ 'zh-Hans': hans, 'zh-Hant': decodeHant(map, hans, hant), en });
  const list = ([hans, hant, en]: CompactList): LocalizedList => ({ 'zh-Hans': hans, 'zh-Hant': decodeHantList(map, hans, hant), en });
  const param = ([name, type, secret, label]: [string, ParamSpec['type'], boolean, CompactLocalized]): ParamSpec => ({ name, type, secret, label: text(label) });
  const instruction = (c: CompactInstruction): Instruction => {
    const [id, template, to, params, name, summary, category, action, opposite, related, cavs, confirm, reason, synonyms, examples, seed] = c;
    const localizedName = text(name);
    return {
      id, template, to,
      params: (params as Parameters<typeof param>[0][]).map(param),
      name: localizedName, summary: text(summary),
      category: category as Instruction['category'], action: action as Instruction['action'],
      ...(opposite === 0 ? {} : { opposite }),
      ...(related === 0 ? {} : { related }),
      caveats: cavs,
      risk: reason === 0 ? { confirm } : { confirm, reason: text(reason) },
      synonyms: list(synonyms), examples: list(examples),
      seed: seed === 0 ? seedLine(localizedName, template) : seed,
    };
  };
  return {
    schemaVersion, version, date,
    categories: (categories as [string, CompactLocalized][]).map(([id, name]) => ({ id, name: text(name) })),
    caveats: (caveats as [string, CompactLocalized][]).map(([id, t]) => ({ id, text: text(t) })),
    instructions: (instructions as CompactInstruction[]).map(instruction),
  };
}
