import type { ActionKind, Instruction } from '../catalog/schema';
import { compose } from '../catalog/compose';
import { namesPastMonth } from '../catalog/named-month';
import { Recognizer, recognizeLoosely, type Recognized } from '../catalog/recognize';
import { HallError, type Bilingual } from '../errors';
import { Coverage, REWEIGH_FIRST, weighByCoverage, type ActionWords, type Kin as KinOf } from './confidence';
import { fold } from './fold';
import { catalogTerms, FIELDS, type CatalogTerms, type MatchField } from './catalog-terms';
import { englishGrams, hanGrams, letterPairGrams, pinyinForms, type Family } from './grams';
import { Families, type FamilyRole } from './families';
import { ActionDetector } from './intents';
import { isPinyin, pinyinSyllables } from './pinyin';
import { ASKS_US, clausesOf, type Clause } from './language/clauses';
import { AMOUNT_SAID, AMOUNT_UNITS } from './language/concepts';
import { ENGLISH_FILLER, isCommonEnglish } from './language/english';
import { withoutChatFrame } from './language/asides';
import { dataOff } from './language/dialect';
import { QueryReader, type Reading } from './language/reader';
import { ProductNames } from './language/products';
import { namesAnotherPersonsLostLine, namesOtherCarrier, outOfScopeWords, withoutPackages, withoutTheLine } from './language/scope';
import { LatinVocabulary, typoDistance } from './spell';
import { firstRanked, Found, Tally } from './tally';
import type { TermIndex } from './term-index';
import { cut, isStopword, stem } from './text';
import { MAX_QUERY } from './limits';

export type { MatchField } from './catalog-terms';

const EN_FILLER = new Set(ENGLISH_FILLER);
const ACTION_MATCH = 1.15;
const ACTION_CONFLICT = 0.8;
/** Wanting something (我想, want) with no action named leans a little away from asking about it. */
const WISH_NOT_QUERY = 0.85;
const CORRECTED_WORD = 0.85;
const MIN_SCORE = 0.2;
/** A list shorter than this is filled with answers that scored at least FILL_SCORE, as guesses. */
const FILL_TO = 3;
const FILL_SCORE = 0.08;
/** The weight of a reading with a product's other name put in the catalog's word (炫铃 → 彩铃), as English put into Chinese is read. */
const PRODUCT_NAME_READ = 0.9;
const HOMOPHONE_MAX_HANZI = 6;
const HOMOPHONE_WEIGHT = 0.85;
const HOMOPHONE_MIN_COVERAGE = 0.6;
/** A word that may be a code in a sentence, with what is typed onto it (ZD202403, KTYETX30, MMXG#1#2), and the letters a bare code needs there. */
const CODE_WORD = /(?<![A-Za-z\d])[A-Za-z]+(?:[\d#][\dA-Za-z#]*)?/g;
/** A code of digits alone said in a sentence (发0000查业务): only when the catalog has it as a code, never a number of a phone or an amount. */
const DIGIT_CODE = /(?<![\d.])\d{4}(?![\d.])/g;
const MIN_BARE_CODE = 4;
/** What a code typed as one word among others scores (typed alone, it is recognised outright). */
const CODE_IN_SENTENCE = 0.9;
/** Codes are an action (开通 KT, 取消 QX, 查询 CX, 变更 BG) followed by the thing acted on. */
const ACTION_PREFIX = /^(kt|qx|cx|bg)/;
/** A first answer is confident when it scores this well and explains this much of the query. */
const CONFIDENT_SCORE = 0.2;
const CONFIDENT_COVERAGE = 0.4;
/** A first answer far ahead of the second (this many times its score) needs to explain less of a long sentence. */
const CLEAR_LEAD = 1.5;
const CLEAR_LEAD_COVERAGE = 0.25;
const CLEAR_LEAD_SCORE = 0.15;
/** A thing out of scope in one clause of a sentence is let pass when another clause is this well explained, in this many pieces (one at least not an action word). */
const REQUEST_EXPLAINED = 0.5;
const REQUEST_EXPLAINED_PIECES = 2;
/** A runner-up scoring this close to the first, and explaining what the first leaves out, makes the first a guess. */
const NEAR_TIE = 0.9;
/** A further answer is confident only while it scores close to the first. */
const CONFIDENT_NEAR = 0.8;
/** What an instruction is offered of what another of its service's matched (KTSFTH's 三个人一起通话 for 关掉三个人一起通话): a little less than a match of its own. */
const KIN_SHARE = 0.9;
/** What a query reads of today (a balance, data left), asked about a month gone by. */
const PAST_NOT_READ = 0.85;
/** A request pointing back at what a remark named (我想开通一下那个功能): it names nothing of its own. */
const POINTS_BACK = /(?:那个|这个|那种|这种|那|这)(?:功能|业务|服务|东西)/;
/** A reminder asked with nothing of its own to remind of (每天提醒我一下, 到时候通知我). */
const BARE_REMINDER = /^(?:请|帮我|麻烦)?(?:每天|每次|到时候|按时|准时)?(?:都)?(?:提醒|通知|告诉)(?:我|一下|一声)*$/;
/**
 * The verb of a request said as 帮我…一下 / 想…一点 (帮我交一下, 帮我充一下, 想续一点): one character between
 * an asker and a measure of the doing. When no catalog text holds it and it is no action word, the
 * request asks a doing no SMS instruction does (paying, topping up, buying, renewing …), whatever
 * thing the rest of the sentence shares with an instruction.
 */
const VERB_SLOT = /(?:帮我|给我|帮忙|麻烦|想|要|请)([\u4e00-\u9fff])(?=一下|一点|点儿|点|些)/g;
/** Verbs of asking, of doing in general, of looking and of reckoning (问一下, 弄一下, 瞧一下, 算一下, 核一下): they name no doing of their own, only ask to be told. */
const GENERAL_VERBS = new Set([...'问弄搞整办看瞅睇瞧瞄望试算核对数翻听']);
/** Read again by its request, what the whole sentence (its story included) matched counts this much: the request leads. */
const STORY_READ = 0.85;
/** Words in an instruction's texts that say it resets a secret rather than changes it. */
const RESET_MARKS = ['重置', 'reset'];
/** What the general status query (已开通功能) scores at least when a query asks whether something is on. */
const STATUS_FLOOR = 0.2;

export interface SearchResult {
  id: string;
  /** Relevance in [0, 1]. */
  score: number;
  instruction: Instruction;
  /** Parameters when the query was the instruction typed with them (`ZD202610`). */
  params?: Record<string, string>;
  /** The catalog text that matched best, as written there. */
  matched: { field: MatchField; text: string };
  /**
   * Whether this is an answer or only a guess: the query's words are mostly explained by this
   * instruction and nothing in it names a thing outside the catalog. Shown as "maybe …" when false.
   */
  confident: boolean;
  /** When the instruction was typed with a parameter that is wrong (`ZD209913`): what is wrong, in both languages. */
  paramProblem?: { code: string } & Bilingual;
}

/** One query's answers found through another instruction of their service (families.ts): answer → that instruction. */
type Kin = ReadonlyMap<number, KinOf>;
/** What one search judges its answers against: the query's readings, and each answer's kin. */
interface Judged {
  readings: readonly Reading[];
  kin: Kin;
}
interface Answer {
  results: SearchResult[];
  kin: Kin;
}

export class SearchEngine {
  private readonly entries: readonly Instruction[];
  // Terms, by number (the index's term numbers), as columns.
  private readonly termWeight: Float64Array;
  private readonly termField: Uint8Array;
  private readonly termTextId: Int32Array;
  /** Catalog texts as written there, by text number. */
  private readonly texts: string[];
  private readonly index: TermIndex;
  private readonly vocabulary: LatinVocabulary;
  private readonly codes: string[];
  private readonly recognizer: Recognizer;
  private readonly reader: QueryReader;
  private readonly coverage: Coverage;
  /** Every catalog text, folded. */
  private readonly catalogTexts: { has(folded: string): boolean };
  private readonly clauseCache = new Map<string, Clause[]>();
  /** Every character of the catalog's texts, folded: what the catalog speaks of at all. */
  private catalogChars?: Set<string>;
  /** Each entry's best matches while a query is scored, reused from query to query. */
  private tally: Tally | undefined;
  /** Each entry's best over a query's readings, reused likewise. */
  private found: Found | undefined;
  /** Codes by trigram (tri's key) and whole, to find those a query holds; built on first use. */
  private codeIndex: Map<string | number, number[]> | undefined;
  /** What the words of recent queries may be (as typed, or their corrections): the vocabulary never changes, so they stay right. */
  private readonly corrected = new Map<string, readonly { text: string; weight: number }[]>();
  /** Spelling corrections of the words of recent queries (the vocabulary never changes, so they stay right). */
  private readonly corrections = new Map<string, string[]>();
  /** Each service's instructions (families.ts), found on first need. */
  private families: Families | undefined;
  /** China Mobile's products by name (products.ts), and which of them the catalog names; read on first need. */
  private products: ProductNames | undefined;
  /** Every catalog text folded, one a line: whether the catalog names a product at all (asked once per product). */
  private allText: string | undefined;

  /** The catalog's terms, as built (or restored from a prebuilt index: snapshot.ts). */
  readonly terms: CatalogTerms;

  constructor(
    entries: readonly Instruction[],
    private readonly actions: ActionDetector,
    prebuilt?: CatalogTerms,
  ) {
    this.entries = entries;
    // The reader asks for the catalog's words on first need, from the terms built (or restored) just below.
    let terms: CatalogTerms | undefined;
    this.reader = new QueryReader(() => terms!.decodeWords(), (pair) => this.index.knows('z' + pair));
    terms = this.terms = prebuilt ?? catalogTerms(entries, this.reader);
    this.index = terms.index;
    this.termWeight = terms.weight;
    this.termField = terms.field;
    this.termTextId = terms.textId;
    this.texts = terms.texts;
    this.catalogTexts = terms.folded;
    this.vocabulary = new LatinVocabulary(terms.latinWords, pinyinSyllables());
    this.codes = entries.map((e) => e.id.toLowerCase());
    this.recognizer = new Recognizer(entries);
    this.coverage = new Coverage(entries, (text) => this.reader.toCanonical(text), (pair) => this.index.knows('z' + pair), (text) => this.actions.marks(text), () => terms!.englishWords());
  }

  /** The answers to `query`, of which only the first MAX_QUERY code units are read. */
  search(query: string, limit = 10): SearchResult[] {
    return this.answer(asked(query), limit).results;
  }

  /** The answers, with the kin they were found through (their words explain the query for them too). */
  private answer(query: string, limit: number): Answer {
    const first = this.searchAs(query, limit, false);
    // A long sentence that nothing matches, or nothing with confidence, is read again without its
    // context clauses (最近…, …的时候, 上周…以后): they diluted every match. The second reading is
    // taken when it finds something, and, when the first found something, only with confidence.
    if (first.results[0]?.confident) return first;
    // Only a sentence with a clause beside its request as typed has one to leave out (a cheap look before reading it all again).
    if (first.results.length && !this.clauses(foldQuery(query)).some((c) => c.context || !c.request)) return first;
    const again = this.searchAs(query, limit, true);
    return !first.results.length || again.results[0]?.confident ? again : first;
  }

  private searchAs(query: string, limit: number, byRequest: boolean): Answer {
    const none: Answer = { results: [], kin: new Map() };
    const folded = foldQuery(query);
    if (!folded) return none;
    if (this.corrections.size > 1000) this.corrections.clear();
    if (this.corrected.size > 1000) this.corrected.clear();
    // A query that is a catalog text word for word means that text: other readings could only blur it.
    const exact = this.catalogTexts.has(folded);
    const readings = exact ? [{ text: folded, weight: 1 }] : this.reader.read(folded, (w) => this.vocabulary.has(w) || this.vocabulary.has(stem(w)) || this.isCodeTypo(w));
    // 取消炫铃, quxiao laidiantixing: a product the catalog names, by another of its names, is read in the catalog's word too.
    const inCatalogWords = exact ? null : this.productNames().inCatalogWords(folded);
    if (inCatalogWords !== null && !readings.some((r) => r.text === inCatalogWords)) readings.push({ text: inCatalogWords, weight: PRODUCT_NAME_READ });
    if (byRequest) {
      const before = readings.length;
      // A request that names its own thing in every reading (主要就是发发微信，…我想开个没接到电话会发短信告诉我的)
      // leans on no remark for it; 麻烦帮我停掉吧 does not once its politeness is read away.
      const ownThing = readings.every((r) => this.clauses(r.text).every((c) => !c.request || (this.coverage.namesAThing(c.text) && !POINTS_BACK.test(c.text) && this.strangeWords(c.text, () => false).length === 0)));
      for (const r of readings.slice(0, before)) {
        const clauses = this.clauses(r.text);
        // Without its context, and then its request alone (我也搞不清楚，就想问问…: a remark beside it dilutes it as much),
        // unless the remark names what makes the request another's (我的银行卡丢了，帮我停掉).
        const remarks = clauses.filter((c) => !c.request && !c.context);
        const plain = ownThing || remarks.every((c) => !this.coverage.namesOtherKind(c.text) && this.strangeWords(c.text, () => false).length === 0);
        for (const requested of [clauses.filter((c) => !c.context), plain ? clauses.filter((c) => c.request) : []].map((cs) => cs.map((c) => c.text).join(','))) {
          if (requested.length < r.text.length && /\p{Script=Han}/u.test(requested) && !readings.some((x) => x.text === requested)) readings.push({ ...r, text: requested });
        }
      }
      if (readings.length === before) return none;
      // 每个月都担心话费不够，我想设置一个…提醒我的那种闹钟: the worry matched the low-balance alert better than the request did.
      for (let k = 0; k < before; k++) readings[k] = { ...readings[k]!, weight: readings[k]!.weight * STORY_READ };
    }
    // 退订流量包, cancel my data add-on: a package no instruction names is cancelled from the list of what
    // the line subscribes to, never by turning data off (read before the tally: it searches what is left).
    const cancelled = exact ? null : this.packageCancelled(readings);
    // A product the catalog does not name (日租宝, 飞信) cancelled: the list of subscriptions is where to look, never a sure answer.
    const productCancelled = cancelled !== null && readings.some((r) => this.productNames().unknownIn(r.text).length > 0);
    const tally = (this.tally ??= new Tally(this.entries.length, (a, b) => this.termTextId[a] === this.termTextId[b]));
    const found = (this.found ??= new Found(this.entries.length));
    found.clear();
    readings.forEach((reading, k) => {
      tally.clear();
      const offer = (entry: number, score: number, term: number | null) => tally.offer(entry, score, term ?? -1);
      this.scoreGrams(this.queryGrams(reading.text), offer);
      if (k === 0) {
        this.scoreHomophones(reading.text, offer);
        this.scoreCodes(reading.text, offer);
      }
      for (const entry of tally.touched) found.offer(entry, (tally.best[entry]! + 0.1 * tally.second[entry]!) * reading.weight, tally.term[entry]!);
    });

    const typed = this.recognizer.recognize(query) ?? recognizeLoosely(this.recognizer, this.entries, query) ?? this.recognizeWithin(query);
    const misspelt = typed ? null : this.recognizeMisspelt(query);
    const withParams = new Map<number, Recognized>();
    for (const [hit, score] of [[typed, 1.5], [misspelt, 1.2]] as const) {
      if (!hit) continue;
      const index = this.entries.indexOf(hit.instruction);
      found.set(index, score, -1);
      withParams.set(index, hit);
    }

    // Read in Mandarin first when the query was dialect (開定閂 is 开着还是关着: asking, though 開 alone turns on).
    const mandarin = readings.find((r) => r.mandarin);
    const asked = [mandarin, ...readings].reduce<ActionKind | null>((a, r) => a ?? (r ? this.actions.detect(r.text) : null), null);
    const wishes = !asked && this.actions.wishes(readings[0]!.text);
    const value = readings.some((r) => this.actions.setsValue(r.text));
    const toldAny = readings.some((r) => this.actions.asksToBeTold(r.text));
    // 改成30块, 从50元调到10元: a setting given a new value is changed, not turned on.
    const newValue = asked === 'change' && value;
    // Whether the asked action conflicts with an entry's, by the entry's action (a handful of kinds).
    const conflicts = new Map<string, boolean>();
    const conflicting = (action: ActionKind) => {
      let c = conflicts.get(action);
      if (c === undefined) conflicts.set(action, (c = this.actions.conflict(acted!, action)));
      return c;
    };
    // A catalog text typed word for word is its own instruction's, whatever action it names (恢复普通回铃音 turns the tune off).
    const role = exact ? null : this.roleAsked(readings, asked, wishes, value, toldAny);
    // "call waiting on or not?" names `on`, but asks; "want to know if my texts arrived" asks for what tells.
    const told = role !== 'status' && (asked === 'query' || asked === null) && toldAny;
    // 还有几个gb, 3gb: a data amount's unit counted, with no action, asks how much is left.
    const amount = !asked && !wishes && !told && readings.some((r) => AMOUNT_SAID.test(r.text));
    const acted = role === 'status' ? 'query' : role === 'change' ? 'change' : told ? 'enable' : (asked ?? (amount ? 'query' : null));
    const families = role ? (this.families ??= new Families(this.entries)) : undefined;
    // A password forgotten is reset, one remembered is changed: the instruction whose texts say reset (密码重置).
    const forgot = readings.reduce<boolean | null>((f, r) => f ?? this.actions.forgot(r.text), null);
    // 上个月话费多少: a month gone by is read by the instruction that takes a month (the bill), not a balance of today.
    const pastMonth = readings.some((r) => namesPastMonth(r.text));
    // A score weighed by what the query asks of its entry: its action, a password forgotten or remembered, a month gone by.
    const weighAsked = (index: number, score: number) => {
      const entry = this.entries[index]!;
      let weight = score;
      // Whether data is on is not how much of it is left.
      if (role === 'status' && families!.readsAmount(index)) weight *= ACTION_CONFLICT;
      else if (acted ? acted === entry.action : wishes && entry.action === 'enable') weight *= ACTION_MATCH;
      else if (wishes && entry.action === 'query') weight *= WISH_NOT_QUERY;
      else if (acted && conflicting(entry.action as ActionKind)) weight *= ACTION_CONFLICT;
      else if (newValue && (entry.action === 'enable' || entry.action === 'disable')) weight *= ACTION_CONFLICT;
      if (forgot !== null && entry.action === 'change' && RESET_MARKS.some((w) => this.coverage.holds(index, w)) !== forgot) weight *= ACTION_CONFLICT;
      if (pastMonth) weight *= entry.params?.some((p) => p.type === 'month') ? ACTION_MATCH : entry.action === 'query' ? PAST_NOT_READ : 1;
      return weight;
    };
    // Answers under the least score, kept to fill a short list (below).
    let below: { raw: number; index: number }[] | undefined;
    const kinScores = new Map<number, number>();
    const kin = new Map<number, number>();
    const raws: number[] = [];
    const indexes: number[] = [];
    for (const index of found.entries) {
      let score = found.score[index]!;
      if (families) {
        // The member of its service that does what is asked is offered what this one matched.
        const to = families.member(index, role!);
        if (to >= 0 && to !== index && score * KIN_SHARE * ACTION_MATCH > (kinScores.get(to) ?? 0)) {
          kinScores.set(to, score * KIN_SHARE * ACTION_MATCH);
          kin.set(to, index);
        }
      }
      score = weighAsked(index, score);
      if (score < MIN_SCORE) {
        if (score >= FILL_SCORE) (below ??= []).push({ raw: score, index });
        continue;
      }
      raws.push(score);
      indexes.push(index);
    }
    // "what's on on my line" names no service: what is on is the general status query's to say.
    if (role === 'status' && families!.generalStatus >= 0) kinScores.set(families!.generalStatus, Math.max(kinScores.get(families!.generalStatus) ?? 0, STATUS_FLOOR));
    for (const [to, score] of kinScores) {
      const at = indexes.indexOf(to);
      if (at >= 0 ? score <= raws[at]! : score < MIN_SCORE) {
        // Its service's words explain the query for it even when its own match was better; not the words of an amount read (流量余额 for "balance").
        if (role !== 'status' && families!.readsAmount(kin.get(to)!)) kin.delete(to);
        continue;
      }
      if (at >= 0) raws[at] = score;
      else {
        raws.push(score);
        indexes.push(to);
      }
    }
    // Equal scores keep catalog order, which puts the more common instruction first.
    // Enough of the first to re-weigh them all before the limit is taken.
    const ranked = firstRanked(raws, indexes, Math.max(limit, REWEIGH_FIRST)).map((k) => ({ raw: raws[k]!, index: indexes[k]!, term: found.term[indexes[k]!]! < 0 ? null : found.term[indexes[k]!]! }));
    // The first few again, by how much of the query each explains (流量 in 我还有多少流量 over 还有多少话费).
    const judged: Judged = { readings, kin };
    // For confidence, a service is described in whichever of its members' words the catalog happened
    // to (嘀嘀声 in KTHJDD's): turning it off is explained by the things named by turning it on, and
    // the other way round; its action words are judged by its own action (ranking keeps them apart).
    const all = (this.families ??= new Families(this.entries));
    const pairKin = new Map<number, KinOf>(kin);
    for (const { index } of ranked) {
      const action = this.entries[index]!.action;
      const other = action === 'enable' ? all.member(index, 'disable') : action === 'disable' ? all.member(index, 'enable') : -1;
      const through = kin.get(index);
      if (other >= 0 && other !== index && other !== through) pairKin.set(index, through === undefined ? other : [through, other]);
    }
    const judgedAsService: Judged = { readings, kin: pairKin };
    const onlyAction = (index: number) => !withParams.has(index) && this.explained(judged, index, false, 'skipped') === 0;
    weighByCoverage(ranked, (index) => (withParams.has(index) ? 1 : this.explained(judged, index)), onlyAction);
    // 停机 and an answer that can be undone in a near tie, the other explaining more of the query (关掉手机流量, shut off phone
    // data: 停机 for 手机 and 关 as 停用号码, 关闭流量 for those and 流量): a near tie is no evidence for the step no SMS takes
    // back, so the safe answer leads and 停机 is never asserted beside it.
    const safer = (other: { raw: number; index: number }, risky: { raw: number; index: number }) =>
      other.index !== risky.index &&
      other.raw >= NEAR_TIE * risky.raw &&
      !cannotBeUndone(this.entries[other.index]!) &&
      this.explained(judgedAsService, other.index, false, 'skipped') > this.explained(judgedAsService, risky.index, false, 'skipped');
    if (ranked.length > 1 && sentOnATap(this.entries[ranked[0]!.index]!) && safer(ranked[1]!, ranked[0]!)) ranked.splice(0, 2, ranked[1]!, ranked[0]!);
    // A short list (one or two answers) is filled up to three with the best that scored under the least
    // score, as guesses below the rest: the right answer is more often among three (call waiting on or off?
    // found only the general status query). A query nothing scored for still gets none.
    const scored = ranked.length;
    if (ranked.length > 0 && ranked.length < FILL_TO && below) {
      const floor = ranked[ranked.length - 1]!.raw;
      for (const b of below.sort((x, y) => y.raw - x.raw)) {
        if (ranked.length >= FILL_TO) break;
        if (ranked.some((r) => r.index === b.index)) continue;
        ranked.push({ raw: Math.min(b.raw, floor), index: b.index, term: found.term[b.index]! < 0 ? null : found.term[b.index]! });
      }
    }
    // The list of subscriptions leads; what matched the package's kind (流量 → QXGPRS) stays below it as a guess.
    const subscriptions = cancelled === null ? -1 : all.subscriptions;
    if (subscriptions >= 0) {
      const at = ranked.findIndex((r) => r.index === subscriptions);
      const own = at >= 0 ? ranked.splice(at, 1)[0]!.raw : 0;
      ranked.unshift({ raw: Math.max(own, ranked[0]?.raw ?? MIN_SCORE), index: subscriptions, term: found.term[subscriptions]! < 0 ? null : found.term[subscriptions]! });
    }
    // A word no catalog text holds nor is a slip for ("a show on broadway", "show me the channel guide") is
    // a thing the catalog does not know: an answer that explains only the query's action is no answer to it.
    let unknown: boolean | undefined;
    const unknownThing = () =>
      (unknown ??= cut(folded).latinWords.some(
        (w) => !isStopword(w) && !EN_FILLER.has(w) && !/\d/.test(w) && !isPinyin(w) && this.correct(w)[0]?.weight === 1 && !this.vocabulary.has(w) && !this.vocabulary.has(stem(w)) && readings.every((r) => cut(r.text).latinWords.includes(w)),
      ));
    // A query typed in pinyin throughout whose reading left a syllable unread (deng of guan deng, 关灯: no catalog word is 灯, and 等
    // is only half of 等待) names a thing the catalog does not know: an answer that explains only its action in what was read is no answer.
    let unread: boolean | undefined;
    const unreadSyllable = () => {
      const words = cut(folded).latinWords;
      return (unread ??=
        !/\p{Script=Han}/u.test(folded) &&
        words.every((w) => isPinyin(w)) &&
        words.some((w) => !isStopword(w) && readings.every((r) => cut(r.text).latinWords.includes(w))));
    };
    const hanReadings = { readings: readings.filter((r) => /\p{Script=Han}/u.test(r.text)), kin };
    const onlyActionRead = (index: number) => hanReadings.readings.length > 0 && this.explained(hanReadings, index, false, 'skipped') === 0;
    // A query of filler words only (好了，就说这么多了) asks for nothing: any answer is a guess. Not a number (000: a code's slip).
    // A request for a doing the catalog never speaks of (三月份的话费帮我交一下) is answered by none, only guessed at.
    const unknownDoing = this.asksUnknownDoing(readings);
    // 收到短信说我积分要清零…，是真的吗: what is asked is whether a message or a caller told the truth, which no instruction says.
    // The question that ends the sentence doubts, and no clause asks us for anything in so many words (…是真的吗，帮我开一下 does).
    const typedClauses = this.clauses(readings[0]!.text);
    const doubted = typedClauses.at(-1)?.doubts === true && !typedClauses.some((c) => !c.doubts && !c.context && ASKS_US.test(c.text));
    const saysNothing = (!/\d/.test(folded) && readings.every((r) => this.coverage.meaningful(r.text) === 0)) || (!exact && readings.every((r) => !this.coverage.namesAThing(r.text)));
    const top = ranked[0]?.raw ?? 0;
    // gb上网: letters that may be a unit or an action's initials leave what is asked open.
    // (关gb names its action: gb is the data then).
    const eitherWay = readings.some((r) => r.either) && this.actions.detect(readings[0]!.text) === null;
    // Measured against what scored, not against the guesses that filled the list.
    const clearLead = top >= CLEAR_LEAD * (scored > 1 ? ranked[1]!.raw : 0);
    // 余额查询 密码, check balance with my password: the first answer (YE) leaves a thing of the query unexplained that
    // the answer scoring next to it (CXYEH) explains with all the rest. Which of the two is meant is a toss-up the
    // ranking's margin does not settle: both are offered, neither asserted. Not for the list of subscriptions, which
    // leads for a package cancelled whatever matched its kind (how do i cancel my data add-on: 0000 over KTGPRS).
    // Not when what the query asks weighed the two apart (is 3-way calling on on my line: the status query over turning it
    // on; 怎么重新设置 a password forgotten: the reset over the change): a thing one explains and the other not cannot
    // overturn the action asked, only pick between two answers doing the same (search22: right answers made guesses
    // on unseen text otherwise).
    const outExplained =
      scored > 1 &&
      ranked[1]!.raw >= NEAR_TIE * top &&
      !withParams.has(ranked[0]!.index) &&
      ranked[0]!.index !== subscriptions &&
      weighAsked(ranked[0]!.index, 1) <= weighAsked(ranked[1]!.index, 1) &&
      this.explained(judgedAsService, ranked[1]!.index, false, 'skipped') === 1 &&
      this.explained(judgedAsService, ranked[0]!.index, false, 'skipped') < 1;
    // balance and password: CXYEH first, MMXG next to it explaining password. A further answer that needs a confirmation
    // (a password change, 停机, a cancellation) is asserted only when the query asks its action (服务密码想改个新的 asserts both
    // password instructions), or, nothing asked, when it is the other half of the first's on/off pair (彩铃: 小e asks which).
    // Named with no action it is offered as a guess: two topics named are no request to change one of them (session 26).
    const riskyAsked = (index: number) => {
      const entry = this.entries[index]!;
      return !entry.risk.confirm || acted === entry.action || (acted === null && entry.opposite === this.entries[ranked[0]!.index]!.id);
    };
    // Answers sure but for riskyAsked: they keep their place in the list as guesses (我部電話冇咗: YE, then 停机 still offered).
    const unasked = new Set<number>();
    const judge = ({ raw, index, term }: (typeof ranked)[number]): SearchResult => {
      const entry = this.entries[index]!;
      const hit = withParams.get(index);
      const first = index === ranked[0]?.index;
      const sure =
        hit !== undefined ||
        // Only the list of subscriptions may be sure of a package cancelled, and only as sure as its own texts make it (包月, 增值业务);
        // of a product the catalog does not name, not even it: whether the line has the product is for its reply to say.
        ((subscriptions < 0 || (index === subscriptions && !productCancelled)) &&
          !(outExplained && (first || index === ranked[1]!.index)) &&
          !saysNothing &&
          !unknownDoing &&
          !doubted &&
          !eitherWay &&
          // A further answer that what the query asks weighed below the first (密码不记得了: the change under the reset) is offered, not asserted.
          (first || weighAsked(index, 1) >= weighAsked(ranked[0]!.index, 1)) &&
          raw >= (first && clearLead ? CLEAR_LEAD_SCORE : CONFIDENT_SCORE) && raw >= top * CONFIDENT_NEAR && this.explains(judgedAsService, index, first && clearLead ? CLEAR_LEAD_COVERAGE : CONFIDENT_COVERAGE) && !(unknownThing() && onlyAction(index)) && !(unreadSyllable() && onlyActionRead(index)) &&
          // 帮我挺机: what no SMS undoes and one confirmed tap sends (停机) is confident only when asked for in the words typed, never
          // on a slip's reading. A cancel its opposite undoes, or a password change that waits for the passwords to be typed, stays
          // as sure as its words: each is confirmed before sending anyway (a slip rule on them cost about a point of answerable
          // queries on every blind set, session 21).
          (!sentOnATap(entry) ||
            (this.saidAsTyped(judgedAsService, index, first && clearLead ? CLEAR_LEAD_COVERAGE : CONFIDENT_COVERAGE) &&
              // …nor when an answer that can be undone scores next to it and explains more of the query (关掉手机流量).
              !ranked.some((other) => safer(other, { raw, index })))));
      const confident = sure && (first || hit !== undefined || riskyAsked(index));
      if (sure && !confident) unasked.add(index);
      const problem = hit ? paramProblem(hit) : undefined;
      return {
        id: entry.id,
        score: Math.min(1, Math.round(raw * 1000) / 1000),
        instruction: entry,
        ...(hit ? { params: hit.params } : {}),
        matched: term !== null ? { field: FIELDS[this.termField[term]!]!, text: this.texts[this.termTextId[term]!]! } : { field: 'code', text: entry.id },
        confident,
        ...(problem ? { paramProblem: problem } : {}),
      };
    };
    const results: SearchResult[] = [];
    let undoableAbove = false;
    for (const candidate of ranked) {
      if (results.length === limit) break;
      const result = judge(candidate);
      // No guess that cannot be undone under a confident answer that can (see cannotBeUndone), nor one with no more
      // evidence than a guess's (积分兑换话费 → MMXG third; check balance with my password → MMXG under two guesses):
      // it must score and explain as an answer would, bar being near the first. Unless the query says its words (停机 查余额 asks about both).
      if (
        !result.confident &&
        !unasked.has(candidate.index) &&
        cannotBeUndone(result.instruction) &&
        (undoableAbove || (results.length > 0 && (candidate.raw < CONFIDENT_SCORE || !this.explains(judgedAsService, candidate.index)))) &&
        !readings.some((r) => r.text.includes(fold(result.matched!.text)))
      )
        continue;
      undoableAbove ||= result.confident && !cannotBeUndone(result.instruction);
      results.push(result);
    }
    return { results, kin };
  }

  /**
   * What is left of a reading that cancels a package the catalog does not name (退订10元流量包 → 退订), or null.
   * Not when what is left asks something else (流量包还剩多少), nor when it names a service an instruction
   * answers with confidence (取消彩铃包月 → 取消彩铃 is QXCL; 流量包用完了，帮我把流量关了 turns data off).
   */
  private packageCancelled(readings: readonly Reading[]): string | null {
    const subscriptions = (this.families ??= new Families(this.entries)).subscriptions;
    if (subscriptions < 0) return null;
    for (const r of readings) {
      const taken = withoutPackages(r.text, this.productNames().unknown());
      if (taken === null || (!taken.cancelledBefore && this.actions.detect(taken.rest) !== 'disable')) continue;
      // A service is named when the request left finds its turning off with confidence by one of its things: not by
      // the cancelling words alone (我不想要了，怎么取消 finds the data switch's 取消上网), nor by the story of the fee
      // (每个月扣我10块钱的…，帮我退订: the ringback tone's 彩铃扣费不要了).
      // The line itself (from my line, 我手机上的) names no service: only where the package was.
      const request = withoutTheLine(this.clauses(taken.rest).filter((c) => c.request).map((c) => c.text).join(',') || taken.rest);
      const named = this.searchAs(request, 1, false).results[0];
      const index = named?.confident ? this.entries.indexOf(named.instruction) : -1;
      if (index >= 0 && this.entries[index]!.action === 'disable' && this.coverage.count(request, index, (w) => this.correctionsOf(w), 'skipped').content > 0) continue;
      return taken.rest;
    }
    return null;
  }

  /**
   * What no instruction deals in that a folded reading names (scope.ts, but for what `explained` says the
   * instruction's own texts hold), and the products the catalog does not name (飞信, 日租宝: products.ts):
   * no instruction's answer to a question about one is sure.
   */
  private strangeWords(folded: string, explained: (word: string) => boolean): string[] {
    const heard = this.reader.outOfScopeBySound(folded);
    const words = outOfScopeWords(heard.length ? `${folded} ${heard.join(' ')}` : folded, explained);
    const products = this.productNames().unknownIn(folded);
    return products.length ? [...words, ...products] : words;
  }

  private productNames(): ProductNames {
    return (this.products ??= new ProductNames((name) => (this.allText ??= this.texts.map(fold).join('\n')).includes(name), fold));
  }

  /**
   * What the query asks of a service: an action, its state (开着吗, is it on), a new value (`value`), or,
   * wanting it or to be told of something (`told`), to turn it on.
   */
  private roleAsked(readings: readonly Reading[], asked: ActionKind | null, wishes: boolean, value: boolean, told: boolean): FamilyRole | null {
    if (asked !== 'change' && readings.some((r) => this.actions.asksStatus(r.text))) return 'status';
    // 余额低于二十块再提醒我，原来设的是十块: a value for a setting that is on changes it.
    if (value && asked !== 'disable' && asked !== 'query') return 'change';
    if (asked === 'enable' || asked === 'disable' || asked === 'change') return asked;
    return told || wishes ? 'enable' : null;
  }

  /**
   * Whether a query asks about something the catalog does not deal in (公积金余额, 信用卡账单,
   * "pair my earbuds"): its best answer is not confident and it names such a thing. 小e then says
   * there is no instruction for it instead of offering one.
   */
  outOfScope(asTyped: string): boolean {
    const query = asked(asTyped);
    const { results, kin } = this.answer(query, 1);
    const top = results[0];
    if (top?.confident) return false;
    const folded = foldQuery(query);
    if (!folded) return false;
    const entry = top ? this.entries.indexOf(top.instruction) : -1;
    const readings = this.reader.read(folded, (w) => this.vocabulary.has(w));
    return (
      readings.some((r) => this.strangeWords(r.text, (w) => entry >= 0 && this.holds(kin, entry, w)).length > 0) ||
      readings.every((r) => this.coverage.namesOtherKind(r.text))
    );
  }

  /**
   * Whether the words typed explain an entry with no help from a slip: in a reading that is no pinyin keyboard's
   * slip (挺机 read as 停机), as much without the pairs counted by their sound (菜铃 for 彩铃) and the English words by
   * their spelling correction (suspnd) as with them. Asked of what one confirmed tap sends and nothing undoes (停机).
   */
  private saidAsTyped({ readings, kin: kins }: Judged, entry: number, enough: number): boolean {
    const kin = kins.get(entry);
    const correct = (w: string) => this.correctionsOf(w);
    const none = () => [];
    return readings.some((r) => {
      if (r.slip) return false;
      const clauses = this.clauses(r.text).filter((c) => !c.denied);
      const share = (typed: boolean) =>
        Math.max(this.coverage.of(r.text, entry, typed ? none : correct, 'by-action', kin, !typed), clauses.length > 1 ? this.coverage.ofClauses(clauses, entry, typed ? none : correct, kin, !typed) : 0);
      const typed = share(true);
      return typed >= enough && typed >= share(false);
    });
  }

  /** Whether an entry explains the query: most of its words, and no thing the catalog does not deal in. */
  private explains(judged: Judged, entry: number, enough = CONFIDENT_COVERAGE): boolean {
    const { readings, kin } = judged;
    const strange = (t: string) => this.strangeWords(t, (w) => this.holds(kin, entry, w)).length > 0;
    // A thing out of scope in one clause of a sentence (打游戏的时候…, 刚换了个新手机, while roaming) is
    // let pass when, in some reading, the entry explains well another clause that names none.
    // When the query as typed names the thing, the story is judged in a reading that still names it:
    // putting English into Chinese can drop it (phone shows no service since this morning).
    const named = readings.map((r) => strange(r.text));
    // Whether what is asked names it is read as typed: a reading without the question frame (怎么办) may take a remark for the request.
    const typed = named.includes(true) ? this.clauses(readings[0]!.text) : [];
    const asked = typed.some((c) => c.request && strange(c.text));
    // 听说可以用手机付公交车的钱，我想开通一下那个功能: a request pointing back at the clause before it asks for what that
    // clause names, here the strange thing (read as typed: the bare reading drops 那个).
    if (typed.some((c, i) => c.request && i > 0 && POINTS_BACK.test(c.text) && strange(typed[i - 1]!.text) && !this.explainsWell(typed[i - 1]!.text, entry, kin.get(entry)))) return false;
    if (named.includes(true) && !readings.some((r, k) => (!named[0] || named[k]) && this.explainsClause(r.text, entry, strange, kin.get(entry), asked))) return false;
    // Judged by the request clause too: a sentence's story need not be explained.
    return this.explained(judged, entry, true) >= enough;
  }

  /**
   * Whether a sentence has a clause, not mere context and naming nothing strange, that the entry
   * explains well, while the strange thing is only in its story: a last request naming it (流量不够了，订个流量加油包) is not let pass
   * by a clause before it, only by one said after it.
   */
  private explainsClause(text: string, entry: number, strange: (text: string) => boolean, kin: KinOf | undefined, askedStrange = false): boolean {
    const clauses = this.clauses(text);
    const lastRequest = clauses.findLastIndex((c) => c.request);
    // A clause said after the strange request (我打算换个号码，旧号码先停机) is what is asked last: it may carry the sentence.
    const strangeLast = lastRequest >= 0 && strange(clauses[lastRequest]!.text);
    // When what is asked names the strange thing (我想把家里的网关了，孩子天天上网不学习), a remark beside it cannot carry the
    // sentence: only another request can, or a clause that says the instruction's name (我打算换个号码，旧号码先停机).
    const strangeAsked = clauses.some((c) => c.request && strange(c.text));
    // Asked as typed, it must be asked in this reading too: one without 怎么办 took the remark for the request.
    if (askedStrange && !strangeAsked) return false;
    const names = (text: string) => Object.values(this.entries[entry]!.name).some((n) => text.includes(fold(n)));
    return (
      clauses.length > 1 &&
      !clauses.some((c) => !c.context && (namesOtherCarrier(c.text) || namesAnotherPersonsLostLine(c.text))) &&
      clauses.some((c, i) => {
        if (c.context || strange(c.text) || (strangeLast && i < lastRequest) || (strangeAsked && !c.request && !names(c.text))) return false;
        // 我想给我的花浇水，每天提醒我一下: a bare reminder is of what the strange clause names.
        if (BARE_REMINDER.test(c.text)) return false;
        return this.explainsWell(c.text, entry, kin);
      })
    );
  }

  /**
   * Whether the request as typed names a doing (帮我交一下) that no catalog text speaks of: what is
   * asked then is no instruction's, however much of the rest an answer explains. Read as typed: the
   * bare reading drops the 帮我…一下 that shows where the verb is.
   */
  private asksUnknownDoing(readings: readonly Reading[]): boolean {
    const typed = readings[0]?.text ?? '';
    // Most queries have no such verb: the catalog's characters are gathered only for one that has.
    const verbs = [...typed.matchAll(VERB_SLOT)].map(([, v]) => v!).filter((v) => !GENERAL_VERBS.has(v));
    if (verbs.length === 0) return false;
    const known = (this.catalogChars ??= this.gatherCatalogChars());
    const strange = (v: string) => !known.has(v) && this.actions.detect(v) === null && this.coverage.meaningful(v) === 1;
    return verbs.some(strange) && this.clauses(typed).some((c) => c.request && [...c.text.matchAll(VERB_SLOT)].some(([, v]) => !GENERAL_VERBS.has(v!) && strange(v!)));
  }

  private gatherCatalogChars(): Set<string> {
    const chars = new Set<string>();
    for (const t of this.texts) for (const ch of fold(t)) chars.add(ch);
    return chars;
  }

  /** Whether an entry explains most of a clause, a thing of it included. */
  private explainsWell(clause: string, entry: number, kin: KinOf | undefined): boolean {
    const { covered, content, total } = this.coverage.count(clause, entry, (w) => this.correctionsOf(w), 'by-action', kin);
    return content >= 1 && covered >= REQUEST_EXPLAINED_PIECES && covered >= REQUEST_EXPLAINED * total;
  }

  /** Whether an entry's texts, or those of the instruction of its service it was found through, hold a word. */
  private holds(kins: Kin, entry: number, word: string): boolean {
    const kin = kins.get(entry);
    return this.coverage.holds(entry, word) || (kin !== undefined && (typeof kin === 'number' ? [kin] : kin).some((k) => this.coverage.holds(k, word)));
  }

  /** A reading's clauses, cut once however many answers are judged against it. */
  private clauses(text: string): Clause[] {
    let clauses = this.clauseCache.get(text);
    if (clauses) return clauses;
    if (this.clauseCache.size > 500) this.clauseCache.clear();
    clauses = clausesOf(text, (c) => this.actions.detect(c) !== null, (c) => this.actions.wishes(c));
    this.clauseCache.set(text, clauses);
    return clauses;
  }

  /** The share of the query an entry explains, in its best reading; `byRequest`: a sentence's request clause counts more than its context. */
  private explained({ readings, kin: kins }: Judged, entry: number, byRequest = false, actions: ActionWords = byRequest ? 'by-action' : 'as-words'): number {
    const correct = (w: string) => this.correctionsOf(w);
    const kin = kins.get(entry);
    return Math.max(
      ...readings.map((r) => {
        const cut = this.clauses(r.text);
        // What a denial names (我没有要开彩铃，…) is no evidence for an answer: the whole is read without it.
        const said = cut.some((c) => c.denied) ? cut.filter((c) => !c.denied).map((c) => c.text).join('，') : r.text;
        const whole = this.coverage.of(said, entry, correct, actions, kin);
        const clauses = byRequest ? cut.filter((c) => !c.denied) : [];
        return clauses.length < 2 ? whole : Math.max(whole, this.coverage.ofClauses(clauses, entry, correct, kin));
      }),
    );
  }

  /** A Latin word's spelling corrections; asked for each answer and reading, so a word is corrected once. */
  private correctionsOf(w: string): string[] {
    let fixes = this.corrections.get(w);
    if (!fixes) this.corrections.set(w, (fixes = this.correct(w).filter((c) => c.weight < 1).map((c) => c.text)));
    return fixes;
  }

  /** Query grams with a weight each: 1 for words as typed, less for a typo's correction. */
  private queryGrams(folded: string): Map<string, number> {
    const grams = new Map<string, number>();
    const put = (list: string[], w: number) => list.forEach((g) => grams.set(g, Math.max(grams.get(g) ?? 0, w)));
    const { hanRuns, latinWords: typed } = cut(folded);
    put(hanGrams(hanRuns), 1);
    // An amount or a day (改成30块, 每月10号) is a value the person chose, not a word to find: a catalog example holding the same number is no closer.
    const latinWords = typed.filter((w) => !/^\d+$/.test(w));
    if (latinWords.length === 0) return grams;
    // Each reading of the words: as typed, or with a typo corrected (all equally close corrections).
    for (const reading of this.readings(latinWords)) {
      const solid = reading.words.join('');
      if (isPinyin(solid)) put(letterPairGrams(solid), reading.weight);
      if (/^[a-z]{2,8}$/.test(solid) && !reading.words.every((w) => AMOUNT_UNITS.has(w))) put(['i' + solid], reading.weight);
      put(['c' + solid], reading.weight);
      put(englishGrams(reading.words), reading.weight);
    }
    return grams;
  }

  private readings(words: readonly string[]): { words: string[]; weight: number }[] {
    let readings = [{ words: [] as string[], weight: 1 }];
    for (const word of words) {
      const options = this.correct(word);
      readings = readings.flatMap((r) => options.map((o) => ({ words: [...r.words, o.text], weight: Math.min(r.weight, o.weight) })));
    }
    return readings.slice(0, 8);
  }

  /** A Latin word as typed when the catalog knows it (or it is a pinyin syllable), else its closest known words. */
  private correct(word: string): readonly { text: string; weight: number }[] {
    let options = this.corrected.get(word);
    if (!options) this.corrected.set(word, (options = this.correctAnew(word)));
    return options;
  }

  private correctAnew(word: string): { text: string; weight: number }[] {
    // A common English word the catalog does not use is a word of its own, not a slip (ill is not bill).
    if (/^\d+$/.test(word) || this.vocabulary.has(word) || this.vocabulary.has(stem(word)) || isCommonEnglish(word)) return [{ text: word, weight: 1 }];
    const fixes = this.vocabulary.suggest(word, 3);
    const best = fixes[0]?.similarity;
    const closest = fixes.filter((f) => f.similarity === best);
    return closest.length ? closest.map((f) => ({ text: f.word, weight: CORRECTED_WORD * f.similarity })) : [{ text: word, weight: 1 }];
  }

  /**
   * A word of five letters or more one letter or one swap from a code, its action prefix typed right
   * (QXHJCB): the code, never pinyin initials (取消呼叫插播). gbyetx stays 关闭 + YETX.
   */
  private isCodeTypo(word: string): boolean {
    if (word.length < 5 || !/^[a-z]+$/.test(word)) return false;
    const fix = this.correct(word)[0];
    return fix !== undefined && fix.weight < 1 && fix.text.length === word.length && fix.text.startsWith(word.slice(0, 2)) && this.codes.includes(fix.text) && typoDistance(word, fix.text) === 1;
  }

  /**
   * A code typed as one word of a sentence (发ZD202403, text ZD202403 to 10086, please send KTGPRS, 发0000查业务):
   * that instruction, with the parameters typed onto it. Without them only a code of four letters or
   * more: ye, jf, gn are pinyin and English too (wo ye xiang …).
   */
  private recognizeWithin(query: string): Recognized | null {
    const typed = query.normalize('NFKC').trim();
    for (const [word] of typed.matchAll(CODE_WORD)) {
      if (word === typed) return null;
      const withParams = /[\d#]/.test(word);
      // A bare word is looked up among the codes first: most words of a sentence are none.
      if (!withParams && (word.length < MIN_BARE_CODE || !this.isCode(word.toLowerCase()))) continue;
      const hit = this.recognizer.recognize(word);
      if (hit && (withParams || Object.keys(hit.params).length === 0)) return hit;
    }
    for (const [digits] of typed.matchAll(DIGIT_CODE)) {
      if (digits === typed || !this.isCode(digits)) continue;
      const hit = this.recognizer.recognize(digits);
      if (hit && Object.keys(hit.params).length === 0) return hit;
    }
    return null;
  }

  /** Whether a lower-case word is a code of the catalog. */
  private isCode(word: string): boolean {
    this.codesHolding(word);
    return (this.codeIndex!.get(word) ?? []).some((i) => this.codes[i] === word);
  }

  /** `BGYTEX30`, `DZ202609`: a misspelt code typed with its parameters. */
  private recognizeMisspelt(query: string): ReturnType<Recognizer['recognize']> {
    const m = query.normalize('NFKC').trim().match(/^([A-Za-z]+)([\d#].*)$/);
    if (!m) return null;
    for (const fixed of this.correct(m[1]!.toLowerCase())) {
      const hit = fixed.weight < 1 ? this.recognizer.recognize(fixed.text + m[2]) : null;
      if (hit) return hit;
    }
    return null;
  }

  /**
   * In a short query, a hanzi no catalog text uses is most likely a homophone typo (亭机 for 停机,
   * 来电现实): the query's sound then finds a catalog text that sounds almost the same. Not in
   * sentences, where unknown hanzi are everyday words, and not for a loose likeness (小e在吗).
   */
  private scoreHomophones(folded: string, offer: (entry: number, score: number, term: number) => void): void {
    const hanzi = [...cut(folded).hanRuns.join('')];
    if (hanzi.length > HOMOPHONE_MAX_HANZI || hanzi.every((ch) => this.index.knows('z' + ch))) return;
    const heard = pinyinForms(folded);
    if (!heard) return;
    const grams = new Map(letterPairGrams(heard.solid).map((g) => [g, 1]));
    this.scoreGrams(grams, offer, (termCoverage, queryCoverage) =>
      termCoverage >= HOMOPHONE_MIN_COVERAGE && queryCoverage >= HOMOPHONE_MIN_COVERAGE ? HOMOPHONE_WEIGHT * termCoverage * queryCoverage : null,
    );
  }

  /** `likeness` turns coverage into a share of the term's weight, or null for no match at all. */
  private scoreGrams(
    grams: Map<string, number>,
    offer: (entry: number, score: number, term: number) => void,
    likeness: (termCoverage: number, queryCoverage: number) => number | null = (termCoverage, queryCoverage) => termCoverage ** 0.6 * queryCoverage ** 0.4,
  ): void {
    this.index.match(grams, likeness, (t, share) => offer(this.index.entryOf(t), this.termWeight[t]! * share, t));
  }


  /**
   * A code typed in part scores by how much of the code it covers: `gprs` finds KTGPRS and QXGPRS,
   * and so does `cl` for KTCL and QXCL, because it is the whole object after the action prefix.
   */
  private scoreCodes(folded: string, offer: (entry: number, score: number, term: null) => void): void {
    const words = cut(folded).latinWords;
    const solid = words.join('');
    if (solid.length < 2) return;
    // A word of a sentence that is a code (send zd, 帮我 ktcl), unless it is pinyin or English too (ye, gn).
    if (words.length > 1) {
      this.codesHolding(solid);
      for (const w of words) {
        if (isPinyin(w) || isCommonEnglish(w) || isStopword(w)) continue;
        // A slip of a code (KTGPSR please) is read as the code, as when it is typed alone.
        const fix = this.isCodeTypo(w) ? this.correct(w)[0]! : { text: w, weight: 1 };
        for (const i of this.codeIndex!.get(fix.text) ?? []) if (this.codes[i] === fix.text) offer(i, CODE_IN_SENTENCE * fix.weight, null);
      }
    }
    for (const i of this.codesHolding(solid)) {
      const code = this.codes[i]!;
      if (code === solid || !code.includes(solid)) continue;
      if (solid.length >= 3 || code.replace(ACTION_PREFIX, '') === solid) offer(i, 0.85 * (solid.length / code.length) ** 0.3, null);
    }
  }

  /**
   * Codes that may hold `solid`, in catalog order, found without reading all 12,000: for two
   * letters the codes that are an action prefix and them, else those with its rarest trigram.
   */
  private codesHolding(solid: string): readonly number[] {
    if (!this.codeIndex) {
      const index = (this.codeIndex = new Map());
      const put = (key: string | number, i: number) => {
        const list = index.get(key);
        // Codes come in order, so a key already holding this code holds it last.
        if (!list) index.set(key, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      };
      this.codes.forEach((code, i) => {
        put(code, i);
        for (let k = 0; k + 3 <= code.length; k++) put(tri(code, k), i);
      });
    }
    const index = this.codeIndex;
    if (solid.length === 2) return ['kt', 'qx', 'cx', 'bg'].flatMap((action) => index.get(action + solid) ?? []).sort((a, b) => a - b);
    let rarest: number[] | undefined;
    for (let k = 0; k + 3 <= solid.length; k++) {
      const list = index.get(tri(solid, k)) ?? [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return rarest ?? [];
  }
}

/** What a parameter typed with the instruction has wrong, or undefined when they are all right. */
function paramProblem(hit: Recognized): ({ code: string } & Bilingual) | undefined {
  try {
    compose(hit.instruction, hit.params);
    return undefined;
  } catch (e) {
    if (e instanceof HallError) return { code: e.code, zh: e.zh, en: e.en };
    throw e;
  }
}

/**
 * The key of the three UTF-16 units of a word from `at`: a small number when they are ASCII (a Map
 * finds a number faster than it hashes a new string; a whole code is a string of another length),
 * else the three as a string.
 */
function tri(word: string, at: number): string | number {
  const a = word.charCodeAt(at);
  const b = word.charCodeAt(at + 1);
  const c = word.charCodeAt(at + 2);
  return (a | b | c) < 0x80 ? (a << 14) | (b << 7) | c : word.slice(at, at + 3);
}

/**
 * A risky instruction that no SMS of the catalog undoes (停机 has no 复机 here; a password change; a
 * custom instruction to a number that may cost money). It is offered as a guess only when nothing
 * better was found: not below a confident answer that can be undone, so 关闭流量 (QXGPRS) does not list
 * 停机 as "maybe", a wrong tap away. Asked for by name (停机, 挂失) it is a confident answer and stays;
 * below another such answer (密码重置 and 密码修改) it stays a guess too.
 */
/** A query as every reading of it starts: folded, a pasted chat's furniture (names, times, tags, the service's lines) left out. */
function foldQuery(query: string): string {
  return dataOff(withoutChatFrame(fold(query))).trim();
}

function cannotBeUndone(instruction: Instruction): boolean {
  return instruction.risk.confirm && !instruction.opposite;
}

/** What cannot be undone and needs nothing typed: one confirmed tap sends it (停机). */
function sentOnATap(instruction: Instruction): boolean {
  return cannotBeUndone(instruction) && instruction.params.length === 0;
}

/** A query as it is read: its first MAX_QUERY code units, a surrogate pair not cut in two. */
function asked(query: string): string {
  if (query.length <= MAX_QUERY) return query;
  const cut = query.slice(0, MAX_QUERY);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
