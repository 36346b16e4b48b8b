import { Deliver, parse, Report, Submit } from 'node-pdu';
import {
  bytesToHex,
  decodePdu,
  encodeDeliverParts,
  encodeStatusReport,
  encodeSubmit,
  hexToBytes,
  PduError,
  type DecodedPart,
} from '../src-shared/pdu';
import { round, type Figure, type Section } from './harness';

const TARGET_RATIO = 3;
const FUZZ_INPUTS = 1_000_000;
const FUZZ_BATCH = 100_000;
/** Each throughput figure runs at least this long, after a warm-up of the same length. */
const MIN_MS = 400;

/** What 10086 traffic looks like: instructions out, long Chinese replies in, delivery receipts. */
const CHINESE_REPLY =
  '【中国移动】尊敬的客户，您好！截至2026年11月25日09时，您本月已使用流量12.5GB，剩余套餐内流量7.5GB。' +
  '话费余额：38.60元。回复KTGPRS开通流量包，回复CXYEG查询流量，详询10086。中国移动';
const SHORT_CHINESE = '您的话费余额为38.60元，感谢您的使用。';
const INSTRUCTIONS = ['YE', 'ZD202610', 'KTGPRS', 'CXYEG', 'QXLDXS', 'MMXG#123456#654321'];
const ASCII_REPLY = 'Your balance is 38.60 CNY. Reply KTGPRS to add a data pack. Thank you for using China Mobile.';
const TIMESTAMP = '2026-11-25T09:30:15+08:00';
const SMSC = '+8613800100500';

interface MixItem {
  hex: string;
  /** Comparable result: text for messages, "ref/status" for reports. */
  expected: string;
}

function decodeMix(): MixItem[] {
  const messages = [
    ...encodeDeliverParts({ from: '10086', smsc: SMSC, text: CHINESE_REPLY, timestamp: TIMESTAMP, concatRef: 17 }),
    ...encodeDeliverParts({ from: '10086', smsc: SMSC, text: SHORT_CHINESE, timestamp: TIMESTAMP, concatRef: 18 }),
    ...encodeDeliverParts({ from: '+8613800138000', text: ASCII_REPLY, timestamp: TIMESTAMP, concatRef: 19 }),
    ...INSTRUCTIONS.flatMap((text) => encodeSubmit({ to: '10086', text, smsc: SMSC })),
  ].map(({ hex }) => ({ hex, expected: textOf(decodePdu(hex)) }));
  const reports = [0x00, 0x30, 0x41].map((status, i) => {
    const { hex } = encodeStatusReport({
      recipient: '10086',
      messageRef: 40 + i,
      scTimestamp: TIMESTAMP,
      dischargeTime: TIMESTAMP,
      status,
      smsc: SMSC,
    });
    return { hex, expected: `${40 + i}/${status}` };
  });
  return [...messages, ...reports];
}

function textOf(part: DecodedPart): string {
  return part.type === 'status-report' ? `${part.messageRef}/${part.status}` : part.text;
}

function nodePduResult(hex: string): string {
  const pdu = parse(hex);
  if (pdu instanceof Report) return `${pdu.reference}/${pdu.status}`;
  return pdu.data.getText();
}

interface EncodeItem {
  kind: 'submit' | 'deliver';
  to: string;
  text: string;
}

/** node-pdu cannot serialise a status report (Report has no toString), so encoding compares SUBMIT and DELIVER. */
const ENCODE_MIX: EncodeItem[] = [
  ...INSTRUCTIONS.map((text): EncodeItem => ({ kind: 'submit', to: '10086', text })),
  { kind: 'submit', to: '+8613800138000', text: CHINESE_REPLY },
  { kind: 'submit', to: '+8613800138000', text: SHORT_CHINESE },
  { kind: 'deliver', to: '10086', text: CHINESE_REPLY },
  { kind: 'deliver', to: '10086', text: ASCII_REPLY },
];

function encodeOurs(item: EncodeItem): string[] {
  const parts =
    item.kind === 'submit'
      ? encodeSubmit({ to: item.to, text: item.text, concatRef: 7 })
      : encodeDeliverParts({ from: item.to, text: item.text, timestamp: TIMESTAMP, concatRef: 7 });
  return parts.map((p) => p.hex);
}

function encodeNodePdu(item: EncodeItem): string[] {
  const pdu = item.kind === 'submit' ? new Submit(item.to, item.text) : new Deliver(item.to, item.text);
  return pdu.getPartStrings();
}

/** Text a list of PDUs carries, read back with the given decoder. */
function carriedText(hexes: string[], decode: (hex: string) => string): string {
  return hexes.map(decode).join('');
}

/** Items processed per second over at least MIN_MS, after an equal warm-up. */
function throughput<T>(items: readonly T[], fn: (item: T) => unknown): number {
  const run = (ms: number): number => {
    let done = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (const item of items) fn(item);
      done += items.length;
      elapsed = performance.now() - t0;
    }
    return (done / elapsed) * 1000;
  };
  run(MIN_MS);
  return run(MIN_MS);
}

/** xorshift32: a fixed stream, so every run fuzzes the same inputs. */
function prng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

const NOT_HEX = ' Gz\n０\u0000';

function fuzzInputs(seeds: readonly Uint8Array[], count: number, random: () => number): string[] {
  const int = (n: number) => Math.floor(random() * n);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = random();
    if (kind < 0.6) {
      const bytes = Array.from(seeds[int(seeds.length)]!);
      for (let edits = 1 + int(4); edits > 0; edits--) {
        const at = int(bytes.length + 1);
        const op = int(4);
        if (op === 0) bytes.splice(at, 1);
        else if (op === 1) bytes.splice(at, 0, int(256));
        else if (op === 2) bytes.length = at;
        else bytes[at % Math.max(1, bytes.length)] = int(256);
      }
      out.push(bytesToHex(Uint8Array.from(bytes)));
    } else if (kind < 0.9) {
      out.push(bytesToHex(Uint8Array.from({ length: int(49) }, () => int(256))));
    } else {
      const hex = bytesToHex(Uint8Array.from({ length: int(30) }, () => int(256)));
      const at = int(hex.length + 1);
      out.push(hex.slice(0, at) + NOT_HEX[int(NOT_HEX.length)]! + hex.slice(at + int(2)));
    }
  }
  return out;
}

interface FuzzResult {
  crashes: number;
  rejected: number;
  perSecond: number;
  firstCrash: string;
}

function fuzz(seeds: readonly Uint8Array[]): FuzzResult {
  const random = prng(0x10086);
  let crashes = 0;
  let rejected = 0;
  let firstCrash = '';
  let decodeMs = 0;
  for (let done = 0; done < FUZZ_INPUTS; done += FUZZ_BATCH) {
    const inputs = fuzzInputs(seeds, Math.min(FUZZ_BATCH, FUZZ_INPUTS - done), random);
    const t0 = performance.now();
    for (const hex of inputs) {
      try {
        decodePdu(hex);
      } catch (e) {
        if (e instanceof PduError) rejected++;
        else if (crashes++ === 0) firstCrash = `${hex}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`;
      }
    }
    decodeMs += performance.now() - t0;
  }
  return { crashes, rejected, perSecond: (FUZZ_INPUTS / decodeMs) * 1000, firstCrash };
}

export default async function pduBench(): Promise<Section> {
  const mix = decodeMix();
  const figures: Figure[] = [];
  const notes: string[] = [];

  const decodeMismatches = mix.filter((m) => nodePduResult(m.hex) !== m.expected).length;
  const oursDecode = throughput(mix, (m) => decodePdu(m.hex));
  const theirsDecode = throughput(mix, (m) => nodePduResult(m.hex));
  const decodeRatio = oursDecode / theirsDecode;

  // Each library must read the other's output: our PDUs through node-pdu, node-pdu's through ours.
  const encodeMismatches = ENCODE_MIX.filter(
    (item) =>
      carriedText(encodeOurs(item), nodePduResult) !== item.text ||
      carriedText(encodeNodePdu(item), (hex) => textOf(decodePdu(hex))) !== item.text,
  ).length;
  const oursEncode = throughput(ENCODE_MIX, encodeOurs);
  const theirsEncode = throughput(ENCODE_MIX, encodeNodePdu);
  const encodeRatio = oursEncode / theirsEncode;
  const oursPdus = ENCODE_MIX.reduce((n, item) => n + encodeOurs(item).length, 0);
  const theirsPdus = ENCODE_MIX.reduce((n, item) => n + encodeNodePdu(item).length, 0);
  const pdusPerSecond = (messagesPerSecond: number, pdus: number) =>
    Math.round((messagesPerSecond * pdus) / ENCODE_MIX.length);

  const target = `≥ ${TARGET_RATIO}× node-pdu`;
  figures.push(
    { name: `decode mix (${mix.length} PDUs: UCS2 multipart, GSM7, status reports)`, value: '' },
    { name: '  ours', value: Math.round(oursDecode), unit: 'PDUs/s' },
    { name: '  node-pdu', value: Math.round(theirsDecode), unit: 'PDUs/s' },
    { name: '  ratio', value: round(decodeRatio, 2), unit: '×', target, pass: decodeRatio >= TARGET_RATIO },
    { name: '  text mismatches ours vs node-pdu', value: decodeMismatches, target: '0', pass: decodeMismatches === 0 },
    { name: `encode mix (${ENCODE_MIX.length} messages: SUBMIT + DELIVER, ours ${oursPdus} PDUs)`, value: '' },
    { name: '  ours', value: Math.round(oursEncode), unit: `messages/s (${pdusPerSecond(oursEncode, oursPdus)} PDUs/s)` },
    {
      name: '  node-pdu',
      value: Math.round(theirsEncode),
      unit: `messages/s (${pdusPerSecond(theirsEncode, theirsPdus)} PDUs/s, ${theirsPdus} PDUs)`,
    },
    { name: '  ratio', value: round(encodeRatio, 2), unit: '×', target, pass: encodeRatio >= TARGET_RATIO },
    { name: '  texts the other library reads differently', value: encodeMismatches, target: '0', pass: encodeMismatches === 0 },
  );

  const seeds = mix.map((m) => hexToBytes(m.hex));
  const fuzzed = fuzz(seeds);
  figures.push(
    {
      name: `fuzz: ${FUZZ_INPUTS.toLocaleString('en')} inputs, crashes (non-PduError)`,
      value: fuzzed.crashes,
      target: '0',
      pass: fuzzed.crashes === 0,
    },
    { name: '  rejected with PduError', value: fuzzed.rejected },
    { name: '  decode rate', value: Math.round(fuzzed.perSecond), unit: 'inputs/s' },
  );
  if (fuzzed.firstCrash) notes.push(`first crash: ${fuzzed.firstCrash}`);
  notes.push(
    'The encode ratio compares messages/s: both libraries encode the same messages, each splitting them its own way.',
    'node-pdu encodes text with GSM extension characters as UCS2 and splits with 16-bit references;',
    'the encode mix therefore holds plain GSM and Chinese text; texts are compared after joining the parts.',
  );
  return { title: 'SMS PDU codec (src-shared/pdu) vs node-pdu', figures, notes };
}
