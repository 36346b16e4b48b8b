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
  vi.useRealTimers();
});

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
    // The good reply is posted after the nonsense, on the same channel, so it is heard after it: the page's answer is
    // the good one only if the nonsense was heard and passed over.
    lone.onmessage = ({ data }) => {
      const { ask } = data as { ask: string };
      lone.postMessage({ ask, reply: { nonsense: true } });
      lone.postMessage({ ask, reply: reply('after the nonsense') });
    };
    expect(await pending).toEqual(reply('after the nonsense'));
  });

  it('leaves a page without an answer when no worker listens (a stopped worker is not woken by it)', async () => {
    const woken: unknown[] = [];
    vi.stubGlobal('chrome', { runtime: { sendMessage: async (message: unknown) => void woken.push(message) } });
    // A worker that wakes later and hears the request: the page's answer is the first one any worker gives, not one
    // the page made up meanwhile, however long it waited (any timer it set has run: the clock is the test's); and
    // nothing went by runtime message, which would have woken a stopped worker.
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date'] });
    const late = channel();
    const heard = new Promise<string>((resolve) => (late.onmessage = ({ data }) => resolve((data as { ask: string }).ask)));
    const pending = askAwakeWorker('流量', 12);
    const ask = await heard;
    vi.advanceTimersByTime(24 * 3600_000);
    late.postMessage({ ask, reply: reply('the late worker') });
    expect(await pending).toEqual(reply('the late worker'));
    expect(woken).toEqual([]);
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

describe('a popup’s first query, asked of an awake worker both ways', () => {
  it('is searched once when the page learns the worker runs before the channel’s answer comes', async () => {
    const worker = awakeWorker();
    const answer = askFirstQuery('流量', 12, async () => null);
    await vi.waitFor(() => expect(worker.messages).toHaveLength(1));
    worker.release();
    expect(await answer).toEqual({ ...reply('流量'), by: 'worker' });
    expect(worker.searched).toEqual([{ kind: 'search', query: '流量', limit: 12 }]);
  });

  it('is searched once when the runtime message comes after the channel’s request', async () => {
    const worker = awakeWorker();
    let awake: () => void = () => undefined;
    const answer = askFirstQuery('话费', 12, () => new Promise((resolve) => (awake = () => resolve(null))));
    await vi.waitFor(() => expect(worker.searched).toHaveLength(1));
    awake();
    // The runtime message is on its way while the channel's search still runs.
    await vi.waitFor(() => expect(worker.messages).toHaveLength(1));
    worker.release();
    expect(await answer).toEqual({ ...reply('话费'), by: 'worker' });
    expect(worker.messages).toHaveLength(1);
    expect(worker.searched).toHaveLength(1);
  });

  it('does not ask the worker by message once the channel has answered', async () => {
    const worker = awakeWorker();
    worker.release();
    let awake: () => void = () => undefined;
    const pageAnswer = new Promise<null>((resolve) => (awake = () => resolve(null)));
    const answer = askFirstQuery('流量', 12, () => pageAnswer);
    expect(await answer).toEqual({ ...reply('流量'), by: 'worker' });
    awake();
    // askFirstQuery's own reaction to the page's answer was registered first, so it has run (and would have sent the
    // runtime message, synchronously) once this later one resumes.
    await pageAnswer;
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
