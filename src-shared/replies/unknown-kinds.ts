// A kind word the reader does not know: the amount's kind is not stated, never a neighbour's.
import type { ReplyRules } from './load';

/**
 * Whether the name of data that gives an amount its kind has a qualifier the rules do not know where a kind word
 * stands: `省内闲时流量` to a reader that does not know 闲时, `校园流量`, `"10元包10G省内4G单模流量(闲时)"套餐移动数据流量`
 * to one that does not know 闲时. Such a word may name a kind stronger than any it knows (a night pool of in-province
 * data is a night pool), so none of the known words of the name, nor a list's, a heading's or the amount before's
 * kind, is the amount's: its kind is not stated.
 *
 * Each data word (流量, 数据), the last first: from it leftwards, over words that name no kind (`kindNeutral`:
 * 移动数据, 4G, 套餐内, 高速…) and a note in brackets (`省内闲时（00:00~7:59:59）流量`), a known kind word names the
 * kind (no unknown one); any other word before a boundary (a label, 的, 您, a number, punctuation) is an unknown
 * qualifier; a short word in brackets right after the data word (`流量(闲时)`) is one too. A bare data word
 * (`剩余流量`, `套餐包含流量`) says no kind: the data word before it is looked at.
 */
export function unknownQualifier(words: string, rules: ReplyRules): boolean {
  const vocab = vocabulary(rules);
  for (let head = lastDataWord(words); head >= 0; head = lastDataWord(words.slice(0, head))) {
    const label = vocab.bounds.find((w) => w.length > 2 && endsAt(words, w, head + 2));
    // "应优惠流量为", "使用流量": a label that holds the data word is no name of data.
    if (label !== undefined) {
      // "上月结转流量剩余": a label that holds a kind word (结转流量) names that kind.
      if (vocab.specific.some((w) => label.includes(w))) return false;
      const says = noteBefore(words.slice(0, head + 2 - label.length), vocab);
      if (says !== undefined) return says === 'unknown';
      head = head + 2 - label.length + 1;
      continue;
    }
    // "上月追剧流量(国内流量)": a data word in brackets right after another glosses it; the name is the one before.
    const open = words.lastIndexOf('(', head);
    if (open >= 2 && !words.slice(open, head).includes(')') && /(?:流量|数据)$/u.test(words.slice(0, open))) head = open - 2;
    const said = qualifierOf(words, head, vocab);
    if (said !== 'bare') return said === 'unknown';
  }
  return false;
}

/**
 * Whether the scope word (省内, 国内: `kindScopes`) that names an amount's kind has a word the rules do not know right
 * before it (`上月追剧国内通用流量`, `您悦动主号（…）省内流量`): the scope stands (real texts say 营销活动赠送省内流量, 满就送全国流量),
 * but it may be the scope of a kind the reader does not know, so the kind is not sure: never added to another amount.
 * From the last scope word leftwards over neutral words, scope words, notes in brackets and one 的; a known kind word, a
 * boundary (您, a label…), a number or punctuation first: false; a run of two characters or more (no stem of a label) first: true.
 */
export function unknownBeforeScope(words: string, rules: ReplyRules): boolean {
  const vocab = vocabulary(rules);
  const scopes = rules.pools.filter((p) => rules.kindScopes.includes(p.pool)).flatMap((p) => p.words);
  let at = -1;
  for (const w of scopes) at = Math.max(at, words.lastIndexOf(w));
  if (at < 0 || vocab.specific.some((w) => words.includes(w))) return false;
  let ownedAt: number | undefined;
  for (let steps = 0; at > 0 && steps < 12; steps++) {
    const before = words.slice(0, at);
    // "仅限于观看(咪咕视频)APP的免费省内流量" (real r25b-002): the name before one 的 owns the pool and may name its kind (an app's
    // in-province data is app data); "您的", "本机的" name no kind. Past 的, an app's or product's latin name the rules do not know
    // (APP, not wap or 4G) or a name in brackets is an unknown word; a bare Han word right before 的 is no name (您办理的套餐内国内流量,
    // real r17-103: a verb).
    if (ownedAt === undefined && before.endsWith('的')) {
      ownedAt = --at;
      continue;
    }
    const latin = /[a-z]{2,}$/u.exec(before)?.[0];
    if (ownedAt !== undefined && latin !== undefined && ![...vocab.kinds, ...vocab.neutral, ...vocab.bounds].some((w) => latin.endsWith(w))) return true;
    if (before.endsWith(')')) {
      const open = before.lastIndexOf('(');
      if (open < 0 || vocab.kinds.some((w) => before.slice(open).includes(w))) return false;
      at = open;
      continue;
    }
    const word = [...vocab.kinds, ...vocab.neutral].find((w) => before.endsWith(w));
    if (word) {
      at -= word.length;
      continue;
    }
    if (vocab.bounds.some((w) => before.endsWith(w)) || !/\p{Script=Han}/u.test(before[before.length - 1]!) || at === ownedAt) return false;
    const run = unknownRun(before, vocab);
    // "飞享套餐18元档省内流量": a unit after a number (元档, 天档) is no word of a kind.
    return run.length >= 2 && !vocab.stems.some((w) => run.includes(w)) && !/\d$/u.test(before.slice(0, -run.length));
  }
  return false;
}

/**
 * Whether an amount's own clause names it by a word the rules do not know and no data word (`，畅享剩余188.37MB` after
 * `其中国内剩余0.0MB`): the words before its label, past neutral ones, are one unknown run of two characters or more.
 */
export function unknownItemName(clause: string, label: string | null, rules: ReplyRules): boolean {
  const vocab = vocabulary(rules);
  const at = label === null ? -1 : clause.lastIndexOf(label);
  if (at < 0) return false;
  const rest = withoutEnding(withoutOpening(clause.slice(0, at).replace(/^[\s,;、]+/u, ''), vocab.neutral), vocab.neutral);
  if (!/^\p{Script=Han}{2,8}$/u.test(rest) || lastDataWord(rest) >= 0) return false;
  if ([...vocab.kinds, ...vocab.bounds].some((w) => rest.includes(w)) || vocab.stems.some((w) => rest.includes(w))) return false;
  return unknownRun(rest, vocab) === rest;
}

/**
 * The words that name data of a kind the rules do not know, for showing the amount by them (`您的追剧流量剩余` → `追剧流量`,
 * `畅享剩余` → `畅享`, `"…超出0.29元/m(追剧)"` → `追剧`): the amount's last clause without its label, the words the
 * name is cut from (您, 的, 本月…) and what precedes a note in brackets; undefined when nothing of it is left.
 */
export function unknownKindWords(words: string, label: string | null, rules: ReplyRules): string | undefined {
  const vocab = vocabulary(rules);
  // Not clauses.ts's ownClause: these are words to show, so a note in brackets is cut at its own marks too ("15G封顶流量累计
  // (单位:字节)已使用有", real r17-037: ownClause keeps the closed bracket whole and would show 单位:字节 as the name).
  let clause = words.slice(Math.max(words.lastIndexOf(','), words.lastIndexOf(';'), words.lastIndexOf(':'), words.lastIndexOf('。')) + 1);
  const at = label === null ? -1 : clause.lastIndexOf(label);
  if (at > 0) clause = clause.slice(0, at);
  clause = withoutEnding(clause.replace(/["”\s]+$/u, ''), vocab.labels);
  // "…【悦动】", "…(追剧)": a note in brackets at its end is the name.
  const notes = [...clause.matchAll(/【([^【】\d]{1,16})】|\(([^()\d]{1,16})\)/gu)].map((m) => m[1] ?? m[2]!);
  if (/[)】]$/u.test(clause)) return notes.at(-1);
  const name = /[\p{Script=Han}a-z]{2,16}$/u.exec(clause)?.[0] ?? '';
  const cut = name.slice(Math.max(...vocab.bounds.filter((w) => w.length <= 2).map((w) => name.lastIndexOf(w) + (name.lastIndexOf(w) >= 0 ? w.length : 0)), 0));
  const rest = withoutOpening(cut, vocab.neutral.filter((w) => !/(?:流量|数据)$/u.test(w)));
  // "…(追剧)\"套餐移动数据流量": a name of neutral words only says nothing; the note before it does.
  if (withoutOpening(rest, vocab.neutral) === '') return notes.at(-1);
  return rest.length >= 2 ? rest : undefined;
}

/** Kind words, those of a kind other than a scope, neutral words and boundaries, longest first. */
type Vocabulary = { kinds: string[]; specific: string[]; neutral: string[]; bounds: string[]; labels: string[]; stems: string[] };

const endsAt = (words: string, w: string, end: number) => end - w.length >= 0 && words.startsWith(w, end - w.length);

/** What the words of one name of data say of its kind: a known kind word, an unknown one, or none (bare). */
function qualifierOf(words: string, head: number, vocab: Vocabulary): 'known' | 'unknown' | 'bare' {
  const { kinds, neutral, bounds } = vocab;
  // "省内4G单模流量(闲时)": a short word in brackets right after the data word qualifies it; "专属流量（限指定APP或地点使用）":
  // one that names a kind says it.
  const after = /^\(([^()\d]{1,16})\)/u.exec(words.slice(head + 2));
  if (after) {
    const note = after[1]!;
    // Only a scope (国内, 省内) in it says nothing of the name before: every kind has one.
    if (vocab.specific.some((w) => note.includes(w))) return 'known';
    if (kinds.some((w) => note.includes(w))) return qualifierBefore(words, head, vocab) === 'unknown' ? 'unknown' : 'known';
    if (noteSays(note, vocab) === 'unknown') return 'unknown';
  }
  // "移动数据流量结转优惠", "流量包套餐未清零转结": a kind other than a scope written after the data word, in the same name.
  if (specificAfter(words, head + 2, vocab)) return 'known';
  // "国内通用流量追剧共30G": an unknown word between the data word and the label that ends the amount's words.
  if (unknownBetween(words.slice(head + 2), vocab)) return 'unknown';
  // A kind word that holds the data word (国内流量, 爱看流量) names it.
  if (kinds.some((w) => w.length > 2 && endsAt(words, w, head + 2))) return 'known';
  return qualifierBefore(words, head, vocab);
}

/** What the words right before a data word say of its kind (see unknownQualifier). */
function qualifierBefore(words: string, head: number, vocab: Vocabulary): 'known' | 'unknown' | 'bare' {
  const { kinds, neutral, bounds } = vocab;
  let at = head;
  for (let steps = 0; at > 0 && steps < 12; steps++) {
    const before = words.slice(0, at);
    // "省内闲时（00:00~7:59:59）流量": a note in brackets between the qualifier and its data word; "省内(本地)流量": one that
    // names a kind says the qualifier's.
    if (before.endsWith(')')) {
      const open = before.lastIndexOf('(');
      if (open < 0) return 'bare';
      if (kinds.some((w) => before.slice(open).includes(w))) return 'known';
      at = open;
      continue;
    }
    // A known kind word nearest the data word names the kind ("省内4G单模流量"): what is before it qualifies that word.
    if (kinds.some((w) => before.endsWith(w))) return 'known';
    const word = neutral.find((w) => before.endsWith(w));
    // "您的4G飞享套餐本月流量": the words before 套餐 are the package's name, no kind of its data (a kind in it still names it).
    // So are those before a word of what a package holds ("智享套餐内流量", "畅享包内流量"): a product's name, whatever the
    // product, needs no entry in a list to be read as one (round 26: the place of the word, not the word, says so).
    if (word !== undefined && PLAN_WORD.test(word)) {
      const name = before.slice(0, -word.length);
      const quoted = QUOTED_NOTE.exec(name);
      if (quoted) return noteSays(quoted[1] ?? quoted[2]!, vocab) ?? 'bare';
      return specificBefore(name, vocab) || kinds.some((w) => name.endsWith(w)) ? 'known' : 'bare';
    }
    if (word) {
      at -= word.length;
      continue;
    }
    const bound = bounds.find((w) => before.endsWith(w));
    if (bound !== undefined) return noteBefore(before.slice(0, -bound.length), vocab) ?? 'bare';
    const c = before[before.length - 1]!;
    // "…【悦动】包含流量", "\"18元包…超出0.29元/M（追剧）\"套餐移动数据流量": a short note in 【】, or one ending a quoted package name,
    // right before the name of data says what it is, as a bracket right after the data word does.
    const closing = QUOTED_NOTE.exec(before);
    if (closing) return noteSays(closing[1] ?? closing[2]!, vocab) ?? 'bare';
    if (/[a-z]/u.test(c)) {
      // "1G流量", "10元包1GB", "500 MB数据流量": a unit after a number ends the name.
      const run = /[a-z]+$/u.exec(before)![0];
      if (/\d\s*$/u.test(before.slice(0, before.length - run.length))) return 'bare';
      return specificBefore(before.slice(0, before.length - run.length), vocab) ? 'known' : 'unknown';
    }
    if (!/\p{Script=Han}/u.test(c)) return 'bare';
    // "共含流量", "总流量", "已使用GPRS流量" to a reader without that label: one character, or a stem of a label (用, 耗), is
    // a label's word, not a kind's.
    const run = unknownRun(before, vocab);
    if (run.length === 1 || vocab.stems.some((w) => run.includes(w))) return 'bare';
    return specificBefore(before.slice(0, -1), vocab) ? 'known' : 'unknown';
  }
  return 'bare';
}

/** What a short note in brackets says of a name: a kind, a word the rules do not know, or nothing (a neutral word, a label's). */
function noteSays(note: string, { kinds, neutral, bounds }: Vocabulary): 'known' | 'unknown' | undefined {
  if (kinds.some((w) => note.includes(w))) return 'known';
  const rest = withoutEnding(note, neutral);
  return rest.length <= 6 && /^\p{Script=Han}+$/u.test(rest) && !bounds.some((w) => rest.startsWith(w)) ? 'unknown' : undefined;
}

/** "18元包100M国内流量，超出0.29元/M（追剧）": a package's name that ends in a note of a word the rules do not know. */
export function nameEndsUnknown(name: string, rules: ReplyRules): boolean {
  const note = /\(([^()\d]{1,16})\)$/u.exec(name);
  return note !== null && noteSays(note[1]!, vocabulary(rules)) === 'unknown';
}

/** "国内移动数据流量_优先级23【悦动】包含流量": what a note in 【】 right before a label of data says of the data. */
function noteBefore(words: string, vocab: Vocabulary): 'known' | 'unknown' | undefined {
  const note = /【([^【】\d]{1,16})】$/u.exec(words);
  return note ? noteSays(note[1]!, vocab) : undefined;
}

/** The unknown word ending these words: Han characters back to a known kind, neutral or boundary word. */
function unknownRun(before: string, { kinds, neutral, bounds }: Vocabulary): string {
  let at = before.length;
  while (at > 0 && /\p{Script=Han}/u.test(before[at - 1]!)) {
    const rest = before.slice(0, at);
    if (at < before.length && [kinds, neutral, bounds].some((list) => list.some((w) => rest.endsWith(w)))) break;
    at--;
  }
  return before.slice(at);
}

/** Whether the words after a data word, up to the amount, hold an unknown word before their label ("追剧共"). */
function unknownBetween(tail: string, vocab: Vocabulary): boolean {
  // "…闲时流量包套餐追剧追剧:153.77MB": a name of its own before the colon that opens the amount is its label.
  const named = /^\p{Script=Han}{2,10}:\s*$/u.test(tail);
  const m = /^\p{Script=Han}{2,8}$/u.exec(tail);
  if (!m && !named) return false;
  // "…剩余流量还有:": a label before the colon is no name.
  // "…通用流量月包:": a pack's name (ending in 包, 套餐) is no kind either.
  const unlabelled = withoutEnding(named ? withoutEnding(tail.replace(/:\s*$/u, ''), [PACKAGE, PLAN]) : tail, vocab.labels);
  if (!named && unlabelled === tail) return false;
  const rest = withoutOpening(withoutOpening(unlabelled, [PACKAGE]), vocab.neutral);
  return rest.length >= 2 && !vocab.stems.some((w) => rest.includes(w)) && unknownRun(rest, vocab) === rest;
}

/** The words without the words of `list` that end them, one after another. */
function withoutEnding(words: string, list: readonly string[]): string {
  let rest = words;
  for (let word = list.find((w) => rest.endsWith(w)); word !== undefined && rest !== ''; word = list.find((w) => rest.endsWith(w))) rest = rest.slice(0, -word.length);
  return rest;
}

/** The words without the words of `list` that open them, one after another. */
function withoutOpening(words: string, list: readonly string[]): string {
  let rest = words;
  for (let word = list.find((w) => rest.startsWith(w)); word !== undefined && rest !== ''; word = list.find((w) => rest.startsWith(w))) rest = rest.slice(word.length);
  return rest;
}

/** A kind other than a scope in the words right after a data word, before a label, a number or punctuation. */
function specificAfter(words: string, from: number, { specific, labels }: Vocabulary): boolean {
  for (let at = from; at < words.length && at < from + 10 && /[\p{Script=Han}a-z]/u.test(words[at]!); at++) {
    if (labels.some((w) => words.startsWith(w, at))) return false;
    if (specific.some((w) => words.startsWith(w, at))) return true;
  }
  return false;
}

/**
 * "咪咕省内X流量", "wlan自动认证流量": a kind other than a scope (`kindScopes`: 省内, 国内 say only where the data may be
 * used, and every other kind has one) named earlier in the same name stands over the unknown word; a scope does not
 * ("省内闲时流量" without 闲时 is no in-province pool).
 */
function specificBefore(name: string, { kinds, bounds, specific }: Vocabulary): boolean {
  for (let at = name.length, steps = 0; at > 0 && steps < 12; steps++) {
    const before = name.slice(0, at);
    if (specific.some((w) => before.endsWith(w))) return true;
    // "您共享主号（136…）省内X流量": past a note in brackets; "5G省内夜间流量包省内X流量": into the name of its package.
    if (before.endsWith(')') && before.includes('(')) {
      at = before.lastIndexOf('(');
      continue;
    }
    // "上月结转流量国内X流量": a label that holds a kind word (结转流量) names it.
    const bound = before.endsWith(PACKAGE) ? undefined : bounds.find((w) => before.endsWith(w));
    if (bound !== undefined) return specific.some((w) => bound.includes(w));
    if (!/[\p{Script=Han}a-z0-9]/u.test(before[before.length - 1]!)) return false;
    at -= kinds.find((w) => before.endsWith(w))?.length ?? 1;
  }
  return false;
}

/** What a package's name ends with: the kind in the name is its data's. */
const PACKAGE = '包';
/** A short note in 【】, or in brackets ending a quoted name, at the end of some words. */
const QUOTED_NOTE = /(?:【([^【】\d]{1,16})】|\(([^()\d]{1,16})\)["”])$/u;

/** A plan (套餐): the words before it are its name. */
const PLAN = '套餐';
/** A neutral word that is a plan or what a plan or pack holds (套餐, 日套餐, 套餐内, 包内): the words before it name the product. */
const PLAN_WORD = /套餐|^包内$/u;

/** Where the last data word (流量, 数据) starts, -1 when there is none. */
function lastDataWord(words: string): number {
  return Math.max(words.lastIndexOf('流量'), words.lastIndexOf('数据'));
}

const vocabularies = new WeakMap<ReplyRules, Vocabulary>();

function vocabulary(rules: ReplyRules): Vocabulary {
  let v = vocabularies.get(rules);
  if (!v) {
    const longestFirst = (words: Iterable<string>) => [...new Set(words)].filter((w) => w !== '').sort((a, b) => b.length - a.length);
    const labels = longestFirst(rules.figures.filter((t) => t.topic === 'data').flatMap((t) => t.fields.flatMap((f) => f.labels)));
    v = {
      kinds: longestFirst(rules.pools.flatMap((p) => p.words)),
      specific: longestFirst(rules.pools.filter((p) => !rules.kindScopes.includes(p.pool)).flatMap((p) => p.words)),
      // A narrowing word (景区, 校园, 包时段) is known: kinds.ts narrows the kind or, for hours, decides it.
      neutral: longestFirst([...rules.kindNeutral, ...rules.kindNarrowers]),
      bounds: longestFirst([...labels, ...rules.noKind, ...rules.kindBounds]),
      labels,
      stems: longestFirst(rules.figures.flatMap((t) => t.fields.flatMap((f) => f.stems ?? []))),
    };
    vocabularies.set(rules, v);
  }
  return v;
}
