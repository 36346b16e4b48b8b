import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS, httpFetcher, sourceError, tooLargeError, type FetchLimits } from '../../../src-shared/bundle/fetch-file';
import { HallError, type Bilingual } from '../../../src-shared/errors';

export { DEFAULT_LIMITS, type FetchLimits } from '../../../src-shared/bundle/fetch-file';

/** Where a maintainer's static files are published: a web address or a (shared) folder. */
export interface UpdateSource {
  readonly location: string;
  read(fileName: string): Promise<Uint8Array<ArrayBuffer>>;
}

const CHECK_SOURCE: Bilingual = { zh: '请检查设置里的更新源地址和网络。', en: 'Check the update source in the settings, and the network.' };

/** `https://…` / `http://…` → fetched; `file://…` or a path → read from that folder. */
export function openSource(location: string, limits: FetchLimits = DEFAULT_LIMITS): UpdateSource {
  if (/^https?:\/\//i.test(location)) return { location, read: httpFetcher(location, { limits, action: CHECK_SOURCE }) };
  return folderSource(location.startsWith('file:') ? fileURLToPath(location) : location, limits);
}

function folderSource(folder: string, limits: FetchLimits): UpdateSource {
  return {
    location: folder,
    async read(fileName) {
      const path = join(folder, fileName);
      try {
        if ((await stat(path)).size > limits.maxBytes) throw tooLargeError(path, limits, CHECK_SOURCE);
        return new Uint8Array(await readFile(path));
      } catch (cause) {
        if (cause instanceof HallError) throw cause;
        throw sourceError('update.not-found', { zh: `更新源文件夹里读不到 ${path}`, en: `Cannot read ${path} in the update source folder` }, CHECK_SOURCE, cause);
      }
    },
  };
}
