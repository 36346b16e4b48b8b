import { afterEach, describe, expect, it } from 'vitest';
import { answerOnChannel, askAwakeWorker, SEARCH_CHANNEL, type SearchReply, type SearchRequest } from '../../../src-extension/search-protocol';

/** Real BroadcastChannels (Node's, the same interface as the browser's): the worker's side and pages' sides. */
const open: BroadcastChannel[] = [];
const channel = () => {
  const c = new BroadcastChannel(SEARCH_CHANNEL);
  open.push(c);
  return c;
};
afterEach(() => {
  for (const c of open.splice(0)) c.close();
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
    expect(asked).toEqual([{ kind: 'search', query: '流量', limit: 12 }]);
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
