import { builtinActions } from '../catalog/builtin';
import type { Instruction } from '../catalog/schema';
import { FIELDS, type CatalogTerms } from './catalog-terms';
import { SearchEngine } from './engine';
import { TermIndex } from './term-index';

/**
 * A search index built ahead of time (the extension ships one for its bundled catalog), as one
 * binary file: what `catalogTerms` made, which is most of building an index, and each gram's entry
 * count. Its number columns are read in place (typed-array views over the file, nothing parsed or
 * copied) and its strings are one UTF-8 block decoded at once, so a restore builds no object per
 * term. The postings and weights are worked out by the same code as a fresh build, in one pass.
 * A snapshot for another catalog, of another format or changed in any way (a check over all its
 * bytes) is refused (null), never half used: the caller builds the index instead.
 */

/** Raised whenever what a snapshot holds changes: an older one is refused, never misread. Format 3 was JSON text. */
const FORMAT = 4;
/** The file's first word ('HSI4' read as a little-endian number): a file of another kind, or written on a machine of the other byte order, is refused. */
const MAGIC = 0x34495348;
/** The first letter of every gram (grams.ts). */
const FAMILIES = 'zpiec';

/** What a snapshot holds, as `decodeSnapshot` reads it and `encodeSnapshot` writes it. */
export interface Snapshot {
  format: number;
  /** The catalog it was built from (catalogFingerprint). */
  catalog: string;
  grams: string[];
  listLength: Int32Array<ArrayBuffer>;
  pool: Int32Array<ArrayBuffer>;
  termList: Int32Array<ArrayBuffer>;
  termEntry: Int32Array<ArrayBuffer>;
  /** By gram: in how many entries a term that weighs has it (TermIndexInputs.df). */
  df: Int32Array<ArrayBuffer>;
  weight: Float64Array<ArrayBuffer>;
  field: Uint8Array<ArrayBuffer>;
  textId: Int32Array<ArrayBuffer>;
  texts: string[];
  folded: string[];
  latinWords: string[];
  /** The decoder's words (CatalogTerms.decodeWords) in order, and whether each is a phrase (1) or a pair or triple (0). */
  decodeWords: string[];
  decodePhrase: Uint8Array<ArrayBuffer>;
  /** CatalogTerms.englishWords. */
  englishWords: string[];
}

type NumberColumn = 'weight' | 'listLength' | 'pool' | 'termList' | 'termEntry' | 'df' | 'textId' | 'field' | 'decodePhrase';
type StringColumn = 'catalog' | 'grams' | 'texts' | 'folded' | 'latinWords' | 'decodeWords' | 'englishWords';
/** The number columns in file order: widest first, so each starts aligned to its width. */
const NUMBERS: readonly (readonly [NumberColumn, typeof Float64Array | typeof Int32Array | typeof Uint8Array])[] = [
  ['weight', Float64Array],
  ['listLength', Int32Array],
  ['pool', Int32Array],
  ['termList', Int32Array],
  ['termEntry', Int32Array],
  ['df', Int32Array],
  ['textId', Int32Array],
  ['field', Uint8Array],
  ['decodePhrase', Uint8Array],
];
const STRINGS: readonly StringColumn[] = ['catalog', 'grams', 'texts', 'folded', 'latinWords', 'decodeWords', 'englishWords'];
/**
 * Header, in 32-bit words: magic, format, check, byte length, each number column's length, each
 * string column's count, the string block's bytes; padded to a multiple of 8 bytes.
 */
const HEADER_WORDS = (4 + NUMBERS.length + STRINGS.length + 1 + 1) & ~1;
/** Strings are joined with this in the block (no catalog text holds it: encodeSnapshot refuses one that does). */
const SEPARATOR = '\0';

/** FNV-1a over 32-bit words (everything after the check): a check, not a secret. Any one word changed changes it. */
function wordCheck(words: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 3; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h >>> 0;
}

/** A snapshot as the file's bytes. */
export function encodeSnapshot(snapshot: Snapshot): Uint8Array<ArrayBuffer> {
  const strings = STRINGS.map((k) => (k === 'catalog' ? [snapshot.catalog] : snapshot[k]));
  const all = strings.flat();
  if (all.some((t) => t.includes(SEPARATOR))) throw new Error('a search snapshot cannot hold a text with U+0000');
  const block = new TextEncoder().encode(all.join(SEPARATOR));
  let at = HEADER_WORDS * 4;
  const places = NUMBERS.map(([key, kind]) => {
    const place = at;
    at += snapshot[key].length * kind.BYTES_PER_ELEMENT;
    return place;
  });
  const blockAt = at;
  const bytes = new Uint8Array((blockAt + block.length + 3) & ~3);
  const words = new Uint32Array(bytes.buffer);
  words.set([MAGIC, snapshot.format, 0, bytes.length, ...NUMBERS.map(([key]) => snapshot[key].length), ...strings.map((list) => list.length), block.length]);
  NUMBERS.forEach(([key, kind], k) => new kind(bytes.buffer, places[k], snapshot[key].length).set(snapshot[key]));
  bytes.set(block, blockAt);
  words[2] = wordCheck(words);
  return bytes;
}

/** A snapshot read from its bytes (its columns are views over them), or null when they are not one, or not intact. */
export function decodeSnapshot(bytes: ArrayBuffer | Uint8Array): Snapshot | null {
  // Views need their columns aligned: bytes that lie elsewhere in a larger buffer are copied.
  const buffer = bytes instanceof Uint8Array ? bytes.slice().buffer : bytes;
  if (buffer.byteLength < HEADER_WORDS * 4 || buffer.byteLength % 4 !== 0) return null;
  const words = new Uint32Array(buffer);
  if (words[0] !== MAGIC || words[3] !== buffer.byteLength || words[2] !== wordCheck(words)) return null;
  const lengths = words.subarray(4, 4 + NUMBERS.length);
  const counts = words.subarray(4 + NUMBERS.length, 4 + NUMBERS.length + STRINGS.length);
  const blockBytes = words[4 + NUMBERS.length + STRINGS.length]!;
  let at = HEADER_WORDS * 4;
  const columns: Partial<Record<NumberColumn, Float64Array | Int32Array | Uint8Array>> = {};
  for (let k = 0; k < NUMBERS.length; k++) {
    const [key, kind] = NUMBERS[k]!;
    const end = at + lengths[k]! * kind.BYTES_PER_ELEMENT;
    if (end > buffer.byteLength) return null;
    columns[key] = new kind(buffer, at, lengths[k]!);
    at = end;
  }
  if (at + blockBytes > buffer.byteLength || ((at + blockBytes + 3) & ~3) !== buffer.byteLength) return null;
  let all: string[];
  try {
    all = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(new Uint8Array(buffer, at, blockBytes)).split(SEPARATOR);
  } catch {
    return null;
  }
  if (all.length !== counts.reduce((a, b) => a + b, 0)) return null;
  const strings: Partial<Record<StringColumn, string[]>> = {};
  let from = 0;
  STRINGS.forEach((key, k) => (strings[key] = all.slice(from, (from += counts[k]!))));
  if (strings.catalog!.length !== 1) return null;
  return { ...(columns as Pick<Snapshot, NumberColumn>), ...(strings as Omit<Record<StringColumn, string[]>, 'catalog'>), format: words[1]!, catalog: strings.catalog![0]! };
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

/** The index `engine` searches with, as a file for `restoreSearch`. */
export function searchSnapshot(engine: SearchEngine, instructions: readonly Instruction[]): Uint8Array<ArrayBuffer> {
  const { index, weight, field, textId, texts, folded, latinWords } = engine.terms;
  const inputs = index.inputs();
  const decodeWords = [...engine.terms.decodeWords()];
  return encodeSnapshot({
    format: FORMAT,
    catalog: catalogFingerprint(instructions),
    ...inputs,
    weight: Float64Array.from(weight),
    field: Uint8Array.from(field),
    textId: Int32Array.from(textId),
    texts,
    folded: [...folded.keys()],
    latinWords: [...latinWords],
    decodeWords: decodeWords.map(([word]) => word),
    decodePhrase: Uint8Array.from(decodeWords, ([, phrase]) => (phrase ? 1 : 0)),
    englishWords: engine.terms.englishWords().all(),
  });
}

/** A search engine over `instructions` from a snapshot of their index, or null when the snapshot is not theirs or not sound. */
export function restoreSearch(instructions: readonly Instruction[], bytes: ArrayBuffer | Uint8Array): SearchEngine | null {
  const snapshot = decodeSnapshot(bytes);
  if (!snapshot || snapshot.format !== FORMAT || snapshot.catalog !== catalogFingerprint(instructions)) return null;
  const terms = soundTerms(snapshot, instructions);
  return terms && new SearchEngine(instructions, builtinActions(), terms);
}

const within = (values: ArrayLike<number>, below: number) => {
  for (let k = 0; k < values.length; k++) if (!(values[k]! >= 0 && values[k]! < below)) return false;
  return true;
};

/** The catalog terms a snapshot holds, once every number in it is checked to point where it may. */
function soundTerms(s: Snapshot, instructions: readonly Instruction[]): CatalogTerms | null {
  const entries = instructions.length;
  const terms = s.termList.length;
  const lists = s.listLength.length;
  const columns = [s.termEntry, s.weight, s.field, s.textId];
  if (columns.some((c) => c.length !== terms)) return null;
  if (!within(s.listLength, s.pool.length + 1) || s.listLength.reduce((a, b) => a + b, 0) !== s.pool.length) return null;
  if (!s.weight.every(Number.isFinite)) return null;
  if (!within(s.pool, s.grams.length) || !within(s.termList, lists) || !within(s.termEntry, entries)) return null;
  if (!within(s.field, FIELDS.length) || !within(s.textId, s.texts.length)) return null;
  if (s.df.length !== s.grams.length || !within(s.df, entries + 1) || !sortedLists(s.listLength, s.pool)) return null;
  if (s.grams.some((g) => g.length < 2 || !FAMILIES.includes(g[0]!)) || new Set(s.grams).size !== s.grams.length) return null;
  if (s.termList.some((list) => s.listLength[list] === 0)) return null;
  if (s.decodePhrase.length !== s.decodeWords.length || !within(s.decodePhrase, 2)) return null;
  return {
    index: TermIndex.restore({ grams: s.grams, listLength: s.listLength, pool: s.pool, termList: s.termList, termEntry: s.termEntry, df: s.df }, entries),
    weight: s.weight,
    field: s.field,
    textId: s.textId,
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
function sortedLists(listLength: Int32Array, pool: Int32Array): boolean {
  for (let list = 0, at = 0; list < listLength.length; list++) {
    const end = at + listLength[list]!;
    for (let k = at + 1; k < end; k++) if (pool[k]! <= pool[k - 1]!) return false;
    at = end;
  }
  return true;
}
