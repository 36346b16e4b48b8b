import type { Bilingual } from '../src-shared/errors';
import type { SearchResult } from '../src-shared/search';
import { MAX_QUERY } from '../src-shared/search/limits';

/**
 * Search runs in the service worker while it is awake: it keeps one index per catalog for as long
 * as it lives (the omnibox uses the same one), and a popup asks it. A popup that finds it asleep
 * searches by itself instead (page-search.ts).
 */
export interface SearchRequest {
  kind: 'search';
  query: string;
  limit: number;
  /** A page's first query may reach the worker two ways (the channel below, then a runtime message): the same `ask` on both, so it is searched once. */
  ask?: string;
}

/** `by`: who answered, when the page did (page-search.ts); shown on the results list as `data-by`. */
export type SearchReply = ({ results: SearchResult[] } | { error: Bilingual }) & { by?: 'page' | 'worker' };

const MAX_LIMIT = 50;
const MAX_ASK = 64;

export function isSearchRequest(value: unknown): value is SearchRequest {
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== 'search') return false;
  const { query, limit, ask } = value as { query?: unknown; limit?: unknown; ask?: unknown };
  return (
    typeof query === 'string' &&
    query.length <= MAX_QUERY &&
    Number.isInteger(limit) &&
    (limit as number) >= 1 &&
    (limit as number) <= MAX_LIMIT &&
    (ask === undefined || (typeof ask === 'string' && ask.length <= MAX_ASK))
  );
}

const UNREACHABLE: Bilingual = { zh: '暂时无法搜索，请关闭后重新打开。', en: 'Search is not available right now; close and reopen this page.' };

/** A page's search: the worker's answer, or why there is none (never a stack trace). */
export async function searchInWorker(query: string, limit: number, ask?: string): Promise<SearchReply> {
  try {
    const reply = (await chrome.runtime.sendMessage({ kind: 'search', query, limit, ask } satisfies SearchRequest)) as SearchReply | undefined;
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
export function askAwakeWorker(query: string, limit: number, ask: string = crypto.randomUUID()): Promise<SearchReply> {
  const channel = new BroadcastChannel(SEARCH_CHANNEL);
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
    const { ask } = data;
    if (ask === undefined) return;
    void search({ kind: 'search', query: data.query, limit: data.limit, ask }).then((reply) => channel.postMessage({ ask, reply } satisfies ChannelReply));
  };
  return channel;
}

/**
 * The worker's search, run once per `ask` however many ways the request came (the channel, and a
 * runtime message from a page that learnt the worker runs before the channel's answer reached it):
 * the second way gets the first one's answer. An `ask` is forgotten once it has come both ways, or
 * after ASKS_KEPT later ones.
 */
export function oncePerAsk(search: (request: SearchRequest) => Promise<SearchReply>): (request: SearchRequest) => Promise<SearchReply> {
  const answers = new Map<string, Promise<SearchReply>>();
  return (request) => {
    const { ask, ...plain } = request;
    if (ask === undefined) return search(plain);
    const kept = answers.get(ask);
    if (kept) {
      answers.delete(ask);
      return kept;
    }
    const answer = search(plain);
    answers.set(ask, answer);
    if (answers.size > ASKS_KEPT) answers.delete(answers.keys().next().value!);
    return answer;
  };
}
const ASKS_KEPT = 32;

/**
 * A page's first query (one in the address), asked at once, before it knows whether the worker
 * runs: on the channel, which an awake worker answers; and of `page` (the page's own search, null
 * when the worker runs or must answer). When the page does not answer, the worker is asked by
 * runtime message too (a worker just started may not have heard the channel), with the same `ask`,
 * so an awake worker that heard both searches once.
 */
export function askFirstQuery(query: string, limit: number, page: (query: string, limit: number) => Promise<SearchReply | null>): Promise<SearchReply> {
  const ask = crypto.randomUUID();
  const byWorker = (reply: SearchReply): SearchReply => ({ ...reply, by: 'worker' });
  let heard = false;
  const awake = askAwakeWorker(query, limit, ask).then((reply) => ((heard = true), byWorker(reply)));
  // Once the channel has answered, the runtime message (and its copy of the results) is not sent at all.
  return Promise.race([awake, page(query, limit).then((reply) => reply ?? (heard ? awake : searchInWorker(query, limit, ask).then(byWorker)))]);
}
