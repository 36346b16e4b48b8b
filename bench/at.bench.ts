import { AtEngine } from '../src-main/services/modem/at-engine';
import { parseFinalResult } from '../src-shared/at/final-result';
import { AtLineSplitter } from '../src-shared/at/line-splitter';
import { classifyUrc, isTwoLineHeader, type TwoLineUrc } from '../src-shared/at/urc';
import { randomModemChunk, seededRandom } from '../tests/unit/at/random-modem-output';
import { pushedLink } from '../tests/unit/at/scripted-link';
import { round, type Section } from './harness';

const RANDOM_INPUTS = 1_000_000;
const LISTED_MESSAGES = 5_000;
const CHUNK_BYTES = 4_096;
const REPEATS = 5;

/** A UCS-2 reply from 10086 as +CMGL prints it (PDU mode). */
const PDU = '0891683108100005F00405A10180F60008621152901315231E60A85F53524D8BDD8D394F59989D4E3A00310032002E0033003451433002';

/** Splits, parses and classifies like the engine does, without its bookkeeping. */
function classifier(): (chunk: Uint8Array) => void {
  const splitter = new AtLineSplitter();
  let pending: TwoLineUrc | undefined;
  return (chunk) => {
    for (const token of splitter.push(chunk)) {
      if (token.kind === 'prompt' || parseFinalResult(token.text)) continue;
      const urc = classifyUrc(token.text, pending);
      pending = urc && isTwoLineHeader(urc) ? urc : undefined;
    }
  };
}

/** A +CMGL=4 answer listing `count` messages, with a ^RSSI report every 100 entries, cut into port-sized chunks. */
function bigListing(count: number): Uint8Array[] {
  let text = '';
  for (let i = 0; i < count; i++) {
    text += `\r\n+CMGL: ${i},1,,46\r\n${PDU}\r\n`;
    if (i % 100 === 99) text += '\r\n^RSSI:18\r\n';
  }
  const bytes = new TextEncoder().encode(`${text}\r\nOK\r\n`);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) chunks.push(bytes.subarray(at, at + CHUNK_BYTES));
  return chunks;
}

function bestOf(repeats: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

async function engineListingMs(chunks: readonly Uint8Array[]): Promise<number> {
  const link = pushedLink();
  const engine = new AtEngine(link);
  const t0 = performance.now();
  const listing = engine.run('AT+CMGL=4');
  for (const chunk of chunks) link.deliver(chunk);
  const { lines } = await listing;
  const ms = performance.now() - t0;
  if (lines.length !== LISTED_MESSAGES * 2) throw new Error(`listing lost lines: ${lines.length}`);
  return ms;
}

export default async function atBench(): Promise<Section> {
  const next = seededRandom(0x10086);
  const inputs = Array.from({ length: RANDOM_INPUTS }, () => randomModemChunk(next));
  const inputBytes = inputs.reduce((n, c) => n + c.length, 0);
  let crashes = 0;
  const classifyRandom = classifier();
  const t0 = performance.now();
  for (const input of inputs) {
    try {
      classifyRandom(input);
    } catch {
      crashes++;
    }
  }
  const randomMs = performance.now() - t0;

  const listing = bigListing(LISTED_MESSAGES);
  const listingMb = listing.reduce((n, c) => n + c.length, 0) / 1e6;
  const parseMs = bestOf(REPEATS, () => listing.forEach(classifier()));
  let engineMs = Infinity;
  for (let i = 0; i < REPEATS; i++) engineMs = Math.min(engineMs, await engineListingMs(listing));

  return {
    title: 'AT layer: line splitter, result/URC classification, engine',
    figures: [
      { name: `random inputs (${RANDOM_INPUTS.toLocaleString('en')}, ${round(inputBytes / 1e6, 1)} MB) crashes`, value: crashes, target: '= 0', pass: crashes === 0 },
      { name: 'random inputs through splitter + classifier', value: Math.round(RANDOM_INPUTS / (randomMs / 1000)), unit: 'inputs/s' },
      { name: `+CMGL listing (${LISTED_MESSAGES} PDUs, ${round(listingMb, 2)} MB) splitter + classifier`, value: round(listingMb / (parseMs / 1000), 1), unit: 'MB/s' },
      { name: '+CMGL listing through AtEngine.run', value: round(listingMb / (engineMs / 1000), 1), unit: 'MB/s' },
    ],
    notes: [
      `random inputs mix modem phrases with raw bytes (seeded); listing figures are the best of ${REPEATS} runs, ${CHUNK_BYTES}-byte chunks`,
    ],
  };
}
