import catalogJson from '../../../instructions/catalog.json';
import { generateKeyPair, type KeyPair } from '../../../src-shared/bundle';
import { BUNDLE_FORMAT, signedBytes, type UnsignedEnvelope } from '../../../src-shared/bundle/envelope';
import { gunzip, gzip } from '../../../src-shared/bundle/gzip';
import { signBytes } from '../../../src-shared/bundle/keys';
import { parseCatalog } from '../../../src-shared/catalog/load';
import type { Catalog } from '../../../src-shared/catalog/schema';

export const builtin = (): Catalog => parseCatalog(structuredClone(catalogJson));

let shared: Promise<KeyPair> | undefined;
/** One key pair per test file: generating is cheap, but tests read better with a fixed signer. */
export const publisherKey = (): Promise<KeyPair> => (shared ??= generateKeyPair());

/** The built-in catalog at a later version with one instruction's English summary changed. */
export function nextCatalog(from: Catalog, version: string, summary = `Changed for ${version}`): Catalog {
  const next = structuredClone(from);
  next.version = version;
  next.date = `${version.slice(0, 4)}-${version.slice(5, 7)}-${version.slice(8, 10)}`;
  next.instructions[1]!.summary.en = summary;
  return next;
}

/** Signs whatever it is given, valid or not: how a test plays a maintainer whose tooling went wrong. */
export async function signRaw(unsigned: Omit<UnsignedEnvelope, 'format' | 'keyId'>, key: KeyPair): Promise<Uint8Array<ArrayBuffer>> {
  const full = { format: BUNDLE_FORMAT, keyId: key.keyId, ...unsigned } as UnsignedEnvelope;
  const envelope = { ...full, signature: await signBytes(key.privateKey, signedBytes(full)) };
  return gzip(new TextEncoder().encode(JSON.stringify(envelope)));
}

/** Re-packs a bundle after `edit` changed its JSON, keeping the old signature: a tampered file. */
export async function tamper(bytes: Uint8Array<ArrayBuffer>, edit: (json: Record<string, any>) => void): Promise<Uint8Array<ArrayBuffer>> {
  const json = JSON.parse(new TextDecoder().decode(await gunzip(bytes)));
  edit(json);
  return gzip(new TextEncoder().encode(JSON.stringify(json)));
}
