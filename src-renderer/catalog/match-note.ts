import type { Instruction } from '../../src-shared/catalog/schema';
import type { MatchField } from '../../src-shared/search';
import type { Lang } from '../i18n';
import { highlightRanges } from './highlight';

const HAN = /\p{Script=Han}/u;
const marks = (text: string, query: string) => highlightRanges(text, query).reduce((n, [start, end]) => n + end - start, 0);

/**
 * The catalog text to show under a search result as what matched, in the reader's language.
 * The search matches across languages: "how much data do I have left" finds CXYEG through its
 * Traditional synonym 4G流量還剩多少, which explains nothing to someone reading English. A text in
 * another language gives way to the instruction's synonym or example in the UI's language that shares
 * most with the query (餘額 for 余额 in 繁體); with none, it is shown only where the query itself is
 * seen in it (hanzi typed in an English UI, English words in a Chinese one), else nothing: the name and
 * summary show already.
 */
export function matchNote(instruction: Instruction, matched: { field: MatchField; text: string } | undefined, query: string, lang: Lang): string | null {
  if (!matched || matched.field === 'name' || matched.field === 'code') return null;
  const shown = [instruction.name[lang], instruction.summary[lang]];
  const own = [...instruction.synonyms[lang], ...instruction.examples[lang]];
  const inLang = matched.field === 'summary' ? instruction.summary[lang] === matched.text : own.includes(matched.text);
  let note: string | null = inLang ? matched.text : null;
  if (note === null) {
    let most = 0;
    for (const text of own) {
      const n = marks(text, query);
      if (n > most) [note, most] = [text, n];
    }
  }
  // Chinese only to someone who typed hanzi: English words read as pinyin light up chance characters (data: 達).
  const typed = !HAN.test(matched.text) || HAN.test(query);
  if (note === null && typed && marks(matched.text, query) > 0) note = matched.text;
  return note !== null && !shown.includes(note) ? note : null;
}
