import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../instructions/catalog.json';
import { gunzip, gzip } from '../../../src-shared/bundle/gzip';
import { smallestGzip } from '../../../src-main/services/catalog-update/smallest-gzip';

const catalogBytes = new TextEncoder().encode(JSON.stringify(catalogJson));

describe('the gzip publishing uses (Zopfli in a worker)', () => {
  it('is standard gzip: the app and the extension inflate it to exactly the input', async () => {
    const packed = await smallestGzip(catalogBytes);
    expect([packed[0], packed[1]]).toEqual([0x1f, 0x8b]);
    expect(await gunzip(packed)).toEqual(catalogBytes);
  });

  it('is smaller than CompressionStream gzip for the catalog', async () => {
    const [smallest, usual] = [await smallestGzip(catalogBytes), await gzip(catalogBytes)];
    expect(smallest.length).toBeLessThan(usual.length);
  });

  it('leaves this process without the handlers the library installs when loaded in Node', async () => {
    const before = ['uncaughtException', 'unhandledRejection'].map((e) => process.listenerCount(e));
    await smallestGzip(new TextEncoder().encode('余额 YE'));
    expect(['uncaughtException', 'unhandledRejection'].map((e) => process.listenerCount(e))).toEqual(before);
  });

  it.each([
    ['ends its worker', 'exits.cjs', /exit code 3/],
    ['rejects', 'rejects.cjs', /out of memory/],
  ])('fails, instead of hanging or writing nothing, when Zopfli %s', async (_, fixture, message) => {
    await expect(smallestGzip(catalogBytes, resolve(import.meta.dirname, '../../fixtures/zopfli', fixture))).rejects.toThrow(message);
  });
});
