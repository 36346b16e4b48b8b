import * as v from 'valibot';
import { bundleError } from './bundle-error';
import { canonicalJson } from './canonical-json';
import { gunzip } from './gzip';

/** Names the compact encoding too: any change to it needs a new format, or deltas stop applying. */
const FORMAT_FAMILY = 'hall10086-catalog-bundle/';
export const BUNDLE_FORMAT = `${FORMAT_FAMILY}3`;
const VERSION = v.pipe(v.string(), v.regex(/^\d{4}\.\d{2}\.\d{2}-\d+$/));
const HASH = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

/**
 * minisign's "trusted comment": signed together with the data, so nobody can relabel an old
 * catalog as new (a downgrade), and the result of a delta is checked against the catalog it promises.
 */
export const TrustedSchema = v.strictObject({
  version: VERSION,
  date: v.pipe(v.string(), v.isoDate()),
  signedAt: v.pipe(v.string(), v.isoTimestamp()),
  /** SHA-256 of the resulting catalog's canonical JSON. */
  target: HASH,
  /**
   * Deltas only: the version the patch starts from. Its hash would add nothing: a patch applied to
   * other content of that version cannot give the target hash, and is refused for that.
   */
  base: v.optional(v.strictObject({ version: VERSION })),
});

const PatchOpSchema = v.variant('op', [
  v.strictObject({ op: v.literal('add'), path: v.string(), value: v.unknown() }),
  v.strictObject({ op: v.literal('remove'), path: v.string() }),
  v.strictObject({ op: v.literal('replace'), path: v.string(), value: v.unknown() }),
  v.strictObject({ op: v.literal('test'), path: v.string(), value: v.unknown() }),
]);

export const EnvelopeSchema = v.variant('kind', [
  v.strictObject({ format: v.literal(BUNDLE_FORMAT), kind: v.literal('full'), keyId: v.string(), trusted: TrustedSchema, payload: v.array(v.unknown()), signature: v.string() }),
  v.strictObject({ format: v.literal(BUNDLE_FORMAT), kind: v.literal('delta'), keyId: v.string(), trusted: TrustedSchema, payload: v.array(PatchOpSchema), signature: v.string() }),
]);

export type Trusted = v.InferOutput<typeof TrustedSchema>;
export type Envelope = v.InferOutput<typeof EnvelopeSchema>;
export type UnsignedEnvelope = Omit<Envelope, 'signature'>;

/** Exactly the bytes the Ed25519 signature covers: everything in the file except the signature. */
export function signedBytes(envelope: UnsignedEnvelope): Uint8Array<ArrayBuffer> {
  const { format, kind, keyId, trusted, payload } = envelope;
  return new TextEncoder().encode(canonicalJson({ format, kind, keyId, trusted, payload }));
}

/** Reads a bundle file's bytes (gzipped JSON) into an envelope whose signature is not checked yet. */
export async function readEnvelope(bytes: Uint8Array<ArrayBuffer>): Promise<Envelope> {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await gunzip(bytes));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw bundleError('bundle.truncated', { zh: '更新文件不完整或已损坏（内容不是完整的 JSON）', en: 'The update file is incomplete or damaged (its content is not whole JSON)' }, cause);
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'string' && format.startsWith(FORMAT_FAMILY) && format !== BUNDLE_FORMAT) {
    throw bundleError(
      'bundle.other-format',
      { zh: `更新文件的格式是 ${format}，本应用只能读 ${BUNDLE_FORMAT}：请把应用（或扩展）更新到与更新源相配的版本`, en: `The update file is in format ${format}; this app reads ${BUNDLE_FORMAT}: update the app (or extension) to match the update source` },
      undefined,
      { format },
    );
  }
  const parsed = v.safeParse(EnvelopeSchema, json);
  if (!parsed.success) {
    const where = parsed.issues.slice(0, 3).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
    throw bundleError('bundle.malformed', { zh: `这不是 Hall10086 目录更新文件（${where.join('；')}）`, en: `This is not a Hall10086 catalog update file (${where.join('; ')})` }, undefined, { issues: where });
  }
  return parsed.output;
}
