import { parseCatalog } from '../catalog/load';
import type { Catalog } from '../catalog/schema';
import { HallError } from '../errors';
import { catalogHash } from './canonical-json';
import { decodeCatalog, encodeCatalog, hantMapOf, relabel } from './compact-catalog';
import { BUNDLE_FORMAT, signedBytes, type Envelope, type Trusted, type UnsignedEnvelope } from './envelope';
import { gzip } from './gzip';
import { deepEqual, diffJson } from './json-patch';
import type { KeyPair } from './keys';
import { signBytes } from './keys';
import { compareVersions } from './version';

export type SigningKey = Pick<KeyPair, 'privateKey' | 'keyId'>;

export interface SealOptions {
  signedAt?: Date;
  /** Any standard gzip encoder: publishing uses the smallest (Zopfli), which only Node tooling has. */
  gzip?: (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>>;
}

async function trustedFor(catalog: Catalog, signedAt = new Date()): Promise<Trusted> {
  // Whole seconds: milliseconds tell a user nothing and cost bytes in every update.
  return { version: catalog.version, date: catalog.date, signedAt: signedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'), target: await catalogHash(catalog) };
}

async function seal(unsigned: UnsignedEnvelope, key: SigningKey, options: SealOptions): Promise<Uint8Array<ArrayBuffer>> {
  const envelope: Envelope = { ...unsigned, signature: await signBytes(key.privateKey, signedBytes(unsigned)) } as Envelope;
  return (options.gzip ?? gzip)(new TextEncoder().encode(JSON.stringify(envelope)));
}

/** A signed bundle holding the whole catalog, for users with no usable delta. */
export async function sealFull(input: unknown, key: SigningKey, options: SealOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const catalog = parseCatalog(input);
  const payload = encodeCatalog(catalog);
  // The compact form must give back exactly what was signed; a maintainer learns now, not a user later.
  if (!deepEqual(decodeCatalog(JSON.parse(JSON.stringify(payload))), catalog)) {
    throw new HallError('internal', { zh: '目录压缩编码不能无损还原', en: 'The compact catalog encoding did not round-trip' });
  }
  return seal({ format: BUNDLE_FORMAT, kind: 'full', keyId: key.keyId, trusted: await trustedFor(catalog, options.signedAt), payload }, key, options);
}

/**
 * A signed JSON Patch taking users of `fromInput` to `toInput`. It patches the compact form (the
 * encoding is deterministic, so both ends derive the same document from the same catalog): an added
 * instruction then travels without its key names or most of its zh-Hant text. The new version and
 * date travel once, in the signed trusted comment, not again in the patch.
 */
export async function sealDelta(fromInput: unknown, toInput: unknown, key: SigningKey, options: SealOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const [from, to] = [parseCatalog(fromInput), parseCatalog(toInput)];
  if (compareVersions(to.version, from.version) <= 0) {
    throw new HallError('catalog.not-newer', {
      zh: `新目录的版本 ${to.version} 必须高于旧版本 ${from.version}`,
      en: `The new catalog's version ${to.version} must be higher than the old one's, ${from.version}`,
    });
  }
  const trusted: Trusted = { ...(await trustedFor(to, options.signedAt)), base: { version: from.version } };
  const payload = diffJson(encodeCatalog(from), relabel(encodeCatalog(to, hantMapOf(from)), from));
  return seal({ format: BUNDLE_FORMAT, kind: 'delta', keyId: key.keyId, trusted, payload }, key, options);
}
