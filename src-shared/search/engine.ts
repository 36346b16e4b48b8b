import type { ActionKind, Instruction } from '../catalog/schema';
import { Recognizer } from '../catalog/recognize';
import { templatePrefix } from '../catalog/template';
import { fold } from './fold';
import { englishGrams, hanGrams, letterPairGrams, pinyinForms, type Family } from './grams';
import { ActionDetector } from './intents';
import { isPinyin, pinyinSyllables } from './pinyin';
import { LatinVocabulary } from './spell';
import { TermIndex } from './term-index';
import { cut, stem } from './text';

export type MatchField = 'code' | 'name' | 'synonym' | 'example' | 'summary';

/** How much a match in each field counts: a name or code says more than an example question. */
const FIELD_WEIGHT: Record<MatchField, number> = { code: 1, name: 1, synonym: 0.95, example: 0.88, summary: 0.7 };
/** Pinyin and initials stand for the Chinese they were made from, a little less surely. */
const FAMILY_WEIGHT: Record<Family, number> = { z: 1, e: 1, c: 1, p: 0.95, i: 0.9 };
const ACTION_MATCH = 1.15;
const ACTION_CONFLICT = 0.8;
const CORRECTED_WORD = 0.85;
const MIN_SCORE = 0.2;
const HOMOPHONE_MAX_HANZI = 6;
const HOMOPHONE_WEIGHT = 0.85;
const HOMOPHONE_MIN_COVERAGE = 0.6;
/** Codes are an action (开通 KT, 取消 QX, 查询 CX, 变更 BG) followed by the thing acted on. */
const ACTION_PREFIX = /^(kt|qx|cx|bg)/;

export interface SearchResult {
  id: string;
  /** Relevance in [0, 1]. */
  score: number;
  instruction: Instruction;
  /** Parameters when the query was the instruction typed with them (`ZD202610`). */
  params?: Record<string, string>;
  /** The catalog text that matched best, as written there. */
  matched: { field: MatchField; text: string };
}

interface Term {
  entry: number;
  family: Family;
  weight: number;
  field: MatchField;
  text: string;
}

export class SearchEngine {
  private readonly entries: readonly Instruction[];
  private readonly terms: Term[] = [];
  private readonly index = new TermIndex();
  private readonly vocabulary: LatinVocabulary;
  private readonly codes: string[];
  private readonly recognizer: Recognizer;

  constructor(
    entries: readonly Instruction[],
    private readonly actions: ActionDetector,
  ) {
    this.entries = entries;
    const latinWords = new Set<string>();
    entries.forEach((entry, index) => {
      const add = (family: Family, field: MatchField, text: string, grams: string[]) => {
        if (grams.length === 0) return;
        this.terms.push({ entry: index, family, weight: FIELD_WEIGHT[field] * FAMILY_WEIGHT[family], field, text });
        this.index.add(index, grams);
      };
      const seenText = new Set<string>();
      for (const [field, text] of fieldsOf(entry)) {
        const folded = fold(text);
        // A Traditional text folds to its Simplified twin: same grams, so skip the work (start-up time).
        if (seenText.has(folded)) continue;
        seenText.add(folded);
        const { hanRuns, latinWords: words } = cut(folded);
        if (hanRuns.length) add('z', field, text, hanGrams(hanRuns));
        const py = pinyinForms(folded);
        if (py) {
          add('p', field, text, letterPairGrams(py.solid));
          if (py.initials.length >= 2) add('i', field, text, ['i' + py.initials]);
          latinWords.add(py.solid);
          // Most Chinese words are two characters: their pinyin is what a misspelt pinyin word is corrected to.
          for (let k = 0; k + 1 < py.syllables.length; k++) latinWords.add(py.syllables[k]! + py.syllables[k + 1]!);
        }
        if (words.length) {
          add('e', field, text, englishGrams(words));
          for (const w of words) latinWords.add(stem(w));
        }
      }
      const code = entry.id.toLowerCase();
      add('c', 'code', entry.id, ['c' + code]);
      latinWords.add(code);
    });
    this.index.seal(entries.length);
    this.vocabulary = new LatinVocabulary(latinWords, pinyinSyllables());
    this.codes = entries.map((e) => e.id.toLowerCase());
    this.recognizer = new Recognizer(entries);
  }

  search(query: string, limit = 10): SearchResult[] {
    const folded = fold(query).trim();
    if (!folded) return [];
    const scores = new Map<number, { best: number; second: number; term: Term | null; params?: Record<string, string> }>();
    const offer = (entry: number, score: number, term: Term | null) => {
      const s = scores.get(entry);
      if (!s) scores.set(entry, { best: score, second: 0, term });
      else if (score > s.best) Object.assign(s, { second: s.best, best: score, term });
      else if (score > s.second) s.second = score;
    };

    this.scoreGrams(this.queryGrams(folded), offer);
    this.scoreHomophones(folded, offer);
    this.scoreCodes(folded, offer);

    const typed = this.recognizer.recognize(query);
    const misspelt = typed ? null : this.recognizeMisspelt(query);
    for (const [hit, score] of [[typed, 1.5], [misspelt, 1.2]] as const) {
      if (!hit) continue;
      const index = this.entries.indexOf(hit.instruction);
      offer(index, score, null);
      scores.get(index)!.params = hit.params;
    }

    const asked = this.actions.detect(folded);
    const ranked: (SearchResult & { raw: number; index: number })[] = [];
    for (const [index, s] of scores) {
      const entry = this.entries[index]!;
      let score = s.best + 0.1 * s.second;
      if (asked && asked === entry.action) score *= ACTION_MATCH;
      else if (asked && this.actions.conflict(asked, entry.action as ActionKind)) score *= ACTION_CONFLICT;
      if (score < MIN_SCORE) continue;
      ranked.push({
        id: entry.id,
        score: Math.min(1, Math.round(score * 1000) / 1000),
        raw: score,
        index,
        instruction: entry,
        ...(s.params ? { params: s.params } : {}),
        matched: s.term ? { field: s.term.field, text: s.term.text } : { field: 'code', text: entry.id },
      });
    }
    // Equal scores keep catalog order, which puts the more common instruction first.
    ranked.sort((a, b) => b.raw - a.raw || a.index - b.index);
    return ranked.slice(0, limit).map(({ raw: _raw, index: _index, ...result }) => result);
  }

  /** Query grams with a weight each: 1 for words as typed, less for a typo's correction. */
  private queryGrams(folded: string): Map<string, number> {
    const grams = new Map<string, number>();
    const put = (list: string[], w: number) => list.forEach((g) => grams.set(g, Math.max(grams.get(g) ?? 0, w)));
    const { hanRuns, latinWords } = cut(folded);
    put(hanGrams(hanRuns), 1);
    if (latinWords.length === 0) return grams;
    // Each reading of the words: as typed, or with a typo corrected (all equally close corrections).
    for (const reading of this.readings(latinWords)) {
      const solid = reading.words.join('');
      if (isPinyin(solid)) put(letterPairGrams(solid), reading.weight);
      if (/^[a-z]{2,8}$/.test(solid)) put(['i' + solid], reading.weight);
      put(['c' + solid], reading.weight);
      put(englishGrams(reading.words), reading.weight);
    }
    return grams;
  }

  private readings(words: readonly string[]): { words: string[]; weight: number }[] {
    let readings = [{ words: [] as string[], weight: 1 }];
    for (const word of words) {
      const options = this.correct(word);
      readings = readings.flatMap((r) => options.map((o) => ({ words: [...r.words, o.text], weight: Math.min(r.weight, o.weight) })));
    }
    return readings.slice(0, 8);
  }

  /** A Latin word as typed when the catalog knows it (or it is a pinyin syllable), else its closest known words. */
  private correct(word: string): { text: string; weight: number }[] {
    if (/^\d+$/.test(word) || this.vocabulary.has(word) || this.vocabulary.has(stem(word))) return [{ text: word, weight: 1 }];
    const fixes = this.vocabulary.suggest(word, 3);
    const best = fixes[0]?.similarity;
    const closest = fixes.filter((f) => f.similarity === best);
    return closest.length ? closest.map((f) => ({ text: f.word, weight: CORRECTED_WORD * f.similarity })) : [{ text: word, weight: 1 }];
  }

  /** `BGYTEX30`, `DZ202609`: a misspelt code typed with its parameters. */
  private recognizeMisspelt(query: string): ReturnType<Recognizer['recognize']> {
    const m = query.normalize('NFKC').trim().match(/^([A-Za-z]+)([\d#].*)$/);
    if (!m) return null;
    for (const fixed of this.correct(m[1]!.toLowerCase())) {
      const hit = fixed.weight < 1 ? this.recognizer.recognize(fixed.text + m[2]) : null;
      if (hit) return hit;
    }
    return null;
  }

  /**
   * In a short query, a hanzi no catalog text uses is most likely a homophone typo (亭机 for 停机,
   * 来电现实): the query's sound then finds a catalog text that sounds almost the same. Not in
   * sentences, where unknown hanzi are everyday words, and not for a loose likeness (小e在吗).
   */
  private scoreHomophones(folded: string, offer: (entry: number, score: number, term: Term) => void): void {
    const hanzi = [...cut(folded).hanRuns.join('')];
    if (hanzi.length > HOMOPHONE_MAX_HANZI || hanzi.every((ch) => this.index.knows('z' + ch))) return;
    const heard = pinyinForms(folded);
    if (!heard) return;
    const grams = new Map(letterPairGrams(heard.solid).map((g) => [g, 1]));
    this.scoreGrams(grams, offer, (termCoverage, queryCoverage) =>
      termCoverage >= HOMOPHONE_MIN_COVERAGE && queryCoverage >= HOMOPHONE_MIN_COVERAGE ? HOMOPHONE_WEIGHT * termCoverage * queryCoverage : null,
    );
  }

  /** `likeness` turns coverage into a share of the term's weight, or null for no match at all. */
  private scoreGrams(
    grams: Map<string, number>,
    offer: (entry: number, score: number, term: Term) => void,
    likeness: (termCoverage: number, queryCoverage: number) => number | null = (termCoverage, queryCoverage) => termCoverage ** 0.6 * queryCoverage ** 0.4,
  ): void {
    this.index.match(
      grams,
      (t) => this.terms[t]!.family,
      (t, termCoverage, queryCoverage) => {
        const term = this.terms[t]!;
        const share = likeness(termCoverage, queryCoverage);
        if (share !== null) offer(term.entry, term.weight * share, term);
      },
    );
  }

  /**
   * A code typed in part scores by how much of the code it covers: `gprs` finds KTGPRS and QXGPRS,
   * and so does `cl` for KTCL and QXCL, because it is the whole object after the action prefix.
   */
  private scoreCodes(folded: string, offer: (entry: number, score: number, term: null) => void): void {
    const solid = cut(folded).latinWords.join('');
    if (solid.length < 2) return;
    this.codes.forEach((code, i) => {
      if (code === solid || !code.includes(solid)) return;
      if (solid.length >= 3 || code.replace(ACTION_PREFIX, '') === solid) offer(i, 0.85 * (solid.length / code.length) ** 0.3, null);
    });
  }
}

function* fieldsOf(entry: Instruction): Generator<[MatchField, string]> {
  for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
    yield ['name', entry.name[lang]];
    yield ['summary', entry.summary[lang]];
    for (const s of entry.synonyms[lang]) yield ['synonym', s];
    for (const s of entry.examples[lang]) yield ['example', s];
  }
  const prefix = templatePrefix(entry.template).replace(/#$/, '');
  if (prefix && prefix.toLowerCase() !== entry.id.toLowerCase()) yield ['code', prefix];
}
