/**
 * The reader's output, text by text, on every fixture text, the generated variants and 20,000 of the bench's random
 * texts: a change meant only to make the reader faster must leave every line identical (perf26).
 *   npx tsx bench/replies-same.ts write /tmp/before.jsonl
 *   npx tsx bench/replies-same.ts compare /tmp/before.jsonl
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import repliesJson from '../instructions/replies.json';
import { understandReply, type DataPool } from '../src-shared/replies';
import { loadCorpus, type CorpusEntry } from '../tests/fixtures/replies/corpus';
import { kindFamilyEntries } from '../tests/fixtures/replies/kind-families';
import { listShapes } from '../tests/fixtures/replies/list-shapes';
import { MEMBERS, MINUTE_REPEATS, REPEAT_GAPS, REPEATS } from '../tests/fixtures/replies/members-and-repeats';
import { poolVariantsOf } from '../tests/fixtures/replies/pool-variants';
import { serviceVariants } from '../tests/fixtures/replies/service-variants';
import { variantsOf } from '../tests/fixtures/replies/variants';
import { mix } from './replies.bench';

const RECEIVED = Date.parse('2026-11-25T02:30:00Z');
const DIR = resolve(import.meta.dirname, '../tests/fixtures/replies');

interface Input {
  text: string;
  receivedAt: number;
  from?: string;
}

/** Every object with a string `text` in a fixture file, with its own receivedAt and from when it has them. */
function fromJson(v: unknown, out: Input[]): void {
  if (Array.isArray(v)) for (const x of v) fromJson(x, out);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.text === 'string') {
      const at = typeof o.receivedAt === 'string' ? Date.parse(o.receivedAt) : typeof o.receivedAt === 'number' ? o.receivedAt : RECEIVED;
      out.push({ text: o.text, receivedAt: at, ...(typeof o.from === 'string' ? { from: o.from } : {}) });
    }
    for (const x of Object.values(o)) fromJson(x, out);
  }
}

export function sameInputs(): { name: string; inputs: Input[] }[] {
  const fixtures: Input[] = [];
  for (const f of readdirSync(DIR).filter((n) => n.endsWith('.json')).sort()) fromJson(JSON.parse(readFileSync(resolve(DIR, f), 'utf8')), fixtures);
  const dev: CorpusEntry[] = loadCorpus(resolve(DIR, 'real-dev.json'));
  const at = (text: string): Input => ({ text, receivedAt: RECEIVED, from: '10086' });
  const generated = [
    ...variantsOf(dev).map((v) => v.entry.text),
    ...poolVariantsOf(dev, (repliesJson as unknown as { pools: { pool: DataPool; words: string[] }[] }).pools).map((v) => v.entry.text),
    ...kindFamilyEntries().map((e) => e.entry.text),
    ...serviceVariants(dev).map((v) => v.text),
    ...listShapes().map((s) => s.text),
    ...[...MEMBERS, ...REPEATS, ...REPEAT_GAPS, ...MINUTE_REPEATS].map((m) => m[1]),
    '国内通用流量剩余1GB；'.repeat(1000),
  ].map(at);
  const random: Input[] = [];
  for (let seed = 1; random.length < 20_000; seed++) for (const text of mix(seed)) if (random.length < 20_000) random.push(at(text));
  return [
    { name: 'fixtures', inputs: fixtures },
    { name: 'generated', inputs: generated },
    { name: 'random', inputs: random },
  ];
}

function lines(): string[] {
  const out: string[] = [];
  for (const { name, inputs } of sameInputs()) inputs.forEach((i, n) => out.push(`${name}#${n}\t${JSON.stringify(i)}\t${JSON.stringify(understandReply(i))}`));
  return out;
}

const [mode, file] = process.argv.slice(2);
if (mode === 'write' && file) {
  const l = lines();
  writeFileSync(file, l.join('\n') + '\n');
  console.log(`${l.length} outputs written to ${file}`);
} else if (mode === 'compare' && file) {
  const before = readFileSync(file, 'utf8').trimEnd().split('\n');
  const now = lines();
  let differ = 0;
  for (let i = 0; i < Math.max(before.length, now.length); i++) {
    if (before[i] === now[i]) continue;
    if (differ++ < 5) console.log(`DIFFERS ${(now[i] ?? before[i] ?? '').split('\t')[0]}\n  before ${before[i]?.slice(0, 400)}\n  now    ${now[i]?.slice(0, 400)}`);
  }
  console.log(`${now.length} texts compared with ${before.length}: ${differ} differ`);
  process.exitCode = differ || before.length !== now.length ? 1 : 0;
} else {
  console.log('usage: tsx bench/replies-same.ts write|compare FILE');
  process.exitCode = 2;
}
