import { readAtMost } from '../src-shared/bundle/read-at-most';
import { HallError, type Bilingual } from '../src-shared/errors';

export interface FetchLimits {
  /** Whole request, connect to last byte. */
  timeoutMs: number;
  /** Largest file accepted: a bundle is a few KB, so anything far bigger is not one. */
  maxBytes: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 512 * 1024 };

/** Reads one file the update source publishes; throws a HallError saying what went wrong. */
export type FetchFile = (fileName: string) => Promise<Uint8Array<ArrayBuffer>>;

const CHECK_SOURCE: Bilingual = {
  zh: '请检查设置里的更新源地址、网络，以及是否已允许扩展访问该网站（再按一次“保存”会重新询问）。',
  en: 'Check the update source in the settings, the network, and that the extension may access that site (Save again to be asked).',
};

function sourceError(code: string, text: Bilingual, cause?: unknown): HallError {
  return new HallError(code, text, { action: CHECK_SOURCE, ...(cause === undefined ? {} : { cause }) });
}

const tooLarge = (url: string, limits: FetchLimits) =>
  sourceError('update.too-large', {
    zh: `${url} 超过 ${limits.maxBytes} 字节，不像是指令库更新文件`,
    en: `${url} is larger than ${limits.maxBytes} bytes; it is not a catalog update`,
  });

function fetchFailure(url: string, limits: FetchLimits, cause: unknown): HallError {
  const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  return timedOut
    ? sourceError('update.timeout', { zh: `${limits.timeoutMs / 1000} 秒内没有从更新源取到 ${url}`, en: `${url} did not arrive from the update source within ${limits.timeoutMs / 1000} s` }, cause)
    : sourceError('update.unreachable', { zh: `连不上更新源：${url}`, en: `Cannot reach the update source: ${url}` }, cause);
}

/** Files are plain names under the source's address (a folder URL, with or without its last `/`). */
export function sourceFetcher(source: string, limits: FetchLimits = DEFAULT_LIMITS, fetchImpl: typeof fetch = fetch): FetchFile {
  const root = source.endsWith('/') ? source : `${source}/`;
  return async (fileName) => {
    const url = new URL(fileName, root).href;
    const signal = AbortSignal.timeout(limits.timeoutMs);
    let response: Response;
    try {
      response = await fetchImpl(url, { signal, credentials: 'omit', cache: 'no-store' });
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
    let body: Uint8Array<ArrayBuffer> | undefined;
    try {
      body = response.body ? await readAtMost(response.body, limits.maxBytes) : new Uint8Array(0);
    } catch (cause) {
      throw fetchFailure(url, limits, cause);
    }
    if (!body) throw tooLarge(url, limits);
    return body;
  };
}
