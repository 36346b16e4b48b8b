import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import catalogJson from '../instructions/catalog.json';
import { encodeCatalog, generateKeyPair, openBundle, sealDelta, sealFull } from '../src-shared/bundle';
import { BUNDLE_BUDGET } from '../src-shared/bundle/budget';
import { parseCatalog } from '../src-shared/catalog/load';
import { smallestGzip } from '../src-main/services/catalog-update/smallest-gzip';
import type { Catalog } from '../src-shared/catalog/schema';
import { percentile, round, type Figure, type Section } from './harness';

const RUNS = 50;

function later(base: Catalog, edit: (c: Catalog) => void): Catalog {
  const next = structuredClone(base);
  next.version = '2026.12.01-1';
  next.date = '2026-12-01';
  edit(next);
  return next;
}

function unreferencedIndex(catalog: Catalog): number {
  const referred = new Set(catalog.instructions.flatMap((e) => [...(e.related ?? []), ...(e.opposite ? [e.opposite] : [])]));
  return catalog.instructions.findIndex((e) => !referred.has(e.id));
}

/** Among instructions a copy of which stays valid under a new code (no parameters, no opposite). */
function medianInstruction(catalog: Catalog): Catalog['instructions'][number] {
  const bySize = catalog.instructions.filter((e) => e.params.length === 0 && !e.opposite).sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length);
  return bySize[bySize.length >> 1]!;
}

/** One-instruction changes a maintainer actually makes: reword one, add one, retire one. */
function oneInstructionChanges(base: Catalog): [string, Catalog][] {
  const yeIndex = base.instructions.findIndex((e) => e.id === 'YE');
  return [
    ['reworded (YE summary in three languages)', later(base, (c) => {
      const ye = c.instructions[yeIndex]!;
      ye.summary = { 'zh-Hans': '查询本机话费余额（部分省份另有指令）', 'zh-Hant': '查詢本機話費餘額（部分省份另有指令）', en: "Ask 10086 for this line's balance (some provinces use another code)" };
    })],
    ['added (a full instruction, YE-sized)', later(base, (c) => void c.instructions.push({ ...structuredClone(c.instructions[yeIndex]!), id: 'YECX', template: 'YECX', related: ['YE'] }))],
    ['added (a median-size instruction)', later(base, (c) => void c.instructions.push({ ...structuredClone(medianInstruction(c)), id: 'NEWCODE', template: 'NEWCODE' }))],
    ['retired (removed, one nothing refers to)', later(base, (c) => void c.instructions.splice(unreferencedIndex(c), 1))],
  ];
}

/** The instruction data without the search vocabulary (synonyms and example questions): where the bytes go. */
function withoutVocabulary(catalog: Catalog): Catalog {
  const none = { 'zh-Hans': [], 'zh-Hant': [], en: [] };
  return { ...catalog, instructions: catalog.instructions.map((e) => ({ ...e, synonyms: none, examples: none })) };
}

/** zh-Hant made identical to zh-Hans: what the compact form costs if Traditional text were free. */
function hantAsHans(catalog: Catalog): Catalog {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (value === null || typeof value !== 'object') return value;
    const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
    if ('zh-Hans' in out) out['zh-Hant'] = out['zh-Hans'];
    return out;
  };
  return copy(catalog) as Catalog;
}

async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return round(performance.now() - t0, 1);
}

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return round(percentile(samples, 50), 2);
}

export default async function bundleBench(): Promise<Section> {
  const catalog = parseCatalog(catalogJson);
  const key = await generateKeyPair();
  const trustedKeys = [key.publicKey];
  const json = JSON.stringify(catalogJson);
  const compact = JSON.stringify(encodeCatalog(catalog));
  const withoutHant = JSON.stringify(encodeCatalog(hantAsHans(catalog)));
  // Sizes are of what `hall10086 catalog bundle` publishes (Zopfli); CompressionStream's default is shown beside.
  const published = { gzip: smallestGzip };
  const full = await sealFull(catalog, key, published);

  const figures: Figure[] = [
    { name: 'catalog.json minified, raw / gzip -9 (baseline)', value: `${Buffer.byteLength(json)} B / ${gzipSync(json, { level: 9 }).length}`, unit: 'B' },
    { name: 'compact catalog (lossless), raw / gzip -9', value: `${Buffer.byteLength(compact)} B / ${gzipSync(compact, { level: 9 }).length}`, unit: 'B' },
    { name: 'full bundle file (gzipped, signed)', value: full.length, unit: 'B', target: '≤ 8192 B', pass: full.length <= BUNDLE_BUDGET.full },
    { name: '  the same gzipped by CompressionStream (default level) instead of Zopfli', value: (await sealFull(catalog, key)).length, unit: 'B' },
    { name: '  lower bound: compact with every zh-Hant text dropped, gzip -9', value: gzipSync(withoutHant, { level: 9 }).length, unit: 'B' },
    { name: '  the same bundle without the search vocabulary (synonyms, example questions)', value: (await sealFull(withoutVocabulary(catalog), key, published)).length, unit: 'B' },
    { name: '  compact catalog, brotli -11 (what a stronger compressor leaves)', value: brotliCompressSync(compact, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, unit: 'B' },
  ];
  for (const [what, next] of oneInstructionChanges(catalog)) {
    const delta = await sealDelta(catalog, next, key, published);
    figures.push({ name: `delta, one instruction ${what}`, value: delta.length, unit: 'B', target: '≤ 1024 B', pass: delta.length <= BUNDLE_BUDGET.delta });
  }
  const delta = await sealDelta(catalog, oneInstructionChanges(catalog)[0]![1], key);
  figures.push(
    { name: 'sign full bundle (encode + hash + Ed25519 + CompressionStream gzip), median', value: await medianMs(() => sealFull(catalog, key)), unit: 'ms' },
    { name: 'the same with Zopfli, as published (one run)', value: await timeOnce(() => sealFull(catalog, key, published)), unit: 'ms' },
    { name: 'verify full bundle (gunzip + Ed25519 + decode + schema + hash), median', value: await medianMs(() => openBundle(full, { trustedKeys })), unit: 'ms' },
    { name: 'verify + apply delta, median', value: await medianMs(() => openBundle(delta, { trustedKeys, current: catalog })), unit: 'ms' },
  );
  return {
    title: 'Catalog bundles (signed updates)',
    figures,
    notes: [
      'Sizes are the bytes a user downloads: bundle files are gzipped JSON, made by Zopfli when published (standard gzip; any gunzip reads it).',
      'The full bundle is lossless; its zh-Hant texts are rebuilt from zh-Hans with the app\'s character table and the few swaps the bundle lists.',
    ],
  };
}
