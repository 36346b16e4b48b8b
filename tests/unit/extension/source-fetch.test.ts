import { describe, expect, it } from 'vitest';
import { sourceFetcher } from '../../../src-extension/source-fetch';

const LIMITS = { timeoutMs: 1000, maxBytes: 10 };

function fakeFetch(respond: (url: string) => Response | Error) {
  const urls: string[] = [];
  const impl = (async (input: string | URL | Request) => {
    urls.push(String(input));
    const r = respond(String(input));
    if (r instanceof Error) throw r;
    return r;
  }) as typeof fetch;
  return { impl, urls };
}

/** A body sent in pieces without a length, as a chunked response is. */
const unsized = (bytes: number) =>
  new Response(new ReadableStream({ start(c) { for (let i = 0; i < bytes; i++) c.enqueue(new Uint8Array([i])); c.close(); } }));

describe('reading files from the update source', () => {
  it.each([['https://x.example/u'], ['https://x.example/u/']])('joins names under %s', async (source) => {
    const { impl, urls } = fakeFetch(() => new Response('ok'));
    expect(new TextDecoder().decode(await sourceFetcher(source, LIMITS, impl)('index.json'))).toBe('ok');
    expect(urls).toEqual(['https://x.example/u/index.json']);
  });

  it.each([
    ['an HTTP error', () => new Response('gone', { status: 404 }), 'update.not-found'],
    ['an announced size over the cap', () => new Response('x'.repeat(11), { headers: { 'content-length': '11' } }), 'update.too-large'],
    ['a body over the cap without a size', () => unsized(11), 'update.too-large'],
    ['no answer in time', () => new DOMException('timed out', 'TimeoutError'), 'update.timeout'],
    ['no connection', () => new TypeError('Failed to fetch'), 'update.unreachable'],
  ])('refuses %s', async (_, respond, code) => {
    const { impl } = fakeFetch(respond);
    await expect(sourceFetcher('https://x.example/', LIMITS, impl)('index.json')).rejects.toMatchObject({ code });
  });

  it('accepts a body at the cap', async () => {
    const { impl } = fakeFetch(() => unsized(10));
    expect((await sourceFetcher('https://x.example/', LIMITS, impl)('f')).length).toBe(10);
  });
});
