import { resolve } from 'node:path';
import repliesJson from '../instructions/replies.json';
import { fold } from '../src-shared/search/fold';
import { parseReplyRules, ReplyReader, understandReply, type FigureRecord } from '../src-shared/replies';
import { kindStated } from '../src-shared/replies/pools';
import { canonical, checkEntry, loadCorpus, whatOf, type HandFigure } from '../tests/fixtures/replies/corpus';
import type { Figure } from './harness';

const RECEIVED = Date.parse('2026-11-25T02:30:00Z');
type Json = Record<string, unknown>;

/** Every label word of the templates (field labels and suffixes), folded. */
export function labelWords(file: Json): string[] {
  const words = new Set<string>();
  const add = (f: { labels?: string[]; suffixes?: string[] }) => [...(f.labels ?? []), ...(f.suffixes ?? [])].forEach((w) => words.add(w));
  for (const set of Object.values(file.labelSets as Record<string, { labels?: string[]; suffixes?: string[] }[]>)) set.forEach(add);
  for (const t of file.figures as { fields: unknown }[]) if (Array.isArray(t.fields)) (t.fields as { labels?: string[]; suffixes?: string[] }[]).forEach(add);
  return [...words];
}

type Rule = { labels: string[]; suffixes?: string[] };

/** The templates with one label word taken out wherever it is a label or a suffix (a rule left with no label goes). */
export function without(file: Json, word: string): Json {
  return withoutLabels(file, (w) => w === word);
}

/** The templates with the label words and suffixes `drop` says taken out (a rule left with no label goes). */
function withoutLabels(file: Json, drop: (w: string) => boolean): Json {
  const copy = structuredClone(file);
  const strip = (rules: Rule[]): Rule[] =>
    rules.flatMap((f) => {
      const labels = f.labels.filter((w) => !drop(w));
      const suffixes = f.suffixes?.filter((w) => !drop(w));
      return labels.length ? [{ ...f, labels, ...(suffixes?.length ? { suffixes } : { suffixes: undefined }) }] : [];
    });
  const sets = copy.labelSets as Record<string, Rule[]>;
  for (const name of Object.keys(sets)) sets[name] = strip(sets[name]!);
  for (const t of copy.figures as { fields: unknown }[]) if (Array.isArray(t.fields)) t.fields = strip(t.fields as Rule[]);
  return copy;
}

const same = (f: FigureRecord, h: HandFigure) => Math.abs(f.value - canonical(h)) <= 1e-6 * Math.max(1, Math.abs(canonical(h)));

/**
 * The templates with one kind word (pools) taken out (a kind left with no word goes), and every label holding it: a reader
 * that has never seen 结转 knows no label 结转流量 or 结转至本月 either (with those kept, 30 of the row's wrong figures were
 * the labels' doing, the kind's word still read as a label of its own: round 48).
 */
export function withoutKindWord(file: Json, word: string): Json {
  const copy = withoutLabels(file, (w) => w.includes(word));
  copy.pools = (copy.pools as { pool: string; words: string[] }[]).flatMap((p) => {
    const words = p.words.filter((w) => w !== word);
    return words.length ? [{ ...p, words }] : [];
  });
  return copy;
}

interface Tally {
  pairs: number;
  figures: number;
  kept: number;
  lost: number;
  wrong: number;
  /** Of `wrong`: each figure of that value read with a kind only as a guess (shown 推测为…, never added up): wrong all the same. */
  wrongGuess: number;
  /** Right value and meaning, kind read as unstated (null): never added to another kind, so safe. */
  unstated: number;
  collateral: number;
  worst: Map<string, { lost: number; wrong: number }>;
}

/** A hand figure a word names: the word stands in the words before it. */
const inLabel = (h: HandFigure, word: string) => fold(h.label).includes(fold(word));

/**
 * For each word of a dev text, the reader without that word reads the text again; each hand figure
 * the full reader finds and that the word names (`names`) is then still found, lost (no figure of that
 * value), read with its kind unstated (safe: never added to another kind), or wrong (a figure of that
 * value with another meaning or another pool kind). A found figure the word does not name and that is
 * missed now is collateral.
 */
export interface AblationMiss {
  word: string;
  id: string;
  text: string;
  hand: HandFigure;
  how: 'lost' | 'wrong';
  /** What the reader without the word read there (figures of the hand figure's value). */
  read: FigureRecord[];
}

export function ablate(
  words: string[],
  rulesWithout: (word: string) => Json,
  names: (h: HandFigure, word: string) => boolean = inLabel,
  onMiss?: (m: AblationMiss) => void,
): Tally {
  const corpus = loadCorpus(resolve(import.meta.dirname, '../tests/fixtures/replies/real-dev.json'));
  const tally: Tally = { pairs: 0, figures: 0, kept: 0, lost: 0, wrong: 0, wrongGuess: 0, unstated: 0, collateral: 0, worst: new Map() };
  for (const word of words) {
    const texts = corpus.filter((e) => fold(e.text).includes(fold(word)) && e.figures.some((h) => h.what !== 'other'));
    if (!texts.length) continue;
    const reader = new ReplyReader(parseReplyRules(rulesWithout(word)));
    for (const entry of texts) {
      const full = checkEntry(entry, understandReply({ text: entry.text, receivedAt: RECEIVED, from: '10086' }));
      const u = reader.read({ text: entry.text, receivedAt: RECEIVED, from: '10086' });
      const c = checkEntry(entry, u);
      const figures = u.kind === 'figures' ? u.figures : [];
      const foundBefore = [...full.matched.values()].filter((h) => !full.wrongPool.includes(h));
      const missingNow = new Set([...c.missing, ...c.wrongPool]);
      tally.pairs++;
      for (const h of foundBefore) {
        if (!names(h, word)) {
          if (missingNow.has(h)) tally.collateral++;
          continue;
        }
        tally.figures++;
        if (!missingNow.has(h)) tally.kept++;
        else if (h.pool !== null && figures.some((f) => same(f, h) && whatOf(f) === h.what && f.pool === null)) tally.unstated++;
        else {
          const wrong = figures.some((f) => same(f, h) && (whatOf(f) !== h.what || f.pool !== h.pool));
          if (wrong) tally.wrong++;
          else tally.lost++;
          if (wrong && figures.filter((f) => same(f, h) && f.pool !== null).every((f) => f.pool === h.pool || !kindStated(f.kindFrom))) tally.wrongGuess++;
          const w = tally.worst.get(word) ?? { lost: 0, wrong: 0 };
          w[wrong ? 'wrong' : 'lost']++;
          tally.worst.set(word, w);
          onMiss?.({ word, id: entry.id, text: entry.text, hand: h, how: wrong ? 'wrong' : 'lost', read: figures.filter((f) => same(f, h)) });
        }
      }
    }
  }
  return tally;
}

/** Kind words, and the kind each names (a kind word names the figures of its kind too, see below). */
export function kindWords(file: Json): Map<string, string> {
  return new Map((file.pools as { pool: string; words: string[] }[]).flatMap((p) => p.words.map((w) => [w, p.pool] as const)));
}

/**
 * A kind word names the figures of its kind too, wherever the text says the kind (a package's name, a heading,
 * the amount before): "国内通用流量结转共30G，已用8.21G" without 结转 loses the kind of both, and neither is another figure's loss.
 */
export const namedByKindWord = (kindOf: Map<string, string>) => (h: HandFigure, w: string) =>
  inLabel(h, w) || (h.pool !== null && h.pool === kindOf.get(w));

/** How the reader falls back when one label word, or one kind word, of a dev text is unknown to it. */
export function unknownLabelFigures(): { figures: Figure[]; notes: string[] } {
  const file = repliesJson as unknown as Json;
  const labels = ablate(labelWords(file), (w) => without(file, w));
  const kindOf = kindWords(file);
  const kinds = ablate([...kindOf.keys()], (w) => withoutKindWord(file, w), namedByKindWord(kindOf));
  const pct = (t: Tally, n: number) => (t.figures ? Math.round((1000 * n) / t.figures) / 10 : 0);
  const row = (what: string, t: Tally): Figure[] => [
    {
      name: `one ${what} word unknown (${t.pairs} text × word pairs): figures kept / kind unstated / lost / wrong`,
      value: `${pct(t, t.kept)} / ${pct(t, t.unstated)} / ${pct(t, t.lost)} / ${pct(t, t.wrong)} % (${t.kept}/${t.unstated}/${t.lost}/${t.wrong} of ${t.figures})`,
    },
    { name: `one ${what} word unknown: other figures of the text lost with it`, value: t.collateral },
  ];
  const worst = (t: Tally) =>
    [...t.worst]
      .sort((a, b) => b[1].lost + b[1].wrong - (a[1].lost + a[1].wrong))
      .slice(0, 15)
      .map(([w, n]) => `${w} ${n.lost}/${n.wrong}`)
      .join('; ');
  return {
    figures: [...row('label', labels), ...row('kind', kinds)],
    notes: [
      `label words whose absence costs most (lost/wrong): ${worst(labels)}`,
      `kind words whose absence costs most (lost/wrong): ${worst(kinds)}`,
      `one kind word unknown, wrong figures whose wrong kind is only a guess (推测为…, never added up): ${kinds.wrongGuess} of ${kinds.wrong}`,
    ],
  };
}
