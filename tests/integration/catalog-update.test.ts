import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_FILE, sealFull } from '../../src-shared/bundle';
import type { Catalog } from '../../src-shared/catalog/schema';
import { CatalogUpdater, publishUpdate, type CatalogUpdaterOptions } from '../../src-main/services/catalog-update';
import { builtin, nextCatalog, publisherKey, tamper } from '../unit/bundle/bundle-kit';

/** A static file server on 127.0.0.1; `hang` names files it never answers for, `unsized` ones it sends without a length. */
class UpdateServer {
  readonly files = new Map<string, Uint8Array>();
  readonly hang = new Set<string>();
  readonly unsized = new Set<string>();
  readonly requests: string[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const name = decodeURIComponent((req.url ?? '/').slice(1));
      this.requests.push(name);
      if (this.hang.has(name)) return;
      const body = this.files.get(name);
      if (!body) return void res.writeHead(404).end('not found');
      if (!this.unsized.has(name)) return void res.writeHead(200, { 'content-length': body.length }).end(body);
      // A write before end sends the body chunked, with no length announced.
      res.writeHead(200).write(body);
      res.end();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/updates/`;
  }

  async load(dir: string): Promise<void> {
    this.files.clear();
    for (const name of await readdir(dir)) this.files.set(`updates/${name}`, await readFile(join(dir, name)));
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const V2 = '2026.12.01-1';
const V3 = '2026.12.15-1';
let server: UpdateServer;
let work: string;

beforeAll(async () => {
  server = new UpdateServer();
  await server.start();
});
afterAll(() => server.stop());
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'hall-update-'));
  server.requests.length = 0;
  server.hang.clear();
  server.unsized.clear();
});
afterEach(() => rm(work, { recursive: true, force: true }));

async function publish(next: Catalog, previous: Catalog[], dir = join(work, 'published')): Promise<string> {
  await publishUpdate(dir, next, previous, await publisherKey());
  return dir;
}

async function updater(options: Partial<CatalogUpdaterOptions> = {}): Promise<CatalogUpdater> {
  return new CatalogUpdater({ dataDir: join(work, 'data'), source: server.url, trustedKeys: [(await publisherKey()).publicKey], builtin: builtin(), ...options });
}

async function expectUnchanged(u: CatalogUpdater, version = builtin().version): Promise<void> {
  expect((await u.current()).version).toBe(version);
}

describe('catalog updates over HTTP', () => {
  it('applies a delta from the built-in catalog, persists it, and survives a restart', async () => {
    const v2 = nextCatalog(builtin(), V2);
    await server.load(await publish(v2, [builtin()]));
    const u = await updater();
    expect(u.hasSource).toBe(true);
    expect(await u.check()).toEqual({ current: builtin().version, latest: V2, via: 'delta' });
    const outcome = await u.apply();
    expect(outcome).toMatchObject({ updated: true, version: V2, via: 'delta' });
    expect(server.requests).toEqual(['updates/index.json', 'updates/index.json', `updates/catalog-${builtin().version}-to-${V2}.delta.json.gz`]);
    const restarted = await (await updater()).current();
    expect(restarted).toMatchObject({ origin: 'update', version: V2, trusted: { version: V2 } });
    expect(restarted.catalog).toStrictEqual(v2);
    expect(await (await updater()).apply()).toEqual({ updated: false, version: V2 });
  });

  it('falls back to the full bundle when no delta starts from the version in use', async () => {
    const v3 = nextCatalog(nextCatalog(builtin(), V2), V3);
    await server.load(await publish(v3, [nextCatalog(builtin(), V2)]));
    const u = await updater();
    expect(await u.apply()).toMatchObject({ updated: true, version: V3, via: 'full' });
    expect((await u.current()).catalog).toStrictEqual(v3);
  });

  it('takes the full bundle when the delta for the version in use does not fit the catalog in use', async () => {
    // The source made its delta from another catalog carrying the built-in catalog's version, with a
    // text the new catalog keeps: the patch does not carry it, so applied here it cannot give V2.
    const lookalike = builtin();
    lookalike.instructions[2]!.summary.en = 'Something else';
    const v2 = nextCatalog(lookalike, V2);
    await server.load(await publish(v2, [lookalike]));
    const u = await updater();
    expect(await u.apply()).toMatchObject({ updated: true, version: V2, via: 'full' });
    expect(server.requests.slice(-2)).toEqual([`updates/catalog-${builtin().version}-to-${V2}.delta.json.gz`, `updates/catalog-${V2}.full.json.gz`]);
    expect((await u.current()).catalog).toStrictEqual(v2);
  });

  it('refuses a tampered bundle and keeps the current catalog', async () => {
    await server.load(await publish(nextCatalog(builtin(), V2), []));
    const name = `updates/catalog-${V2}.full.json.gz`;
    server.files.set(name, await tamper(server.files.get(name)! as Uint8Array<ArrayBuffer>, (j) => (j.payload[6][0][1] = 'YF')));
    const u = await updater();
    await expect(u.apply()).rejects.toThrow(expect.objectContaining({ code: 'bundle.bad-signature' }));
    await expectUnchanged(u);
  });

  it('refuses a stale bundle behind an index that claims something newer', async () => {
    const v2 = nextCatalog(builtin(), V2);
    await server.load(await publish(v2, [builtin()]));
    const u = await updater();
    await u.apply();
    // The source now advertises V3 but serves the old, correctly signed built-in catalog.
    server.files.set('updates/index.json', new TextEncoder().encode(JSON.stringify({ format: 'hall10086-catalog-index/1', latest: V3, full: 'old.json.gz', deltas: {} })));
    server.files.set('updates/old.json.gz', await sealFull(builtin(), await publisherKey()));
    await expect(u.apply()).rejects.toThrow(expect.objectContaining({ code: 'bundle.downgrade', details: { offered: builtin().version, current: V2, floor: V2 } }));
    await expectUnchanged(u, V2);
  });

  it('refuses a truncated bundle', async () => {
    await server.load(await publish(nextCatalog(builtin(), V2), []));
    const name = `updates/catalog-${V2}.full.json.gz`;
    server.files.set(name, server.files.get(name)!.slice(0, 3000));
    const u = await updater();
    await expect(u.apply()).rejects.toThrow(expect.objectContaining({ code: 'bundle.truncated', en: expect.stringContaining('incomplete') }));
    await expectUnchanged(u);
  });

  it.each([
    ['a missing file', (s: UpdateServer) => s.files.delete(`updates/catalog-${V2}.full.json.gz`), {}, 'update.not-found'],
    ['a file over the size cap', () => undefined, { limits: { maxBytes: 2000 } }, 'update.too-large'],
    ['a file over the size cap sent without a length', (s: UpdateServer) => s.unsized.add(`updates/catalog-${V2}.full.json.gz`), { limits: { maxBytes: 2000 } }, 'update.too-large'],
    ['a server that never answers', (s: UpdateServer) => s.hang.add(`updates/catalog-${V2}.full.json.gz`), { limits: { timeoutMs: 300 } }, 'update.timeout'],
    ['a source nobody listens on', () => undefined, { source: 'http://127.0.0.1:1/' }, 'update.unreachable'],
  ] as const)('reports %s and changes nothing', async (_, breakIt, options, code) => {
    await server.load(await publish(nextCatalog(builtin(), V2), []));
    breakIt(server);
    const u = await updater(options);
    await expect(u.apply()).rejects.toThrow(expect.objectContaining({ code, action: expect.objectContaining({ en: expect.stringContaining('update source') }) }));
    await expectUnchanged(u);
  });
});

describe('catalog updates from a folder, rollback and the saved state', () => {
  it('applies from a folder and rolls back to the built-in catalog on request', async () => {
    const folder = await publish(nextCatalog(builtin(), V2), [builtin()]);
    const u = await updater({ source: folder });
    expect(await u.apply()).toMatchObject({ updated: true, version: V2, via: 'delta' });
    const saved = join(work, 'data', 'catalog-update', 'accepted.json');
    expect((await stat(saved)).isFile()).toBe(true);
    expect((await readdir(join(work, 'data', 'catalog-update'))).sort()).toEqual(['accepted.json', 'highest-version.json']);
    const back = await u.rollback();
    expect(back).toMatchObject({ origin: 'builtin', version: builtin().version });
    expect(back.catalog).toStrictEqual(builtin());
    await expect(stat(saved)).rejects.toThrow();
  });

  it('still refuses bundles older than the newest one accepted after a rollback, but re-applies that one', async () => {
    const key = await publisherKey();
    const v2 = nextCatalog(builtin(), V2);
    const v3 = nextCatalog(v2, V3);
    const u = await updater({ source: await publish(v3, []) });
    await u.apply();
    await u.rollback();
    const stale = join(work, 'stale');
    await publishUpdate(stale, v2, [], key);
    await expect((await updater({ source: stale })).apply()).rejects.toThrow(
      expect.objectContaining({ code: 'bundle.downgrade', en: expect.stringContaining('which this device already had'), details: { offered: V2, current: builtin().version, floor: V3 } }),
    );
    await expectUnchanged(u);
    expect(await u.apply()).toMatchObject({ updated: true, version: V3 });
  });

  it('ignores a damaged saved update, says why, and uses the built-in catalog', async () => {
    const u = await updater({ source: await publish(nextCatalog(builtin(), V2), []) });
    await u.apply();
    const saved = join(work, 'data', 'catalog-update', 'accepted.json');
    await writeFile(saved, (await readFile(saved, 'utf8')).replace(`Changed for ${V2}`, 'Edited by hand'));
    const current = await u.current();
    expect(current).toMatchObject({ origin: 'builtin', version: builtin().version, problem: { code: 'update.store-damaged' } });
  });

  it('prefers the built-in catalog once the app ships one as new as the saved update', async () => {
    const v2 = nextCatalog(builtin(), V2);
    const u = await updater({ source: await publish(v2, [builtin()]) });
    await u.apply();
    const newerApp = await updater({ builtin: nextCatalog(v2, V3) });
    expect(await newerApp.current()).toMatchObject({ origin: 'builtin', version: V3 });
  });

  it('stays offline without a source', async () => {
    const u = await updater({ source: undefined });
    expect(u.hasSource).toBe(false);
    await expect(u.check()).rejects.toThrow(expect.objectContaining({ code: 'update.no-source' }));
    expect(await u.current()).toMatchObject({ origin: 'builtin' });
  });

  it('refuses an index that is not one', async () => {
    const folder = join(work, 'bad');
    await publish(nextCatalog(builtin(), V2), [], folder);
    await writeFile(join(folder, INDEX_FILE), '{"format":"hall10086-catalog-index/1","latest":');
    await expect((await updater({ source: folder })).apply()).rejects.toThrow(expect.objectContaining({ code: 'bundle.bad-index' }));
  });
});
