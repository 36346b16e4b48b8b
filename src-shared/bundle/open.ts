import { parseCatalog } from '../catalog/load';
import type { Catalog } from '../catalog/schema';
import { isHallError } from '../errors';
import { bundleError } from './bundle-error';
import { catalogHash } from './canonical-json';
import { decodeCatalog, encodeCatalog, relabel, type CompactCatalog } from './compact-catalog';
import { readEnvelope, signedBytes, type Envelope, type Trusted } from './envelope';
import { applyPatch } from './json-patch';
import { keyIdOf, verifyBytes } from './keys';
import { compareVersions } from './version';

export interface OpenedBundle {
  kind: Envelope['kind'];
  trusted: Trusted;
  catalog: Catalog;
}

export interface OpenOptions {
  /** Public keys (base64) whose signatures are accepted. */
  trustedKeys: readonly string[];
  /** The catalog in use: deltas apply to it, and nothing at or below its version is accepted. */
  current?: Catalog;
  /**
   * The highest version this device ever accepted. After a rollback to the built-in catalog the
   * current version drops, but an old signed bundle below this floor is still refused.
   */
  floor?: string;
}

function checkNotOlder(offered: string, { current, floor }: OpenOptions): void {
  const newer = current === undefined || compareVersions(offered, current.version) > 0;
  if (newer && (floor === undefined || compareVersions(offered, floor) >= 0)) return;
  const than = newer
    ? { zh: `本机用过的 ${floor}`, en: `${floor}, which this device already had` }
    : { zh: `当前的 ${current!.version}`, en: `the current ${current!.version}` };
  throw bundleError(
    'bundle.downgrade',
    { zh: `更新文件的版本 ${offered} 不比${than.zh}新，已拒绝`, en: `The update's version ${offered} is not newer than ${than.en}; refused` },
    undefined,
    { offered, current: current?.version, floor },
  );
}

async function checkSignature(envelope: Envelope, trustedKeys: readonly string[]): Promise<void> {
  for (const key of trustedKeys) {
    if ((await keyIdOf(key)) !== envelope.keyId) continue;
    if (await verifyBytes(key, envelope.signature, signedBytes(envelope))) return;
    throw bundleError('bundle.bad-signature', { zh: '更新文件的签名不对：内容被改动过或不是发布者签的', en: 'The update file\'s signature does not match: it was altered or not signed by the publisher' });
  }
  throw bundleError(
    'bundle.unknown-key',
    { zh: `更新文件由不受信任的密钥（${envelope.keyId}）签名`, en: `The update file is signed with a key that is not trusted (${envelope.keyId})` },
    undefined,
    { keyId: envelope.keyId },
  );
}

function wrongBase(base: string | undefined, current: string | undefined): Error {
  return bundleError(
    'bundle.wrong-base',
    { zh: `这个增量更新是给版本 ${base ?? '?'} 的，不适用于当前目录`, en: `This delta update is for version ${base ?? '?'} and does not apply to the current catalog` },
    undefined,
    { base, current },
  );
}

function checkBase(envelope: Envelope, current: Catalog | undefined): Catalog {
  const base = envelope.trusted.base;
  if (!current || !base || base.version !== current.version) throw wrongBase(base?.version, current?.version);
  return current;
}

/** The current catalog patched, under the delta's version and date (a result that is no compact catalog is left for decoding to refuse). */
function patched(current: Catalog, ops: Extract<Envelope, { kind: 'delta' }>['payload'], trusted: Trusted): unknown {
  const result = applyPatch(encodeCatalog(current), ops);
  return Array.isArray(result) ? relabel(result as CompactCatalog, trusted) : result;
}

function validated(data: unknown): Catalog {
  try {
    return parseCatalog(data);
  } catch (cause) {
    const why = isHallError(cause) ? cause : undefined;
    throw bundleError('bundle.invalid-catalog', { zh: `更新后的目录不合格：${why?.zh ?? ''}`, en: `The updated catalog is not valid: ${why?.en ?? ''}` }, cause);
  }
}

/**
 * Verifies a bundle file and returns the catalog it yields. Every check runs before anything is
 * returned, in the order that gives the most useful refusal: readable, signed, newer, for this
 * version, valid, exact (for a delta, not exact means it was made from other content of that version).
 */
export async function openBundle(bytes: Uint8Array<ArrayBuffer>, options: OpenOptions): Promise<OpenedBundle> {
  const envelope = await readEnvelope(bytes);
  await checkSignature(envelope, options.trustedKeys);
  const { trusted } = envelope;
  checkNotOlder(trusted.version, options);
  const compact = envelope.kind === 'delta' ? patched(checkBase(envelope, options.current), envelope.payload, trusted) : envelope.payload;
  const catalog = validated(decodeCatalog(compact));
  if (catalog.version !== trusted.version || catalog.date !== trusted.date || (await catalogHash(catalog)) !== trusted.target) {
    // A signed patch gives the promised catalog from the catalog it was made from: here the
    // current catalog carries that version with other content.
    if (envelope.kind === 'delta') throw wrongBase(trusted.base?.version, options.current?.version);
    throw bundleError('bundle.hash-mismatch', { zh: '更新后的目录与签名所承诺的内容不一致', en: 'The updated catalog is not the one its signature promises' });
  }
  return { kind: envelope.kind, trusted, catalog };
}
