// The kind of each data amount (general, provincial…): from the words around it, its package, a heading.
import { fold } from '../search/fold';
import { clauseStart, ownClause } from './clauses';
import type { Read } from './figures';
import type { KindRule, ReplyRules } from './load';
import type { DataPool } from './schema';
import type { KindSource } from './types';
import { nameEndsUnknown, unknownBeforeScope, unknownItemName, unknownKindWords, unknownQualifier } from './unknown-kinds';

/**
 * A kind in brackets right after an amount ("1.23GB（国内通用）"), not a note ("（含结转…）"), in
 * English words after it ("2.5GB of night data left"), or in the data words right after it ("2GB省内流量").
 */
export function poolTag(text: string, at: number, rules: ReplyRules): { pool: DataPool; end: number } | null {
  const m = /^\s*\(([^()\d\n]{1,12})\)|^\s+(?:of\s+)?((?:[a-z-]+\s+){1,2})data\b|^[ \t]*((?:[2-5]g|[^\d\s,;。:()\n、]){1,8}?(?:流量|数据))(?=[\s,;。!?、]|可用|可使用|和|及|与|已|剩|未|尚未|尚余|$)/u.exec(
    text.slice(at, at + 30),
  );
  if (m?.[2] !== undefined) {
    const pool = poolIn(m[2], rules);
    return pool ? { pool, end: at } : null;
  }
  // "还剩2.5GB国内通用流量": the words after the amount name its kind, and not the next amount's ("获赠的5G省内流量尚未使用" too);
  // a network generation may stand among them ("还剩2.5GB国内4G流量", round 54), a list's 、 may not (it opens the next item).
  if (m?.[3] !== undefined) {
    // "18.23GB 省内流量剩余：0.00GB": kind words whose label runs on to the next amount head that amount.
    if (HEADS_NEXT.test(text.slice(at + m[0].length, at + m[0].length + 12))) return null;
    const pool = poolIn(m[3], rules);
    return pool ? { pool, end: at + m[0].length } : null;
  }
  // "0.00M（上月无结转流量）": a kind said to be absent names none; "422.47M（如省内闲时流量）" an example of what it holds neither.
  if (!m || /含|包括|其中|不含|无(?!限)|没有|^\s*(?:例如|比如|如)/u.test(m[1]!)) return null;
  const pool = poolIn(m[1]!, rules);
  return pool ? { pool, end: at + m[0].length } : null;
}

/** After kind words: a label that runs on, with or without a colon, to the next amount in the same clause. */
const HEADS_NEXT = /^(?![和及与])[^\d,;。!?、()\n]{0,6}?(?::\s*|[^\d\s,;。!?、()\n])\d/u;

/**
 * The rules as they read one reply: when it is known as a region's operator's (CMHK's 中國移動香港,
 * HK$), that region's kind words move to their kind (Hong Kong's 本地 is its local general data).
 */
export function regionalPools(rules: ReplyRules, region: ReplyRules['regions'][number] | undefined): ReplyRules {
  if (!region) return rules;
  const own = new Set(region.pools.flatMap((p) => p.words));
  const ownOf = (pool: DataPool) => region.pools.filter((p) => p.pool === pool).flatMap((p) => p.words);
  return { ...rules, pools: rules.pools.map((p) => ({ ...p, words: [...ownOf(p.pool), ...p.words.filter((w) => !own.has(w))] })) };
}

/** The region whose operator a reply names (中國移動香港, HK$), if any. */
export const regionOf = (rules: ReplyRules, text: string): ReplyRules['regions'][number] | undefined =>
  rules.regions.find((r) => r.signs.some((w) => text.includes(w)));

const HAN = /\p{Script=Han}/u;
const TIME_END = /\d[日号时点分秒]$/u;

/** Where a kind word names its kind last in a text (-1: nowhere); a narrowable word after an unknown qualifier does not. */
function lastNaming(text: string, w: string, p: KindRule<string>): number {
  const last = text.lastIndexOf(w);
  const narrow = last >= 0 && p.narrowable?.words.includes(w) ? p.narrowable.after : null;
  if (!narrow) return last;
  for (let at = last; at >= 0; at = at === 0 ? -1 : text.lastIndexOf(w, at - 1)) {
    // A time right before it is no qualifier either ("截至12月5日24时通用流量剩余…", round 50).
    // Nor a label's verb with its 了 ("消耗了通用流量", as 使用了; round 54).
    const before = text[at - 1] === '了' ? at - 1 : at;
    if (!HAN.test(text[at - 1] ?? '') || narrow.some((q) => text.endsWith(q, at) || text.endsWith(q, before)) || TIME_END.test(text.slice(Math.max(0, at - 2), at))) return at;
  }
  return -1;
}

/**
 * The kind look-ups below are asked of the same words many times in one reply (an amount's context, its clause, its
 * sentence so far, by each step that places it) and each tries every kind word (over a hundred): they answer from a
 * memo per word list, emptied when it grows large so a burst of long replies cannot grow it without bound.
 */
const MEMO_LIMIT = 4096;

function memo<V>(store: WeakMap<object, Map<string, V>>, key: object, text: string, compute: () => V): V {
  let known = store.get(key);
  if (known === undefined) store.set(key, (known = new Map()));
  const v = known.get(text);
  if (v !== undefined) return v;
  if (known.size >= MEMO_LIMIT) known.clear();
  const computed = compute();
  known.set(text, computed);
  return computed;
}

const poolsNamed = new WeakMap<object, Map<string, DataPool | null>>();

export const poolIn = (words: string, rules: ReplyRules): DataPool | null =>
  memo(poolsNamed, rules.pools, words, () => rules.pools.find((p) => p.words.some((w) => lastNaming(words, w, p) >= 0))?.pool ?? null);

/** The kind of data named last in a text (the nearest to what follows it). */
export const lastPoolIn = (text: string, rules: ReplyRules): DataPool | null => lastKindIn(text, rules.pools);

const kindsNamedLast = new WeakMap<object, Map<string, string | null>>();

/** The kind (of data, of minutes) named last in a text: the nearest to what follows it. */
export function lastKindIn<K extends string>(text: string, kinds: readonly KindRule<K>[]): K | null {
  return memo(kindsNamedLast, kinds, text, () => kindNamedLast(text, kinds)) as K | null;
}

function kindNamedLast<K extends string>(text: string, kinds: readonly KindRule<K>[]): K | null {
  let best: { pool: K; at: number } | null = null;
  for (const p of kinds) {
    for (const w of p.words) {
      const at = lastNaming(text, w, p);
      if (at >= 0 && (!best || at + w.length > best.at)) best = { pool: p.pool, at: at + w.length };
    }
  }
  return best?.pool ?? null;
}

/**
 * Whether words that name a kind also narrow it (`kindNarrowers`: 省内包时段流量, 校园, 区域): then the kind is not
 * plainly the amount's. The kind words that name a kind are set aside first, so 限时 of 限时流量 narrows nothing,
 * while 时段 of 包时段流量 (no kind: 时段流量 after a qualifier the rules do not know) does.
 */
export function narrowedIn(text: string, rules: ReplyRules, kinds: readonly KindRule<string>[] = rules.pools): boolean {
  if (rules.kindNarrowers.length === 0 || text === '') return false;
  let byKinds = narrowedBy.get(rules.kindNarrowers);
  if (byKinds === undefined) narrowedBy.set(rules.kindNarrowers, (byKinds = new WeakMap()));
  return memo(byKinds, kinds, text, () => narrowedAfterKinds(text, rules.kindNarrowers, kinds));
}

const narrowedBy = new WeakMap<object, WeakMap<object, Map<string, boolean>>>();

function narrowedAfterKinds(text: string, narrowers: readonly string[], kinds: readonly KindRule<string>[]): boolean {
  let rest = text;
  for (const p of kinds) for (const w of p.words) if (lastNaming(rest, w, p) >= 0) rest = rest.replaceAll(w, ' ');
  return narrowers.some((w) => rest.includes(w));
}

/**
 * Where a kind named in an amount's own words comes from: narrowed when a qualifier narrows it (`kindNarrowers`), else
 * its own words (a package's name written as its label, `"0元50M省内流量包"套餐…共有50.00M`, included).
 */
function ownSource(ownWords: string, read: Read, rules: ReplyRules): KindSource {
  return narrowedIn(ownWords, rules) || narrowedIn(ownClause(read.context, 'label'), rules) ? 'narrowed' : 'own';
}

/**
 * A line of its own with no amount ("国内通用流量：", "【省内流量】") heads the lines under it. It lies after the amount
 * before, so no digit in it was read as an amount: a package's name with digits heads as well ("4G飞享套餐国内流量\n总量：…").
 */
const HEADING = /(?:^|\n)([^\n]{1,24})\n[^\n]*$/u;
const USED_UP_LINE = /(?:使用|用)(?:完|尽)/u;

/**
 * The kind of each data amount: named by the words before it, else by its package's name, else the
 * kind of the amount before it in the same sentence and package ("国内通用流量共75G，已用8.21G"),
 * else by a heading line above it ("国内通用流量：\n总量10GB\n已用2GB"), which the lines under it share.
 */
export function assignPools(reads: Read[], rules: ReplyRules, text = ''): void {
  if (!reads.some((r) => r.figure.topic === 'data')) return;
  const { dataWords, partWords } = dataWordsOf(rules.figures);
  const poolWords = poolWordsOf(rules.pools);
  // `whole`: the kind of the last amount that is not a part, which the parts after it share.
  let previous: {
    pool: DataPool | null;
    from: KindSource | null;
    field: string;
    sentence: number;
    package: string | null;
    headed: boolean;
    whole: DataPool | null;
    /** Its kind is named after its label ("剩余流量：国内流量100MB"): an item's kind, not its line's. */
    kindAfterLabel: boolean;
    /** Its name holds a qualifier the rules do not know ("校园流量"): its kind, and its clause's, is not stated. */
    unknown: boolean;
    /** Where it ends in the text: the words between it and the next amount may name another kind. */
    end: number;
    /** Its index in `reads`. */
    at: number;
  } | null = null;
  // The last parts read ("其中…"): their field, the kind of their whole, their sentence.
  let parts: { field: string; whole: DataPool | null; sentence: number } | null = null;
  // What the kind of each amount was read from, until it is final.
  let from: KindSource | null = null;
  const inferred = (pool: DataPool | null, source: KindSource) => {
    from = pool === null ? null : source;
    return pool;
  };
  let partRead: Read | undefined;
  // The last amount read as a note in brackets, and where its bracket opens.
  let noteBefore: { pool: DataPool | null; at: number; field: string } | null = null;
  // The last whole usable only at some hours (labelling rule 2) and the kind that gives it, which its parts share.
  let hoursWhole: { kind: DataPool | null; sentence: number } | null = null;
  // The last label that named a kind itself (结转至本月), whose list goes on.
  let kindLabel: { pool: DataPool; sentence: number; field: string } | null = null;
  reads.forEach((read, i) => {
    const f = read.figure;
    if (f.topic !== 'data') return;
    const follows = reads[i - 1]?.figure.topic === 'data';
    // "国内流量已用完，目前已使用套餐外流量256MB": a no-kind word nearer than any kind leaves it unnamed.
    // "国内通用流量(含结转)共剩余12.06GB": a bracket that says what the amount includes names no kind of it.
    // "…16.48GB（定向流量不限量…）；全国通用流量共2GB": kind words after a semicolon name the amounts of their own
    // clause group, whatever the words before the semicolon named.
    // "；省内流量保6档（2016版）本月内含1GB": numbers that are no amount (a tier, a year) do not cut the words of its clause.
    const words = widened(read, rules);
    // "（上月无结转流量）": a kind said to be absent names none.
    // "小区内剩余500MB": a kind no pool is hides the pool words within it (区内).
    // "省内外通用流量", "省内及国内流量": scopes joined name no one scope of the amount (labelling rule 8), the rest decides.
    const noted = rules.unpooledKinds.reduce((t, w) => t.replaceAll(w, ' '), (words.includes('(') ? words.replace(INCLUDES_NOTE, '') : words).replace(ABSENT_KIND, ' ').replace(joinedScopes(rules), ' '));
    const semicolon = noted.lastIndexOf(';');
    const afterSemicolon = semicolon >= 0 && poolIn(noted.slice(semicolon + 1), rules) !== null ? noted.slice(semicolon + 1) : noted;
    // "…剩余2GB，为国内通用流量；加油包剩余3GB": when the words after the semicolon name no kind, the kind words before it trail the
    // amount before (or head the clause group before): said of this amount by a guess at most, never plainly (round 34).
    const kindPastSemicolon = semicolon >= 0 && afterSemicolon === noted && poolIn(noted.slice(0, semicolon), rules) !== null;
    // "夜间流量套餐(201706月结转)，共包含国内闲时流量1.63GB": kind words in the amount's own clause name it, before a
    // stronger kind word in a package's name or note in the clause before.
    // "您办理的国内流量包已到期，您的流量剩余300MB": a clause of the customer's that names its data afresh (您…流量) and no
    // kind is the amount's whole name: a kind said in an earlier clause with no amount of its own is not said of it (round 28).
    const own = ownClause(afterSemicolon, 'label');
    // Not under a heading's colon ("国内流量：您的流量剩余300MB"), which names the lines after it.
    const ownFrom = afterSemicolon.lastIndexOf(own);
    // Not after a clause that names the package in use ("您现在正在使用省内流量包，您当前月剩余手机流量约0MB", real r24a-073): the amount
    // is that package's, and its name's kind words are the amount's (labelling rule 12; round 40).
    const namedAnew =
      ownFrom > 0 && /,\s*$/u.test(afterSemicolon.slice(0, ownFrom)) && DATA_ANEW.test(own) && poolIn(own, rules) === null && !IN_USE_CLAUSE.test(afterSemicolon.slice(0, ownFrom));
    const context = kindClause(afterSemicolon, rules) ?? (namedAnew ? own : afterSemicolon);
    const outside = outsideWords(read.context, rules);
    // "省内流量已用完，国内通用流量剩余2GB": only the words after a no-kind word name the amount's kind.
    // "国内通用流量已使用完毕，已使用10.00GB": the use said right after a kind is used up, naming no data anew, is that kind's.
    const saidUsedUp = lastEnd(context === read.context ? outside : outsideWords(context, rules), rules.noKind);
    const afterUsedUp = saidUsedUp > 0 ? context.slice(saidUsedUp) : '';
    const ownUse = f.field === 'used' && /^[^,;]{0,2}[,;]/u.test(afterUsedUp) && !dataWords.some((w) => afterUsedUp.includes(w));
    const noKindEnd = ownUse ? -1 : saidUsedUp;
    const ownWords = noKindEnd > lastEnd(context, poolWords) ? '' : noKindEnd > 0 ? context.slice(noKindEnd) : context;
    // "您上月结转至本月6GB640.88MB国内流量": a label that names a kind itself (结转至本月) names it before the words after the amount,
    // and so of the items of its list ("…的国内流量为449MB，省内闲时流量为4GB990MB").
    // Not a kind's name that is a label (结转流量, 上月结转): its list is one of kinds.
    const kindName = (label: string) => /(?:流量|数据)$/u.test(label) || poolWords.some((w) => label.endsWith(w));
    const ownLabelPool = f.label !== null && ownWords.includes(f.label) && !kindName(f.label) ? poolIn(f.label, rules) : null;
    const listed = f.label === null && kindLabel?.sentence === read.sentence && kindLabel.field === f.field;
    const labelPool = ownLabelPool ?? (listed ? kindLabel!.pool : null);
    if (f.label !== null) kindLabel = ownLabelPool === null ? null : { pool: ownLabelPool, sentence: read.sentence, field: f.field };
    // "省内闲时流量剩余1GB" to a reader that does not know 闲时: an unknown word where a kind word stands may name a kind
    // stronger than any known word of the name, the list, the heading or the amount before: the kind is not stated.
    const unknownOwn = read.tagPool === null && unknownQualifier(ownWords, rules);
    const headWord = headTag(ownWords, rules);
    // "腾讯视频专属10元1GB流量包": a price and size inside a package's name are no words of it; its kind words read across them.
    const named = poolIn(ownWords.replace(SPEC_IN_NAME, ''), rules);
    const before = headWord ?? named;
    // "您上月结转至本月705.94MB国内流量" (real r17-033): a kind named before the amount that is stronger than the general
    // data named after it is its kind (carried-over general data is carried over, as a shared pool of it is shared).
    const item = itemKind(text, reads[i - 1]?.end ?? 0, read.end, rules);
    const strongerBefore = read.tagPool === 'general' && before !== null && strength(before, rules) < strength('general', rules);
    let pool =
      inferred(labelPool, ownLabelPool !== null ? 'own' : 'before') ??
      inferred(strongerBefore ? null : read.tagPool, 'own') ??
      inferred(headWord, 'heading') ??
      inferred(named, kindPastSemicolon ? 'sentence' : ownSource(ownWords, read, rules)) ??
      inferred(item?.pool ?? null, item?.from ?? 'heading') ??
      inferred(f.package === null ? null : poolIn(fold(f.package), rules), 'package');
    // "您当前省内包时段流量已使用928.96MB" (real r16-107): data usable only at some hours is of no stated kind, whatever
    // place word it carries, unless it is said to be off-peak (labelling rule 2); a stronger kind (结转) stays.
    // A part ("其中…") of a whole usable only at some hours is usable only at those hours too: "您当前省内包时段流量已使用…，剩余
    // 48.86MB，其中积分兑换省内流量30天档剩余48.86MB" (real r15-210) names a place, not a wider pool than its whole's.
    const isPart = read.part || (partRead !== undefined && partRead === reads[i - 1] && partRead.sentence === read.sentence && read.context.trimStart().startsWith('、')) || partWords.some((w) => read.context.includes(w) || read.bracket?.words.trimStart().startsWith(w));
    const ownHours = hoursKind(read, rules);
    // Its part word may stand before a number that cut its context ("其中…30天档剩余"): read in its own clause (clauses.ts).
    const partOfClause = isPart || partWords.some((w) => ownClause(read.sentenceSoFar, 'heading').startsWith(w));
    const hours = ownHours === undefined && partOfClause && hoursWhole?.sentence === read.sentence ? hoursWhole.kind : ownHours;
    const restricted = hours !== undefined && strength(pool, rules) >= strength('offpeak', rules);

    if (restricted) pool = inferred(hours, 'own');
    let headed = false;
    const same = previous !== null && previous.package === f.package;
    // Words naming data again ("，套餐内流量剩余8GB") start another amount, which does not take the kind before it.
    // "，合计剩余4.49GB": a total over the kinds before it has no kind of its own.
    // Not so after amounts of one kind only ("闲时流量已用8.86GB/共计10GB"): that is the kind's own total.
    const kindsBefore = new Set(reads.slice(0, i).filter((r) => r.sentence === read.sentence && r.figure.topic === 'data').map((r) => r.figure.pool));
    const oneKindBefore = kindsBefore.size === 1 && !kindsBefore.has(null);
    // "省内流量剩余1GB，小区剩余500MB": data of a kind no pool is (小区) is not of the kind before it.
    const overKinds = restricted || (!ownUse && rules.noKind.some((w) => outside.includes(w))) || rules.unpooledKinds.some((w) => read.context.includes(w)) || (!oneKindBefore && rules.allKinds.some((w) => read.context.includes(w)));
    // A part ("其中5G网络流量8.1GB") that names no kind of its own is of the kind of its whole.
    // "其中上月结转剩余3.51GB、本月套餐剩余8.55GB": an item joined to a part by an enumeration comma is a part too.
    const part = isPart;
    if (part) partRead = read;
    // A data word after the label right after a data amount of the clause group ("已使用本地数据8.5GB，剩余数据
    // 11.5GB") only says what the amount is, and names nothing new.
    const labelAt = f.label === null || !follows || read.context.includes(';') ? -1 : read.context.lastIndexOf(f.label);
    // "您上月结转至本月233.11MB流量、已使用123.36MB": the words right after the amount before, up to the first
    // separator, are still its own and name nothing of this one.
    const lead = (labelAt < 0 ? read.context : read.context.slice(0, labelAt)).replace(follows ? TAIL_OF_BEFORE : /$^/u, '');
    // "剩余省内流量2.56GB，剩余校园流量500MB": a data word with a qualifier of its own after the label names another
    // kind, known or not; a bare one ("剩余数据11.5GB") only says what the amount is.
    const qualified = labelAt >= 0 && QUALIFIED_DATA.test(read.context.slice(labelAt + f.label!.length));
    // "剩余流量还有43.50MB": a bare data word after a label of the same field, right before the label, is the amount's own too.
    const ownLead = labelAt >= 0 ? sameFieldBefore(lead, f, rules) : lead;
    // "国内通用流量剩余1GB、加油包剩余500MB": a pack named in the amount's own clause is a product of its own, as a data word
    // is: what it grants is of the kind its own name says (settled 2026-12-06, session 19), never of the amount before.
    const packNamed = !part && PACK_NAMED.test(ownClause(ownLead, 'label'));
    const dataAnew = overKinds || (!part && (qualified || dataWords.some((w) => ownLead.includes(w))));
    const namesAnew = dataAnew || packNamed;
    // "剩余2GB，均为省内流量，日租包剩余3GB": a pack named in the amount's own clause, which names no kind, is not of the kind
    // words of the clauses before it (they trail the amount before): a guess at most (round 34).
    if (packNamed && from === 'own' && read.tagPool === null && ownLabelPool === null && follows && [ownLead, read.context].every((w) => poolIn(ownClause(w, 'label'), rules) === null)) from = 'sentence';
    // The whole goes on through the amounts of its clause group that name no data anew ("…已使用448.74MB，剩余48.86MB，其中…").
    const ownKind = labelPool !== null || read.tagPool !== null || named !== null || headWord !== null;
    if (!partOfClause && ownHours !== undefined) hoursWhole = { kind: hours ?? null, sentence: read.sentence };
    else if (!partOfClause && (namesAnew || ownKind || hoursWhole?.sentence !== read.sentence)) hoursWhole = null;
    // "其中上月结转3.3GB，本月套餐12GB": a part naming no kind is of its whole's kind, not of the part before it.
    // "其中国内通用20GB，省内10GB；已使用15GB": after the parts and a semicolon, a label of another field speaks of
    // the whole again (not so within the clause group: "其中结转共30G，已用8.21G" is the part's own use).
    const ofWhole = !part && f.label !== null && parts?.sentence === read.sentence && parts.field !== f.field && read.context.includes(';');
    // A part in brackets is of the amount right before the bracket ("其中国内通用10GB（含5G网络流量8GB）").
    const kindBefore = (p: NonNullable<typeof previous>) => ({ pool: part && !read.inBrackets ? p.whole : ofWhole ? parts!.whole : p.pool, headed: p.headed });
    // "（其中上月不清零总流量共2048.00MB，已使用110.34MB，剩余1937.66MB）": within one bracket, the use or what is left of the
    // note before is of its kind (a second part, "（含上月结转2.5GB，本月套餐7GB）", is not: it is of the whole's kind).
    if (pool === null && !namesAnew && read.bracket !== null && noteBefore?.at === read.bracket.at && noteBefore.field !== f.field) pool = inferred(noteBefore.pool, 'before');
    // "国内通用流量共75G，已用8.21G，剩余66.79G": the next amount of one clause group, a bare label of another field,
    // is as plainly of the kind as the amount before when that one states it (a part, or past a semicolon, is inferred).
    // Only a label of another field goes on so (total, used, left of one pool): a second amount of the same field ("国内流量剩余
    // 2GB，副卡剩余1GB", "…，赠送剩余1GB") is of another pool, whose kind the text does not state: at most a guess, never added.
    const chained =
      same &&
      previous!.sentence === read.sentence &&
      previous!.field !== f.field &&
      !namesAnew &&
      !part &&
      !ofWhole &&
      !read.context.includes(';') &&
      (previous!.from === 'own' || previous!.from === 'clause') &&
      !otherKindBetween(text.slice(previous!.end, read.start), previous!.pool, rules) &&
      oneKindRun(reads, previous!.at, text);
    // "\"0元50M省内流量包\"套餐…共有50.00M，剩余流量还有50.00M": so is one whose package's name says the kind the amount before states.
    if (from === 'package' && chained && previous!.pool === pool) from = 'clause';
    if (pool === null && same && previous!.sentence === read.sentence && !namesAnew && !ownItemKindBefore(text, previous!.end, read.start, rules)) {
      ({ pool, headed } = kindBefore(previous!));
      inferred(pool, chained ? 'clause' : 'before');
    }
    // "…剩余54.8GB。其中主卡使用30.1GB": a sentence that opens with a part word goes on from the one before.
    const opensWithPart = partWords.some((w) => read.sentenceSoFar.trimStart().startsWith(w));
    if (pool === null && same && previous!.sentence === read.sentence - 1 && opensWithPart && !overKinds) {
      ({ pool, headed } = kindBefore(previous!));
      inferred(pool, 'before');
    }
    // A line of a label and its amount only ("国内通用流量共908.98M\n已使用37.57M") goes on from the line before.
    // "…共有1GB\n截至13日18时58分\n剩余流量511.46MB": a line saying only when (截至…) between them is skipped.
    const dateLine = DATE_LINE.exec(read.before);
    const labelLine = /^[ \t]*\n([^\n。!?]*)$/u.exec(dateLine ? read.before.slice(dateLine[0].length) : read.before)?.[1];
    const linesAfter = dateLine ? 2 : 1;
    // "…已使用流量0.00MB\n剩余流量1795.26MB": a bare data word right after the line's label only says what the amount is.
    // Not after a line whose kind is its item's ("剩余流量：国内流量100MB\n已使用流量200MB" names no kind of the 200MB).
    const lineWords = labelLine === undefined ? undefined : previous?.kindAfterLabel ? labelLine : withoutOwnDataWord(labelLine, f.label);
    if (pool === null && same && previous!.sentence === read.sentence - linesAfter && lineWords !== undefined && !overKinds && !dataWords.some((w) => lineWords.includes(w))) {
      ({ pool, headed } = previous!);
      inferred(pool, 'before');
    }
    // "您订购的全国流量包（30元3GB）：已使用1GB。剩余2GB。": a sentence of a bare label of another field and its amount goes on
    // from the amount of the sentence before, as such a line does: a guess (inferred), never added.
    const bareSentence = /^[ \t]*[。!?]\s*([^\n。!?]*)$/u.exec(read.before)?.[1];
    if (pool === null && same && previous!.sentence === read.sentence - 1 && previous!.field !== f.field && bareSentence !== undefined && f.label !== null && bareSentence.includes(f.label) && withoutOwnDataWord(bareSentence, f.label).replace(/[\s:为是]+/gu, '') === '') {
      ({ pool, headed } = previous!);
      inferred(pool, 'before');
    }
    // The first data amount of its sentence: the kind may be named before a bare number ("已使用80%，剩余2.00GB").
    // Within its clause group: "WLAN时长已使用10小时，剩余20小时；流量已使用2GB" names no kind of the data.
    if (pool === null && !overKinds && !namedAnew && (previous === null || previous.sentence !== read.sentence)) {
      pool = inferred(lastPoolIn(read.sentenceSoFar.slice(read.sentenceSoFar.lastIndexOf(';') + 1).replace(INCLUDES_NOTE, '').replace(joinedScopes(rules), ' '), rules), 'sentence');
    }
    if (pool === null && !restricted) {
      const heading = HEADING.exec(read.before)?.[1];
      // "您当月国内通用流量已用完\n其他流量剩余422.47M" (real r16-052, r16-083, r20-018 with their commas line breaks): a line saying
      // a pool is used up states that pool's end, and heads no line under it.
      if (heading !== undefined && !USED_UP_LINE.test(heading)) {
        pool = inferred(poolIn(heading, rules), 'heading');
        headed = pool !== null;
      } else if (same && previous!.headed && poolIn(read.before, rules) === null) {
        ({ pool, headed } = previous!);
        inferred(pool, 'heading');
      }
    }
    // "校园流量共1GB，已使用200MB": the amounts that go on from one of an unknown kind are of that kind, unknown too.
    const inherited = pool === null || from === 'before' || from === 'clause';
    // "\"10元包10G省内4G单模流量(闲时)\"…，剩余流量还有9318.19M": a kind from a package's name with an unknown qualifier is none.
    const unknownPackage = from === 'package' && pool !== null && (unknownQualifier(fold(f.package!), rules) || nameEndsUnknown(fold(f.package!), rules));
    // "；4、赠送1G校园流量:": an item whose name holds a word the rules do not know takes no kind from the item before.
    const unknownItem = item?.unknown === true && from !== 'own' && from !== 'narrowed';
    // "其中国内剩余0.0MB，畅享剩余188.37MB": an item after a part, named by a word the rules do not know, is not of the item before.
    const unknownPart = (from === 'clause' || from === 'before') && partRead === reads[i - 1] && partRead?.sentence === read.sentence && unknownItemName(ownClause(read.context, 'label'), f.label, rules);
    // "您上月结转至本月的国内流量为30MB" to a reader that does not know 结转: data said of last month in its own clause, of a
    // kind other than carried over, may be carried over or last month's: its place or time word is no plain kind of it.
    // A closed note in brackets is no word of the amount's ("总流量0.00M（上月无结转流量） -截止当前已使用0.00M", real r15-167).
    const lastMonth = pool !== null && pool !== 'carryover' && rules.lastMonth.some((w) => own.replace(CLOSED_NOTE, ' ').includes(w));
    // "您本月国内畅享流量剩余1.5GB": general data named by its scope (国内, 全国) with a word the rules do not know between it and
    // the data word. Every such name in the dev labels is written general (国内高速, 国内限定性, 国内不限量, 国内上网, 全国免费流量)
    // unless the word says hours (国内限时, labelling rule 2) or another kind the rules know: so the scope stands as a guess
    // (never added up), as it does for a word before the scope (unknownBeforeScope). Only when the name holds no other kind.
    const scopeGuess = unknownOwn && labelPool === null && from === 'own' && pool === 'general' && !lastMonth && poolIn(ownWords, rules) === 'general' && onlyUnknownAfterScope(ownWords, rules);
    const unknown =
      lastMonth ||
      (unknownOwn && labelPool === null && !scopeGuess) ||
      unknownPackage ||
      unknownItem ||
      unknownPart ||
      // "已使用日租宝流量680MB，日包总量1GB": a pack named after data of a kind the rules do not know may be that data's pack: it
      // takes no kind from it, but stays of a kind not known (never the customer's data left).
      (inherited && !dataAnew && same && previous!.unknown && previous!.sentence === read.sentence);
    // "上月追剧国内通用流量剩余481.50MB": a scope after a word the rules do not know may be that of a kind they do not know: a guess.
    delete read.scopeGuess;
    if (!unknown && from === 'own' && pool !== null && rules.kindScopes.includes(pool) && (scopeGuess || unknownBeforeScope(ownWords, rules) || unknownBeforeScope(ownClause(read.sentenceSoFar, 'label'), rules))) {
      from = 'narrowed';
      // Only a word between the scope and the data word: one before the scope says where the data came from (营销活动赠送省内流量,
      // 满就送全国流量 are written with their scope in real dev texts that state the scope plainly for another amount too).
      if (scopeGuess) read.scopeGuess = { origin: i, words: unknownKindWords(ownWords, f.label, rules) };
    } else if (pool !== null && from !== 'own' && from !== 'said' && previous !== null && previous.pool === pool) {
      const guess = reads[previous.at]!.scopeGuess;
      if (guess) read.scopeGuess = { origin: guess.origin };
    }
    if (unknown) pool = null;
    read.kindUnknown = unknown;
    delete f.kindUnknown;
    delete f.kindWords;
    if (unknown) {
      f.kindUnknown = true;
      const name = unknownKindWords(unknownOwn || unknownPart ? ownWords : (f.package === null ? ownWords : fold(f.package)), f.label, rules);
      if (name !== undefined) f.kindWords = name;
    }
    f.pool = pool;
    f.kindFrom = pool === null ? null : from;
    // A note in brackets keeps its kind to itself, unless the kind was named before the bracket ("国内通用流量（总30GB）已用10GB").
    const note = read.inBrackets && !packContents(read, text) && !usedAndLeftOf(reads, i) && (read.tagPool !== null || read.bracket === null || poolIn(read.bracket.words, rules) !== null || pool === null);
    if (part && previous) parts = { field: f.field, whole: previous.whole, sentence: read.sentence };
    noteBefore = note && read.bracket !== null ? { pool, at: read.bracket.at, field: f.field } : null;
    const labelEnd = f.label === null ? -1 : read.context.lastIndexOf(f.label);
    const kindAfterLabel = labelEnd >= 0 && poolIn(read.context.slice(labelEnd + f.label!.length), rules) !== null;
    if (!note) previous = { pool, from: f.kindFrom, field: f.field, sentence: read.sentence, package: f.package, headed, whole: part && previous ? previous.whole : pool, kindAfterLabel, unknown, end: read.end, at: i };
  });
  // "you have used 28GB of your 30GB domestic data": an amount and the total it is of share the kind named after the total.
  reads.forEach((read, i) => {
    const total = reads[i + 1];
    if (read.figure.topic === 'data' && read.figure.pool === null && total?.figure.topic === 'data' && total.tagPool !== null && OF_TOTAL.test(total.context)) {
      read.figure.pool = total.tagPool;
      read.figure.kindFrom = 'said';
    }
  });
  scopeGuessesSetApart(reads);
}

/**
 * "您国内流量剩余500MB，…国内闲时流量剩余1GB" to a reader that does not know 闲时: a scope kept as a guess past a word the rules do
 * not know (国内 + 闲时 + 流量, 共享主号（…）国内流量) is no guess when the reply plainly states that scope for another amount: the
 * unknown word is what sets this pool apart from the plain one, so it names a kind of its own, one the reader cannot say (round
 * 48; in the bench's "one kind word unknown" row, every such guess on dev was of another kind: 闲时, 定向, 结转, 共享). The
 * amounts whose kind went on from it lose it too. A reply with no plain pool of the scope keeps the guess (国内畅享流量 alone).
 */
function scopeGuessesSetApart(reads: Read[]): void {
  const stated = (r: Read) => r.figure.topic === 'data' && r.scopeGuess === undefined && (r.figure.kindFrom === 'own' || r.figure.kindFrom === 'said');
  for (const read of reads) {
    const guess = read.scopeGuess;
    if (guess === undefined || read.figure.pool === null) continue;
    const origin = reads[guess.origin]!;
    const pool = read.figure.pool;
    if (!reads.some((r) => stated(r) && r.figure.pool === pool)) continue;
    read.figure.pool = null;
    read.figure.kindFrom = null;
    read.figure.kindUnknown = true;
    read.kindUnknown = true;
    const words = origin.scopeGuess?.words;
    if (words !== undefined) read.figure.kindWords = words;
  }
}

/** A clause that names the package in use, right before the amount's clause. */
const IN_USE_CLAUSE = /正在?使用[^,;:]+,\s*$/u;

/**
 * "5元手机上网流量包(包含国内流量30.00M)--已使用0.00M" (real r22-030): a bracket opened right after a pack's name (or its
 * price) that says what the pack holds is the pack's own description, no note: its kind is the pack's, and names the use
 * and what is left said of the pack after it (labelling rule 12).
 */
function packContents(read: Read, text: string): boolean {
  if (read.bracket === null || !/^\s*(?:包含|含有)/u.test(read.bracket.words)) return false;
  return /(?:包|套餐|\d元)\s*$/u.test(text.slice(Math.max(0, read.bracket.at - 12), read.bracket.at));
}

/**
 * "1、07版网际飞车(包含省内流量100.00M)--已使用16.65M，剩余83.35M" (real r25a-035): a total in brackets that the use and what is
 * left right after the bracket add up to is the size of what they are of, no note kept to itself: they are of its kind.
 */
function usedAndLeftOf(reads: Read[], i: number): boolean {
  const [total, a, b] = [reads[i]!, reads[i + 1], reads[i + 2]];
  if (total.figure.field !== 'total' || !a || !b || a.inBrackets || b.inBrackets || a.sentence !== total.sentence || b.sentence !== total.sentence) return false;
  if (a.figure.topic !== 'data' || b.figure.topic !== 'data' || new Set([a.figure.field, b.figure.field]).size !== 2 || ![a, b].every((r) => r.figure.field === 'used' || r.figure.field === 'remaining')) return false;
  // The parts' own precision: a round total ("5GB") would add up to almost any two parts within its last digit.
  const precision = Math.max(a.precision, b.precision);
  return Math.abs(a.figure.value + b.figure.value - total.figure.value) <= precision * 2 + 1e-9;
}

/**
 * Whether the words between an amount and the next one name a kind other than the first amount's: then the next amount's
 * kind, carried from the first, is no plain kind of it (a guess, never added to another amount). Real amounts are cut out of
 * their context by numbers that are no data (`…剩余2.06G；80元国内流量不限量优惠包(…赠送200分钟国内…)已使用29.37M`: the 29.37M
 * is not the WLAN's before it). Words in brackets are notes (`（其中上月结转66.6MB）`, a pack's contents) and name nothing of the next.
 */
function otherKindBetween(between: string, pool: DataPool | null, rules: ReplyRules): boolean {
  const words = between.replace(/\([^()]*\)/gu, ' ');
  return rules.pools.some((p) => p.pool !== pool && p.words.some((w) => lastNaming(words, w, p) >= 0));
}

/**
 * Whether the amounts of one field that run up to reads[at] in its clause group (no semicolon between, notes in brackets
 * aside) are of one kind. After a run of several kinds (`套餐含国内流量10GB、省内流量5GB，已使用3GB，剩余12GB`) a bare label of
 * another field speaks of them all (a total over kinds) or of the last: its kind is a guess, never plainly the last one's.
 */
function oneKindRun(reads: Read[], at: number, text: string): boolean {
  const last = reads[at]!;
  const kinds = new Set([last.figure.pool]);
  let next = last;
  for (let j = at - 1; j >= 0; j--) {
    const r = reads[j]!;
    if (r.inBrackets) continue;
    if (r.figure.topic !== 'data' || r.sentence !== last.sentence || r.figure.field !== last.figure.field || text.slice(r.end, next.start).includes(';')) break;
    kinds.add(r.figure.pool);
    next = r;
  }
  return kinds.size === 1;
}

/**
 * The kind of an amount of data usable only at some hours (`hoursOnly`: 限时流量, 包时段流量, 忙时, or hours in brackets), in
 * its own phrase (its clause, after the name of the package it is in: "夜间流量包省内忙时、省际…流量" is 忙时): off-peak when
 * the phrase says so (闲时, 夜间) or its hours lie within 22:00-08:00, else null; undefined when it is not so restricted.
 */
function hoursKind(read: Read, rules: ReplyRules): DataPool | null | undefined {
  const { words, offpeak } = rules.hoursOnly;
  if (words.length === 0) return undefined;
  const clause = ownClause(read.before, 'heading');
  const phrase = clause.slice(lastEnd(clause.replace(/包(?=时段)/gu, ' '), ['包', '套餐']) + 1);
  const hours = HOURS.exec(phrase);
  if (!hours && !words.some((w) => phrase.includes(w))) return undefined;
  const at = (h: string | undefined, m: string | undefined) => Number(h) + Number(m ?? 0) / 60;
  const [from, to] = hours ? [at(hours[1], hours[2]), at(hours[3], hours[4])] : [NaN, NaN];
  const night = (t: number) => t >= 22 || t <= 8;
  const atNight = night(from) && night(to) && (from >= 22 ? to <= 8 || to > from : to > from);
  // "限时流量6GB（夜间）": off-peak said in brackets right after the amount.
  return atNight || read.tagPool === 'offpeak' || offpeak.some((w) => phrase.includes(w)) ? 'offpeak' : null;
}

/** Hours in brackets ("（23:00-07:00）", "(00:00:00~7:59:59)"). */
const HOURS = /\(\s*(\d{1,2})[:点时](\d{2})?(?::\d{2})?\s*[-~至到]\s*(?:次日)?(\d{1,2})[:点时]?(\d{2})?(?::\d{2})?\s*\)/u;

/** The words of the amount before, right after it: up to a separator ("流量、"), or a note in brackets ("（上月无结转流量）"). */
const TAIL_OF_BEFORE = /^[^,;、。!?\s()]{1,8}[,;、]|^\s*\([^()]*\)/u;

/**
 * A data word right before the amount with words of its own before it ("校园流量", "移动数据流量"), not "的流量",
 * "可用流量", nor words that only say it is the plan's data to go online with ("上网流量", "套餐流量").
 */
const QUALIFIED_DATA =
  /^[\s:]*(?!(?:的|可用|可使用|还有|为|共|总|可?上网|手机上网|套餐(?!内|外))?(?:流量|数据))\p{Script=Han}{1,8}?(?:流量|数据)(?:共|为|有)?[\s:]*$/u;

/**
 * The words that name an amount's kind: its context (since the last number), or, when that names no kind and
 * a number that is no amount cut it, its clause since the last amount with a unit.
 */
function widened(read: Read, rules: ReplyRules): string {
  const { context, sentenceSoFar } = read;
  if (sentenceSoFar.length <= context.length || !sentenceSoFar.endsWith(context)) return context;
  const own = poolIn(context, rules);
  const clause = sentenceSoFar.slice(clauseStart(sentenceSoFar, 'label'));
  // Only a number cut it (not a kind in brackets after the amount before, which is that amount's own).
  if (clause.length <= context.length || !/\d/u.test(clause.slice(0, clause.length - context.length))) return context;
  // "您共享主号（152…）国内流量剩余678MB": a stronger kind before the number (a shared pool of general data is shared) names it too.
  return own === null || poolIn(clause, rules) !== own ? clause : context;
}

/**
 * "5G省内流量(7月结转)(省内)：已使用流量0.00MB": a kind in brackets that ends a heading, right before its colon,
 * says what the amounts after the colon are, over the words of the name before it.
 */
function headTag(words: string, rules: ReplyRules): DataPool | null {
  const m = HEAD_TAG.exec(words);
  return m && poolIn(words.slice(m.index + m[0].indexOf(':')), rules) === null ? poolIn(m[1]!, rules) : null;
}

const HEAD_TAG = /\(([^()\d]{1,8})\)\s*:[^():]*$/u;

/** The lead without a label of the amount's own field and a bare data word at its end ("，剩余流量" before 还有). */
function sameFieldBefore(lead: string, f: Read['figure'], rules: ReplyRules): string {
  const bare = /(?:流量|数据)$/u.exec(lead);
  if (!bare) return lead;
  const head = lead.slice(0, bare.index);
  const labels = rules.figures.find((t) => t.id === f.template)?.fields.filter((r) => r.field === f.field).flatMap((r) => r.labels) ?? [];
  const label = labels.filter((l) => head.endsWith(l)).sort((a, b) => b.length - a.length)[0];
  return label === undefined || /[^\s,;、]/u.test(head.slice(0, head.length - label.length).replace(/^[\s,;、]*/u, '')) ? lead : '';
}

/** A size, or a price and the size it buys, inside a package's name ("专属1gb流量包", "省内10元1gb流量包"; folded text). */
const SPEC_IN_NAME = /(?<=\p{Script=Han})(?:\d+(?:\.\d+)?元包?)?\d+(?:\.\d+)?(?:gb|g|mb|m)(?=\p{Script=Han})/gu;

/** A pack's or plan's name ending the words before an amount's label ("加油包", "日租包", "抖音包", "套餐"; not a bare "包"). */
const PACK_NAMED = /(?:\p{Script=Han}包|套餐)\s*$/u;

/** A clause of the customer's own that names its data ("您的流量剩余", "您本月上网流量已使用"). */
const DATA_ANEW = /^\s*您[^,;:]*?(?:流量|数据|上网)/u;

/** The amount's own clause (clauses.ts, its label only) when it is not the whole of its words and names a kind, else null. */
function kindClause(context: string, rules: ReplyRules): string | null {
  const clause = ownClause(context, 'label');
  return clause.length < context.trimEnd().length && !context.startsWith(clause) && poolIn(clause, rules) !== null ? clause : null;
}

// "省内（不可共享）流量": a kind the amount is said not to be (not shared, not carried over) names none.
const ABSENT_KIND = /(?:无(?!限)|没有)\p{Script=Han}{0,6}|不(?:可|能)?(?:共享|结转|分享)/gu;

// "（支持流量结转）" (Taiwan's "（支援流量結轉）"): a note of what the package allows (its data may be carried over) says
// nothing of the amount's kind, nor do examples of what it holds ("其他流量（如夜间，咪咕流量等）").
// "（不含省内）": nor does a note of what it leaves out (round 28).
const CLOSED_NOTE = /\([^()]*\)/gu;
const INCLUDES_NOTE = /\((?:不|未)?(?:含|包含|包括|including|支持|支援|例如|比如|如)[^()]*\)/gu;

/**
 * Scope words joined (省内外, 省内省外, 省内及国内, 国内、省内, 省内/省外): the amount is of both scopes, so neither names its
 * kind (labelling rule 8, an amount said to hold several kinds). Built from the scopes' words (`kindScopes`) and 省外.
 * Kind words of any pools joined by a joiner, each with its data word (`国内流量、省内流量已使用2GB`, `省内流量及定向流量共10GB`),
 * name several kinds as well (round 34): the amount is their total over kinds.
 */
function joinedScopes(rules: ReplyRules): RegExp {
  const cached = JOINED.get(rules);
  if (cached) return cached;
  const words = rules.pools.filter((p) => rules.kindScopes.includes(p.pool)).flatMap((p) => p.words).filter((w) => HAN.test(w) && w.length === 2);
  const scope = `(?:${[...words, '省外'].join('|')})`;
  // Longest first, so that `国内通用` is not read as `国内` and a kind word (`通用流量`) left after it.
  const kinds = rules.pools.flatMap((p) => p.words).filter((w) => HAN.test(w) && w.length >= 2).sort((a, b) => b.length - a.length);
  const kind = `(?:${kinds.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|')})`;
  const joiner = '\\s*(?:及|和|与|、|/|或|以及)\\s*';
  const re = new RegExp(`${scope}(?:\\s*(?:及|和|与|、|/|或|以及)?\\s*${scope}|外)|${kind}(?:流量|数据)?${joiner}${kind}`, 'gu');
  JOINED.set(rules, re);
  return re;
}
const JOINED = new WeakMap<ReplyRules, RegExp>();

const OF_TOTAL = /^\s*(?:of\s+(?:your\s+)?|\/)\s*$/u;

/** How strong a kind is: its place in the rules' list (the first is the strongest); not stated is the weakest. */
const strength = (pool: DataPool | null, rules: ReplyRules) => (pool === null ? rules.pools.length : rules.pools.findIndex((p) => p.pool === pool));

/** "已使用12.5GB，剩余7.5GB，均为国内通用流量": a kind said of all the amounts of no kind before it in their sentence. */
export function kindsSaidOfAll(reads: Read[], text: string, sentenceEnds: number[], rules: ReplyRules): void {
  if (rules.kindOfAll.length === 0) return;
  for (const read of reads) {
    if (read.figure.topic !== 'data') continue;
    const tail = text.slice(read.end, sentenceEnds.find((e) => e > read.end) ?? text.length);
    for (const w of rules.kindOfAll) {
      const at = tail.indexOf(w);
      // Said in a clause of its own, or right after this amount ("剩余2GB均为省内流量" says nothing of the amount
      // before); not past a kind named between ("剩余7.5GB，省内1GB，均为…" says it of the 1GB).
      const lead = tail.slice(0, at).trimEnd();
      if (at < 0 || (lead !== '' && !/[,;]$/u.test(lead)) || poolIn(lead, rules) !== null) continue;
      // "国内通用流量剩余20GB，该流量为家庭成员共享": a kind said of it that is stronger than its own (a shared pool of
      // general data is shared, as 家庭共享国内通用流量 is) is its kind.
      const pool = poolIn(tail.slice(at + w.length, at + w.length + 12), rules);
      if (pool && strength(pool, rules) < strength(read.figure.pool, rules)) {
        Object.assign(read.figure, { pool, kindFrom: 'said' });
        delete read.figure.kindUnknown;
        delete read.figure.kindWords;
      }
      break;
    }
  }
}

/**
 * "【WLAN流量提醒】…您本月已使用公众WLAN流量500.0MB，套餐内流量剩余流量0MB": a notice's title that names a kind of data
 * says it of every data amount of the reply that names none.
 */
export function kindOfTitle(reads: Read[], text: string, rules: ReplyRules): void {
  const title = KIND_TITLE.exec(text)?.[1];
  const pool = title === undefined ? null : poolIn(title, rules);
  if (pool === null) return;
  for (const read of reads) if (read.figure.topic === 'data' && read.figure.pool === null && !read.kindUnknown) read.figure.pool = pool;
}

/**
 * "您本月使用的国内上网数据流量有2GB123.9MB。…国内数据流量…已使用0.7MB…；省内…已使用2GB123.1MB…；全国…已使用0MB": an amount
 * that the amounts of its field after it, of two kinds or more, add up to is their total over kinds, of no kind itself
 * (the Overview would count it twice in the one kind). Only amounts written to 0.01GB or finer are compared, and only
 * two parts or more above zero, so that a coincidence ("500MB … 500MB … 0MB") is none.
 */
export function totalsOverKinds(reads: Read[]): void {
  reads.forEach((read, i) => {
    const f = read.figure;
    if (f.topic !== 'data' || f.pool === null || f.value <= 0) return;
    // Not its own breakdown (其中…, a note in brackets), which keeps its kind.
    const parts = reads.slice(i + 1).filter((r) => r.figure.topic === 'data' && r.figure.field === f.field && r.figure.pool !== null && !r.part && !r.inBrackets);
    const above = parts.filter((r) => r.figure.value > 0);
    if (above.length < 2 || new Set(above.map((r) => r.figure.pool)).size < 2) return;
    // One of them is of its own kind: it cannot be that kind's amount too ("国内通用流量：总15GB…；省内：总5GB…；夜间：总10GB").
    if (!above.some((r) => r.figure.pool === f.pool)) return;
    const precision = Math.max(read.precision, ...parts.map((r) => r.precision));
    if (precision > 11) return;
    const sum = parts.reduce((t, r) => t + r.figure.value, 0);
    if (Math.abs(sum - f.value) <= precision * 2 + 1e-9) f.pool = null;
  });
}

/**
 * "一、本月可与副卡共享的流量套餐：\n1)全国不限量98元套餐必选优惠：包含流量20.00GB，剩余流量19.71GB": a heading line (ending in a
 * colon, no amount) that names a kind says it of the data amounts on the numbered lines under it, when it is stronger than
 * their own (a shared pool of general data is shared, as 家庭共享国内通用流量 is).
 */
export function kindOfHeading(reads: Read[], text: string, rules: ReplyRules): void {
  if (!text.includes(':\n')) return;
  const strength = (pool: DataPool | null) => (pool === null ? rules.pools.length : rules.pools.findIndex((p) => p.pool === pool));
  for (const read of reads) {
    if (read.figure.topic !== 'data' || read.kindUnknown) continue;
    let lineStart = text.lastIndexOf('\n', read.end - 1);
    let line = text.slice(lineStart + 1, read.end);
    for (let up = 0; lineStart > 0 && up < 8; up++) {
      if (up > 0 && !NUMBERED_LINE.test(line)) break;
      const above = text.lastIndexOf('\n', lineStart - 1);
      const heading = text.slice(above + 1, lineStart);
      if (/:\s*$/u.test(heading) && !/\d/u.test(heading)) {
        const pool = poolIn(heading.replace(ABSENT_KIND, ' '), rules);
        if (pool !== null && strength(pool) < strength(read.figure.pool)) read.figure.pool = pool;
        break;
      }
      [lineStart, line] = [above, heading];
    }
  }
}

/**
 * "…使用情况如下：上月结转流量：国内流量为2GB10MB，已使用0MB，剩余2GB10MB，省内流量为3GB，已使用完。本月流量：…" (real r25b-034): a
 * heading within a sentence (words with no number between a colon, semicolon or sentence start and a colon) that names a kind says
 * it of the data amounts after it up to the next colon's heading or the sentence's end that state no kind or only a scope (国内,
 * 省内), when it is stronger (carried-over domestic data is carried over).
 */
export function kindOfInlineHeading(reads: Read[], text: string, rules: ReplyRules): void {
  const strength = (pool: DataPool | null) => (pool === null ? rules.pools.length : rules.pools.findIndex((p) => p.pool === pool));
  for (const m of text.matchAll(INLINE_HEADING)) {
    const pool = poolIn(m[1]!.replace(ABSENT_KIND, ' '), rules);
    if (pool === null) continue;
    const from = m.index + m[0].length;
    const rest = text.slice(from);
    const stop = from + rest.search(/[。!?\n]|[^:;。!?\n\d]{1,16}:|$/u);
    for (const read of reads) {
      if (read.figure.topic !== 'data' || read.kindUnknown || read.start < from || read.end > stop) continue;
      // Only over a place's scope or none: data of a kind of its own (夜间, 定向, 共享) under it is not the heading's.
      const own = read.figure.pool;
      if ((own === null || rules.kindScopes.includes(own)) && strength(pool) < strength(own)) read.figure.pool = pool;
    }
  }
}

/** A heading within a sentence: after a colon, a semicolon or a sentence's start, words with no number, then a colon. */
const INLINE_HEADING = /(?<=[:;。!?]\s*)([^:;,。!?\n\d()]{2,16}):(?!\s*\n)/gu;

/**
 * "；4、免6个月8元月租，赠送6个月1G区内流量:已使用1024.00M" (real r17-036, its items reordered): the kind the name of the
 * numbered item an amount opens states (up to the item's colon, past the amount) is the kind of its amounts that name
 * none, before a package's named elsewhere and never the item before's. A word in it that narrows the kind
 * narrows it; one the rules do not know leaves the kind not stated.
 */
function itemKind(text: string, from: number, end: number, rules: ReplyRules): { pool: DataPool | null; from: KindSource; unknown: boolean } | undefined {
  if (text === '') return undefined;
  let opens = -1;
  for (const m of text.slice(from, end).matchAll(ITEM_NUMBER)) opens = from + m.index + m[0].length;
  if (opens < 0) return undefined;
  const name = /^[^:;。!?\n]{1,40}(?=:)/u.exec(text.slice(opens))?.[0];
  if (name === undefined) return undefined;
  if (unknownQualifier(name, rules)) return { pool: null, from: 'heading', unknown: true };
  return { pool: poolIn(name.replace(ABSENT_KIND, ' '), rules), from: narrowedIn(name, rules) ? 'narrowed' : 'heading', unknown: false };
}

/**
 * "1、…套餐(上月结转流量)，已使用2044.51MB剩余0MB；2、…套餐，已使用724.53MB…" (real r25b-015): an amount that opens another
 * numbered item takes no kind the item before named within itself (a kind said before the list still heads every item).
 */
function ownItemKindBefore(text: string, previousEnd: number, start: number, rules: ReplyRules): boolean {
  if (text === '') return false;
  const between = text.slice(previousEnd, start);
  let itemStart = -1;
  if (ITEM_NUMBER_AT.test(between)) for (const m of text.slice(0, previousEnd).matchAll(ITEM_NUMBER)) itemStart = m.index + m[0].length;
  // "…定向流量可选包（八闽视频）本月内含6GB…，剩余5GB1022MB；139邮箱（VIP版）本月内含10MB": so does a product named after a semicolon.
  // Not one whose own name says a kind, cut from its amount by numbers ("；80元国内流量不限量优惠包(…赠送1400分钟本地)已使用29.37M").
  else if (between.includes(';')) {
    const group = between.slice(between.lastIndexOf(';') + 1);
    // The group before is its own words, after a heading's colon ("国内流量使用情况：套餐内已用…；加油包已用…" says 国内 of both).
    if (PRODUCT_AFTER_SEMICOLON.test(group) && poolIn(group, rules) === null) itemStart = Math.max(text.lastIndexOf(';', previousEnd - 1), text.lastIndexOf(':', previousEnd - 1)) + 1;
  }
  return itemStart >= 0 && poolIn(text.slice(itemStart, previousEnd).replace(ABSENT_KIND, ' '), rules) !== null;
}

/** A product's name opening a clause group: words and a note in brackets (139邮箱（VIP版）), or a pack's or plan's name. */
const PRODUCT_AFTER_SEMICOLON = /^[^,:;。!?]{0,12}?(?:\([^()]{1,12}\)|包|套餐)/u;

/** The number that opens an item of a list ("；3、", "：1)", " 2."), after a separator or at the start. */
const ITEM_NUMBER = /(?:^|[;:,。!?\s])\s*(?:\d{1,2}|[一二三四五六七八九十])\s*(?:[、)]|\.(?=\p{Script=Han}))/gu;

const ITEM_NUMBER_AT = new RegExp(ITEM_NUMBER.source, 'u');

const NUMBERED_LINE = /^\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[).、]/u;

const KIND_TITLE = /【([^】\d]{0,12}?)(?:提醒|通知|提示)】/u;

const poolWordsCache = new WeakMap<ReplyRules['pools'], string[]>();

/** Every pool's words in the pools' order, built once per pool list: assignPools asks at every reply with data (perf27). */
function poolWordsOf(pools: ReplyRules['pools']): readonly string[] {
  let words = poolWordsCache.get(pools);
  if (!words) {
    words = pools.flatMap((p) => p.words);
    poolWordsCache.set(pools, words);
  }
  return words;
}

const dataWordsCache = new WeakMap<ReplyRules['figures'], { dataWords: string[]; partWords: string[] }>();

/** The words that name data, and those that open a part of it (其中), of a set of rules. */
export function dataWordsOf(figures: ReplyRules['figures']): { dataWords: string[]; partWords: string[] } {
  let words = dataWordsCache.get(figures);
  if (!words) {
    const data = figures.filter((t) => t.topic === 'data');
    words = { dataWords: data.flatMap((t) => t.when), partWords: data.flatMap((t) => t.breakdown) };
    dataWordsCache.set(figures, words);
  }
  return words;
}

/** Where the last of these words ends in a text (-1: none). */
/** "已超出套餐内20GB": a no-kind word followed by 内 says what the in-plan amount is exceeded by, not data outside the plan. */
function outsideWords(text: string, rules: ReplyRules): string {
  if (!text.includes('内')) return text;
  return rules.noKind.reduce((t, w) => t.replaceAll(`${w}内`, ' '.repeat(w.length + 1)), text);
}

function lastEnd(text: string, words: readonly string[]): number {
  let end = -1;
  for (const w of words) {
    const at = text.lastIndexOf(w);
    if (at >= 0 && at + w.length > end) end = at + w.length;
  }
  return end;
}

/** A line's words without its label and a bare data word right after it ("剩余流量" → ""). */
function withoutOwnDataWord(line: string, label: string | null): string {
  const at = label === null ? -1 : line.indexOf(label);
  if (at < 0) return line;
  return line.slice(0, at) + line.slice(at + label!.length).replace(/^(?:流量|数据)/u, '');
}

/** A line right after an amount that says only when the figures are from ("\n截至13日18时58分"). */
const DATE_LINE = /^[ \t]*\n[ \t]*截[至止](?:到)?[\d年月日号时点分:\s]{2,24}(?=\n)/u;

/**
 * "您本月国内畅享流量剩余": the one word the rules do not know in an amount's name stands right between a general scope (国内,
 * 全国) and the data word: without it the name is known. Not a word elsewhere in the name (`夜间流量包（国内）`, `国内通用流量结转共`,
 * where the scope is not what the word qualifies, or a second unknown word stays).
 */
function onlyUnknownAfterScope(words: string, rules: ReplyRules): boolean {
  const named = [...words.matchAll(SCOPE_QUALIFIER)].at(-1);
  if (named === undefined) return false;
  const at = named.index + named[1]!.length;
  return !unknownQualifier(words.slice(0, at) + words.slice(at + named[2]!.length), rules);
}

const SCOPE_QUALIFIER = /(国内|全国)(\p{Script=Han}{1,8}?)(?:流量|数据)/gu;

