import type { Bilingual } from '../src-shared/errors';
import type { SearchResult } from '../src-shared/search';

/**
 * Search runs in the service worker while it is awake: it keeps one index per catalog for as long
 * as it lives (the omnibox uses the same one), and a popup asks it. A popup that finds it asleep
 * searches by itself instead (page-search.ts).
 */
export interface SearchRequest {
  kind: 'search';
  query: string;
  limit: number;
}

/** `by`: who answered, when the page did (page-search.ts); shown on the results list as `data-by`. */
export type SearchReply = ({ results: SearchResult[] } | { error: Bilingual }) & { by?: 'page' | 'worker' };

const MAX_QUERY = 500;
const MAX_LIMIT = 50;

export function isSearchRequest(value: unknown): value is SearchRequest {
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== 'search') return false;
  const { query, limit } = value as { query?: unknown; limit?: unknown };
  return typeof query === 'string' && query.length <= MAX_QUERY && Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= MAX_LIMIT;
}

const UNREACHABLE: Bilingual = { zh: '暂时无法搜索，请关闭后重新打开。', en: 'Search is not available right now; close and reopen this page.' };

/** A page's search: the worker's answer, or why there is none (never a stack trace). */
export async function searchInWorker(query: string, limit: number): Promise<SearchReply> {
  try {
    const reply = (await chrome.runtime.sendMessage({ kind: 'search', query, limit } satisfies SearchRequest)) as SearchReply | undefined;
    return reply && ('results' in reply || 'error' in reply) ? reply : { error: UNREACHABLE };
  } catch {
    return { error: UNREACHABLE };
  }
}
