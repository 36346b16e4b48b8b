import { fold } from '../search/fold';
import { cut, stem } from '../search/text';

/** A question read once into the forms every matcher compares in. */
export interface Question {
  /** As typed, NFKC-normalised and trimmed (the typed-instruction and month patterns read this). */
  raw: string;
  /** Folded (lower case, Traditional → Simplified): what the action detector reads. */
  folded: string;
  /** Folded with white space removed: Chinese phrases are found in it by substring. */
  solid: string;
  /** Latin words, stemmed: English phrases are found among them word by word. */
  words: string[];
  /** The same words as typed (folded, not stemmed), for handing on to the action detector. */
  latin: string[];
}

export function readQuestion(text: string): Question {
  const raw = text.normalize('NFKC').trim();
  const folded = fold(raw);
  const latin = cut(folded).latinWords;
  return { raw, folded, solid: folded.replace(/\s+/g, ''), words: latin.map(stem), latin };
}

export function englishWords(folded: string): string[] {
  return cut(folded).latinWords.map(stem);
}
