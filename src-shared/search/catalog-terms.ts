import type { Instruction } from '../catalog/schema';
import { templatePrefix } from '../catalog/template';
import { fold } from './fold';
import { hanGrams, pinyinForms, type Family } from './grams';
import { room } from './growable';
import type { QueryReader } from './language/reader';
import { TermIndex } from './term-index';
import { cut, isStopword, stem } from './text';

export type MatchField = 'code' | 'name' | 'synonym' | 'example' | 'summary';
/** Fields by the number a term's `field` column holds. */
export const FIELDS: readonly MatchField[] = ['code', 'name', 'synonym', 'example', 'summary'];

/** How much a match in each field counts: a name or code says more than an example question. */
const FIELD_WEIGHT: Record<MatchField, number> = { code: 1, name: 1, synonym: 0.95, example: 0.88, summary: 0.7 };
const FIELD_NUMBER = Object.fromEntries(FIELDS.map((f, k) => [f, k])) as Record<MatchField, number>;
/** Pinyin and initials stand for the Chinese they were made from, a little less surely. */
const FAMILY_WEIGHT: Record<Family, number> = { z: 1, e: 1, c: 1, p: 0.95, i: 0.9 };
/** A term in the concepts' own words stands for the catalog text a little less surely. */
const CANONICAL_WEIGHT = 0.95;
const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;

/** The terms of a catalog: an index of their grams, and what each term number stands for (as columns). */
export interface CatalogTerms {
  index: TermIndex;
  /** How much a full match of the term counts (field, family, concept wording). */
  weight: Float64Array;
  /** The term's field, as its place in FIELDS. */
  field: Uint8Array;
  /** The number of the catalog text the term is from (one number a text), and the texts as written there, by number. */
  textId: Int32Array;
  texts: string[];
  /** Every catalog text, folded (and trimmed). */
  folded: { has(folded: string): boolean; keys(): Iterable<string> };
  /** The Latin words a misspelt word may be corrected to: stems, codes, pinyin of the Chinese. */
  latinWords: Set<string>;
}

/** The gram lists of a run of Chinese text, by family (-1: none). */
interface HanLists {
  z: number;
  canonical: number;
  p: number;
  i: number;
}

/**
 * Turns every text of every entry (name, summary, synonyms, examples, code) into terms. Catalogs
 * repeat themselves: a whole text, a run of Chinese (开通 北京 流量加油包), a Latin word, is worked
 * out once however many entries and prices surround it (12,000 entries hold 170,000 texts, 74,000
 * of them distinct, but only 3,900 distinct Chinese parts and a few hundred Latin words).
 */
class TermBuilder {
  readonly index = new TermIndex();
  // Term columns, `terms` long (320,000 at 12,000 entries).
  weight = new Float64Array(1 << 10);
  field = new Uint8Array(1 << 10);
  textId = new Int32Array(1 << 10);
  terms = 0;
  readonly texts: string[] = [];
  /** Folded texts (trimmed), each to the first text that folds to it: texts that fold alike have the same parts. */
  readonly folded = new Map<string, number>();
  readonly latinWords = new Set<string>();
  private readonly hanCache = new Map<string, HanLists>();
  private readonly latinCache = new Map<string, number>();
  private readonly wordGrams = new Map<string, number>();
  private readonly stemOfGram = new Map<number, string>();
  /** Stem pair grams, by the first stem's gram and then the second's (small integer keys hash fastest). */
  private readonly pairGrams: Map<number, number>[] = [];
  private readonly runGrams = new Map<string, number[]>();
  private readonly pairLetters = new Map<number, number>();
  // What one distinct text gives, by the text's number: its parts (family, gram list, weight)
  // sit end to end in columns, not as objects the collector has to walk.
  private readonly textIds = new Map<string, number>();
  /** By text number: the text folded, once its parts are worked out (a code needs none). */
  private readonly analysed: (string | undefined)[] = [];
  private readonly partsStart: number[] = [];
  private readonly partsEnd: number[] = [];
  private readonly partFamilyWeight: number[] = [];
  private readonly partList: number[] = [];
  private readonly partWeight: number[] = [];
  /** The folded texts of the entry being added. */
  private readonly seenText: string[] = [];

  constructor(private readonly reader: QueryReader) {}

  addEntry(entry: Instruction, index: number): void {
    this.seenText.length = 0;
    for (const lang of LANGS) {
      this.addText(index, 'name', entry.name[lang]);
      this.addText(index, 'summary', entry.summary[lang]);
      for (const s of entry.synonyms[lang]) this.addText(index, 'synonym', s);
      for (const s of entry.examples[lang]) this.addText(index, 'example', s);
    }
    const code = entry.id.toLowerCase();
    // A template is most often the code itself: then there is no prefix to add.
    const full = templatePrefix(entry.template);
    if (full !== entry.id || full.endsWith('#')) {
      const prefix = full.endsWith('#') ? full.slice(0, -1) : full;
      if (prefix && prefix.toLowerCase() !== code) this.addText(index, 'code', prefix);
    }
    this.add(index, FIELD_NUMBER.code, FIELD_WEIGHT.code * FAMILY_WEIGHT.c, this.idOf(entry.id), this.index.list([this.index.gramId('c' + code)]), true);
    this.latinWords.add(code);
  }

  private addText(entry: number, field: MatchField, text: string): void {
    const id = this.analyse(text);
    const folded = this.analysed[id]!;
    // A Traditional text folds to its Simplified twin: same grams, so no second term.
    if (this.seenText.includes(folded)) return;
    this.seenText.push(folded);
    const fieldWeight = FIELD_WEIGHT[field];
    const fieldNumber = FIELD_NUMBER[field];
    for (let p = this.partsStart[id]!, end = this.partsEnd[id]!; p < end; p++) {
      const weight = this.partWeight[p]!;
      this.add(entry, fieldNumber, weight * fieldWeight * this.partFamilyWeight[p]!, id, this.partList[p]!, weight === 1);
    }
  }

  private add(entry: number, field: number, weight: number, textId: number, list: number, weighs: boolean): void {
    const t = this.terms++;
    if (t === this.weight.length) {
      this.weight = room(this.weight, t + 1);
      this.field = room(this.field, t + 1);
      this.textId = room(this.textId, t + 1);
    }
    this.weight[t] = weight;
    this.field[t] = field;
    this.textId[t] = textId;
    this.index.addTerm(entry, list, weighs);
  }

  /** The number of a text (the same for the same text, in whichever entry). */
  private idOf(text: string): number {
    let id = this.textIds.get(text);
    if (id === undefined) {
      this.textIds.set(text, (id = this.analysed.length));
      this.texts.push(text);
      this.analysed.push(undefined);
      this.partsStart.push(0);
      this.partsEnd.push(0);
    }
    return id;
  }

  /** The text's number, its parts worked out when it is new. */
  private analyse(text: string): number {
    const id = this.idOf(text);
    if (this.analysed[id] !== undefined) return id;
    const folded = fold(text);
    this.analysed[id] = folded;
    const key = folded.trim();
    // A Traditional text folds to its Simplified twin (開通 → 开通), and spaces around it cut to nothing.
    const twin = this.folded.get(key);
    if (twin !== undefined) {
      this.partsStart[id] = this.partsStart[twin]!;
      this.partsEnd[id] = this.partsEnd[twin]!;
      return id;
    }
    this.folded.set(key, id);
    this.partsStart[id] = this.partList.length;
    const { hanRuns, latinWords } = cut(folded);
    if (hanRuns.length) {
      const h = this.hanLists(hanRuns);
      this.put('z', h.z);
      // The same text in the concepts' own words (关闭数据 → 关闭流量), a little less surely its meaning.
      this.put('z', h.canonical, CANONICAL_WEIGHT);
      this.put('p', h.p);
      this.put('i', h.i);
    }
    if (latinWords.length) this.put('e', this.latinList(latinWords));
    this.partsEnd[id] = this.partList.length;
    return id;
  }

  /** A part of the text being analysed, unless it has no grams. */
  private put(family: Family, list: number, weight = 1): void {
    if (list < 0 || this.index.listLength(list) === 0) return;
    this.partFamilyWeight.push(FAMILY_WEIGHT[family]);
    this.partList.push(list);
    this.partWeight.push(weight);
  }

  private hanLists(hanRuns: string[]): HanLists {
    const key = hanRuns.join('\u0001');
    let h = this.hanCache.get(key);
    if (h) return h;
    const canonical = this.reader.toCanonical(key);
    const py = pinyinForms(hanRuns.join(''));
    h = {
      z: this.zList(hanRuns),
      // Not when it is the bare concept word (回铃音 → 彩铃): that would make one of a KT/QX pair the 彩铃 instruction.
      canonical: canonical === key || this.reader.isConceptHead(canonical) ? -1 : this.zList(canonical.split('\u0001')),
      p: py ? this.pList(py.solid) : -1,
      i: py && py.initials.length >= 2 ? this.index.intern(['i' + py.initials]) : -1,
    };
    if (py) {
      this.latinWords.add(py.solid);
      // Most Chinese words are two characters: their pinyin is what a misspelt pinyin word is corrected to.
      for (let k = 0; k + 1 < py.syllables.length; k++) this.latinWords.add(py.syllables[k]! + py.syllables[k + 1]!);
    }
    this.hanCache.set(key, h);
    return h;
  }

  /** The list of hanGrams(runs), from each run's grams worked out once (开通北京流量加油包 and 元 recur in many texts). */
  private zList(runs: readonly string[]): number {
    const ids: number[] = [];
    for (const run of runs) {
      let grams = this.runGrams.get(run);
      if (!grams) this.runGrams.set(run, (grams = hanGrams([run]).map((g) => this.index.gramId(g))));
      for (const g of grams) ids.push(g);
    }
    return this.index.list(ids);
  }

  /** The list of letterPairGrams(solid), each letter pair's gram looked up by its two char codes. */
  private pList(solid: string): number {
    const ids: number[] = [];
    for (let k = 0; k + 1 < solid.length; k++) {
      const pair = solid.charCodeAt(k) * 0x10000 + solid.charCodeAt(k + 1);
      let id = this.pairLetters.get(pair);
      if (id === undefined) this.pairLetters.set(pair, (id = this.index.gramId('p' + solid.slice(k, k + 2))));
      ids.push(id);
    }
    return this.index.list(ids);
  }

  /** The grams of englishGrams(words), in its order (stems, then neighbouring pairs), from each word's and pair's gram worked out once. */
  private latinList(words: string[]): number {
    const key = words.join(' ');
    const known = this.latinCache.get(key);
    if (known !== undefined) return known;
    const stems: number[] = [];
    for (const w of words) {
      const id = this.wordGram(w);
      if (id >= 0) stems.push(id);
    }
    const ids = stems.slice();
    for (let k = 0; k + 1 < stems.length; k++) {
      const first = stems[k]!;
      const second = stems[k + 1]!;
      const after = (this.pairGrams[first] ??= new Map());
      let id = after.get(second);
      if (id === undefined) after.set(second, (id = this.index.gramId(`e${this.stemOfGram.get(first)}_${this.stemOfGram.get(second)}`)));
      ids.push(id);
    }
    const list = this.index.list(ids);
    this.latinCache.set(key, list);
    return list;
  }

  /** A Latin word's stem gram (-1 for a stop word); its stem becomes a word misspellings are corrected to. */
  private wordGram(word: string): number {
    let id = this.wordGrams.get(word);
    if (id === undefined) {
      const s = stem(word);
      this.latinWords.add(s);
      id = isStopword(word) ? -1 : this.index.gramId('e' + s);
      if (id >= 0) this.stemOfGram.set(id, s);
      this.wordGrams.set(word, id);
    }
    return id;
  }
}

export function catalogTerms(entries: readonly Instruction[], reader: QueryReader): CatalogTerms {
  const builder = new TermBuilder(reader);
  entries.forEach((entry, index) => builder.addEntry(entry, index));
  builder.index.seal(entries.length);
  const { index, terms, texts, folded, latinWords } = builder;
  return { index, weight: builder.weight.subarray(0, terms), field: builder.field.subarray(0, terms), textId: builder.textId.subarray(0, terms), texts, folded, latinWords };
}
