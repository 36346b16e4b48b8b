import { HallError, type Bilingual } from '../errors';
import { readAtMost } from './read-at-most';

export interface FetchLimits {
  /** Whole request, connect to last byte. */
  timeoutMs: number;
  /** Largest file accepted: a bundle is a few KB, so anything far bigger is not one. */
  maxBytes: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 512 * 1024 };

/** Reads one file the update source publishes; throws a HallError saying what went wrong. */
export type FetchFile = (fileName: string) => Promise<Uint8Array<ArrayBuffer>>;

export interface FetchOptions {
  limits?: FetchLimits;
  /** What the user can do about a failure: the app and the extension word it for their own settings. */
  action: Bilingual;
  fetchImpl?: typeof fetch;
}

export function sourceError(code: string, text: Bilingual, action: Bilingual, cause?: unknown): HallError {
  return new HallError(code, text, { action, ...(cause === undefined ? {} : { cause }) });
}

export function tooLargeError(what: string, limits: FetchLimits, action: Bilingual): HallError {
  return sourceError(
    'update.too-large',
    { zh: `${what} 超过 ${limits.maxBytes} 字节，不像是指令库更新文件`, en: `${what} is larger than ${limits.maxBytes} bytes; it is not a catalog update` },
    action,
  );
}

/**
 * Why an update source address is refused when it carries a user name or password (`https://user:pw@host/`), or null.
 * fetch refuses such an address (Node's and the browser's alike), so it could never be used; kept, it sat in clear in
 * the settings, in every failed check's message and on every page. Only the host is named: the rest holds the password.
 */
export function credentialsInSource(source: string): Bilingual | null {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return null;
  }
  if (url.username === '' && url.password === '') return null;
  return {
    zh: `更新源地址里不能带用户名或密码（${url.host}）：这样的地址连不上，也不会保存。请去掉“用户名:密码@”一段，改用不需要登录的地址或共享文件夹。`,
    en: `An update source address cannot carry a user name or password (${url.host}): such an address cannot be fetched, and it is not kept. Leave out the “user:password@” part and use an address or shared folder that needs no login.`,
  };
}

/**
 * Files published under a web address (a folder URL, with or without its last `/`), fetched with
 * a time limit and a size cap that holds even when the server announces no length; no cookies.
 * Runs in Node and in the extension alike.
 */
export function httpFetcher(source: string, { limits = DEFAULT_LIMITS, action, fetchImpl = fetch }: FetchOptions): FetchFile {
  const root = source.endsWith('/') ? source : `${source}/`;
  const failure = (url: string, cause: unknown) => {
    const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
    return timedOut
      ? sourceError('update.timeout', { zh: `${limits.timeoutMs / 1000} 秒内没有从更新源取到 ${url}`, en: `${url} did not arrive from the update source within ${limits.timeoutMs / 1000} s` }, action, cause)
      : sourceError('update.unreachable', { zh: `连不上更新源：${url}`, en: `Cannot reach the update source: ${url}` }, action, cause);
  };
  return async (fileName) => {
    const url = new URL(fileName, root).href;
    let response: Response;
    try {
      response = await fetchImpl(url, { signal: AbortSignal.timeout(limits.timeoutMs), credentials: 'omit', cache: 'no-store' });
    } catch (cause) {
      throw failure(url, cause);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw sourceError('update.not-found', { zh: `更新源返回 HTTP ${response.status}：${url}`, en: `The update source answered HTTP ${response.status}: ${url}` }, action);
    }
    if (Number(response.headers.get('content-length') ?? 0) > limits.maxBytes) {
      await response.body?.cancel();
      throw tooLargeError(url, limits, action);
    }
    let body: Uint8Array<ArrayBuffer> | undefined;
    try {
      body = response.body ? await readAtMost(response.body, limits.maxBytes) : new Uint8Array(0);
    } catch (cause) {
      throw failure(url, cause);
    }
    if (!body) throw tooLargeError(url, limits, action);
    return body;
  };
}
