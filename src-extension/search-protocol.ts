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

/**
 * Where an awake worker also answers a page's first query. A message on a BroadcastChannel wakes
 * no stopped worker (a runtime message would), so a popup asks here at once, before it knows
 * whether the worker runs: an awake one answers without that question's round trip to the browser,
 * a stopped one stays asleep while the page searches by itself. Only the extension's own pages and
 * worker share its origin, so only they can post here.
 */
export const SEARCH_CHANNEL = 'hall10086-search';

interface ChannelRequest extends SearchRequest {
  /** Which asker the reply is for (every page on the channel hears every reply). */
  ask: string;
}
interface ChannelReply {
  ask: string;
  reply: SearchReply;
}

/** The awake worker's answer, on the channel; never settles when no worker listens (it sleeps). */
export function askAwakeWorker(query: string, limit: number): Promise<SearchReply> {
  const channel = new BroadcastChannel(SEARCH_CHANNEL);
  const ask = crypto.randomUUID();
  return new Promise((resolve) => {
    channel.onmessage = ({ data }: MessageEvent<Partial<ChannelReply> | undefined>) => {
      const reply = data?.ask === ask ? data.reply : undefined;
      if (!reply || !('results' in reply || 'error' in reply)) return;
      channel.close();
      resolve(reply);
    };
    channel.postMessage({ kind: 'search', query, limit, ask } satisfies ChannelRequest);
  });
}

/** The worker's side: every valid request on the channel answered by `search`; anything else ignored. */
export function answerOnChannel(search: (request: SearchRequest) => Promise<SearchReply>): BroadcastChannel {
  const channel = new BroadcastChannel(SEARCH_CHANNEL);
  channel.onmessage = ({ data }: MessageEvent<unknown>) => {
    if (!isSearchRequest(data)) return;
    const { ask } = data as Partial<ChannelRequest>;
    if (typeof ask !== 'string' || ask.length > 64) return;
    void search({ kind: 'search', query: data.query, limit: data.limit }).then((reply) => channel.postMessage({ ask, reply } satisfies ChannelReply));
  };
  return channel;
}
