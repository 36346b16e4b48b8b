import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beijingTime } from '../src-shared/wall-clock';
import * as say from '../src-main/emulator/replies-10086';
import { createRng } from '../src-main/emulator/rng';
import { describeFigures, understandReply, type FiguresReply } from '../src-shared/replies';
import { percentile, round, timeEach, type Section } from './harness';
import { corpusFigures } from './replies-corpus';
import { unknownLabelFigures } from './replies-unknown-label';
import { dataWordingFigures } from './replies-data-wordings';
import { kindFamilyFigures } from './replies-kind-families';
import { moneyMinutesFigures } from './replies-money-minutes';
import { poolVariantFigures } from './replies-pool-variants';
import { variantFigures } from './replies-variants';

const REPLIES = 100_000;
const RECEIVED = Date.parse('2026-11-25T02:30:00Z');
const NOW = beijingTime(new Date(RECEIVED));

/** A day's traffic from 10086: mostly figures, some outcomes and confirmations, some texts nobody can read. */
export function mix(seed = 10086): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  for (let i = 0; i < 200; i++) {
    const f = { balance: rng.amount(8, 180), gift: rng.amount(0, 10), spentThisMonth: rng.amount(12, 90) };
    const s = rng.pick(say.SERVICES);
    const items = [
      { name: '套餐及固定费', amount: 58 },
      { name: '语音通信费', amount: rng.amount(0, 15) },
      { name: '上网费', amount: rng.amount(0, 30) },
    ];
    const packages = [
      { name: '4G飞享套餐 国内通用流量', totalMb: 10240, usedMb: rng.amount(300, 9800) },
      { name: '夜间闲时流量', totalMb: 81920, usedMb: rng.amount(2000, 30000) },
    ];
    out.push(
      say.balance(rng, NOW, f),
      say.bill(rng, 2026, 10, items, rng.next() < 0.5),
      say.data(rng, NOW, packages),
      say.points(rng, NOW, rng.int(200, 6000), rng.int(0, 180)),
      say.voice(NOW, { name: '4G飞享套餐', total: 500, used: rng.int(0, 480) }),
      say.enabled(rng, s),
      say.askToConfirm(s, rng.next() < 0.5),
      say.unknownInstruction(rng),
      rng.pick(Object.values(say.CHAT)),
    );
  }
  const own = JSON.parse(readFileSync(resolve(import.meta.dirname, '../tests/fixtures/replies/own-wordings.json'), 'utf8')) as {
    samples: { text: string }[];
  };
  return [...out, ...own.samples.map((s) => s.text)];
}

export default async function repliesBench(): Promise<Section> {
  const pool = mix();
  const inputs = Array.from({ length: REPLIES }, (_, i) => pool[i % pool.length]!);
  const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });
  for (let i = 0; i < 2000; i++) read(inputs[i]!);

  // Count as we go rather than keep 100,000 results alive: the figure is parsing, not the collector.
  const kinds = new Map<string, number>();
  let figures = 0;
  let unsure = 0;
  const t0 = performance.now();
  for (const text of inputs) {
    const r = read(text);
    kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    if (r.kind !== 'figures') continue;
    figures += r.figures.length;
    if (r.confidence === 'unsure') unsure++;
  }
  const seconds = (performance.now() - t0) / 1000;

  const perReply = timeEach(inputs.slice(0, 20_000), read);
  const figureReplies = pool.map(read).filter((r): r is FiguresReply => r.kind === 'figures');
  const describeMs = timeEach(figureReplies, (r) => describeFigures(r, 'zh-Hans'));

  // A crafted SMS as long as one sender's concatenation allows (180 UCS-2 parts), its every amount the same kind: the
  // reader runs on the core's one thread for every message of any sender (review28: 16.9 s before rule 14 compared only
  // the nearest amounts).
  const crafted = '国内通用流量剩余1GB；'.repeat(1000);
  const craftedMs = timeEach([crafted], read, 1)[0]!;

  const corpus = corpusFigures();
  const variants = variantFigures();
  const unknownLabel = unknownLabelFigures();
  const poolVariants = poolVariantFigures();
  const kindFamilies = kindFamilyFigures();
  const moneyMinutes = moneyMinutesFigures();
  const dataWordings = dataWordingFigures();
  return {
    title: 'Reply understanding (figures, outcomes, confirmations)',
    figures: [
      { name: `parse ${REPLIES.toLocaleString('en')} replies`, value: round(REPLIES / seconds, 0), unit: 'replies/s' },
      { name: 'figures extracted', value: round(figures / seconds, 0), unit: 'figures/s' },
      { name: 'per reply, p50', value: round(percentile(perReply, 50), 4), unit: 'ms' },
      { name: 'per reply, p99', value: round(percentile(perReply, 99), 4), unit: 'ms' },
      { name: 'describeFigures, p95', value: round(percentile(describeMs, 95), 4), unit: 'ms' },
      { name: 'a crafted SMS of 1,000 amounts (12,000 characters)', value: round(craftedMs, 0), unit: 'ms' },
      { name: 'replies read as figures / unsure', value: `${kinds.get('figures') ?? 0} / ${unsure}` },
      { name: 'confirm / outcome / unknown', value: ['confirm', 'outcome', 'unknown'].map((k) => kinds.get(k) ?? 0).join(' / ') },
      ...corpus.figures,
      ...variants.figures,
      ...unknownLabel.figures,
      ...poolVariants.figures,
      ...kindFamilies.figures,
      ...moneyMinutes.figures,
      ...dataWordings.figures,
    ],
    notes: [
      ...corpus.notes,
      ...variants.notes,
      ...unknownLabel.notes,
      ...poolVariants.notes,
      ...kindFamilies.notes,
      ...moneyMinutes.notes,
      ...dataWordings.notes,
      `${pool.length} distinct texts (emulator wordings, seed 10086, plus tests/fixtures/replies), ` +
        `cycled to ${REPLIES.toLocaleString('en')}; all read as if from 10086`,
    ],
  };
}
