import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket as NodeWebSocket } from 'ws';
import { RequestSchemas, type Events } from '../../src-shared/api/contract';
import { decodeWireMessage, EVENT_NAMES, MAX_FRAME_BYTES, type DecodedWireMessage } from '../../src-shared/api/wire';
import { connectWebSocketApi, type WebSocketApiClient } from '../../src-shared/api/ws-client';
import { encodeHello, launchCodeOf, UNAUTHORIZED_CLOSE, type Credential } from '../../src-shared/api/ws-handshake';
import { startServer, type RunningServer } from '../../src-main/server';
import { MAX_HELLO_BYTES } from '../../src-main/server/ws-api';
import { hallErrorOf } from '../unit/api/hall-error-of';
import { webSocketWithOrigin } from '../unit/api/node-websocket';
import { SAMPLE_INCOMING, ScriptedCore, STANDARD_SCRIPT } from '../unit/api/scripted-core';
import { closed, httpRequest, INDEX_HTML, launchCode, makeSite, nextMessage, openRawSocket, openSocket, openWelcomed, SECRET } from './server-kit';

let site: Awaited<ReturnType<typeof makeSite>>;
let core: ScriptedCore;
let server: RunningServer;
const internalErrors: unknown[] = [];
const clients: WebSocketApiClient[] = [];

beforeAll(async () => {
  site = await makeSite();
  core = new ScriptedCore(STANDARD_SCRIPT);
  server = await startServer({ core, staticDir: site.root, onInternalError: (error) => internalErrors.push(error) });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
  await site.remove();
});

const origin = () => `http://127.0.0.1:${server.port}`;
const apiUrl = (query = '') => `ws://127.0.0.1:${server.port}/api${query}`;
const welcomed = (credential: Credential = launchCode(server)) => openWelcomed(apiUrl(), credential, { origin: origin() });

function connectClient(): WebSocketApiClient {
  const client = connectWebSocketApi(apiUrl(), { WebSocketImpl: webSocketWithOrigin(origin()), waitForOpenMs: 5000, credential: launchCode(server) });
  clients.push(client);
  return client;
}

async function roundTrips(client: WebSocketApiClient): Promise<void> {
  await expect(client.call('catalog.search', { query: '余额' })).resolves.toEqual([{ id: 'YE', score: 1, matched: { field: 'code', text: '余额' } }]);
}

describe('startServer', () => {
  it('listens on 127.0.0.1 and hands out links carrying a fresh URL-safe launch code in their fragment (never sent to a server)', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#launch=[A-Za-z0-9_-]{43}$`));
    const more = [server.newLaunchLink(), server.newLaunchLink()];
    expect(more.map(launchCodeOf)).toEqual([expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expect.stringMatching(/^[A-Za-z0-9_-]{43}$/)]);
    expect(new Set([server.url, ...more]).size).toBe(3);
  });

  it('says so when there is no built UI to serve', async () => {
    const error = await hallErrorOf(startServer({ core, staticDir: `${site.root}/assets` }));
    expect(error.code).toBe('server.no-ui');
    expect(error.en).toBe(`The UI is missing: there is no index.html in ${site.root}/assets.`);
  });

  it('says so when the port is taken', async () => {
    const error = await hallErrorOf(startServer({ core, staticDir: site.root, port: server.port }));
    expect(error.code).toBe('server.port-in-use');
    expect(error.zh).toContain(String(server.port));
  });
});

describe('HTTP', () => {
  const csp = () =>
    `default-src 'self'; script-src 'self'; connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}; ` +
    "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

  function expectSecurityHeaders(headers: Record<string, unknown>): void {
    expect(headers).toMatchObject({
      'content-security-policy': csp(),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
  }

  it('serves the index without a token, with every security header and no cookie', async () => {
    const answer = await httpRequest(server.port, '/');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(INDEX_HTML);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['set-cookie']).toBeUndefined();
    expectSecurityHeaders(answer.headers);
  });

  it('grants nothing over HTTP: a launch code in the query sets no cookie, no answer carries it, and it is not spent', async () => {
    const { launch } = launchCode(server);
    for (const path of ['/', `/?token=${launch}`, `/?launch=${launch}`, `/assets/app.js?launch=${launch}`]) {
      const answer = await httpRequest(server.port, path);
      expect(answer.status).toBe(200);
      expect(answer.headers['set-cookie']).toBeUndefined();
      expect(JSON.stringify(answer.headers) + answer.body).not.toContain(launch);
    }
    (await welcomed({ launch })).close();
  });

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/style.css', 'text/css; charset=utf-8'],
    ['/logo.svg', 'image/svg+xml'],
    ['/data.bin', 'application/octet-stream'],
  ])('serves %s to anyone on our Host as %s', async (path, type) => {
    const answer = await httpRequest(server.port, path);
    expect([answer.status, answer.headers['content-type']]).toEqual([200, type]);
    expect(answer.headers['set-cookie']).toBeUndefined();
    expectSecurityHeaders(answer.headers);
  });

  it('answers HEAD without a body', async () => {
    const head = await httpRequest(server.port, '/', {}, 'HEAD');
    expect([head.status, head.headers['content-length'], head.body]).toEqual([200, String(INDEX_HTML.length), '']);
  });

  it.each([
    ['a foreign name (DNS rebinding)', 403, () => `evil.example:${server.port}`],
    ['another port', 403, () => '127.0.0.1:1'],
    ['no port', 403, () => '127.0.0.1'],
    ['localhost', 200, () => `localhost:${server.port}`],
    ['LOCALHOST', 200, () => `LOCALHOST:${server.port}`],
  ])('answers a Host header naming %s with %i', async (_name, status, host) => {
    const answer = await httpRequest(server.port, '/', { host: host() });
    expect(answer.status).toBe(status);
    if (status === 403) {
      expect(answer.body).toMatch(/127\.0\.0\.1 或 localhost[\s\S]*127\.0\.0\.1 or localhost/);
      expect(answer.body).not.toContain('<');
      expectSecurityHeaders(answer.headers);
    }
  });

  it('allows GET and HEAD only', async () => {
    const answer = await httpRequest(server.port, '/', {}, 'POST');
    expect([answer.status, answer.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/package.json',
    '/%2E%2E/secret.txt',
    '/%2e%2e%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/%2e%2e%5csecret.txt',
    '/..%5c..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/link-out/secret.txt',
    '/link-out/package.json',
    '/.env',
    '/assets/%00app.js',
    '/assets/app.js%00',
    '/%E0%A4%A',
    '/assets/',
    '/assets',
    '//secret.txt',
    '/nothing-here.js',
  ])('does not serve %s', async (path) => {
    const answer = await httpRequest(server.port, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain(SECRET);
    expect(answer.body).toBe('找不到。\nNot found.\n');
  });
});

describe('WebSocket /api', () => {
  it('round-trips a call and broadcasts core events to every client', async () => {
    const [first, second] = [connectClient(), connectClient()];
    await roundTrips(first);
    await roundTrips(second);
    const heard: Array<[string, string]> = [];
    const both = new Promise<void>((resolve) => {
      for (const [name, client] of [['first', first], ['second', second]] as const) {
        client.on('incoming', (record) => {
          heard.push([name, record.key]);
          if (heard.length === 2) resolve();
        });
      }
    });
    core.emit('incoming', SAMPLE_INCOMING);
    await both;
    expect(heard.sort()).toEqual([
      ['first', SAMPLE_INCOMING.key],
      ['second', SAMPLE_INCOMING.key],
    ]);
  });

  it('takes calls once the first message presents a launch code, from localhost too', async () => {
    const socket = await openWelcomed(`ws://localhost:${server.port}/api`, launchCode(server), { origin: `http://localhost:${server.port}` });
    socket.send(JSON.stringify({ type: 'call', id: 5, method: 'modem.list', params: {} }));
    expect(await nextMessage(socket)).toEqual({ type: 'result', id: 5, result: [] });
    socket.close();
  });

  const SEND = JSON.stringify({ type: 'call', id: 1, method: 'send', params: { modemId: 'm1', id: 'YE' } });
  it.each([
    ['a call with no hello', () => ({}), () => [SEND]],
    ['a wrong launch code', () => ({}), () => [encodeHello({ launch: 'wrong-code-wrong-code-wrong-code-wrong-cod' }), SEND]],
    ['a wrong session', () => ({}), () => [encodeHello({ session: 'wrong-session-wrong-session-wrong-session-' }), SEND]],
    ['a launch code one character short', () => ({}), () => [encodeHello({ launch: launchCode(server).launch.slice(1) }), SEND]],
    ['a launch code presented as a session', () => ({}), () => [encodeHello({ session: launchCode(server).launch }), SEND]],
    ['the old hello with a token', () => ({}), () => [JSON.stringify({ type: 'hello', token: launchCode(server).launch }), SEND]],
    ['a launch code in the query only', () => ({ query: `?launch=${launchCode(server).launch}` }), () => [SEND]],
    ['a launch code in a cookie only (the old way)', () => ({ cookie: `hall_token_${server.port}=${launchCode(server).launch}` }), () => [SEND]],
    ['a launch code inside a call', () => ({}), () => [JSON.stringify({ type: 'call', id: 1, method: 'send', params: { modemId: 'm1', id: 'YE' }, launch: launchCode(server).launch })]],
    ['a binary hello', () => ({}), () => [Buffer.from(encodeHello(launchCode(server)))]],
  ])('with a faked Origin, sends nothing and hears nothing on %s, and is closed', async (_name, options, frames) => {
    const { query, cookie } = options() as { query?: string; cookie?: string };
    const socket = await openSocket(apiUrl(query), { origin: origin(), ...(cookie ? { headers: { cookie } } : {}) });
    const heard: string[] = [];
    socket.on('message', (data) => heard.push(data.toString()));
    const callsBefore = core.calls.length;
    const end = closed(socket);
    for (const frame of frames()) socket.send(frame);
    core.emit('incoming', SAMPLE_INCOMING);
    expect(await end).toEqual({ code: UNAUTHORIZED_CLOSE, reason: expect.stringMatching(/token/) });
    expect(heard).toEqual([]);
    expect(core.calls.length).toBe(callsBefore);
  });

  /** A hello with this credential, then a send: closed with 4401, hearing nothing, calling nothing. */
  async function expectRefused(credential: Credential): Promise<void> {
    const socket = await openSocket(apiUrl(), { origin: origin() });
    const heard: string[] = [];
    socket.on('message', (data) => heard.push(data.toString()));
    const callsBefore = core.calls.length;
    const end = closed(socket);
    socket.send(encodeHello(credential));
    socket.send(SEND);
    expect(await end).toEqual({ code: UNAUTHORIZED_CLOSE, reason: 'Access token refused' });
    expect(heard).toEqual([]);
    expect(core.calls.length).toBe(callsBefore);
  }

  it('spends a launch code on its first use: the same code again (a link read back from history) is refused', async () => {
    const code = launchCode(server);
    const first = await welcomed(code);
    expect(first.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expectRefused(code);
    // Spent even while the connection that traded it is still open, and after it closed.
    first.close();
    await closed(first);
    await expectRefused(code);
    // The printed link's code is spent the same way.
    const printed = { launch: launchCodeOf(server.url)! };
    (await welcomed(printed)).close();
    await expectRefused(printed);
  });

  it('lets the session a code was traded for in again and again (reconnects, reloads, a duplicated tab), and each trade gets its own session', async () => {
    const first = await welcomed();
    const second = await welcomed();
    expect(first.session).not.toBe(second.session);
    for (let i = 0; i < 3; i++) {
      const again = await welcomed({ session: first.session! });
      expect(again.session).toBeNull();
      again.send(JSON.stringify({ type: 'call', id: 7, method: 'modem.list', params: {} }));
      expect(await nextMessage(again)).toEqual({ type: 'result', id: 7, result: [] });
      again.close();
    }
    first.close();
    second.close();
  });

  it('refuses a session of another launch, and a session presented as a launch code', async () => {
    const other = await startServer({ core: new ScriptedCore(STANDARD_SCRIPT), staticDir: site.root });
    try {
      const foreign = await openWelcomed(`ws://127.0.0.1:${other.port}/api`, launchCode(other), { origin: `http://127.0.0.1:${other.port}` });
      foreign.close();
      await expectRefused({ session: foreign.session! });
    } finally {
      await other.close();
    }
    const own = await welcomed();
    own.close();
    await expectRefused({ launch: own.session! });
  });

  it('keeps at most 16 unspent launch codes: a 17th makes the oldest stale', async () => {
    const codes = Array.from({ length: 17 }, () => launchCode(server));
    await expectRefused(codes[0]!);
    (await welcomed(codes[1]!)).close();
    (await welcomed(codes[16]!)).close();
  });

  it('closes a connection that never presents the token', async () => {
    const own = await startServer({ core, staticDir: site.root, limits: { helloDeadlineMs: 200 } });
    try {
      const socket = await openSocket(`ws://127.0.0.1:${own.port}/api`, { origin: `http://127.0.0.1:${own.port}` });
      expect(await closed(socket)).toEqual({ code: UNAUTHORIZED_CLOSE, reason: 'No access token in time' });
    } finally {
      await own.close();
    }
  });

  it('cuts a connection that sends more than MAX_HELLO_BYTES before its hello is heard: a good hello padded to 1 MiB gets nothing and spends nothing', async () => {
    // The frame limit (8 MiB + 64 KiB since mend32) is for welcomed pages; before the hello anyone who can fake an Origin is a stranger.
    const code = launchCode(server);
    const socket = await openSocket(apiUrl(), { origin: origin() });
    const callsBefore = core.calls.length;
    const first = Promise.race([closed(socket).then((end) => ({ closed: end.code })), nextMessage(socket).then((heard) => ({ heard }))]);
    socket.send(encodeHello(code) + ' '.repeat(1024 * 1024));
    expect(await first).toEqual({ closed: 1006 });
    expect(core.calls.length).toBe(callsBefore);
    // A hello of the usual size, with the same code, still gets in: the cut spent nothing.
    const hello = encodeHello(code);
    expect(Buffer.byteLength(hello)).toBeLessThan(MAX_HELLO_BYTES / 8);
    (await welcomed(code)).close();
  });

  it.each([
    ['no Origin', () => apiUrl(), () => ({}), 403],
    ['a foreign Origin', () => apiUrl(), () => ({ origin: 'http://evil.example' }), 403],
    ['an Origin on another port', () => apiUrl(), () => ({ origin: 'http://127.0.0.1:1' }), 403],
    ['an https Origin', () => apiUrl(), () => ({ origin: `https://127.0.0.1:${server.port}` }), 403],
    ['the null Origin', () => apiUrl(), () => ({ origin: 'null' }), 403],
    ['a foreign Host', () => apiUrl(), () => ({ origin: origin(), headers: { host: `evil.example:${server.port}` } }), 403],
    ['another path', () => `ws://127.0.0.1:${server.port}/other`, () => ({ origin: origin() }), 404],
  ])('refuses an upgrade with %s', async (_name, url, options, status) => {
    const callsBefore = core.calls.length;
    expect(await openRawSocket(url(), options())).toBe(status);
    expect(core.calls.length).toBe(callsBefore);
  });

  it('answers invalid parameters with a bilingual api.bad-request, without reaching the core', async () => {
    const client = connectClient();
    const callsBefore = core.calls.length;
    const error = await hallErrorOf(client.call('catalog.search', { query: 42 } as never));
    expect(error.code).toBe('api.bad-request');
    expect(error.zh).toMatch(/^请求参数不对：query/);
    expect(error.en).toMatch(/^Bad request parameters: query/);
    expect(core.calls.length).toBe(callsBefore);
  });

  it('passes the core’s HallError through and hides anything else behind a generic internal error', async () => {
    const client = connectClient();
    const known = await hallErrorOf(client.call('modem.disconnect', { modemId: 'm7' }));
    expect([known.code, known.zh, known.en]).toEqual(['modem.unknown', '没有这个调制解调器：m7', 'No such modem: m7']);

    const reported = internalErrors.length;
    const hidden = await hallErrorOf(client.call('modem.ports', {}));
    expect(hidden.code).toBe('internal');
    expect(`${hidden.zh} ${hidden.en}`).not.toMatch(/secret|core\.ts|TypeError/);
    expect(internalErrors.length).toBe(reported + 1);
  });

  it.each([
    ['malformed JSON', '{"type":"call",', 1007],
    ['a JSON value that is not a message', '[1,2,3]', 1007],
    ['a message that is not a call', JSON.stringify({ type: 'events', events: [{ event: 'notice', data: {} }] }), 1008],
    ['a binary frame', Buffer.from([1, 2, 3]), 1003],
    // One byte over the limit: the largest import (mend32) made the limit 8 MiB + 64 KiB; a frame past it still ends the connection.
    ['a frame one byte over the limit', 'x'.repeat(MAX_FRAME_BYTES + 1), 1009],
  ])('closes the connection on %s, and keeps serving the next client', async (_name, frame, code) => {
    const socket = await welcomed();
    socket.send(frame);
    const end = await closed(socket);
    expect(end.code).toBe(code);
    if (code !== 1009) expect(end.reason).not.toBe('');
    await roundTrips(connectClient());
  });
});

describe('WebSocket /api under random frames', () => {
  const methods = [...Object.keys(RequestSchemas), 'no.such', '__proto__', 'constructor', 'toString'];
  const callLike = fc.record(
    {
      type: fc.constant('call'),
      id: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string()),
      method: fc.oneof(fc.constantFrom(...methods), fc.anything()),
      params: fc.oneof(fc.constant({}), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), fc.anything()),
    },
    { requiredKeys: ['type'] },
  );
  const frames: fc.Arbitrary<string | Uint8Array> = fc.oneof(
    { weight: 5, arbitrary: callLike.map((call) => JSON.stringify(call)) },
    { weight: 2, arbitrary: fc.json() },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', 'null', '{"type":"result","id":1,"result":1}', '{"type":"events","events":[{"event":"modem","data":1}]}') },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  );
  const PROBE_ID = 2 ** 40;
  const PROTOCOL_CLOSES = [1003, 1007, 1008, 1009];

  /** Sends one frame then a known-good probe; collects replies until the probe is answered or the server hangs up. */
  async function exchange(socket: NodeWebSocket, frame: string | Uint8Array): Promise<{ replies: DecodedWireMessage[]; closedWith: number | null }> {
    const replies: DecodedWireMessage[] = [];
    const end = closed(socket);
    const probed = new Promise<void>((resolve) => {
      socket.on('message', (data) => {
        const reply = decodeWireMessage(data.toString());
        if (reply === null) throw new Error(`undecodable reply: ${data.toString()}`);
        replies.push(reply);
        if (reply.type === 'result' && reply.id === PROBE_ID) resolve();
      });
    });
    socket.send(frame);
    socket.send(JSON.stringify({ type: 'call', id: PROBE_ID, method: 'modem.list', params: {} }));
    const outcome = await Promise.race([probed.then(() => null), end.then(({ code }) => code)]);
    socket.removeAllListeners('message');
    return { replies, closedWith: outcome };
  }

  it('never crashes, only answers or hangs up with a protocol close code, and keeps answering', async () => {
    let socket = await welcomed();
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        if (socket.readyState !== socket.OPEN) socket = await welcomed();
        const { replies, closedWith } = await exchange(socket, frame);
        if (closedWith !== null) expect(PROTOCOL_CLOSES).toContain(closedWith);
        for (const reply of replies) {
          expect(['result', 'error']).toContain(reply.type);
          if (reply.type === 'error') {
            expect(reply.error.code).toMatch(/^(api\.(unknown-method|bad-request)|test\.unscripted|modem\.unknown|internal)$/);
            expect(`${reply.error.zh}${reply.error.en}`).not.toMatch(/\n\s+at |secret/);
          }
        }
      }),
      { numRuns: 2000 },
    );
    socket.close();
    await roundTrips(connectClient());
  });
});

describe('closing the server', () => {
  it('closes its connections, drops its core subscriptions and stops listening', async () => {
    const ownCore = new ScriptedCore(STANDARD_SCRIPT);
    const own = await startServer({ core: ownCore, staticDir: site.root });
    expect(ownCore.subscriptionCount).toBe(EVENT_NAMES.length);
    const socket = await openWelcomed(`ws://127.0.0.1:${own.port}/api`, launchCode(own), { origin: `http://127.0.0.1:${own.port}` });
    const end = closed(socket);
    await own.close();
    expect(await end).toEqual({ code: 1001, reason: 'Server closing' });
    expect(ownCore.subscriptionCount).toBe(0);
    await expect(httpRequest(own.port, '/')).rejects.toThrow(/ECONNREFUSED/);
    const notice: Events['notice'] = { level: 'info', zh: '无人收听', en: 'Nobody listens' };
    expect(() => ownCore.emit('notice', notice)).not.toThrow();
  });
});
