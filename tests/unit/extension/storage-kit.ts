import { bundleFileNames, INDEX_FILE, INDEX_FORMAT, sealDelta, sealFull, type KeyPair } from '../../../src-shared/bundle';
import type { Catalog } from '../../../src-shared/catalog/schema';
import { HallError } from '../../../src-shared/errors';
import type { StorageArea } from '../../../src-extension/catalog-store';
import type { FetchFile } from '../../../src-extension/source-fetch';

/** chrome.storage.local as a map, with structured cloning like the real one (nothing shared by reference). */
export function memoryStorage(initial: Record<string, unknown> = {}): StorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    async get(keys) {
      return structuredClone(Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])));
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
    async remove(keys) {
      for (const k of keys) delete data[k];
    },
  };
}

/** An update source in memory: the files a maintainer publishes, and the names asked for. */
export class FakeSource {
  readonly files = new Map<string, Uint8Array<ArrayBuffer>>();
  readonly asked: string[] = [];

  readonly fetchFile: FetchFile = async (name) => {
    this.asked.push(name);
    const file = this.files.get(name);
    if (!file) throw new HallError('update.not-found', { zh: `没有 ${name}`, en: `No ${name}` });
    return file;
  };

  /** The full bundle of `next`, deltas from each of `from`, and the index naming them. */
  async publish(next: Catalog, key: KeyPair, from: readonly Catalog[] = []): Promise<{ full: string; deltas: Record<string, string> }> {
    this.files.clear();
    const names = bundleFileNames(next.version, from.map((c) => c.version));
    this.files.set(names.full, await sealFull(next, key));
    for (const old of from) this.files.set(names.deltas[old.version]!, await sealDelta(old, next, key));
    const index = { format: INDEX_FORMAT, latest: next.version, full: names.full, deltas: names.deltas };
    this.files.set(INDEX_FILE, new TextEncoder().encode(JSON.stringify(index)));
    return names;
  }
}
