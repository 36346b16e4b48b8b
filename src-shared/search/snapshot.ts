import { builtinActions } from '../catalog/builtin';
import type { Instruction } from '../catalog/schema';
import { FIELDS, type CatalogTerms } from './catalog-terms';
import { SearchEngine } from './engine';
import { TermIndex } from './term-index';

/**
 * A search index built ahead of time (the extension ships one for its bundled catalog), as JSON
 * text: what `catalogTerms` made, which is most of building an index, and each gram's entry count.
 * Restoring it takes the gram lists and terms as they are (nothing is sorted or counted again);
 * the postings and weights are worked out by the same code as a fresh build, in one pass.
 * A snapshot for another catalog, of another format or changed in any way (its text carries a
 * check of itself) is refused (null), never half used: the caller builds the index instead.
 */

/** Raised whenever what a snapshot holds changes: an older one is refused, never misread. */
const FORMAT = 3;
/** The first letter of every gram (grams.ts). */
const FAMILIES = 'zpiec';

interface Snapshot {
  format: number;
  /** The catalog it was built from (catalogFingerprint). */
  catalog: string;
  grams: string[];
  listLength: number[];
  pool: number[];
  termList: number[];
  termEntry: number[];
  /** By gram: in how many entries a term that weighs has it (TermIndexInputs.df). */
  df: number[];
  weight: number[];
  field: number[];
  textId: number[];
  texts: string[];
  folded: string[];
  latinWords: string[];
  /** The decoder's words (CatalogTerms.decodeWords) in order, and whether each is a phrase (1) or a pair or triple (0). */
  decodeWords: string[];
  decodePhrase: number[];
  /** CatalogTerms.englishWords. */
  englishWords: string[];
}

/** FNV-1a over a text's UTF-16 units: a check, not a secret. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

/** Names a list of instructions exactly: any change to any entry changes it. */
export function catalogFingerprint(instructions: readonly Instruction[]): string {
  const text = JSON.stringify(instructions);
  return `${instructions.length}:${text.length}:${hash(text)}`;
}

/** The index `engine` searches with, as text for `restoreSearch`. */
export function searchSnapshot(engine: SearchEngine, instructions: readonly Instruction[]): string {
  const { index, weight, field, textId, texts, folded, latinWords } = engine.terms;
  const inputs = index.inputs();
  const decodeWords = [...engine.terms.decodeWords()];
  const snapshot: Snapshot = {
    format: FORMAT,
    catalog: catalogFingerprint(instructions),
    grams: inputs.grams,
    listLength: [...inputs.listLength],
    pool: [...inputs.pool],
    termList: [...inputs.termList],
    termEntry: [...inputs.termEntry],
    df: [...inputs.df],
    weight: [...weight],
    field: [...field],
    textId: [...textId],
    texts,
    folded: [...folded.keys()],
    latinWords: [...latinWords],
    decodeWords: decodeWords.map(([word]) => word),
    decodePhrase: decodeWords.map(([, phrase]) => (phrase ? 1 : 0)),
    englishWords: engine.terms.englishWords().all(),
  };
  return withCheck(JSON.stringify(snapshot));
}

/** A snapshot's text: its body's own check first, so a file cut short or changed anywhere is refused as a whole. */
export function withCheck(body: string): string {
  return `${hash(body)}:${body.length}\n${body}`;
}

/** A search engine over `instructions` from a snapshot of their index, or null when the snapshot is not theirs or not sound. */
export function restoreSearch(instructions: readonly Instruction[], text: string): SearchEngine | null {
  const cut = text.indexOf('\n');
  const body = text.slice(cut + 1);
  if (cut < 0 || withCheck(body) !== text) return null;
  let snapshot: unknown;
  try {
    snapshot = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isSnapshot(snapshot) || snapshot.format !== FORMAT || snapshot.catalog !== catalogFingerprint(instructions)) return null;
  const terms = soundTerms(snapshot, instructions);
  return terms && new SearchEngine(instructions, builtinActions(), terms);
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
const within = (values: readonly number[], below: number) => values.every((x) => Number.isInteger(x) && x >= 0 && x < below);

function isSnapshot(v: unknown): v is Snapshot {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    typeof s.format === 'number' &&
    typeof s.catalog === 'string' &&
    ['grams', 'texts', 'folded', 'latinWords', 'decodeWords', 'englishWords'].every((k) => isStrings(s[k])) &&
    ['listLength', 'pool', 'termList', 'termEntry', 'df', 'weight', 'field', 'textId', 'decodePhrase'].every((k) => isNumbers(s[k]))
  );
}

/** The catalog terms a snapshot holds, once every number in it is checked to point where it may. */
function soundTerms(s: Snapshot, instructions: readonly Instruction[]): CatalogTerms | null {
  const entries = instructions.length;
  const terms = s.termList.length;
  const lists = s.listLength.length;
  const columns = [s.termEntry, s.weight, s.field, s.textId];
  if (columns.some((c) => c.length !== terms)) return null;
  if (!within(s.listLength, s.pool.length + 1) || s.listLength.reduce((a, b) => a + b, 0) !== s.pool.length) return null;
  if (!within(s.pool, s.grams.length) || !within(s.termList, lists) || !within(s.termEntry, entries)) return null;
  if (!within(s.field, FIELDS.length) || !within(s.textId, s.texts.length)) return null;
  if (s.df.length !== s.grams.length || !within(s.df, entries + 1) || !sortedLists(s.listLength, s.pool)) return null;
  if (s.grams.some((g) => g.length < 2 || !FAMILIES.includes(g[0]!)) || new Set(s.grams).size !== s.grams.length) return null;
  if (s.termList.some((list) => s.listLength[list] === 0)) return null;
  if (s.decodePhrase.length !== s.decodeWords.length || !within(s.decodePhrase, 2)) return null;
  return {
    index: TermIndex.restore(
      { grams: s.grams, listLength: new Int32Array(s.listLength), pool: new Int32Array(s.pool), termList: new Int32Array(s.termList), termEntry: new Int32Array(s.termEntry), df: new Int32Array(s.df) },
      entries,
    ),
    weight: Float64Array.from(s.weight),
    field: Uint8Array.from(s.field),
    textId: Int32Array.from(s.textId),
    texts: s.texts,
    folded: new Set(s.folded),
    latinWords: new Set(s.latinWords),
    decodeWords: () => s.decodeWords.map((word, k) => [word, s.decodePhrase[k] === 1] as [string, boolean]),
    englishWords: () => {
      const words = new Set(s.englishWords);
      return { has: (w) => words.has(w), all: () => [...words] };
    },
  };
}

/** Whether every gram list holds its grams in rising order, each once (as `TermIndex.list` keeps them: matching searches them by halves). */
function sortedLists(listLength: readonly number[], pool: readonly number[]): boolean {
  for (let list = 0, at = 0; list < listLength.length; list++) {
    const end = at + listLength[list]!;
    for (let k = at + 1; k < end; k++) if (pool[k]! <= pool[k - 1]!) return false;
    at = end;
  }
  return true;
}
