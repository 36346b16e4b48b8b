import type { SearchEngine } from '../src-shared/search';
import { t, tf, type Lang } from './i18n';

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

/** The omnibox's first line for the text as typed: what Enter will do with it. */
export function omniboxDefault(search: SearchEngine, text: string, lang: Lang): string {
  const query = text.trim();
  if (!query) return t(lang, 'omniboxDefault');
  const top = search.search(query, 1)[0];
  if (top && top.instruction.id.toUpperCase() === query.toUpperCase()) {
    return tf(lang, 'omniboxOpen', { code: `<match>${escapeXml(top.instruction.id)}</match>`, name: escapeXml(top.instruction.name[lang]) });
  }
  return tf(lang, 'omniboxSearch', { query: `<match>${escapeXml(query)}</match>` });
}
