import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRng } from '../src-main/emulator/rng';
import { understandReply, type ReplyUnderstanding } from '../src-shared/replies';
import { canonical, checkEntry, extraFigures, figuresAgreed, loadCorpus, mixedPoolSums, type CorpusEntry } from '../tests/fixtures/replies/corpus';
import type { Figure } from './harness';
import { groupsByPool } from './replies-pool-groups';

const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures/replies');
const RECEIVED = Date.parse('2026-11-25T02:30:00Z');
const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });

/**
 * The plain approach of public parsers (FlowStatistics, Analysis_YD…): a keyword, then the next
 * number with a unit; no pools, no packages, no menus. Scored by the same rule without pools.
 */
function keywordBaseline(entry: CorpusEntry): { expected: number; found: number } {
  const keys: [RegExp, string][] = [
    [/(?:话费余额|账户余额|当前余额|可用余额|余额)[为是:：\s]*(-?\d+(?:\.\d+)?)元/gu, 'balance'],
    [/(?:剩余|还剩|余)[^\d，。；;,]{0,8}?(\d+(?:\.\d+)?)\s*(GB|G|MB|M)/giu, 'data-left'],
    [/(?:已使用|已用)[^\d，。；;,]{0,8}?(\d+(?:\.\d+)?)\s*(GB|G|MB|M)/giu, 'data-used'],
    [/(?:共有|共含|共)[^\d，。；;,]{0,8}?(\d+(?:\.\d+)?)\s*(GB|G|MB|M)/giu, 'data-total'],
  ];
  const got: { what: string; value: number }[] = [];
  for (const [re, what] of keys) {
    for (const m of entry.text.matchAll(re)) {
      const unit = (m[2] ?? '').toUpperCase();
      got.push({ what, value: Number(m[1]) * (unit.startsWith('G') ? 1024 : 1) });
    }
  }
  let expected = 0;
  let found = 0;
  for (const h of entry.figures) {
    if (h.what === 'other') continue;
    expected++;
    const i = got.findIndex((g) => g.what === h.what && Math.abs(g.value - canonical(h)) < 1e-6 * Math.max(1, g.value));
    if (i >= 0) {
      found++;
      got.splice(i, 1);
    }
  }
  return { expected, found };
}

function measure(corpus: CorpusEntry[]) {
  let expected = 0;
  let found = 0;
  let lists = 0;
  let mixed = 0;
  let baseline = 0;
  // Menu options and service entries the reader offers that the hand list lacks: each is a button that sends a number meant for something else.
  let extra = 0;
  // Figures of a counted meaning no hand figure stands for (round 25): not counted as found or missed, but the Overview,
  // alerts and 小e show them.
  let extraFigureCount = 0;
  const extraTexts = new Set<string>();
  const misses: string[] = [];
  // Data found with the right value and meaning whose kind the text leaves unsaid, labelled `null` (not
  // stated, the convention since round 8: docs/replies.md) or `general` (round 6's lone pool); writers of
  // our own wordings have labelled it either way.
  let unsaidKind = 0;
  // Why figures were missed, by meaning and pool only (no text): to see a convention apart from a reading.
  const why = new Map<string, number>();
  const count = (key: string) => why.set(key, (why.get(key) ?? 0) + 1);
  for (const entry of corpus) {
    const u: ReplyUnderstanding = read(entry.text);
    const c = checkEntry(entry, u);
    expected += c.expected;
    found += c.found;
    lists += c.listsAsFigures;
    mixed += mixedPoolSums(u, c, groupsByPool);
    extra += c.menuExtra.length + c.servicesExtra.length;
    const extras = extraFigures(u, c).length;
    extraFigureCount += extras;
    if (extras) extraTexts.add(entry.id);
    baseline += keywordBaseline(entry).found;
    for (const m of [...c.missing, ...c.wrongPool]) misses.push(`${entry.id}: ${m.what} ${m.value}${m.unit}${m.pool ? ` ${m.pool}` : ''}`);
    for (const m of c.missing) count(`missing ${m.what}`);
    for (const m of c.wrongPool) {
      const got = u.kind === 'figures' ? u.figures.find((f, i) => c.matched.get(i) === m)?.pool : undefined;
      count(`pool ${m.pool}→${got ?? null}`);
      if ([m.pool, got ?? null].every((p) => p === null || p === 'general')) unsaidKind++;
    }
  }
  return { texts: corpus.length, expected, found, unsaidKind, lists, mixed, extra, extraFigures: extraFigureCount, extraTexts: extraTexts.size, baseline, misses, why: [...why].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join('; ') };
}

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 0);

/** Random texts: pieces of real replies, units, digits, punctuation and noise, shuffled. */
function randomTexts(count: number, pieces: string[]): string[] {
  const rng = createRng(20261204);
  const bits = ['元', 'M', 'GB', 'G', 'K', '分钟', '条', '分', '。', '，', '；', '\n', '回复序号', '1.', '2、', '剩余', '已用', '共', '其中', '结转', '省内', '国内通用', '闲时', '"', '【', '】', '(', '）', '-', '.', '/'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    const n = rng.int(1, 24);
    for (let k = 0; k < n; k++) {
      const r = rng.next();
      if (r < 0.3) text += rng.pick(bits);
      else if (r < 0.55) text += String(rng.amount(0, 99999));
      else if (r < 0.8) {
        const p = rng.pick(pieces);
        const at = rng.int(0, Math.max(0, p.length - 1));
        text += p.slice(at, at + rng.int(1, 30));
      } else text += String.fromCodePoint(rng.int(0x20, 0x2fff));
    }
    out.push(text);
  }
  return out;
}

/**
 * The held-out texts as a second labeller read them, blind to the first labelling and to the reader: how far
 * two careful readers agree bounds what a figure found can mean.
 */
function secondLabelling(held: CorpusEntry[], path: string): Figure[] {
  const second = new Map((JSON.parse(readFileSync(path, 'utf8')) as { entries: SecondLabel[] }).entries.map((e) => [e.id, e]));
  held = held.filter((e) => second.has(e.id));
  const relabelled = held.map((e) => ({ ...e, ...second.get(e.id)!, text: e.text }));
  const again = measure(relabelled);
  let first = { of: 0, agreed: 0 };
  let other = { of: 0, agreed: 0 };
  for (const e of held) {
    const b = second.get(e.id)!.figures;
    const ab = figuresAgreed(e.figures, b);
    const ba = figuresAgreed(b, e.figures);
    first = { of: first.of + ab.of, agreed: first.agreed + ab.agreed };
    other = { of: other.of + ba.of, agreed: other.agreed + ba.agreed };
  }
  return [
    {
      name: `figures found, held-out as a second labeller wrote them (blind relabelling, ${again.texts} texts)`,
      value: `${pct(again.found, again.expected)} % (${again.found}/${again.expected})`,
    },
    {
      name: 'labellers agree: first labelling\'s figures the second also wrote / the second\'s the first wrote',
      value: `${pct(first.agreed, first.of)} % (${first.agreed}/${first.of}) / ${pct(other.agreed, other.of)} % (${other.agreed}/${other.of})`,
    },
  ];
}

type SecondLabel = Pick<CorpusEntry, 'id' | 'kind' | 'figures' | 'menu' | 'services'>;

/** Figures found on real replies (dev, and held-out when the lead has added it), list safety and robustness. */
export function corpusFigures(): { figures: Figure[]; notes: string[] } {
  const devCorpus = loadCorpus(resolve(FIXTURES, 'real-dev.json'));
  const dev = measure(devCorpus);
  const figures: Figure[] = [
    {
      name: `figures found, dev corpus (${dev.texts} real replies; data of no stated kind: pool not stated)`,
      value: `${pct(dev.found, dev.expected)} % (${dev.found}/${dev.expected})`,
      target: '≥ 97 %',
      pass: dev.found >= 0.97 * dev.expected,
    },
    { name: 'baseline: keyword + next number (no pools), dev', value: `${pct(dev.baseline, dev.expected)} % (${dev.baseline}/${dev.expected})` },
    ...[...new Set(devCorpus.flatMap((e) => (e.batch ? [e.batch] : [])))].map((batch) => {
      const part = measure(devCorpus.filter((e) => e.batch === batch));
      return { name: `figures found, dev part of batch ${batch} (${part.texts} replies)`, value: `${pct(part.found, part.expected)} % (${part.found}/${part.expected})` };
    }),
  ];
  const notes: string[] = [];
  let lists = dev.lists;
  let mixed = dev.mixed;
  let extra = dev.extra;
  const heldPath = resolve(FIXTURES, 'real-heldout.json');
  if (existsSync(heldPath)) {
    const held = measure(loadCorpus(heldPath));
    lists += held.lists;
    mixed += held.mixed;
    extra += held.extra;
    figures.push(
      {
        name: `figures found, held-out (${held.texts} real replies; data of no stated kind: pool not stated)`,
        value: `${pct(held.found, held.expected)} % (${held.found}/${held.expected})`,
        target: '≥ 95 %',
        pass: held.found >= 0.95 * held.expected,
      },
      { name: 'baseline: keyword + next number (no pools), held-out', value: `${pct(held.baseline, held.expected)} % (${held.baseline}/${held.expected})` },
    );
    const either = held.found + held.unsaidKind;
    figures.push({
      name: 'figures found, held-out, a data kind the text leaves unsaid counted as general or not stated',
      value: `${pct(either, held.expected)} % (${either}/${held.expected})`,
    });
    const unseen = measure(loadCorpus(heldPath).filter((e) => !e.seenWhileTuning));
    figures.push({
      name: `figures found, held-out never in a tuner's files (${unseen.texts} replies)`,
      value: `${pct(unseen.found, unseen.expected)} % (${unseen.found}/${unseen.expected})`,
      target: '≥ 95 %',
      pass: unseen.found >= 0.95 * unseen.expected,
    });
    for (const batch of new Set(loadCorpus(heldPath).flatMap((e) => (e.batch ? [e.batch] : [])))) {
      const part = measure(loadCorpus(heldPath).filter((e) => e.batch === batch));
      figures.push({ name: `figures found, held-out part of batch ${batch} (${part.texts} replies)`, value: `${pct(part.found, part.expected)} % (${part.found}/${part.expected})` });
    }
    // Which ones, but not their texts: the held-out part is for judging, not for tuning.
    notes.push(`held-out misses: ${held.misses.length} (${held.why})`);
    const secondPath = resolve(FIXTURES, 'real-heldout.labels2.json');
    if (existsSync(secondPath)) figures.push(...secondLabelling(loadCorpus(heldPath), secondPath));
  } else {
    figures.push({ name: 'held-out', value: 'not present' });
  }
  figures.push(
    { name: 'menu options / service entries read as figures', value: lists, target: '0', pass: lists === 0 },
    { name: 'data-left sums mixing pool kinds', value: mixed, target: '0', pass: mixed === 0 },
    { name: 'menu options / service entries offered that the hand list lacks (dev + held-out)', value: extra },
    { name: 'extra counted figures on real dev (a figure no hand figure stands for; target: fewer)', value: `${dev.extraFigures} in ${dev.extraTexts} texts` },
  );
  const pieces = loadCorpus(resolve(FIXTURES, 'real-dev.json')).map((e) => e.text);
  let throws = 0;
  for (const text of randomTexts(100_000, pieces)) {
    try {
      read(text);
    } catch {
      throws++;
    }
  }
  figures.push({ name: 'throws on 100,000 random texts', value: throws, target: '0', pass: throws === 0 });
  if (dev.misses.length) notes.push(`dev misses: ${dev.misses.join('; ')}`);
  notes.push(
    'figure found = the reader gives a figure with the same value (canonical units), the same meaning (what) ' +
      'and, for data, the same pool kind, where data whose text names no kind is "not stated" (null; the reader ' +
      'never guesses general); `other` figures are not counted (docs/replies.md)',
  );
  return { figures, notes };
}
