import type { Instruction } from '../catalog/schema';
import { templatePrefix } from '../catalog/template';
import { fold, foldUnitTable } from './fold';
import { runWords } from './decode-words';
import { hanGrams, pinyinOfHan, type Family } from './grams';
import { IntList, room } from './growable';
import type { QueryReader } from './language/reader';
import { TermIndex } from './term-index';
import { cut, cutUnits, isStopword, stem, stopwords, type PieceVisitor } from './text';
import { hashed, hashUnits, HASH_START, UnitTable, unitsText } from './unit-table';

export type MatchField = 'code' | 'name' | 'synonym' | 'example' | 'summary';
/** Fields by the number a term's `field` column holds. */
export const FIELDS: readonly MatchField[] = ['code', 'name', 'synonym', 'example', 'summary'];

/** How much a match in each field counts: a name or code says more than an example question. */
const FIELD_WEIGHT: Record<MatchField, number> = { code: 1, name: 1, synonym: 0.95, example: 0.88, summary: 0.7 };
const FIELD_NUMBER = Object.fromEntries(FIELDS.map((f, k) => [f, k])) as Record<MatchField, number>;
const WEIGHT_BY_FIELD = FIELDS.map((f) => FIELD_WEIGHT[f]);
const { name: NAME, synonym: SYNONYM, example: EXAMPLE, summary: SUMMARY } = FIELD_NUMBER;
/** Pinyin and initials stand for the Chinese they were made from, a little less surely. */
const FAMILY_WEIGHT: Record<Family, number> = { z: 1, e: 1, c: 1, p: 0.95, i: 0.9 };
/** A term in the concepts' own words stands for the catalog text a little less surely. */
const CANONICAL_WEIGHT = 0.95;
/** The stems of the stop words (a stop word has no gram of its own). */
const STOP_STEMS = new Set([...stopwords()].map(stem));
/** Room made for terms per entry before the build starts (more grow the columns). */
const TERMS_PER_ENTRY = 32;

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
  /** The Chinese words pinyin initials may stand for, for `QueryReader` (asked for on first need). */
  decodeWords(): Iterable<[word: string, phrase: boolean]>;
  /** The stems of every Latin word of the English texts (names, summaries, synonyms, examples), for `Coverage` (asked for on first need). */
  englishWords(): EnglishWords;
}

/** Stems of words: whether one is there, and all of them (in no set order). */
export interface EnglishWords {
  has(stem: string): boolean;
  all(): string[];
}

/** The gram lists of a run of Chinese text, by family (-1: none). */
interface HanLists {
  z: number;
  canonical: number;
  p: number;
  i: number;
  /** The runs, joined by U+0001, and their number among the distinct ones. */
  runs: string;
  id: number;
}

/**
 * Turns every text of every entry (name, summary, synonyms, examples, code) into terms. Catalogs
 * repeat themselves: a whole text, a run of Chinese (开通 北京 流量加油包), a Latin word, is worked
 * out once however many entries and prices surround it (12,000 entries hold 170,000 texts, 74,000
 * of them distinct, but only 3,900 distinct Chinese parts and a few hundred Latin words).
 */
class TermBuilder implements PieceVisitor {
  readonly index: TermIndex;
  // Term columns, `terms` long (320,000 at 12,000 entries).
  weight: Float64Array;
  field: Uint8Array;
  textId: Int32Array;
  terms = 0;
  readonly texts: string[] = [];
  readonly latinWords = new Set<string>();
  /** The sequences of hanzi runs met, each run's number as two units; a sequence's key number is its HanLists' number. */
  private readonly hanKeys = new UnitTable();
  private hanKey = new Uint16Array(16);
  /** HanLists by their number. */
  private readonly hanById: HanLists[] = [];
  /** Distinct hanzi runs and Latin words (as folded, apostrophes dropped) by their units, and as strings. */
  private readonly runs = new UnitTable();
  private readonly runText: string[] = [];
  private readonly words = new UnitTable();
  private readonly wordText: string[] = [];
  /** By word number: its stem's gram (-1: a stop word), and the list of a text that is that word alone. */
  private readonly wordGrams: number[] = [];
  private readonly latinCache: number[] = [];
  private readonly stemOfGram = new Map<number, string>();
  /** Stem pair grams, by the first stem's gram and then the second's (small integer keys hash fastest). */
  private readonly pairGrams = new Map<number, Map<number, number>>();
  /** The grams of the list being made. */
  private readonly listIds = new IntList();
  private readonly runGrams = new Map<string, number[]>();
  private readonly pairLetters = new Map<number, number>();
  /** The pairs of pinyin syllables put in `latinWords`, by first syllable. */
  private readonly syllablePairs = new Map<string, Set<string>>();
  // What one distinct folded text gives, by its analysis number: its parts (family, gram list,
  // weight) sit end to end in columns, not as objects the collector has to walk.
  /** Folded texts (as folded, untrimmed), numbered as their analyses. */
  private readonly analyses = new UnitTable();
  /** Folded texts with spaces around them, by their trimmed form, and the analysis whose parts they share. */
  private readonly spaced = new UnitTable();
  private readonly spacedAnalysis: number[] = [];
  /** The text being analysed, folded (and a word without its apostrophes). */
  private units = new Uint16Array(1 << 10);
  private wordUnits = new Uint16Array(1 << 6);
  private readonly unitFold = foldUnitTable();
  /** The pieces of the text being analysed: its hanzi runs' and Latin words' numbers. */
  private readonly runIds = new IntList();
  private readonly wordIds = new IntList();
  private partsStart = new Int32Array(1 << 10);
  private partsEnd = new Int32Array(1 << 10);
  private parts = 0;
  private partFamilyWeight = new Float64Array(1 << 10);
  private partList = new Int32Array(1 << 10);
  private partWeight = new Float64Array(1 << 10);
  /** The analyses of the Simplified names and synonyms, in catalog order. */
  private decodableTexts = new Int32Array(1 << 10);
  private decodableCount = 0;
  /** By analysis: the number of its hanzi runs among the distinct ones (hanLists), -1 for none; and its Latin words' gram list, -1 for none. */
  private analysisRuns = new Int32Array(1 << 10);
  private analysisLatin = new Int32Array(1 << 10);
  /** The analyses of the English texts, in catalog order (some more than once). */
  private englishTexts = new Int32Array(1 << 10);
  private englishCount = 0;
  /** The analyses of the entry being added, and the text numbers they were given there. */
  private readonly seenAnalysis = new IntList();
  private readonly seenText = new IntList();

  constructor(
    private readonly reader: QueryReader,
    entryCount: number,
  ) {
    // Sized for the usual entry (a grown catalog's has 27 terms) rather than grown by doubling from
    // a small start: at 12,000 entries that saved a dozen copies of every column.
    const expected = Math.max(1 << 10, entryCount * TERMS_PER_ENTRY);
    this.index = new TermIndex(expected);
    this.weight = new Float64Array(expected);
    this.field = new Uint8Array(expected);
    this.textId = new Int32Array(expected);
  }

  addEntry(entry: Instruction, index: number): void {
    this.seenAnalysis.clear();
    this.seenText.clear();
    const { name, summary, synonyms, examples } = entry;
    // Written out per language: a property named by a variable is looked up the slow way.
    this.addTexts(index, name['zh-Hans'], summary['zh-Hans'], synonyms['zh-Hans'], examples['zh-Hans'], true);
    this.addTexts(index, name['zh-Hant'], summary['zh-Hant'], synonyms['zh-Hant'], examples['zh-Hant'], false);
    this.addTexts(index, name.en, summary.en, synonyms.en, examples.en, false, true);
    const code = entry.id.toLowerCase();
    // A template is most often the code itself: then there is no prefix to add.
    const full = templatePrefix(entry.template);
    if (full !== entry.id || full.endsWith('#')) {
      const prefix = full.endsWith('#') ? full.slice(0, -1) : full;
      if (prefix && prefix.toLowerCase() !== code) this.addText(index, FIELD_NUMBER.code, prefix);
    }
    const ids = this.listIds;
    ids.clear();
    ids.push(this.index.gramId('c' + code));
    this.add(index, FIELD_NUMBER.code, FIELD_WEIGHT.code * FAMILY_WEIGHT.c, this.codeTextId(entry), this.index.list(ids.items, 1), true);
    this.latinWords.add(code);
  }

  /** An entry's texts in one language. */
  /** `decodable`: its name and synonyms hold the words pinyin initials may stand for (the Simplified ones); `english`: its words are English. */
  private addTexts(entry: number, name: string, summary: string, synonyms: readonly string[], examples: readonly string[], decodable: boolean, english = false): void {
    const named = this.addText(entry, NAME, name);
    if (decodable) this.decodable(named);
    const summed = this.addText(entry, SUMMARY, summary);
    if (english) {
      this.english(named);
      this.english(summed);
    }
    for (let k = 0; k < synonyms.length; k++) {
      const synonym = this.addText(entry, SYNONYM, synonyms[k]!);
      if (decodable) this.decodable(synonym);
      if (english) this.english(synonym);
    }
    for (let k = 0; k < examples.length; k++) {
      const example = this.addText(entry, EXAMPLE, examples[k]!);
      if (english) this.english(example);
    }
  }

  /** Adds the terms of one text of an entry; returns the text's analysis number. */
  private addText(entry: number, field: number, text: string): number {
    const analysis = this.analyse(text);
    // A Traditional text folds to its Simplified twin: same grams, so no second term.
    if (this.seenAnalysis.includes(analysis)) return analysis;
    const id = this.texts.length;
    this.texts.push(text);
    this.seenAnalysis.push(analysis);
    this.seenText.push(id);
    const fieldWeight = WEIGHT_BY_FIELD[field]!;
    for (let p = this.partsStart[analysis]!, end = this.partsEnd[analysis]!; p < end; p++) {
      const weight = this.partWeight[p]!;
      this.add(entry, field, weight * fieldWeight * this.partFamilyWeight[p]!, id, this.partList[p]!, weight === 1);
    }
    return analysis;
  }

  private decodable(analysis: number): void {
    const k = this.decodableCount++;
    if (k === this.decodableTexts.length) this.decodableTexts = room(this.decodableTexts, k + 1);
    this.decodableTexts[k] = analysis;
  }

  private english(analysis: number): void {
    const k = this.englishCount++;
    if (k === this.englishTexts.length) this.englishTexts = room(this.englishTexts, k + 1);
    this.englishTexts[k] = analysis;
  }

  /**
   * The catalog's Chinese words that pinyin initials may stand for: its short texts whole, and
   * every two or three hanzi in a row (已开通), from the Simplified names and synonyms in catalog
   * order. Read from the hanzi runs each text's analysis kept, so no text is folded or cut again.
   */
  *decodeWords(): Generator<[string, boolean]> {
    const runs = this.hanById;
    // Texts with the same runs (开通北京流量加油包 and 元, in ten prices) give the same words: once is enough.
    const seen = new Uint8Array(runs.length);
    const seenRuns = new Set<string>();
    for (let k = 0; k < this.decodableCount; k++) {
      const id = this.analysisRuns[this.decodableTexts[k]!]!;
      if (id < 0 || seen[id]) continue;
      seen[id] = 1;
      yield* runWords(runs[id]!.runs.split('\u0001'), seenRuns);
    }
  }

  /**
   * The stems of the English texts' Latin words. Those of words that are not stop words are the
   * stems of the texts' `e` grams, read from the gram lists (each list once); the stems of stop
   * words, which have no gram, need the texts cut again: only when such a stem is asked for.
   */
  englishWords(): EnglishWords {
    const stems = new Set<string>();
    const seenList = new Uint8Array(this.index.listCount);
    // Each gram once (data, pack, yuan recur in every English name).
    const seenGram = new Uint8Array(this.index.gramCount);
    for (let k = 0; k < this.englishCount; k++) {
      const list = this.analysisLatin[this.englishTexts[k]!]!;
      if (list < 0 || seenList[list]) continue;
      seenList[list] = 1;
      for (const g of this.index.listGrams(list)) {
        if (seenGram[g]) continue;
        seenGram[g] = 1;
        const s = this.stemOfGram.get(g);
        if (s !== undefined) stems.add(s);
      }
    }
    let stopStems: Set<string> | undefined;
    const ofStopwords = () => (stopStems ??= this.englishStopStems());
    return {
      has: (s) => stems.has(s) || (STOP_STEMS.has(s) && ofStopwords().has(s)),
      all: () => [...new Set([...stems, ...ofStopwords()])],
    };
  }

  /** The stems of the stop words the English texts hold. */
  private englishStopStems(): Set<string> {
    const seen = new Uint8Array(this.analyses.size);
    const stems = new Set<string>();
    for (let k = 0; k < this.englishCount; k++) {
      const analysis = this.englishTexts[k]!;
      if (seen[analysis] || this.analysisLatin[analysis]! < 0) continue;
      seen[analysis] = 1;
      for (const w of cut(this.analyses.text(analysis)).latinWords) if (isStopword(w)) stems.add(stem(w));
    }
    return stems;
  }

  /**
   * The text number of the code's term: that of the entry's text written as the code when it has
   * one (a synonym `GPRS` of GPRS), so the two count as one text; a number of its own otherwise.
   */
  private codeTextId(entry: Instruction): number {
    for (let k = 0; k < this.seenText.size; k++) {
      const id = this.seenText.items[k]!;
      if (this.texts[id] === entry.id) return id;
    }
    this.texts.push(entry.id);
    return this.texts.length - 1;
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

  /**
   * The analysis number of a text: one per distinct folded text, its parts worked out when it is
   * new. Texts are numbered by what they fold to, not as written: a catalog of 12,000 entries
   * holds 170,000 texts, 50,000 distinct once folded. A text is folded unit by unit into a
   * scratch buffer and looked up by those units, so a text met before makes no string.
   */
  private analyse(text: string): number {
    const n = text.length;
    if (n > this.units.length) this.units = new Uint16Array(2 * n);
    const units = this.units;
    const table = this.unitFold;
    let h = HASH_START;
    let i = 0;
    for (; i < n; i++) {
      const u = table[text.charCodeAt(i)]!;
      if (u === 0) break;
      units[i] = u;
      h = hashed(h, u);
    }
    // A unit that needs the whole text normalised (ß, ①, …): the text is folded as a string.
    const length = i === n ? n : this.foldWhole(text);
    if (i < n) h = hashUnits(this.units, 0, length);
    const id = this.analyses.find(this.units, 0, length, h);
    return id >= 0 ? id : this.analyseNew(length, h);
  }

  /** fold(text) into `units`; returns its length. */
  private foldWhole(text: string): number {
    const folded = fold(text);
    if (folded.length > this.units.length) this.units = new Uint16Array(2 * folded.length);
    for (let k = 0; k < folded.length; k++) this.units[k] = folded.charCodeAt(k);
    return folded.length;
  }

  /** A new analysis, of the folded text in units[0, length) (hash `h`). */
  private analyseNew(length: number, h: number): number {
    const units = this.units;
    const id = this.analyses.add(units, 0, length, h);
    if (id === this.partsStart.length) {
      this.partsStart = room(this.partsStart, id + 1);
      this.partsEnd = room(this.partsEnd, id + 1);
      this.analysisRuns = room(this.analysisRuns, id + 1);
      this.analysisLatin = room(this.analysisLatin, id + 1);
    }
    // A Traditional text folds to its Simplified twin (開通 → 开通), and spaces around it cut to nothing.
    let from = 0;
    let to = length;
    while (from < to && isTrimmed(units[from]!)) from++;
    while (to > from && isTrimmed(units[to - 1]!)) to--;
    const spaced = from > 0 || to < length;
    const keyHash = spaced ? hashUnits(units, from, to) : h;
    let twin = spaced ? this.analyses.find(units, from, to, keyHash) : -1;
    if (twin < 0 && this.spaced.size) {
      const k = this.spaced.find(units, from, to, keyHash);
      if (k >= 0) twin = this.spacedAnalysis[k]!;
    }
    if (twin >= 0) {
      this.partsStart[id] = this.partsStart[twin]!;
      this.partsEnd[id] = this.partsEnd[twin]!;
      this.analysisRuns[id] = this.analysisRuns[twin]!;
      this.analysisLatin[id] = this.analysisLatin[twin]!;
      return id;
    }
    if (spaced) {
      this.spaced.add(units, from, to, keyHash);
      this.spacedAnalysis.push(id);
    }
    this.partsStart[id] = this.parts;
    this.runIds.clear();
    this.wordIds.clear();
    cutUnits(units, 0, length, this);
    this.analysisRuns[id] = -1;
    if (this.runIds.size) {
      const h = this.hanLists(this.runIds);
      this.analysisRuns[id] = h.id;
      this.put('z', h.z);
      // The same text in the concepts' own words (关闭数据 → 关闭流量), a little less surely its meaning.
      this.put('z', h.canonical, CANONICAL_WEIGHT);
      this.put('p', h.p);
      this.put('i', h.i);
    }
    this.analysisLatin[id] = this.wordIds.size ? this.latinList(this.wordIds) : -1;
    this.put('e', this.analysisLatin[id]!);
    this.partsEnd[id] = this.parts;
    return id;
  }

  /** A hanzi run of the text being analysed (cutUnits), by its number among the distinct runs. */
  run(from: number, to: number): void {
    const h = hashUnits(this.units, from, to);
    let id = this.runs.find(this.units, from, to, h);
    if (id < 0) {
      id = this.runs.add(this.units, from, to, h);
      this.runText.push(unitsText(this.units, from, to));
    }
    this.runIds.push(id);
  }

  /** A Latin word of the text being analysed (cutUnits), by its number among the distinct words. */
  word(from: number, to: number, apostrophe: boolean): void {
    let units = this.units;
    if (apostrophe) {
      if (to - from > this.wordUnits.length) this.wordUnits = new Uint16Array(2 * (to - from));
      units = this.wordUnits;
      let n = 0;
      for (let k = from; k < to; k++) if (this.units[k] !== 0x27) units[n++] = this.units[k]!;
      from = 0;
      to = n;
    }
    const h = hashUnits(units, from, to);
    let id = this.words.find(units, from, to, h);
    if (id < 0) {
      id = this.words.add(units, from, to, h);
      this.wordText.push(unitsText(units, from, to));
    }
    this.wordIds.push(id);
  }

  /** A part of the text being analysed, unless it has no grams. */
  private put(family: Family, list: number, weight = 1): void {
    if (list < 0 || this.index.listLength(list) === 0) return;
    const p = this.parts++;
    if (p === this.partList.length) {
      this.partFamilyWeight = room(this.partFamilyWeight, p + 1);
      this.partList = room(this.partList, p + 1);
      this.partWeight = room(this.partWeight, p + 1);
    }
    this.partFamilyWeight[p] = FAMILY_WEIGHT[family];
    this.partList[p] = list;
    this.partWeight[p] = weight;
  }

  /** Every text, folded and trimmed. */
  foldedTexts(): CatalogTerms['folded'] {
    const { analyses, spaced } = this;
    // A key with spaces around it is never asked for: the question is trimmed too.
    return {
      has: (folded) => analyses.findText(folded) >= 0 || (spaced.size > 0 && spaced.findText(folded) >= 0),
      *keys() {
        for (let k = 0; k < analyses.size; k++) yield analyses.text(k);
        for (let k = 0; k < spaced.size; k++) yield spaced.text(k);
      },
    };
  }

  /** The gram lists of a text's hanzi runs (by their numbers), worked out once for each sequence of runs. */
  private hanLists(runIds: IntList): HanLists {
    const n = runIds.size;
    if (2 * n > this.hanKey.length) this.hanKey = new Uint16Array(4 * n);
    const seq = this.hanKey;
    for (let k = 0; k < n; k++) {
      const run = runIds.items[k]!;
      seq[2 * k] = run >>> 16;
      seq[2 * k + 1] = run & 0xffff;
    }
    const seqHash = hashUnits(seq, 0, 2 * n);
    const known = this.hanKeys.find(seq, 0, 2 * n, seqHash);
    if (known >= 0) return this.hanById[known]!;
    this.hanKeys.add(seq, 0, 2 * n, seqHash);
    const hanRuns: string[] = [];
    for (let k = 0; k < n; k++) hanRuns.push(this.runText[runIds.items[k]!]!);
    const key = hanRuns.join('\u0001');
    const canonical = this.reader.toCanonical(key);
    const py = pinyinOfHan(hanRuns.join(''));
    const h: HanLists = {
      z: this.zList(hanRuns),
      // Not when it is the bare concept word (回铃音 → 彩铃): that would make one of a KT/QX pair the 彩铃 instruction.
      canonical: canonical === key || this.reader.isConceptHead(canonical) ? -1 : this.zList(canonical.split('\u0001')),
      p: py ? this.pList(py.solid) : -1,
      i: py && py.initials.length >= 2 ? this.index.intern(['i' + py.initials]) : -1,
      runs: key,
      id: this.hanById.length,
    };
    if (py) {
      this.latinWords.add(py.solid);
      // Most Chinese words are two characters: their pinyin is what a misspelt pinyin word is corrected to.
      // Each pair once: the syllables are the pinyin table's own strings, whose hashes are kept, so
      // looking a pair up costs less than joining it into a new string to hash (58,000 pairs at 12,000 entries).
      for (let k = 0; k + 1 < py.syllables.length; k++) {
        const first = py.syllables[k]!;
        const second = py.syllables[k + 1]!;
        let seconds = this.syllablePairs.get(first);
        if (!seconds) this.syllablePairs.set(first, (seconds = new Set()));
        if (seconds.has(second)) continue;
        seconds.add(second);
        this.latinWords.add(first + second);
      }
    }
    this.hanById.push(h);
    return h;
  }

  /** The list of hanGrams(runs), from each run's grams worked out once (开通北京流量加油包 and 元 recur in many texts). */
  private zList(runs: readonly string[]): number {
    const ids = this.listIds;
    ids.clear();
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      let grams = this.runGrams.get(run);
      if (!grams) this.runGrams.set(run, (grams = hanGrams([run]).map((g) => this.index.gramId(g))));
      for (let k = 0; k < grams.length; k++) ids.push(grams[k]!);
    }
    return this.index.list(ids.items, ids.size);
  }

  /** The list of letterPairGrams(solid), each letter pair's gram looked up by its two char codes. */
  private pList(solid: string): number {
    const ids = this.listIds;
    ids.clear();
    for (let k = 0; k + 1 < solid.length; k++) {
      const pair = solid.charCodeAt(k) * 0x10000 + solid.charCodeAt(k + 1);
      let id = this.pairLetters.get(pair);
      if (id === undefined) this.pairLetters.set(pair, (id = this.index.gramId('p' + solid.slice(k, k + 2))));
      ids.push(id);
    }
    return this.index.list(ids.items, ids.size);
  }

  /**
   * The grams of englishGrams(words) (by the words' numbers), in its order (stems, then
   * neighbouring pairs), from each word's and pair's gram worked out once. A lone word (the 10 of
   * 10元) has its list kept; a text of several words is most often the only one with them, and a
   * text met again never comes here (its parts are kept by the text).
   */
  private latinList(words: IntList): number {
    const lone = words.size === 1 ? words.items[0]! : -1;
    const known = lone < 0 ? undefined : this.latinCache[lone];
    if (known !== undefined) return known;
    // The stems' grams, then those of each two neighbouring stems.
    const ids = this.listIds;
    ids.clear();
    for (let k = 0; k < words.size; k++) {
      const id = this.wordGram(words.items[k]!);
      if (id >= 0) ids.push(id);
    }
    const stems = ids.size;
    for (let k = 0; k + 1 < stems; k++) {
      const first = ids.items[k]!;
      const second = ids.items[k + 1]!;
      let after = this.pairGrams.get(first);
      if (!after) this.pairGrams.set(first, (after = new Map()));
      let id = after.get(second);
      if (id === undefined) after.set(second, (id = this.index.gramId(`e${this.stemOfGram.get(first)}_${this.stemOfGram.get(second)}`)));
      ids.push(id);
    }
    const list = this.index.list(ids.items, ids.size);
    if (lone >= 0) this.latinCache[lone] = list;
    return list;
  }

  /** A Latin word's stem gram (-1 for a stop word), by the word's number; its stem becomes a word misspellings are corrected to. */
  private wordGram(w: number): number {
    let id = this.wordGrams[w];
    if (id === undefined) {
      const word = this.wordText[w]!;
      const s = stem(word);
      this.latinWords.add(s);
      id = isStopword(word) ? -1 : this.index.gramId('e' + s);
      if (id >= 0) this.stemOfGram.set(id, s);
      this.wordGrams[w] = id;
    }
    return id;
  }
}

/** Whether `String.prototype.trim` removes the unit (white space and line ends). */
function isTrimmed(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function catalogTerms(entries: readonly Instruction[], reader: QueryReader): CatalogTerms {
  const builder = new TermBuilder(reader, entries.length);
  entries.forEach((entry, index) => builder.addEntry(entry, index));
  builder.index.seal(entries.length);
  const { index, terms, texts, latinWords } = builder;
  const folded = builder.foldedTexts();
  return { decodeWords: () => builder.decodeWords(), englishWords: () => builder.englishWords(), index, weight: builder.weight.subarray(0, terms), field: builder.field.subarray(0, terms), textId: builder.textId.subarray(0, terms), texts, folded, latinWords };
}
