import * as v from 'valibot';
import { bundleError } from './bundle-error';
import { compareVersions } from './version';

export const INDEX_FORMAT = 'hall10086-catalog-index/1';
export const INDEX_FILE = 'index.json';
const FILE_NAME = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/));
const VERSION = v.pipe(v.string(), v.regex(/^\d{4}\.\d{2}\.\d{2}-\d+$/));

/**
 * What an update source publishes next to its bundles. It is not signed: it only says which file
 * to fetch, and every file it names is verified on its own (a lying index can withhold an update,
 * never install one). File names are plain names in the same place, never paths.
 */
export const UpdateIndexSchema = v.strictObject({
  format: v.literal(INDEX_FORMAT),
  latest: VERSION,
  full: FILE_NAME,
  /** From-version → delta file taking that version to `latest`. */
  deltas: v.record(VERSION, FILE_NAME),
});

export type UpdateIndex = v.InferOutput<typeof UpdateIndexSchema>;

export interface UpdatePlan {
  latest: string;
  /** The delta when one starts from the current version, else the full bundle. */
  kind: 'delta' | 'full';
  file: string;
  /** The full bundle, for when the delta does not fit the catalog in use. */
  full: string;
}

export function parseUpdateIndex(text: string): UpdateIndex {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw bundleError('bundle.bad-index', { zh: '更新源的索引文件不完整或不是 JSON', en: 'The update source\'s index file is incomplete or not JSON' }, cause);
  }
  const parsed = v.safeParse(UpdateIndexSchema, json);
  if (!parsed.success) throw bundleError('bundle.bad-index', { zh: '更新源的索引文件格式不对', en: 'The update source\'s index file is not in the expected format' });
  return parsed.output;
}

/** Undefined when the source has nothing newer than `currentVersion`. */
export function planUpdate(index: UpdateIndex, currentVersion: string): UpdatePlan | undefined {
  if (compareVersions(index.latest, currentVersion) <= 0) return undefined;
  const delta = index.deltas[currentVersion];
  return { latest: index.latest, kind: delta ? 'delta' : 'full', file: delta ?? index.full, full: index.full };
}

export function bundleFileNames(latest: string, from: readonly string[]): { full: string; deltas: Record<string, string> } {
  return { full: `catalog-${latest}.full.json.gz`, deltas: Object.fromEntries(from.map((f) => [f, `catalog-${f}-to-${latest}.delta.json.gz`])) };
}
