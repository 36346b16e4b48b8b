import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerOnChannel, askAwakeWorker, askFirstQuery, isSearchRequest, oncePerAsk, SEARCH_CHANNEL, type SearchReply, type SearchRequest } from '../../../src-extension/search-protocol';

/** Real BroadcastChannels (Node's, the same interface as the browser's): the worker's side and pages' sides. */
const open: BroadcastChannel[] = [];
const channel = () => {
  const c = new BroadcastChannel(SEARCH_CHANNEL);
  open.push(c);
  return c;
};
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  vi.unstubAllGlobals();
});
const settled = (p: Promise<unknown>) => Promise.race([p.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 100))]);

function worker(answer: (r: SearchRequest) => SearchReply) {
  const asked: SearchRequest[] = [];
  open.push(answerOnChannel(async (request) => (asked.push(request), answer(request))));
  return asked;
}
const reply = (id: string): SearchReply => ({ results: [{ id } as never] });

describe('the channel an awake worker answers a page’s first query on', () => {
  it('carries the query to the worker and its answer back to the page that asked', async () => {
    const asked = worker((r) => reply(`${r.query}/${r.limit}`));
    expect(await askAwakeWorker('流量', 12)).toEqual(reply('流量/12'));
    expect(asked).toEqual([{ kind: 'search', query: '流量', limit: 12, ask: expect.any(String) }]);
  });

  it('gives each page its own answer when two ask at once', async () => {
    worker((r) => reply(r.query));
    const [a, b] = await Promise.all([askAwakeWorker('流量', 12), askAwakeWorker('话费', 12)]);
    expect([a, b]).toEqual([reply('流量'), reply('话费')]);
  });

  it('ignores what is not a search request, and a page ignores replies for another asker', async () => {
    const asked = worker((r) => reply(r.query));
    const poster = channel();
    for (const bad of [null, 'search', { kind: 'search', query: '流量', limit: 0, ask: 'a' }, { kind: 'search', query: '流量', limit: 12 }, { kind: 'search', query: '流量', limit: 12, ask: 'x'.repeat(65) }, { kind: 'desktop.send', ask: 'a' }])
      poster.postMessage(bad);
    const answer = askAwakeWorker('流量', 12);
    poster.postMessage({ ask: 'someone-else', reply: reply('wrong') });
    expect(await answer).toEqual(reply('流量'));
    expect(asked.map((r) => r.query)).toEqual(['流量']);
  });

  it('does not take a reply without results or an error for an answer', async () => {
    const lone = channel();
    const pending = askAwakeWorker('x', 1);
    lone.onmessage = ({ data }) => lone.postMessage({ ask: (data as { ask: string }).ask, reply: { nonsense: true } });
    expect(await settled(pending)).toBe(false);
  });

  it('leaves a page without an answer when no worker listens (a stopped worker is not woken by it)', async () => {
    expect(await settled(askAwakeWorker('流量', 12))).toBe(false);
  });
});

/**
 * An awake worker as background.ts makes it: one search function behind both ways a page's query
 * comes (the channel, and chrome.runtime.sendMessage, which here calls it as Chrome would, after
 * isSearchRequest). Each search waits for `release`, so a test decides which way arrives first.
 */
function awakeWorker() {
  const searched: SearchRequest[] = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const search = oncePerAsk(async (request) => {
    searched.push(request);
    await released;
    return reply(request.query);
  });
  open.push(answerOnChannel(search));
  const messages: unknown[] = [];
  vi.stubGlobal('chrome', {
    runtime: {
      sendMessage: async (message: unknown) => {
        messages.push(message);
        return isSearchRequest(message) ? search(message) : undefined;
      },
    },
  });
  return { searched, messages, release };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('a popup’s first query, asked of an awake worker both ways', () => {
  it('is searched once when the page learns the worker runs before the channel’s answer comes', async () => {
    const worker = awakeWorker();
    const answer = askFirstQuery('流量', 12, async () => null);
    await tick();
    expect(worker.messages).toHaveLength(1);
    worker.release();
    expect(await answer).toEqual({ ...reply('流量'), by: 'worker' });
    expect(worker.searched).toEqual([{ kind: 'search', query: '流量', limit: 12 }]);
  });

  it('is searched once when the runtime message comes after the channel’s request', async () => {
    const worker = awakeWorker();
    let awake: () => void = () => undefined;
    const answer = askFirstQuery('话费', 12, () => new Promise((resolve) => (awake = () => resolve(null))));
    await tick();
    expect(worker.searched).toHaveLength(1);
    awake();
    await tick();
    worker.release();
    expect(await answer).toEqual({ ...reply('话费'), by: 'worker' });
    expect(worker.messages).toHaveLength(1);
    expect(worker.searched).toHaveLength(1);
  });

  it('does not ask the worker by message once the channel has answered', async () => {
    const worker = awakeWorker();
    worker.release();
    let awake: () => void = () => undefined;
    const answer = askFirstQuery('流量', 12, () => new Promise((resolve) => (awake = () => resolve(null))));
    expect(await answer).toEqual({ ...reply('流量'), by: 'worker' });
    awake();
    await tick();
    expect(worker.messages).toEqual([]);
    expect(worker.searched).toHaveLength(1);
  });

  it('does not ask the worker by message when the page answers itself', async () => {
    const worker = awakeWorker();
    const answer = askFirstQuery('流量', 12, async () => ({ ...reply('page'), by: 'page' }));
    expect(await answer).toEqual({ ...reply('page'), by: 'page' });
    expect(worker.messages).toEqual([]);
  });

  it('searches every request without an ask, and an ask again once it came both ways', async () => {
    let count = 0;
    const search = oncePerAsk(async (r) => (count++, reply(r.query)));
    await search({ kind: 'search', query: 'a', limit: 1 });
    await search({ kind: 'search', query: 'a', limit: 1 });
    expect(count).toBe(2);
    await search({ kind: 'search', query: 'b', limit: 1, ask: 'x' });
    await search({ kind: 'search', query: 'b', limit: 1, ask: 'x' });
    expect(count).toBe(3);
    await search({ kind: 'search', query: 'b', limit: 1, ask: 'x' });
    expect(count).toBe(4);
  });

  it('refuses an ask that is not a short string', () => {
    expect(isSearchRequest({ kind: 'search', query: 'a', limit: 1, ask: 'x'.repeat(65) })).toBe(false);
    expect(isSearchRequest({ kind: 'search', query: 'a', limit: 1, ask: 7 })).toBe(false);
    expect(isSearchRequest({ kind: 'search', query: 'a', limit: 1, ask: 'x'.repeat(64) })).toBe(true);
  });
});
