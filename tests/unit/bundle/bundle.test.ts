import { describe, expect, it } from 'vitest';
import { catalogHash, encodeCatalog, generateKeyPair, openBundle, sealDelta, sealFull } from '../../../src-shared/bundle';
import { gzip } from '../../../src-shared/bundle/gzip';
import { builtin, nextCatalog, publisherKey, signRaw, tamper } from './bundle-kit';

const refused = (code: string) => expect.objectContaining({ code, zh: expect.any(String), en: expect.any(String), action: expect.objectContaining({ en: expect.stringContaining('stays in use') }) });

describe('full bundles', () => {
  it('open to exactly the catalog that was sealed, with its signed trusted comment', async () => {
    const key = await publisherKey();
    const catalog = builtin();
    const signedAt = new Date('2026-11-25T08:00:00Z');
    const opened = await openBundle(await sealFull(catalog, key, { signedAt }), { trustedKeys: [key.publicKey] });
    expect(opened.kind).toBe('full');
    expect(opened.catalog).toStrictEqual(catalog);
    expect(opened.trusted).toEqual({ version: catalog.version, date: catalog.date, signedAt: '2026-11-25T08:00:00Z', target: await catalogHash(catalog) });
  });

  it('accept any of several trusted keys', async () => {
    const key = await publisherKey();
    const other = await generateKeyPair();
    const opened = await openBundle(await sealFull(builtin(), key), { trustedKeys: [other.publicKey, key.publicKey] });
    expect(opened.catalog.version).toBe(builtin().version);
  });

  it.each<[string, (json: Record<string, any>) => void]>([
    ['one character of an instruction', (j) => (j.payload[6][0][1] = 'YF')],
    ['the version in the trusted comment', (j) => (j.trusted.version = '2099.01.01-1')],
    ['the signing time', (j) => (j.trusted.signedAt = '2030-01-01T00:00:00.000Z')],
    ['one byte of the signature', (j) => (j.signature = (j.signature[0] === 'A' ? 'B' : 'A') + j.signature.slice(1))],
  ])('are refused when %s is changed', async (_, edit) => {
    const key = await publisherKey();
    const bytes = await tamper(await sealFull(builtin(), key), edit);
    await expect(openBundle(bytes, { trustedKeys: [key.publicKey] })).rejects.toThrow(refused('bundle.bad-signature'));
  });

  it('are refused when signed by a key that is not trusted', async () => {
    const stranger = await generateKeyPair();
    const key = await publisherKey();
    await expect(openBundle(await sealFull(builtin(), stranger), { trustedKeys: [key.publicKey] })).rejects.toThrow(
      expect.objectContaining({ code: 'bundle.unknown-key', details: { keyId: stranger.keyId } }),
    );
  });

  it.each([
    ['an older version', '2026.11.24-9'],
    ['the same version', builtin().version],
  ])('are refused as a downgrade when they carry %s', async (_, version) => {
    const key = await publisherKey();
    const older = { ...builtin(), version, date: `${version.slice(0, 4)}-${version.slice(5, 7)}-${version.slice(8, 10)}` };
    await expect(openBundle(await sealFull(older, key), { trustedKeys: [key.publicKey], current: builtin() })).rejects.toThrow(
      expect.objectContaining({ code: 'bundle.downgrade', details: { offered: version, current: builtin().version } }),
    );
  });

  it.each([
    ['below the floor', '2026.12.02-1', 'bundle.downgrade'],
    ['at the floor (re-installing after a rollback)', '2026.12.01-1', undefined],
  ])('against the highest version once accepted: a bundle %s', async (_, floor, code) => {
    const key = await publisherKey();
    const bundle = await sealFull(nextCatalog(builtin(), '2026.12.01-1'), key);
    const opening = openBundle(bundle, { trustedKeys: [key.publicKey], current: builtin(), floor });
    if (code) await expect(opening).rejects.toThrow(expect.objectContaining({ code, details: { offered: '2026.12.01-1', current: builtin().version, floor } }));
    else expect((await opening).catalog.version).toBe('2026.12.01-1');
  });

  it('are refused when the file is cut short, or is not a bundle at all', async () => {
    const key = await publisherKey();
    const bytes = await sealFull(builtin(), key);
    await expect(openBundle(bytes.slice(0, bytes.length >> 1), { trustedKeys: [key.publicKey] })).rejects.toThrow(refused('bundle.truncated'));
    await expect(openBundle(new TextEncoder().encode('<html>'), { trustedKeys: [key.publicKey] })).rejects.toThrow(refused('bundle.truncated'));
    await expect(openBundle(await gzip(new TextEncoder().encode('{"cut":')), { trustedKeys: [key.publicKey] })).rejects.toThrow(refused('bundle.truncated'));
    await expect(openBundle(await gzip(new TextEncoder().encode('{"format":"x"}')), { trustedKeys: [key.publicKey] })).rejects.toThrow(refused('bundle.malformed'));
  });

  it('name the format they are in when it is another version of this one', async () => {
    const key = await publisherKey();
    const older = await tamper(await sealFull(builtin(), key), (j) => (j.format = 'hall10086-catalog-bundle/1'));
    await expect(openBundle(older, { trustedKeys: [key.publicKey] })).rejects.toThrow(
      expect.objectContaining({ code: 'bundle.other-format', en: expect.stringContaining('format hall10086-catalog-bundle/1; this app reads hall10086-catalog-bundle/3') }),
    );
  });

  it('are refused when a small file inflates past the cap (a zip bomb)', async () => {
    const key = await publisherKey();
    const bomb = await gzip(new Uint8Array(9 * 1024 * 1024).fill(0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(openBundle(bomb, { trustedKeys: [key.publicKey] })).rejects.toThrow(refused('bundle.too-large'));
  });

  it('are refused when correctly signed data is not a valid catalog, or not the promised one', async () => {
    const key = await publisherKey();
    const catalog = builtin();
    const trusted = { version: catalog.version, date: catalog.date, signedAt: '2026-11-25T08:00:00.000Z', target: await catalogHash(catalog) };
    const invalid = encodeCatalog(catalog);
    (invalid[6][0] as unknown[])[1] = '';
    await expect(openBundle(await signRaw({ kind: 'full', trusted, payload: invalid }, key), { trustedKeys: [key.publicKey] })).rejects.toThrow(refused('bundle.invalid-catalog'));
    const other = encodeCatalog(nextCatalog(catalog, catalog.version, 'Not what was promised'));
    await expect(openBundle(await signRaw({ kind: 'full', trusted, payload: other }, key), { trustedKeys: [key.publicKey] })).rejects.toThrow(refused('bundle.hash-mismatch'));
  });
});

describe('delta bundles', () => {
  it('take the current catalog to the next one', async () => {
    const key = await publisherKey();
    const next = nextCatalog(builtin(), '2026.12.01-1');
    const opened = await openBundle(await sealDelta(builtin(), next, key), { trustedKeys: [key.publicKey], current: builtin() });
    expect(opened.kind).toBe('delta');
    expect(opened.trusted.base).toEqual({ version: builtin().version });
    expect(opened.catalog).toStrictEqual(next);
  });

  it('are refused against a catalog they were not made for', async () => {
    const key = await publisherKey();
    const v2 = nextCatalog(builtin(), '2026.12.01-1');
    const v3 = nextCatalog(v2, '2026.12.02-1');
    const delta = await sealDelta(v2, v3, key);
    await expect(openBundle(delta, { trustedKeys: [key.publicKey], current: builtin() })).rejects.toThrow(
      expect.objectContaining({ code: 'bundle.wrong-base', details: { base: v2.version, current: builtin().version } }),
    );
    await expect(openBundle(delta, { trustedKeys: [key.publicKey] })).rejects.toThrow(refused('bundle.wrong-base'));
    // Same version, other content where the patch does not reach: it cannot give the signed target.
    const lookalike = nextCatalog(builtin(), v2.version);
    lookalike.instructions[2]!.summary.en = 'Something else';
    await expect(openBundle(delta, { trustedKeys: [key.publicKey], current: lookalike })).rejects.toThrow(refused('bundle.wrong-base'));
    // Where the patch replaces what differed, the result is exactly the signed catalog, and it is taken.
    const overwritten = nextCatalog(builtin(), v2.version, 'Something else');
    expect((await openBundle(delta, { trustedKeys: [key.publicKey], current: overwritten })).catalog).toStrictEqual(v3);
  });

  it('are refused when the signed patch does not apply, or leaves an invalid catalog', async () => {
    const key = await publisherKey();
    const base = builtin();
    const next = nextCatalog(base, '2026.12.01-1');
    const trusted = {
      version: next.version, date: next.date, signedAt: '2026-12-01T08:00:00.000Z', target: await catalogHash(next),
      base: { version: base.version },
    };
    const options = { trustedKeys: [key.publicKey], current: base };
    const broken = await signRaw({ kind: 'delta', trusted, payload: [{ op: 'remove', path: '/6/99' }] }, key);
    await expect(openBundle(broken, options)).rejects.toThrow(refused('bundle.bad-patch'));
    const invalid = await signRaw({ kind: 'delta', trusted, payload: [{ op: 'replace', path: '/1', value: next.version }, { op: 'replace', path: '/6/0/0', value: 'Y E' }] }, key);
    await expect(openBundle(invalid, options)).rejects.toThrow(expect.objectContaining({ code: 'bundle.invalid-catalog', en: expect.stringContaining('instructions.0.id: Invalid format') }));
  });

  it('cannot be sealed backwards', async () => {
    const key = await publisherKey();
    await expect(sealDelta(nextCatalog(builtin(), '2026.12.01-1'), builtin(), key)).rejects.toThrow(expect.objectContaining({ code: 'catalog.not-newer' }));
  });
});
