import type { LocalizedList } from '../catalog/schema';
import { fold } from '../search/fold';
import { cut } from '../search/text';
import { englishWords, type Question } from './question';

export interface Found<T> {
  /** The values whose phrases the question holds, in the order they appear, each once. */
  values: T[];
  /** The question with those phrases taken out: what is left to read for other words (开, off…). */
  rest: string;
}

/**
 * Finds a maintainer's phrases in a question: Chinese ones by substring, longest first, each
 * character used once (so 余额提醒 is not also 余额); English ones as whole stemmed words in a row.
 * Traditional phrases are folded to Simplified, so either spelling of a question meets either list.
 */
export class PhraseFinder<T> {
  private readonly zh: [string, T][] = [];
  private readonly en: [string[], T][] = [];

  add(words: LocalizedList, value: T): this {
    for (const w of [...words['zh-Hans'], ...words['zh-Hant']]) this.zh.push([fold(w).replace(/\s+/g, ''), value]);
    for (const w of words.en) this.en.push([englishWords(fold(w)), value]);
    this.zh.sort((a, b) => b[0].length - a[0].length);
    this.en.sort((a, b) => b[0].length - a[0].length);
    return this;
  }

  find(q: Question): Found<T> {
    const found: { value: T; at: number }[] = [];
    let rest = q.solid;
    for (const [phrase, value] of this.zh) {
      if (!phrase) continue;
      for (let at = rest.indexOf(phrase); at !== -1; at = rest.indexOf(phrase, at + phrase.length)) {
        found.push({ value, at });
        rest = rest.slice(0, at) + ' '.repeat(phrase.length) + rest.slice(at + phrase.length);
      }
    }
    const words = [...q.words];
    for (const [phrase, value] of this.en) {
      if (!phrase.length) continue;
      for (let i = 0; i + phrase.length <= words.length; i++) {
        if (phrase.every((p, k) => words[i + k] === p)) {
          found.push({ value, at: q.solid.length + i });
          words.fill('', i, i + phrase.length);
        }
      }
    }
    found.sort((a, b) => a.at - b.at);
    // Latin text is handed on word by word (the solid form runs English words together).
    const han = cut(rest).hanRuns.join(' ');
    const latin = q.latin.filter((_, i) => words[i] !== '').join(' ');
    return { values: [...new Set(found.map((f) => f.value))], rest: `${han} ${latin}` };
  }

  has(q: Question): boolean {
    return this.find(q).values.length > 0;
  }
}
