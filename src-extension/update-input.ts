import { fromBase64 } from '../src-shared/bundle';
import { credentialsInSource } from '../src-shared/bundle/fetch-file';
import type { Bilingual } from '../src-shared/errors';
import type { UpdateSource } from './catalog-store';

export type UpdateInput =
  | { ok: true; update: UpdateSource | null }
  | { ok: false; field: 'source' | 'publicKey'; error: Bilingual };

/**
 * What the two fields of the update settings say: both empty is "no source" (fully offline);
 * otherwise an http(s) folder address and a 32-byte Ed25519 key in base64, or which field is wrong.
 */
export function readUpdateInput(sourceText: string, keyText: string): UpdateInput {
  const source = sourceText.trim();
  const publicKey = keyText.trim();
  if (!source && !publicKey) return { ok: true, update: null };
  if (!isHttpUrl(source)) {
    return { ok: false, field: 'source', error: { zh: '更新源应为 http:// 或 https:// 开头的网址。', en: 'The update source must be an address starting with http:// or https://.' } };
  }
  const credentials = credentialsInSource(source);
  if (credentials) return { ok: false, field: 'source', error: credentials };
  if (!publicKey) {
    return { ok: false, field: 'publicKey', error: { zh: '请同时填写维护者的公钥，否则无法验证更新。', en: 'Enter the maintainer’s public key too; without it no update can be verified.' } };
  }
  if (fromBase64(publicKey)?.length !== 32) {
    return { ok: false, field: 'publicKey', error: { zh: '公钥格式不对（应为 44 个字符的 base64）。', en: 'The public key is not valid (44 base64 characters expected).' } };
  }
  return { ok: true, update: { source, publicKey } };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The match pattern for the source's site, every port and path: what `chrome.permissions.request`
 * asks for (within the manifest's optional `https://*\/*` and `http://*\/*`).
 */
export function originPattern(source: string): string {
  const url = new URL(source);
  return `${url.protocol}//${url.hostname}/*`;
}
