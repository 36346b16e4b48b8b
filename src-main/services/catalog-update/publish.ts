import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleFileNames, INDEX_FILE, INDEX_FORMAT, sealDelta, sealFull, type SigningKey, type UpdateIndex } from '../../../src-shared/bundle';
import { parseCatalog } from '../../../src-shared/catalog/load';
import { writeOut } from '../atomic-write';
import { smallestGzip } from './smallest-gzip';

export interface PublishedFile {
  name: string;
  kind: 'full' | 'delta' | 'index';
  bytes: number;
}

/**
 * Writes everything an update source serves for `next`: the full bundle, one delta from each
 * older catalog given, and the index naming them. Any static web server or file share can host it.
 */
export async function publishUpdate(outDir: string, next: unknown, previous: readonly unknown[], key: SigningKey, signedAt = new Date()): Promise<PublishedFile[]> {
  const catalog = parseCatalog(next);
  const olds = previous.map((p) => parseCatalog(p));
  const names = bundleFileNames(catalog.version, olds.map((o) => o.version));
  const options = { signedAt, gzip: smallestGzip };
  const files: [string, PublishedFile['kind'], Uint8Array][] = [[names.full, 'full', await sealFull(catalog, key, options)]];
  for (const old of olds) files.push([names.deltas[old.version]!, 'delta', await sealDelta(old, catalog, key, options)]);
  const index: UpdateIndex = { format: INDEX_FORMAT, latest: catalog.version, full: names.full, deltas: names.deltas };
  files.push([INDEX_FILE, 'index', new TextEncoder().encode(`${JSON.stringify(index, null, 2)}\n`)]);
  await mkdir(outDir, { recursive: true });
  for (const [name, , bytes] of files) await writePublished(join(outDir, name), bytes);
  return files.map(([name, kind, bytes]) => ({ name, kind, bytes: bytes.length }));
}

/**
 * Puts a published file (a bundle, a delta, the index) in place whole or not at all: a source may be serving the file
 * it replaces, and a write cut short (a full disk, a crash) in place left a bundle every user's check refuses, the one
 * served before gone. Public, so readable by all (narrowed by the umask). An error names the file asked for: a
 * write's own errors name none, and the temp file's name means nothing to the user.
 */
export async function writePublished(path: string, bytes: Uint8Array): Promise<void> {
  await writeOut(path, bytes, 0o644).catch((e: unknown) => {
    if (e instanceof Error && 'code' in e) Object.assign(e, { path });
    throw e;
  });
}
