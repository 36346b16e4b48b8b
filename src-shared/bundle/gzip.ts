import { bundleError } from './bundle-error';
import { readAtMost } from './read-at-most';

/** Far above any catalog (about 100 KB as JSON): a small file that inflates past it is a zip bomb. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

/** Bundles travel gzipped whatever the server does, so the bytes on the wire are the bytes measured. */
export async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return (await readAtMost(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip')), Infinity))!;
}

export async function gunzip(bytes: Uint8Array<ArrayBuffer>, limit = MAX_INFLATED_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  let inflated: Uint8Array<ArrayBuffer> | undefined;
  try {
    inflated = await readAtMost(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')), limit);
  } catch (cause) {
    throw bundleError('bundle.truncated', { zh: '更新文件不完整或已损坏（无法解压）', en: 'The update file is incomplete or damaged (it does not decompress)' }, cause);
  }
  if (!inflated) throw bundleError('bundle.too-large', { zh: `更新文件解压后超过 ${limit} 字节，已拒绝`, en: `The update file inflates to more than ${limit} bytes; refused` });
  return inflated;
}
