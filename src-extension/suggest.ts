import type { SearchEngine } from '../src-shared/search';
import { t, type Lang } from './i18n';

export interface Suggestion {
  /** What the omnibox hands back when this line is chosen: the instruction id. */
  content: string;
  /** Omnibox XML: `<match>` marks the code, `<dim>` the summary. */
  description: string;
}

/** The omnibox's description is XML: catalog text must not be read as markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function omniboxSuggestions(search: SearchEngine, text: string, lang: Lang, limit = 6): Suggestion[] {
  return search.search(text, limit).map(({ instruction, confident }) => ({
    content: instruction.id,
    description: `<match>${escapeXml(instruction.id)}</match> ${confident ? '' : `${escapeXml(t(lang, 'maybe'))} `}${escapeXml(instruction.name[lang])} <dim>${escapeXml(instruction.summary[lang])}</dim>`,
  }));
}
