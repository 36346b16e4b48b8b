import type { Bilingual } from '../src-shared/errors';

/**
 * The text a selection ("look up in 10086 instructions") or the omnibox hands to the search page.
 * A tab's address goes into the browser's History database, its session files and history sync, so
 * the address carries only a random id (`#/search?from=<id>`); the text waits in
 * `chrome.storage.session` (memory, the extension's own pages and worker only, gone when the browser
 * closes), one key per opening so two tabs and a reload each find their own. Only the newest
 * `KEPT` are kept. A tab restored after the browser closed finds nothing and says so.
 */
export const SEARCH_HANDOFF_PREFIX = 'searchHandoff:';
const KEPT = 20;

interface Handoff {
  text: string;
  at: number;
}

export const handoffKey = (id: string) => `${SEARCH_HANDOFF_PREFIX}${id}`;

/** The text handed over under `id`, from what storage.session gave for its key; null when gone. */
export function handedOverText(stored: unknown): string | null {
  return typeof stored === 'object' && stored !== null && typeof (stored as Handoff).text === 'string' ? (stored as Handoff).text : null;
}

/** The hand-over keys to drop: all but the newest `KEPT`. */
export function staleHandoffs(all: Record<string, unknown>): string[] {
  const kept = Object.entries(all)
    .filter(([key]) => key.startsWith(SEARCH_HANDOFF_PREFIX))
    .map(([key, value]) => ({ key, at: typeof (value as Handoff | null)?.at === 'number' ? (value as Handoff).at : 0 }))
    .sort((a, b) => b.at - a.at);
  return kept.slice(KEPT).map((k) => k.key);
}

/** Leaves `text` in memory for one search page and gives the id its address carries. */
export async function handOver(session: typeof chrome.storage.session, text: string, now = Date.now()): Promise<string> {
  const id = crypto.randomUUID();
  await session.set({ [handoffKey(id)]: { text, at: now } satisfies Handoff });
  const stale = staleHandoffs(await session.get(null));
  if (stale.length) await session.remove(stale);
  return id;
}

/** Said above the search box when the text is gone: both languages (the page's may not be the reader's). */
export const HANDOFF_GONE: Bilingual = {
  zh: '所选文字已不在这里（只保留到浏览器关闭，且不写进网址）。请在下面输入要查找的内容。',
  en: 'The selected text is no longer here (it is kept only until the browser closes, never in the address). Type what you are looking for below.',
};
