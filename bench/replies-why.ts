/**
 * Lists the cases behind a row of `npm run bench -- replies`, to find the rule they share:
 *   npx tsx bench/replies-why.ts label [WORD…]   one label word unknown: each figure lost or read wrongly
 *   npx tsx bench/replies-why.ts kind [WORD…]    one kind word unknown: the same
 *   npx tsx bench/replies-why.ts variants [RULE] GENERATED variants whose figures are not all found
 * Dev texts only (real-dev.json); it prints nothing of the held-out files.
 */
import { resolve } from 'node:path';
import repliesJson from '../instructions/replies.json';
import { understandReply, type FigureRecord } from '../src-shared/replies';
import { checkEntry, loadCorpus, whatOf } from '../tests/fixtures/replies/corpus';
import { STACKED_RULE, variantsOf } from '../tests/fixtures/replies/variants';
import { ablate, kindWords, labelWords, namedByKindWord, without, withoutKindWord, type AblationMiss } from './replies-unknown-label';

type Json = Record<string, unknown>;
const RECEIVED = Date.parse('2026-11-25T02:30:00Z');
const file = repliesJson as unknown as Json;
const [row, ...picked] = process.argv.slice(2);
const show = (f: FigureRecord) => `${whatOf(f)} ${f.value}${f.unit} pool=${f.pool}${f.kindFrom ? ` from=${f.kindFrom}` : ""}`;
const oneLine = (t: string) => t.replace(/\s+/g, ' ');

function printMiss(m: AblationMiss): void {
  console.log(`[${m.word}] ${m.id} ${m.how}: hand ${m.hand.what} ${m.hand.value}${m.hand.unit} pool=${m.hand.pool} «${m.hand.label}»`);
  console.log(`    read: ${m.read.map(show).join('; ') || '—'}`);
  console.log(`    ${oneLine(m.text)}`);
}

if (row === 'label') {
  ablate(picked.length ? picked : labelWords(file), (w) => without(file, w), undefined, printMiss);
} else if (row === 'kind') {
  const kindOf = kindWords(file);
  ablate(picked.length ? picked : [...kindOf.keys()], (w) => withoutKindWord(file, w), namedByKindWord(kindOf), printMiss);
} else if (row === 'variants') {
  const corpus = loadCorpus(resolve(import.meta.dirname, '../tests/fixtures/replies/real-dev.json'));
  for (const v of variantsOf(corpus)) {
    const rule = v.rule.startsWith(STACKED_RULE) ? STACKED_RULE : v.rule;
    if (picked.length && !picked.some((p) => rule.startsWith(p))) continue;
    const u = understandReply({ text: v.entry.text, receivedAt: RECEIVED, from: '10086' });
    const c = checkEntry(v.entry, u);
    if (c.found === c.expected) continue;
    console.log(`[${v.rule}] ${v.entry.id} ${c.found}/${c.expected}`);
    for (const h of [...c.missing, ...c.wrongPool]) console.log(`    missed: ${h.what} ${h.value}${h.unit} pool=${h.pool} «${h.label}»`);
    console.log(`    read: ${(u.kind === 'figures' ? u.figures : []).map(show).join('; ') || '—'}`);
    console.log(`    ${oneLine(v.entry.text)}`);
  }
} else {
  console.log('usage: npx tsx bench/replies-why.ts label|kind|variants [WORD or RULE…]');
}
