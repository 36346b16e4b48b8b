import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAtMost } from '../../../src-shared/bundle/read-at-most';
import { HallError, type Bilingual } from '../../../src-shared/errors';

export interface FetchLimits {
  /** Whole request, connect to last byte. */
  timeoutMs: number;
  /** Largest file accepted: a bundle is a few KB, so anything far bigger is not one. */
  maxBytes: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 512 * 1024 };

/** Where a maintainer's static files are published: a web address or a (shared) folder. */
export interface UpdateSource {
  readonly location: string;
  read(fileName: string): Promise<Uint8Array<ArrayBuffer>>;
}

const CHECK_SOURCE: Bilingual = { zh: '请检查设置里的更新源地址和网络。', en: 'Check the update source in the settings, and the network.' };

function sourceError(code: string, text: Bilingual, cause?: unknown): HallError {
  return new HallError(code, text, { action: CHECK_SOURCE, ...(cause === undefined ? {} : { cause }) });
}

function tooLarge(what: string, limits: FetchLimits): HallError {
  return sourceError('update.too-large', {
    zh: `${what} 超过 ${limits.maxBytes} 字节，不像是目录更新文件`,
    en: `${what} is larger than ${limits.maxBytes} bytes; it is not a catalog update`,
  });
}

/** `https://…` / `http://…` → fetched; `file://…` or a path → read from that folder. */
export function openSource(location: string, limits: FetchLimits = DEFAULT_LIMITS): UpdateSource {
  if (/^https?:\/\//i.test(location)) return httpSource(location, limits);
  return folderSource(location.startsWith('file:') ? fileURLToPath(location) : location, limits);
}

function httpSource(base: string, limits: FetchLimits): UpdateSource {
  const root = base.endsWith('/') ? base : `${base}/`;
  return {
    location: base,
    async read(fileName) {
      const url = new URL(fileName, root).href;
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'follow' });
      } catch (cause) {
        throw fetchFailure(url, limits, cause);
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw sourceError('update.not-found', { zh: `更新源返回 HTTP ${response.status}：${url}`, en: `The update source answered HTTP ${response.status}: ${url}` });
      }
      if (Number(response.headers.get('content-length') ?? 0) > limits.maxBytes) {
        await response.body?.cancel();
        throw tooLarge(url, limits);
      }
      return readCapped(response, url, limits);
    },
  };
}

function fetchFailure(url: string, limits: FetchLimits, cause: unknown): HallError {
  const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  return timedOut
    ? sourceError('update.timeout', { zh: `${limits.timeoutMs / 1000} 秒内没有从更新源取到 ${url}`, en: `${url} did not arrive from the update source within ${limits.timeoutMs / 1000} s` }, cause)
    : sourceError('update.unreachable', { zh: `连不上更新源：${url}`, en: `Cannot reach the update source: ${url}` }, cause);
}

async function readCapped(response: Response, url: string, limits: FetchLimits): Promise<Uint8Array<ArrayBuffer>> {
  let body: Uint8Array<ArrayBuffer> | undefined;
  try {
    body = response.body ? await readAtMost(response.body, limits.maxBytes) : new Uint8Array(0);
  } catch (cause) {
    throw fetchFailure(url, limits, cause);
  }
  if (!body) throw tooLarge(url, limits);
  return body;
}

function folderSource(folder: string, limits: FetchLimits): UpdateSource {
  return {
    location: folder,
    async read(fileName) {
      const path = join(folder, fileName);
      try {
        if ((await stat(path)).size > limits.maxBytes) throw tooLarge(path, limits);
        return new Uint8Array(await readFile(path));
      } catch (cause) {
        if (cause instanceof HallError) throw cause;
        throw sourceError('update.not-found', { zh: `更新源文件夹里读不到 ${path}`, en: `Cannot read ${path} in the update source folder` }, cause);
      }
    },
  };
}
