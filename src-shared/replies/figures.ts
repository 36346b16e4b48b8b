import type { FigureTemplate, ReplyRules } from './load';
import { spanOf, type Folded } from './normalize';
import { NAMED_CELL_ROW, type Quantity, type QuantityScanner } from './quantities';
import { allMatches } from './regex';
import { currencyOf } from './describe';
import { beyondThePlan, partsByPayer, spendableBalance } from './account-parts';
import { ownClause } from './clauses';
import { assignPools, dataWordsOf, kindOfHeading, kindOfInlineHeading, kindOfTitle, kindsSaidOfAll, poolTag, regionalPools, regionOf, totalsOverKinds } from './kinds';
import { assignHolders, assignRepeats } from './members';
import { assignVoicePools } from './voice-kinds';
import { balanceParts, dueNow, owedParts, spentInParts } from './money-parts';
import { usedOfOverPlanPackage } from './over-plan';
import { bareNaming, deniedStem, labelNaming, stemNaming, suffixNaming, unusedNaming, type Naming } from './labels';
import {
  breakdownOf,
  headingField,
  listedAfter,
  namesPackage,
  planContents,
  useSummary,
  usedUpPackSize,
  sameShapeItem,
  sameTopicItem,
  usedInDays,
  slashTotal,
  usedBeforeSlash,
  tableColumns,
  totalAfterOne,
  totalAfterParts,
  totalBeforeParts,
  spentBeforeTotal,
  spentWithItemsAfter,
  totalsThatAddUp,
} from './structure';
import type { DataPool, Measure, Topic } from './schema';
import type { CanonicalUnit, FigureRecord, Problem } from './types';

const UNIT: Record<Measure, CanonicalUnit> = { money: 'yuan', data: 'MB', minutes: 'min', count: 'sms', points: 'points' };

/** A heading's colon right after an amount, with a note in brackets between or not ("188元（2018优惠计划）："). */
const PRICE_HEADING = /^\s*(?:\([^()]{0,20}\))?\s*:/u;
const HEADING_NOTE = /^[^()\d]{0,20}\)\s*:/u;
/** "/4G" then words: the next network generation (2/3/4G 网络, 3/4G赠送流量), not the total of a used amount (2/4GB). */
const NETWORKS = /^\/[2-5][gG]\p{Script=Han}/u;

/** The words right after an amount, up to a separator or a bracket. */
const TAIL_OF_OTHER = /^[^\d\s,;、。!?()+:]{1,6}/u;

/** A hyphen right before an amount (or read as its sign) and right after it ("-9元-"). */
const HYPHEN_BEFORE = /-\s*\d?$/u;
// "—-6元（6折）-咪咕视频3G" (real r20-143): a note in brackets on the price (its discount) stands before the hyphen after it.
const HYPHEN_AFTER = /^\s*(?:\([^()\d]{0,6}\d?[^()\d]{0,6}\)\s*)?-/u;
const PACKAGE_END = /(?:包|套餐)\s*$/u;

/** Labels name the amount that follows them within the same sentence. */
const SENTENCE_END = /[。!?\n]/gu;
const HAN_STOP = /(?<=\p{Script=Han})\.(?=\p{Script=Han})/gu;
const SENTENCE_END_ONE = /[。!?\n]/u;
const NEXT_LINE_CLAUSE = /^[ \t]*\n[^\n\d。!?]{1,12}$/u;
const CLAUSE_END = /[,;:。!?()\n、+]/u;

/**
 * A line that ends right after an amount (or in 其中, that opens parts), with no stop, and a line that opens with a label of
 * use, left, a total, a balance or spending, or a stem of use of two characters (使用：19, real r23a-071's lines) ("已使用0.7MB\n剩余可用165.9MB", "您的家庭帐户已消费24.03元\n余额为56.80元"): the
 * break stands where a comma would, one clause of the sentence on each line (real r15-139's "166.6MB（…），已使用0.7MB，剩余可用
 * 165.9MB" written a clause a line). Not a line of a list or the line after it (a number or a dash opens it: "1.套餐及固定费
 * ￥30.0\n2.…", "9.帮助\n温馨提示"), a title (【…】), a table's row (amounts set apart by spaces), a line naming its item after a
 * colon ("剩余流量：国内流量100MB\n已使用流量200MB": the kind is the item's), nor a line opening with another name
 * ("赠送国内流量50MB50.00MB"): those lines stay sentences of their own.
 */
// The amount may be followed by its clause's mark ("…共10GB，\n已用2GB，\n剩余8GB", round 54): the line goes on as without it.
const LINE_AFTER_AMOUNT = /(?:\d(?:[a-z]{1,2}|元|分钟|分|条|%)?(?:\([^()\n]*\))?|其中)[ \t]*[,;]?[ \t]*$/u;
const LIST_LINE = /^[ \t\u3000]*(?:\d{1,4}[ \t]*[.、:\-－)]|[(（]?\d{1,2}[)）]|[一二三四五六七八九十]+、|[-－*•·【\[]|$)/u;
const TABLE_ROW = /\d[^\s\d]*[ \t\u3000]+[^\s\d]*\d/u;
const ITEM_AFTER_COLON = /:\s*[^\d\s:][^:]*\d[^:]*$/u;
const GOES_ON = new Set(['used', 'remaining', 'total', 'balance', 'spentThisMonth']);

function clausesOnLines(text: string, rules: ReplyRules): string {
  const opens = [...new Set(rules.figures.flatMap((t) => t.fields.filter((r) => GOES_ON.has(r.field) && !r.weak).flatMap((r) => [...r.labels, ...(r.stems ?? [])].filter((l) => /^\p{Script=Han}{2,}/u.test(l)))))];
  const lines = text.split('\n');
  let out = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const [above, line] = [lines[i - 1]!.replace(/\r$/u, ''), lines[i]!];
    const head = line.trimStart();
    const opener = above.trimEnd().endsWith('其中') || opens.some((l) => head.startsWith(l));
    // A row of one cell under a table header ("代收费 19.73\n合计 199.93", ours, round 51) stays a line of its own.
    const clause = opener && LINE_AFTER_AMOUNT.test(above) && !LIST_LINE.test(above) && !LIST_LINE.test(line) && !TABLE_ROW.test(above) && !TABLE_ROW.test(line) && !NAMED_CELL_ROW.test(above) && !ITEM_AFTER_COLON.test(above);
    out += (clause ? (/[,;][ \t]*$/u.test(above) ? ' ' : ',') : '\n') + line;
  }
  return out;
}

export interface FigureReading {
  figures: FigureRecord[];
  problems: Problem[];
  /** Topics of the amounts found, named or not. */
  topics: Topic[];
}

/** A package name and where it ends in the original text. */
export interface PackageName {
  name: string;
  end: number;
}

export interface Read {
  figure: FigureRecord;
  precision: number;
  /** Figures checked together: one package, or the whole template. */
  group: string;
  /** The folded words between the previous amount (or sentence) and this one: what names its kind. */
  context: string;
  /** The folded text between the previous amount and this one, across sentences (a heading line). */
  before: string;
  /** The folded text of its sentence up to it ("国内通用流量已使用80%，剩余2.00GB"). */
  sentenceSoFar: string;
  /** Which sentence it is in: a kind carries over to the next amount only within one. */
  sentence: number;
  /** The kind named in brackets right after the amount ("1.23GB（国内通用）"). */
  tagPool: DataPool | null;
  /** Written inside brackets ("（其中5G网络流量8.1GB）"): a note, whose kind does not carry on. */
  inBrackets: boolean;
  /** The open bracket it is written in ("（其中结转1.2GB，本月套餐6.45GB"): where it opens and its words so far. */
  bracket: { at: number; words: string } | null;
  /** A part of the amount before it ("其中…", or the items after one): its kind is its whole's. */
  part: boolean;
  /** Where the amount starts and ends in the folded text. */
  start: number;
  end: number;
  /** Its data words hold a qualifier the rules do not know where a kind word stands (kinds.ts): no kind is its own. */
  kindUnknown?: boolean;
  /**
   * Its scope (国内, 省内) was kept as a guess past a word the rules do not know (kinds.ts), or its kind goes on from such an
   * amount: `origin` is the index of that amount in `reads`, `words` the unknown name (`国内闲时流量` → `闲时`), when found.
   */
  scopeGuess?: { origin: number; words?: string };
}

/** Masked regions (folded offsets) where nothing may be read as an amount. */
export type Mask = [number, number][];

/**
 * Reads the amounts of a reply whose wording names a topic (余额, 流量…): each amount of that
 * topic's measure takes the field of the nearest label, and anything left unnamed is reported.
 * `boilerplate` (disclaimers such as 具体以月结账单为准) is masked and names no topic.
 */
export function readFigures(
  original: string,
  folded: Folded,
  rules: ReplyRules,
  scanner: QuantityScanner,
  mask: Mask,
  packageNames: PackageName[],
  boilerplate: Mask = [],
  closedMonths: Mask = [],
): FigureReading {
  // "您的话费为50.68元.其中:…" (real r23b-043): an English full stop between two Chinese words ends a sentence (never a
  // decimal point nor a link's); one character for one, so every offset stays.
  const lined = folded.text.replace(HAN_STOP, '。');
  const text = lined.includes('\n') ? clausesOnLines(lined, rules) : lined;
  const topical = masked(text, boilerplate);
  const region = regionOf(rules, text);
  rules = regionalPools(rules, region);
  // "0.29元/MB" is a price, no figure; "语音叠加包（200分钟/月）" is the allowance a package gives each month.
  const monthly = (q: Quantity) => q.measure !== null && ALLOWANCES.has(q.measure) && MONTHLY.test(text.slice(q.end, q.end + 4));
  const scanned = scanner.scan(masked(text, [...mask, ...boilerplate])).filter((q) => monthly(q) || !RATE.test(text.slice(q.end, q.end + 8)));
  // Topic words cut by an aside count too ("您上月(2016年04月)消费").
  const compact = ASIDE_HINT.test(topical) ? topical.replace(ASIDE, '') : topical;
  const active = rules.figures.filter(
    (t) => t.when.some((w) => topical.includes(w) || (compact !== topical && compact.includes(w))) || namedByUnit(t, topical, scanned) || billLines(t, topical, scanned),
  );
  if (active.length === 0) return { figures: [], problems: [], topics: [] };
  const quantities = scanned.map((q) => (q.alternatives ? inTopic(q, topical, active) : q));

  // "【余量提醒】…已使用101.14MB": the title of a notice names none of its amounts (its words still name the topic).
  // "流量总量情况：已使用…2.66GB": nor does a heading of a summary (…情况：), whatever label words it holds.
  const blank = (t: string) => ' '.repeat(t.length);
  const titled = text.includes('【') ? text.replace(TITLE, blank) : text;
  const untitled = titled.includes('情况') ? titled.replace(SUMMARY_HEADING, blank) : titled;
  const sentenceEnds = allMatches(SENTENCE_END, text).map((m) => m.index + 1);
  // The ends are in order: a binary search, since this is asked for every amount (a long reply has hundreds of each).
  const sentenceOf = (at: number) => {
    let lo = 0;
    let hi = sentenceEnds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentenceEnds[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const span = (q: Quantity) => spanOf(original, folded, q.start, q.end);
  const topicWords = active.flatMap((t) => t.when);
  const candidatesOf = (q: Quantity, sentenceSoFar: string) =>
    active.filter((t) => (q.measure === null || t.measure === q.measure) && !namesOtherThing(t, sentenceSoFar, topicWords));
  const reads: Read[] = [];
  // Bill lines whose name ends with a word of a discount, with that name (`discountLines`).
  const discountNamed = new Map<Read, string>();
  let context = '';
  let before = '';
  let sentenceSoFar = '';
  let sentence = 0;
  let tagPool: DataPool | null = null;
  let inBrackets = false;
  let bracket: Read['bracket'] = null;
  // The quantity the last read came from: a list of parts goes on only from the amount right before.
  let lastReadAt = -1;
  let current = -1;
  // The first read of the clause group in progress (from the sentence or a semicolon): the next group may repeat its shape.
  let groupHead: Read | undefined;
  const add = (figure: FigureRecord, q: Quantity, part = false) => {
    lastReadAt = current;
    const opens = !groupHead || groupHead.sentence !== sentence || context.includes(';');
    reads.push({ figure, precision: q.precision, group: figure.template, context, before, sentenceSoFar, sentence, tagPool, inBrackets, bracket, part, start: q.start, end: q.end });
    if (opens) groupHead = reads.at(-1);
  };
  const problems: Problem[] = [];
  const topics = new Set<Topic>();
  let windowFloor = 0;
  // Where the last amount with a unit ended (a bare number such as 80% does not count).
  let measuredEnd = 0;
  let unnamedAmounts = 0;
  // The last amount named by a heading line ("已使用套餐内流量：\n国内通用：8.25GB"), by index.
  let lastHeaded = -2;
  // The sentence in which a named amount opened its items (其中, including…).
  let itemsOpen = -1;

  // A table's rows are lines whatever they end in.
  const columns = tableColumns(lined, quantities, active);
  // The floor each amount's words started from, so that an amount that is part of a name gives its words back.
  const floors: number[] = [];
  // Where the last bound read ended (an amount a threshold word compares with).
  let boundEnd = -1;
  quantities.forEach((q, qi) => {
    current = qi;
    floors[qi] = windowFloor;
    // "您本月(2012年07月)截止到21日话费为46.83元": the numbers of a date name nothing and keep the words before them;
    // so does a version's year ("…日租卡（2017版）省内移动数据流量500MB", real r18-154: the semicolon before it still opens a group).
    if (q.measure === null && q.decimals === 0 && DATE_WORD.test(text.slice(q.end, q.end + 3))) return;
    // "可享受省内3/4G赠送流量：3GB": the 3 of the networks a kind of data is for (3/4G) names nothing either.
    if (q.measure === null && q.decimals === 0 && q.value >= 2 && q.value <= 5 && NETWORKS.test(text.slice(q.end, q.end + 4))) return;
    // "还有2G~30M流量、支付宝大礼包等壕礼" (real r21-027): a range of amounts is no one customer's figure (here an offer's
    // prizes, labelling rule 9); the words before it named the range, not what follows.
    if (rangeEnds(text, q, quantities[qi + 1]) || rangeEnds(text, quantities[qi - 1], q)) {
      windowFloor = q.end;
      return;
    }
    const ended = sentenceEnds.filter((e) => e <= q.start);
    const floor = Math.max(windowFloor, ended.at(-1) ?? 0);
    before = text.slice(windowFloor, q.start);
    sentenceSoFar = text.slice(Math.max(ended.at(-1) ?? 0, measuredEnd), q.start);
    const window = untitled.slice(floor, q.start);
    const candidates = candidatesOf(q, text.slice(ended.at(-1) ?? 0, q.start));
    // A threshold ("剩余不足1GB，当前剩余0.85GB") is no amount: the words before it still name the next one.
    if (candidates.length > 0 && isThreshold(window, text.slice(q.end, q.end + 8), rules)) {
      boundEnd = q.end;
      return;
    }
    // "按照0.29元/M计费，超套餐流量每达到100M仅收费10元" (real r18-004, r17-121, r18-080): in a sentence that states a rate,
    // an amount after a step word is the tariff's step, no use and no charge of the customer's (labelling rule 11).
    if (candidates.length > 0 && tariffStep(text, ended.at(-1) ?? 0, sentenceEnds.find((e) => e > q.start) ?? text.length, window, rules)) return;
    // "可免费使用流量至1GB（1024MB）" (real r18-066): an amount in brackets right after a bound restates the bound.
    if (q.measure !== null && boundEnd >= 0 && RESTATED.test(text.slice(boundEnd, q.start)) && /^\s*\)/u.test(text.slice(q.end))) return;
    const tag = poolTag(text, q.end, rules);
    tagPool = tag?.pool ?? null;
    windowFloor = tag?.end ?? q.end;
    // "1、4G飞享家庭套餐188元：移动数据流量已使用约0M" (real r17-056): the price that ends a package's name in a heading,
    // right before its colon, cuts none of the words that name the amounts after it.
    // Nor does a number in a note in brackets that ends it ("188元（2018优惠计划）：").
    // "3、通用流量统付个人流量套餐500M:已使用500.00M" (real r17-036): nor does a size that ends it.
    const priceHeading =
      (q.measure === 'money' || q.measure === 'data') && PRICE_HEADING.test(text.slice(q.end, q.end + 24)) && /(?:套餐|包)\s*$/u.test(text.slice(Math.max(0, q.start - 4), q.start));
    if (priceHeading || (q.measure === null && HEADING_NOTE.test(text.slice(q.end, q.end + 24)))) windowFloor = floors[qi]!;
    if (q.measure !== null) measuredEnd = q.end;
    // "赠送1400分钟本地)已使用29.37M" (real r17-137): the words right after an amount of minutes or messages are its own
    // (本地 says which calls), and name no kind of the data after them.
    const prior = quantities[qi - 1];
    const priorOther = q.measure === 'data' && prior !== undefined && prior.end === floor && (prior.measure === 'minutes' || prior.measure === 'count');
    const ownTail = (words: string) => words.replace(TAIL_OF_OTHER, (t) => (/流量|数据|上网|gprs/u.test(t) ? t : blank(t)));
    context = priorOther ? ownTail(window) : window;
    if (priorOther && prior.end === q.start - sentenceSoFar.length) sentenceSoFar = ownTail(sentenceSoFar);
    sentence = ended.length;
    const open = /\(([^)]*)$/u.exec(text.slice(ended.at(-1) ?? 0, q.start));
    inBrackets = open !== null;
    bracket = open ? { at: (ended.at(-1) ?? 0) + open.index, words: open[1]! } : null;
    const bare = q.measure === null;
    // "上月结转至本月的随意玩5元上网套餐为801.16M": a price in a package's name, where no money is spoken of, is no
    // amount, and the words before it still name what follows.
    if (candidates.length === 0 && q.measure === 'money' && namesPackage(text.slice(q.end, q.end + 10))) windowFloor = floors[qi]!;
    // "上月结转至本月的随意玩5元上网套餐为1024.00M" beside money figures (real r20-100): a price followed by a data word and a
    // package word is in the package's name wherever money is spoken of too.
    if (q.measure === 'money' && DATA_PACKAGE_AFTER.test(text.slice(q.end, q.end + 10))) {
      windowFloor = floors[qi]!;
      return;
    }
    // "视频定向流量月包（话费扣费）-9元-优酷已使用0MB" (real r18-002): a price set off by hyphens inside a product's name is
    // no amount either, where money is spoken of too, and the words before it still name what follows.
    // "夜间流量包（省内）5元1G已使用0MB" (real r18-140, r18-135): a price with a package's size right after it is no amount
    // either, also where money is spoken of (a bill read there took it for a line); the size gives the words back.
    const sizeNext = quantities[qi + 1];
    if (q.measure === 'money' && sizeNext?.measure === 'data' && specAfterPrice(text, q, sizeNext)) return;
    if (q.measure === 'money' && HYPHEN_BEFORE.test(text.slice(Math.max(0, q.start - 2), q.start + 1)) && HYPHEN_AFTER.test(text.slice(q.end, q.end + 16))) {
      windowFloor = floors[qi]!;
      return;
    }
    if (candidates.length === 0) return;
    // Sizes in a package's name, no figure (labelling rule 9); their words name what follows.
    // "定向流量月包（话费扣费）—-6元（6折）-咪咕视频3G已使用0MB" (real r20-143): so is a size after a price set off by hyphens in a
    // product's name and the name's words after it.
    const pricedName = PRICED_NAME.exec(text.slice(Math.max(0, q.start - 40), q.start))?.[1];
    if (!bare && q.measure !== 'money' && pricedName !== undefined && !labelNaming(candidates, pricedName)) {
      // The whole name gives its words back, from before its price (a number in the price's note, 6折, cut them).
      const price = quantities.findLastIndex((x, i) => i < qi && x.measure === 'money');
      windowFloor = floors[price]!;
      return;
    }
    if (!bare && q.measure !== 'money' && sizeInName(text, q, prior, sizeNext, bracket, candidates)) {
      windowFloor = nameFloor(text, q, prior, floors, qi);
      return;
    }
    // "已使用上网流量142.83M(146258KB)": the amount right before, said again in another unit, is no new figure
    // (two amounts left of one kind would be added up).
    const said = reads.at(-1);
    // "已使用7938.4K，约等于7.8M" (real r22-032): so is the amount said again rounded, after a word of about (约等于).
    const between = text.slice(said?.end ?? 0, q.start);
    const slack = said && ABOUT_SAID.test(between) ? Math.max(0.005 * Math.abs(said.figure.value), q.precision) : 0.005 * Math.abs(said?.figure.value ?? 0);
    if (!bare && said?.sentence === sentence && (RESTATED.test(between) || ABOUT_SAID.test(between)) && Math.abs(q.value - said.figure.value) <= slack) return;
    // "短信：已用12，剩余88，共100", "SMS: 12 used": a whole number with no unit, in a sentence last about an allowance
    // counted in messages or minutes, is in that allowance's unit when a label of its own names it.
    // A counter right after it says what it counts ("国内通话已用2小时": hours, not 2 minutes; round 54).
    const implied = bare && q.decimals === 0 && q.value < 100000 && !COUNTED.test(text.slice(q.end, q.end + 3)) ? impliedAllowance(active, text.slice(ended.at(-1) ?? 0, q.start)) : undefined;
    const impliedNaming = implied ? (suffixNaming([implied], text, q.end) ?? labelAcrossAsides([implied], window, false) ?? stemNaming([implied], window, rules.notStems)) : null;
    const named =
      impliedNaming ??
      (bare
        ? Number.isInteger(q.value) && COUNTED.test(text.slice(q.end, q.end + 3))
          ? null
          : bareNaming(candidates, window)
        : (sizeBeforeSuffix(suffixNaming(candidates, text, q.end), labelAcrossAsides(candidates, window, floor === floors[qi] && floor > 0), window) ??
          stemNaming(candidates, window, rules.notStems)));
    const unused = named ? unusedAfterLabel(named, candidates, window, rules) : undefined;
    const found = named && kindInList(named, window, reads.at(-1), sentence) ? null : unused !== undefined ? unused : named && (stemBeforeTotal(named, window, rules) ?? named);
    const itemised = candidates.find((t) => t.items);
    // "实时话费：月租费38.00元", "本月消费明细：套餐费…": a label before a colon heads a list of bill lines, named by their own words.
    const naming = columns.get(qi) ?? (found && itemised && LIST_HEAD.test(window.slice(found.end)) ? null : found);
    // "其中国内通用10GB（含5G网络流量8GB）": a bracket's opening 含 says a part of the amount before it, not a total.
    const opened = naming && bracket && naming.template.bracketParts.includes(naming.label) && bracket.words.trimStart().startsWith(naming.label);
    const whole = opened ? reads.at(-1) : undefined;
    // "剩余12.53GB（包含20GB）": what is more than the amount before it is no part of it, but the total.
    if (whole && whole.sentence === sentence && whole.figure.template === naming!.template.id && q.value <= whole.figure.value) {
      topics.add(naming!.template.topic);
      add(record(naming!.template, whole.figure.field, q.value, span(q), null), q, true);
      return;
    }
    // "您201401累计消费76.60元", "您201402月总话费20.60元": what was spent in a closed month (one named before the month of
    // receipt) is that month's bill, whatever label, or none, names the spending.
    const closedBill = q.measure === 'money' ? closedMonthBill(rules, text, q, closedMonths) : undefined;
    if (closedBill) {
      topics.add(closedBill.template.topic);
      add(record(closedBill.template, 'total', q.value, span(q), closedBill.label), q);
      return;
    }
    if (naming) {
      const { template, rule, label } = naming;
      if (naming.suffixEnd !== undefined) windowFloor = Math.max(windowFloor, naming.suffixEnd);
      if (itemised && q.measure === itemised.measure && opensBreakdown(text.slice(q.end, q.end + 12), itemised, true)) itemsOpen = sentence;
      // "您当月费用合计7.50元", "您当月消费合计为90元" (real r22-029, monthly-usage-0707, to a reader without the label): a total's word
      // (合计, 总额) right after a period's charges of now or its spending, with no bill line read before it, sums what was spent
      // this month; it is the bill's total only when its lines follow (rule 1, `spentWithItemsAfter`: a total's word keeps it so).
      // Only a bare sum (合计, 总额): 共消费, 总费用 name the bill's total in their own words ("您本月话费共消费40.00元").
      const sumWord = template.items && rule.field === 'total' && naming.suffixEnd === undefined ? template.totalWords.find((w) => label.endsWith(w) && !/消费|费用/u.test(w)) : undefined;
      const lead = sumWord !== undefined && naming.end <= window.length ? window.slice(0, naming.end - sumWord.length) : '';
      const periodSum = (periodCharges(lead) || SPENDING.test(lead)) && !reads.some((r) => r.figure.template === template.id && r.figure.field === 'item');
      const spender = periodSum ? candidates.find((t) => t.fields.some((r) => r.field === SPENT)) : undefined;
      if (spender) {
        topics.add(spender.topic);
        add(record(spender, SPENT, q.value, span(q), label), q);
        return;
      }
      topics.add(template.topic);
      // "共消费48.00元，包括：套餐月费58.00元，…，赠送话费抵扣-14.00元": a deduction written below zero among a bill's
      // lines is one of them (the lines add up to the total); after the total (已由赠款抵扣20.00元) it stays none.
      const lastLine = reads.at(-1);
      const amongLines = lastLine?.sentence === sentence && lastLine.figure.template === template.id && lastLine.figure.field === 'item';
      const deductionLine = template.items && rule.field === 'other' && q.value < 0 && amongLines ? itemName(window) : null;
      // "您本月套餐费58元已扣除": a charge's amount with a word after it saying it is taken is a bill line, not a payment.
      const chargedLine = template.items && rule.field === 'other' && naming.suffixEnd !== undefined && template.chargedAfter.includes(label) && CHARGE.test(window) ? itemName(window) : null;
      const line = deductionLine ?? chargedLine;
      if (line) {
        const itemSpan = spanOf(original, folded, floor + line.at, floor + line.at + line.text.length);
        add({ ...record(template, 'item', q.value, span(q), null), item: itemSpan.text }, q);
        return;
      }
      // "您已结清欠费6.69元" (real r20-075): a debt said paid in the label's own clause is owed no more, but paid (other).
      const paid = rule.negate && rules.moneyParts.settled.some((w) => ownClause(window.slice(0, naming.at), 'label').includes(w));
      if (paid) {
        const other = template.fields.find((r) => r.field === 'other');
        if (other) add(record(template, other.field, q.value, span(q), label), q);
        return;
      }
      // "活动获赠的100M省内流量已生效" (real r20-048): a gift's size announced with no word of use or left of it in its sentence
      // (尚未使用, 剩余…) is no total of the customer's (labelling rule 9); "本月您获赠的2GB省内流量尚未使用" is one.
      if (rule.field === 'total' && GIFT_NAME.test(label) && !saysUseOrLeft(template, text.slice(q.end, sentenceEnds.find((e) => e > q.end) ?? text.length))) return;
      const value = rule.negate ? -Math.abs(q.value) : q.value;
      const part = template.breakdown.some((w) => window.includes(w));
      // "已使用312分钟，其中套餐内300分钟": a part named by where it lies keeps the field of its whole; so does one named
      // only by a word of what was done ("剩余1206.77MB，其中免费手机上网流量190.44MB", real r22-049: 上网 says no use there).
      const whole = part && (rules.partNames.includes(label) || rule.weak === true) ? reads.at(-1) : undefined;
      const field = whole?.sentence === sentence && whole.figure.template === template.id ? whole.figure.field : doneOrTotal(naming, text, q, quantities[qi + 1], window);
      // "流量王日包-赠送606M省内流量已使用完", "流量王日包-3元10M国内流量已使用完" (real r18-140): a gift's or a package's size
      // said used up names the gift or package, no amount used (the corpus writes none).
      if (field === 'used' && USED_UP.test(text.slice(q.end)) && (GIFT_NAME.test(window) || specAfterPrice(text, quantities[qi - 1], q))) return;
      add(record(template, field, value, span(q), label), q, part);
      return;
    }
    // An allowance per month that no label names is its package's total.
    if (monthly(q)) {
      const total = candidates.find((t) => t.measure === q.measure && t.fields.some((r) => r.field === 'total'));
      if (total) {
        topics.add(total.topic);
        add(record(total, 'total', q.value, span(q), null), q);
      }
      return;
    }
    // A gift's size, also after its period, with what is used or left of it later in its clause (after its name, maybe a
    // colon) names the gift (labelling rule 9), no heading's total nor a figure; its words name what follows. One rule for
    // "赠送6个月1G区内流量:已使用1024.00M" (real r17-036, r18-036) and "其中赠送1G省内流量剩余1015.83M" (real r18-022).
    const following = quantities[qi + 1];
    if (!bare && following?.measure === q.measure && GIFT_SIZE.test(text.slice(Math.max(0, q.start - 12), q.start)) && (GIFT_THEN.test(text.slice(q.end, following.start)) || (GIFT_ITEM.test(text.slice(Math.max(0, q.start - 12), q.start)) && GIFT_THEN_CLAUSE.test(text.slice(q.end, following.start))))) {
      windowFloor = floors[qi]!;
      return;
    }
    // "消费明细：\n月租费：38.00元": a bill line named by its own words is no line of the heading's field.
    const billLine = itemised !== undefined && BILL_LINE.test(window);
    const heading = bare || billLine ? undefined : headingField(candidates, before, lastHeaded === qi - 1 ? reads.at(-1) : undefined, reads.at(-1));
    if (heading) {
      lastHeaded = qi;
      topics.add(heading.template.topic);
      add(record(heading.template, heading.field, q.value, span(q), null), q, heading.part === true);
      return;
    }
    const next = quantities[qi + 1];
    const after = text.slice(q.end, q.end + 10);
    // "您订购的夜间5元10GB流量包，剩余3GB": a size in a package's name is no figure, and its words name what follows, with
    // those before the price it comes after (a kind word in a package's own name, settled 2026-12-06, session 19).
    if (!bare && namesPackage(after)) {
      if (q.measure !== 'money') windowFloor = nameFloor(text, q, prior, floors, qi);
      return;
    }
    // "和视频定向流量促销包1GB包内移动数据流量共有1024.00MB" (real r18-056): an amount between a package word and 包内 is the
    // size in the package's name; its words name what follows.
    if (!bare && PACKAGE_END.test(window) && /^\s*包内/u.test(after)) {
      windowFloor = floors[qi]!;
      return;
    }
    // "流量加油包10元500MB已使用120MB": an amount right after a price is the size in a package's name; its words name what follows.
    if (!bare && specAfterPrice(text, quantities[qi - 1], q)) {
      windowFloor = floors[qi - 1]!;
      return;
    }
    // "Current month charges: RMB 57.84, including voice RMB 12.30, data RMB 40.00": after an amount that opens items,
    // the unnamed amounts of its sentence are its items, no list of its field.
    // "本月已消费27.33元，其中套餐费18.00元": the parts of what was spent, named as charges, are bill lines.
    // "本月话费：32.10元（月租18元+通话费11.10元…）": so are charges in a bracket opened right after it.
    const spent = reads.at(-1);
    const opensParts = (w: string) => itemised!.itemsAfter.some((x) => w.includes(x)) || (bracket !== null && spent !== undefined && /^\s*$/u.test(text.slice(spent.end, bracket.at)));
    const spentParts = itemised !== undefined && q.measure === itemised.measure && spent?.figure.field === 'spentThisMonth' && spent.sentence === sentence && CHARGE.test(window) && opensParts(window);
    if (spentParts) itemsOpen = sentence;
    const inItems = itemised !== undefined && itemsOpen === sentence;
    // An amount after an enumeration comma ("本地主叫75分钟、国内长途23分钟") is a list item, never a total.
    // "国内通用流量30GB（已用10GB，剩余20GB），定向流量10GB": after a bracket of notes, the list goes on from the item before it.
    const listed = !inBrackets && reads.at(-1)?.inBrackets ? reads.findLast((r) => !r.inBrackets) : reads.at(-1);
    // "已使用3GB，剩余7GB，合计10GB": a sum word (合计) after the parts of a total that add up to it is that total, not
    // a sum of the list in its field (that is "省内剩余1GB，国内剩余2GB，合计3GB").
    const sumOfParts = rules.allKinds.some((w) => window.includes(w)) ? totalAfterParts(candidates, q, reads) : undefined;
    // The words since the amount last read, when no amount with a unit stands between (dates and codes may).
    const sinceRead = () => (reads.length > 0 && quantities.slice(lastReadAt + 1, qi).every((x) => x.measure === null) ? text.slice(reads.at(-1)!.end, q.start) : null);
    const partOf = bare || inItems || deniedStem(candidates, window, rules.notStems) !== null
      ? undefined
      : (sumOfParts ??
        totalAfterOne(candidates, q, reads, sentence, window, rules.allKinds) ??
        useSummary(candidates, text.slice(ended.at(-1) ?? 0, q.start), window) ??
        bracketItems(candidates, window, bracket, listed, text, q.value) ??
        slashTotal(candidates, window, reads.at(-1), sentence) ??
        usedBeforeSlash(candidates, text, q, next) ??
        // "…已用完，省内流量1GB剩余450.56MB": an amount its part follows with no clause mark between is that part's
        // total, before any list of the field read before it goes on.
        (next && !CLAUSE_MARK.test(text.slice(q.end, next.start)) ? totalBeforeParts(candidates, text, q, next, sentenceOf, rules.notStems) : undefined) ??
        breakdownOf(candidates, window, after, tagPool, listed, sentence, rules, bracket, lastReadAt === qi - 1, groupHead?.sentence === sentence ? groupHead : undefined, LINE_AFTER.test(before), sinceRead()) ??
        (window.trimStart().startsWith('、') ? undefined : totalBeforeParts(candidates, text, q, next, sentenceOf, rules.notStems)) ??
        totalAfterParts(candidates, q, reads) ??
        listedAfter(candidates, window, after, reads.at(-1), sentence, reads.findLast((r) => r.figure.label !== null)) ??
        sameShapeItem(candidates, window, reads.at(-1), sentence) ??
        sameTopicItem(candidates, window, reads, sentence) ??
        usedInDays(candidates, sentenceSoFar) ??
        planContents(candidates, sentenceSoFar, window) ??
        (q.measure === 'data' && (next === undefined || next.measure !== 'data' || sentenceOf(next.start) !== sentence) ? usedUpPackSize(candidates, window, text.slice(q.end)) : undefined));
    if (partOf) {
      topics.add(partOf.template.topic);
      add(record(partOf.template, partOf.field, q.value, span(q), null), q, partOf.part === true);
      return;
    }
    if (bare) {
      // A decimal with no unit in a figures reply is an amount nobody named; a whole number is a code or a count.
      if (q.decimals > 0) problems.push({ code: 'unattributed', span: span(q), detail: 'no unit and no label' });
      return;
    }
    // "您10月消费58.00元，其中：套餐及固定费…": the amount its items follow is their total.
    const sum = itemised?.sums.find((x) => x.parts.includes('item'));
    // "1、套餐及固定费用63.21元,包括来电提醒￥3.00元…；2、…；本月消费合计64.83元" (real r23a-002): a numbered line's amount
    // is a line of the bill, its sub-lines after 包括 are lines too (the lead's rule of 2026-12-07), the total comes after.
    if (itemised && sum && opensBreakdown(text.slice(q.end, q.end + 12), itemised) && !NUMBERED_LINE.test(text.slice(Math.max(0, q.start - 40), q.start))) {
      topics.add(itemised.topic);
      add(record(itemised, sum.total, q.value, span(q), null), q);
      return;
    }
    const item = itemised && amongItems(itemised, text, q, window, reads, itemsOpen >= 0) ? itemName(window) : null;
    if (itemised && item) {
      topics.add(itemised.topic);
      const itemSpan = spanOf(original, folded, floor + item.at, floor + item.at + item.text.length);
      add({ ...record(itemised, 'item', q.value, span(q), null), item: itemSpan.text }, q);
      // "…增值业务费3.10元,**优惠减免3.00元" (real r23b-060, r25a-043): a line whose name ends with a word of a discount
      // (`discountWords`: 优惠, 减免…) may take off; whether it does, the bill's sum says (`discountLines`, round 54).
      const name = item.text.replace(/[\s:*]+$/u, '');
      if (q.value > 0 && itemised.discountWords.some((w) => name.endsWith(w)) && itemised.fields.some((r) => r.field === 'other')) discountNamed.set(reads.at(-1)!, name);
      return;
    }
    // "您当月累计话费为126.70元", "话费已消费136.32元", "本月通信费199.00元" (real r20-068, r15-174, r23b-020, to a reader without
    // the label): the charges of the period of now, or what was spent so far, are what was spent this month (a bill's total
    // when its lines follow and add up to it: rule 1, `spentWithItemsAfter`).
    const spending = q.measure === 'money' && (periodCharges(window) || SPENDING.test(window)) ? candidates.find((t) => t.fields.some((r) => r.field === SPENT)) : undefined;
    if (spending) {
      topics.add(spending.topic);
      add(record(spending, SPENT, q.value, span(q), null), q);
      return;
    }
    for (const t of candidates) topics.add(t.topic);
    unnamedAmounts++;
    problems.push({ code: 'unattributed', span: span(q), detail: `no label names this ${candidates[0]!.measure} amount` });
  });

  const hasNamed = reads.length > 0;
  // Nothing named: a stray decimal is no answer, and amounts next to marketing words are an ad.
  if (!hasNamed && (unnamedAmounts === 0 || rules.offers.some((w) => text.includes(w)))) {
    return { figures: [], problems: [], topics: [] };
  }

  // "$": the dollar of the region the reply names (a CMHK reply's is HK$), else as written.
  for (const r of reads) {
    const own = r.figure.currency === null ? undefined : region?.currencies[r.figure.currency];
    if (own !== undefined) r.figure.currency = own;
  }
  saidAgainInBrackets(reads, text);
  discountLines(reads, discountNamed);
  // Rules 4-7 of 2026-12-06: use beyond the plan and money kept beside what can be spent are no figures of the customer's own.
  beyondThePlan(reads, rules);
  spendableBalance(reads);
  totalsThatAddUp(reads, active, text);
  spentBeforeTotal(reads, active);
  spentWithItemsAfter(reads, active);
  if (spentInParts(reads, text, rules)) topics.add('bill');
  partsByPayer(reads);
  assignPackages(reads, active, packageNames);
  assignPools(reads, rules, text);
  kindsSaidOfAll(reads, text, sentenceEnds, rules);
  kindOfTitle(reads, text, rules);
  kindOfHeading(reads, text, rules);
  kindOfInlineHeading(reads, text, rules);
  totalsOverKinds(reads);
  assignVoicePools(reads, rules, text);
  balanceParts(reads, text, rules);
  owedParts(reads, rules);
  // What is due read as owed is a balance's figure, whether or not a balance word made that template active.
  if (dueNow(reads, text, rules)) topics.add('balance');
  usedOfOverPlanPackage(reads, text, rules);
  assignHolders(reads, rules, dataWordsOf(rules.figures).dataWords);
  assignRepeats(reads, text, rules);
  problems.push(...checkSums(reads, rules.figures));
  return { figures: reads.map((r) => r.figure), problems, topics: [...topics] };
}

/**
 * A bill line named by a discount word (`**优惠减免3.00元`, real r23b-060, r25a-043) is the bill's other money, a discount taken
 * off, only when the bill's total (or what was spent) is its other lines less it: 0.30 + 3.10 − 3.00 = 0.40. Round 52 made every
 * such line other by its name alone; a charge whose name ends so (`亲情号码优惠5.00元` of a bill whose lines add up with it), or a
 * bill with no total to tell, keeps it a line (round 54).
 */
function discountLines(reads: Read[], named: Map<Read, string>): void {
  for (const [line, name] of named) {
    const f = line.figure;
    const money = (r: Read) => currencyOf(r.figure.currency) === currencyOf(f.currency);
    const others = reads.filter((r) => r !== line && money(r) && r.figure.template === f.template && r.figure.field === 'item');
    const totals = reads.filter((r) => money(r) && ((r.figure.template === f.template && r.figure.field === 'total') || r.figure.field === SPENT));
    const added = others.reduce((s, r) => s + r.figure.value, 0);
    const slack = Math.max(line.precision, ...others.map((r) => r.precision)) * (others.length + 2) + 1e-9;
    if (!totals.some((t) => Math.abs(added - f.value - t.figure.value) <= slack + t.precision && Math.abs(added + f.value - t.figure.value) > slack + t.precision)) continue;
    line.figure = { ...f, field: 'other', item: null, label: name };
  }
}

/** A bracket that holds only a label and the amount (`已使用700MB（本月使用700MB）`), not its parts (`（含游戏点卡70.00元）`). */
const BRACKET_OPEN = /^\s*\((?![^\d()]*(?:含|包括|其中|including))\s*[^\d()]{0,12}$/u;
const BRACKET_CLOSE = /^\s*\)/u;

/**
 * "已使用700MB（本月使用700MB）": the same use said again in a bracket of its own is one figure (the lead's rule of 2026-12-07);
 * a different amount there (`已使用3GB343MB（本月使用3GB334MB）`) is a figure of its own.
 */
function saidAgainInBrackets(reads: Read[], text: string): void {
  for (let i = reads.length - 1; i > 0; i--) {
    const [a, b] = [reads[i - 1]!, reads[i]!];
    const same = a.figure.topic === b.figure.topic && a.figure.field === b.figure.field && a.figure.pool === b.figure.pool && Math.abs(a.figure.value - b.figure.value) < Math.min(a.precision, b.precision) / 2;
    if (same && !a.inBrackets && b.inBrackets && BRACKET_OPEN.test(text.slice(a.end, b.start)) && BRACKET_CLOSE.test(text.slice(b.end))) reads.splice(i, 1);
  }
}

/**
 * "您本月通话总时长为500分钟，已用100分钟": an amount named only by a word of what was done (`weak`) is the total
 * when a label of that field names the next amount, of the same measure, in its sentence (what was done is said there).
 */
function doneOrTotal(naming: Naming, text: string, q: Quantity, next: Quantity | undefined, window: string): string {
  if (!next || next.measure !== q.measure) return naming.rule.field;
  const between = text.slice(q.end, next.start);
  // "移动数据流量累计150.00M\n已使用35.95M": a clause on the next line says what was done as after a comma.
  if (SENTENCE_END_ONE.test(between) && !(naming.rule.weak && NEXT_LINE_CLAUSE.test(between))) return naming.rule.field;
  if (!naming.rule.weak) return kindTotal(naming, text, between, next) ?? naming.rule.field;
  // "您本月已使用上网流量134.52M，其中…套餐外已使用34.00M": a label of use right before the word says it is use.
  const lead = window.slice(0, naming.at);
  if (naming.template.fields.some((r) => !r.weak && r.field === naming.rule.field && r.labels.some((l) => l.length > 1 && lead.endsWith(l)))) return naming.rule.field;
  // "随意玩无线上网流量共1024.0M,还剩1024.0M" (real r26-025): the data's own name after the word of what was done (上网流量) and a
  // sum's word (共) before the amount, then what is left of it: the sum is the allowance, not its use (alone, "上网流量共300MB", use).
  const left = naming.template.fields.some((r) => !r.weak && r.field === 'remaining' && r.labels.some((l) => l.length > 1 && between.includes(l)));
  if (left && NAMED_SUM.test(window.slice(naming.end)) && naming.template.fields.some((r) => r.field === 'total')) return 'total';
  // "累计150.00M，仅使用35.95M": a verb of use (使用, a stem of two characters) after an adverb the labels lack says it too; not
  // after a word of not or can ("已通话25分钟，未使用5分钟" says what is left).
  const stemSaid = (stem: string) => stem.length > 1 && [...between.matchAll(new RegExp(stem, 'gu'))].some((m) => !/[未没不可]$/u.test(between.slice(0, m.index)));
  const said = naming.template.fields.some((r) => !r.weak && r.field === naming.rule.field && (r.labels.some((l) => l.length > 1 && between.includes(l)) || (r.stems ?? []).some(stemSaid)));
  return said && naming.template.fields.some((r) => r.field === 'total') ? 'total' : naming.rule.field;
}

/** The allowance's own noun (流量, 数据) then a sum's word, right before the amount. */
const NAMED_SUM = /^\s*(?:流量|数据)[^,;:。!?\n]{0,4}?(?:共计|合计|总计|总共|共有|共)\s*[:为是]?\s*$/u;

/**
 * "上月结转流量省内闲时…4GB1018MB，已使用0MB；" (real r17-099): the amount a kind's name labels as left (结转流量),
 * followed in its clause group by an amount used and none left, is what that kind holds in all.
 */
function kindTotal(naming: Naming, text: string, between: string, next: Quantity): string | undefined {
  const { template, rule, label } = naming;
  if (!template.kindWords.some((k) => label.startsWith(k))) return undefined;
  const used = template.fields.find((r) => r.field === 'used' && !r.weak);
  const total = template.fields.find((r) => r.field === 'total');
  if (!used || !total || rule.field === 'used' || rule.field === total.field) return undefined;
  // Nothing but a label of use between them (使用了, 已消耗 as well as 已使用), and a joiner (：, 为) before the next amount.
  const usedWord = used.labels.filter((l) => between.includes(l)).sort((a, b) => b.length - a.length)[0];
  if (usedWord === undefined || !/^[\s,:为]*$/u.test(between.replace(usedWord, ''))) return undefined;
  const group = text.slice(next.end).split(/[;。!?\n]/u)[0]!;
  return rule.labels.some((l) => l.length > 1 && group.includes(l)) ? undefined : total.field;
}

function kindInList(naming: Naming, window: string, last: Read | undefined, sentence: number): boolean {
  return (
    last !== undefined &&
    last.sentence === sentence &&
    last.figure.template === naming.template.id &&
    last.figure.field !== naming.rule.field &&
    naming.template.kindWords.some((k) => naming.label.startsWith(k)) &&
    /^[\s,、]*$/u.test(window.slice(0, naming.at))
  );
}

// A version is a year too ("日租卡（2017版）", real r18-154). A date's number is whole and its word on its line: "余额：12.50\n月租费…"
// is a balance before a line that starts with 月 (round 54).
const DATE_WORD = /^[^\S\n]*(?:年|月|日|号|时|点|版)/u;
/** What every aside holds: a bracket or a digit. */
const ASIDE_HINT = /[(\d]/u;
const ASIDE = /\([^()]*\)|(?:截[至止][至到]?|到)?\d{1,4}\s*(?:年|月份?|日|号|时|点)(?:\s*\d{1,4}\s*(?:年|月份?|日|号|时|点))*/gu;

/**
 * "流量安心包包含1GB流量已用完" (real r18-061), "获赠的5G省内流量尚未使用" (r18-072): a label of the total right before the
 * amount says the size it was given, and the word after it says what became of it: the label before names it. Otherwise
 * the word after the amount wins ("5GB国内通用流量已用完" is used).
 */
function sizeBeforeSuffix(after: Naming | null, before: Naming | null, window: string): Naming | null {
  if (!after || !before || before.rule.field !== 'total' || before.template !== after.template) return after ?? before;
  const gap = window.slice(before.end);
  return SIZE_GAP.test(gap) || (HAN.test(after.label) && SIZE_GAP.test(gap.replace(/:\s*$/u, ''))) ? before : after;
}

const HAN = /\p{Script=Han}/u;

/** Between a label and its amount when the label states the size: nothing but 的, 为 or spaces (after a colon the label
 * heads what follows in English: "UK data allowance: 4.50GB remaining of 10GB"; "包含：1GB流量已用完" is still its size). */
const SIZE_GAP = /^[\s的为是]*$/u;

/**
 * The nearest label, also when an aside cuts it ("您上月(2016年04月)消费", "本月截止到21日话费为"): a bracket
 * or a date between its words. Offsets of a label found so are those of the window, counted from its end.
 */
function labelAcrossAsides(candidates: FigureTemplate[], window: string, afterAmount: boolean): ReturnType<typeof labelNaming> {
  const plain = labelNaming(candidates, window, afterAmount);
  // Only an aside after the label found (or anywhere, when none is) can cut a longer one.
  if (!ASIDE_HINT.test(plain ? window.slice(plain.end) : window)) return plain;
  const compact = window.replace(ASIDE, '');
  const found = compact.length === window.length ? null : labelNaming(candidates, compact, afterAmount);
  if (!found || found.label === plain?.label) return plain;
  const shift = window.length - compact.length;
  return { ...found, at: found.at + shift, end: found.end + shift };
}

/**
 * "已使用20GB（主卡15GB，副卡5GB）": amounts named only by a short name, in a bracket opened right after an amount,
 * are its parts, in its field (used or total; of an allowance: a bill's lines are read by their own names).
 */
function bracketItems(candidates: FigureTemplate[], window: string, bracket: Read['bracket'], whole: Read | undefined, text: string, value: number) {
  if (!bracket || !whole || whole.inBrackets || text.slice(whole.end, bracket.at).trim() !== '') return undefined;
  // A part is less than its whole (约合10240MB says the whole again), and parts of an amount left would be added up to it.
  if (value >= whole.figure.value || whole.figure.field === 'remaining') return undefined;
  const template = candidates.find((t) => t.id === whole.figure.template);
  if (!template?.packages || !BRACKET_ITEM.test(window)) return undefined;
  return { template, field: whole.figure.field, part: true };
}

const BRACKET_ITEM = /^[(,、\s]*\p{Script=Han}{1,6}[:\s]*$/u;

/** The allowance whose word comes last in a sentence so far, when it counts messages or minutes (a bare number can be in its unit). */
function impliedAllowance(active: FigureTemplate[], sentenceSoFar: string): FigureTemplate | undefined {
  let best: { t: FigureTemplate; end: number } | undefined;
  for (const t of active) {
    for (const w of t.when) {
      const at = sentenceSoFar.lastIndexOf(w);
      if (at >= 0 && (!best || at + w.length > best.end)) best = { t, end: at + w.length };
    }
  }
  return best && best.t.packages && (best.t.measure === 'count' || best.t.measure === 'minutes') ? best.t : undefined;
}

/** Between an amount and the same amount in another unit: an opening bracket only. */
const RESTATED = /^\s*\(\s*$/u;
/**
 * "您的话费还有3天到期", "账户里还有2张优惠券" (ours, review44): a whole number with no unit followed right after by a counter
 * word (天, 次, 张, 个…) counts days or things; no label of a bare number (余额, 积分) names it as money or points. A decimal
 * (`余额56.30`) counts nothing, a counter on the next line or after a space is no counter of it (`余额：12\n月初将扣月租`), and
 * neither is a counter that starts a longer word (月租, 日租, 月底, 个人…: `余额12月租费18元` ours, round 52).
 */
const COUNTED = /^(?:个(?!人)|天|日(?!租|期|均)|周|月(?!租|费|底|初|末|结|功能)|年(?!费|租)|次|张|条|项|笔|小时|份|件|位|人|户|台|部(?!分)|期(?!间)|倍|折|岁|秒)/u;
const ABOUT_SAID = /^\s*,?\s*(?:约等于|约合|约为|相当于|≈)\s*$/u;
const BILL_LINE = /(?:^|\n)[^\n\d:]{1,12}费[^\n\d:]{0,4}:\s*$/u;
// "您当月话费使用明细为：4G套餐月租费：…": a few words (使用明细为) may stand between the label and its colon, and a
// line's name may start with a network (4G).
const LIST_HEAD = /^[^\d:,;。]{0,6}:\s*(?:[^\s\d:]|\d{1,2}g)/u;

/**
 * A size in a package's name (labelling rule 9), never a figure:
 * - one a price says it holds: "【4G流量加油包】10元含100M:", "40.00元（含700.00M流量）套餐" (real r17-036, r17-004, r16-014);
 * - one the same size follows, with only name words between: "赠送国内流量70MB70.00MB", "30MB数据流量叠加卡30.00MB" (real r17-085);
 * - what a package holds, in brackets right after its name, said used up with it: "2元超级包（8G校园流量）已使用完",
 *   "10元优惠包（3GB省内流量+3.7GB校园流量+…）已使用完" (real r15-119, r19-025);
 * - one a hyphen joins to the name's words before it: "赠送省内流量-5MB已使用0.48M", "纯流量套餐-100M全国…通用流量"
 *   (real r21-014, r17-023; the dev labels write no figure for any of the five, with spaces or not: r18-015, r18-023, r19-025).
 */
function sizeInName(text: string, q: Quantity, prior: Quantity | undefined, next: Quantity | undefined, bracket: Read['bracket'], candidates: FigureTemplate[]): boolean {
  if (prior?.measure === 'money' && PRICE_HOLDS.test(text.slice(prior.end, q.start))) return true;
  if (HYPHEN_JOINED.test(text.slice(Math.max(0, q.start - 4), q.start))) return true;
  const between = next ? text.slice(q.end, next.start) : '';
  // "已使用流量2678 K ≈2.62 M" (real r23b-117): an amount said again after a word of about is the same figure, not a name.
  if (next?.measure === q.measure && NAME_WORDS.test(between) && !ABOUT_SAID.test(between) && !labelNaming(candidates, between) && Math.abs(next.value - q.value) <= 1e-9 + 0.005 * q.value) return true;
  if (bracket === null) return false;
  // What a package holds, in brackets right after its name, then what is used or left of the package (labelling rule 9):
  // "2元超级包（8G校园流量）已使用完", "新2元超级叠加包(100M国内流量)已使用0M", "2元省内流量不限量（1G高速省内流量+低速省内流量）
  // 剩余1017.00M" (real r15-119, r16-002, r18-014). One rule for the three round 24-25 wrote per wording (round 28). A bracket
  // its own 含 opens says what the package holds, a total ("5元GPRS套餐（含30M）已使用…"), unless the package is said used up.
  if (!PACKAGE_NAME_END.test(text.slice(0, bracket.at))) return false;
  const after = text.slice(q.end);
  // "5元上网流量包（30M），包含30.0M上网流量，已使用…" (real r22-032): a size alone in the brackets, said again after them, is
  // the name's; the size said again is the pack's total.
  if (bracket.words.trim() === '' && /^\s*\)/u.test(after) && next?.measure === q.measure && Math.abs(next.value - q.value) <= 1e-9 + 0.005 * q.value) return true;
  return CONTENTS_USED_UP.test(after) || (q.measure === 'data' && !/^\s*(?:内含|包含|含)/u.test(bracket.words) && CONTENTS_THEN_USE.test(after));
}

/** Right after a price: a data word, then a pack or plan ("5元上网套餐", "10元流量包"; not 包内). */
const DATA_PACKAGE_AFTER = /^\s*(?:上网|流量|数据|gprs)[^\s\d,;。、:()]{0,4}?(?:包(?!内)|套餐)/u;

/** A label of use or left (two characters or more) in `words`. */
function saysUseOrLeft(template: FigureTemplate, words: string): boolean {
  return template.fields.some((r) => (r.field === 'used' || r.field === 'remaining') && !r.weak && [...r.labels, ...(r.suffixes ?? [])].some((l) => l.length > 1 && words.includes(l)));
}

/** A price set off by hyphens (a note on it in brackets or not), then a name's words (no label) right up to an amount. */
const PRICED_NAME = /-\s*\d+(?:\.\d+)?\s*元\s*(?:\([^()]{0,8}\)\s*)?-([^\d\s,;。:()!?\n、+为是-]{1,12})$/u;
/** Between a range's two ends: a tilde (～ folds to ~), a hyphen or dash, 至 or 到. */
const RANGE_SIGN = /^\s*(?:~|〜|-|–|—|至|到)\s*$/u;

/** `a` and `b` are the two ends of one range ("2G~30M", "10元至20元", "1-2GB": a bare first end takes the second's unit). */
function rangeEnds(text: string, a: Quantity | undefined, b: Quantity | undefined): boolean {
  if (!a || !b || b.measure === null || (a.measure !== null && a.measure !== b.measure)) return false;
  // "10元-20元": the hyphen was read as the second amount's sign (money is signed).
  return RANGE_SIGN.test(text.slice(a.end, text[b.start] === '-' ? b.start + 1 : b.start));
}

/** A name's last word (or its bracket), then a hyphen right before a size: the size is the name's (no money comes here). */
const HYPHEN_JOINED = /[\p{Script=Han})] *- *$/u;
/** A price's own 含 before a size ("10元含100M", "50元（含1G流量）"). */
const PRICE_HOLDS = /^\s*\(?\s*(?:内含|包含|含)\s*$/u;
/** Words of a name between two amounts: no number, separator, bracket or label joiner. */
const NAME_WORDS = /^[^\d,;。:()!?\n、+为是]{0,12}$/u;
/** How a package's name ends: a pack (包), a plan (套餐), an unlimited plan (流量不限量). */
const PACKAGE_NAME_END = /(?:包|套餐|不限量)\s*$/u;
/** The rest of a bracket after a package's name, then 已使用完: the package, contents and all, is used up. */
const CONTENTS_USED_UP = /^[^()。;\n]*\)\s*已(?:经|全部)?(?:使用|用)(?:完|尽)/u;
/** The rest of a bracket after a package's name, then what is used or left of the package, with its amount. */
const CONTENTS_THEN_USE = /^[^()。;\n]*\)\s*(?:已(?:经)?(?:使用|用)了?|还?剩余)\s*(?:约\s*)?\d/u;

/**
 * Where the words a size in a package's name gives back start: those before the price it comes right after ("省内5元1GB
 * 流量包"), else its own, never past the name's clause mark or colon.
 */
function nameFloor(text: string, q: Quantity, prior: Quantity | undefined, floors: number[], qi: number): number {
  return specAfterPrice(text, prior, q) ? nameStart(text, prior!.start, floors[qi - 1]!) : nameStart(text, q.start, floors[qi]!);
}

/**
 * Where the name a price stands in starts: back from the price to a clause mark or a colon (not before `floor`), so that
 * a list's heading ("各项流量套餐使用情况如下:1.10元包100M自动加油包") is no word of the name.
 */
function nameStart(text: string, at: number, floor: number): number {
  let from = at;
  while (from > floor && !NAME_EDGE.test(text[from - 1]!)) from--;
  return from;
}
const NAME_EDGE = /[,;。:!?\n]/u;

/** "10元500MB", "30元包1GB": an amount written right after a price (package 包 between at most). */
function specAfterPrice(text: string, price: Quantity | undefined, q: Quantity): boolean {
  // "38元_300M国内通用流量" (real r25b-002): an underscore joins the two as 包 does.
  return price !== undefined && price.measure === 'money' && q.measure !== 'money' && /^\s*[包_]?\s*$/u.test(text.slice(price.end, q.start));
}

/** The thing last named in the clause group is not this topic ("WLAN时长已用120分钟，剩余880分钟" is no call time). */
function namesOtherThing(t: FigureTemplate, sentence: string, topicWords: string[]): boolean {
  if (t.unless.length === 0) return false;
  const group = sentence.slice(sentence.lastIndexOf(';') + 1);
  const last = (words: string[]) => Math.max(-1, ...words.map((w) => group.lastIndexOf(w)));
  const other = last(t.unless);
  if (other < 0) return false;
  // "WLAN分钟数": the topic's word right after the other thing's name is said of that thing.
  const own = Math.max(-1, ...topicWords.map((w) => group.lastIndexOf(w)).filter((at) => !t.unless.some((u) => group.slice(0, at).trimEnd().endsWith(u))));
  return other >= own;
}

/** What ends a clause between two amounts. */
const CLAUSE_MARK = /[,;。:!?\n、(]/u;

/** A gift word right before an amount, maybe with the period it is given for (赠送1G, 赠送6个月1G). */
const GIFT_SIZE = /(?:赠送|获赠)的?\s*(?:\d+\s*个?(?:月|天|年)\s*)?$/u;
/** The words after a gift's size up to a label of what is left or used of it. */
const GIFT_THEN = /^[^\d,;。:!?\n]{0,12}?:?\s*(?:剩余|已使用|已用)\s*$/u;
/**
 * "使用情况如下:1、…;2、赠送300M全国流量,已使用300MB" (real r25b-002): a gift's size opening an item of a numbered list of packages
 * is its name's, with its use in the clause right after (the lead's rule of 2026-12-07); outside such an item
 * ("本月赠送1GB国内流量，已使用200MB") the size stays the gift's total.
 */
const GIFT_ITEM = /(?:^|[;:。\n])\s*\d{1,2}[、.]\s*[^\d,;。:]{0,4}(?:赠送|获赠)$/u;
const GIFT_THEN_CLAUSE = /^[^\d,;。:!?\n]{0,12}?,\s*(?:剩余|已使用|已用)\s*$/u;
/** A gift word in an amount's name before it (赠送606M, 赠送省内流量 - 66M), and the words after it saying all of it is used. */
const GIFT_NAME = /(?:赠送|获赠)[^\d,;。:!?\n]{0,10}$/u;
// A note in brackets may stand between ("赠送30M省内流量(4G飞享8元套餐)已使用完", real r18-140).
const USED_UP = /^(?:[^\d,;。:!?\n(]|\([^()]{0,16}\)){0,24}?已(?:经|全部)?(?:使用|用)(?:完|尽)/u;

/** 时 opening a duration (时长, 时间), not a moment ("达15GB时"). */
const DURATION = /^时(?:长|间)/u;

/** An amount right after a tariff's step word (每达到, 仅收费, 按每) in a sentence that states a rate (0.29元/M, 按每3MB). */
function tariffStep(text: string, from: number, to: number, window: string, rules: ReplyRules): boolean {
  const lead = window.replace(/[\s:=为是]+$/u, '');
  if (!rules.tariffs.before.some((w) => lead.endsWith(w))) return false;
  const sentence = text.slice(from, to);
  return rules.tariffs.rates.some((re) => sentence.search(re) >= 0);
}

/** "余额已低于10元", "10GB以上": the amount is a threshold the words compare with, not a figure. */
function isThreshold(window: string, after: string, rules: ReplyRules): boolean {
  const lead = window.replace(/[\s:=为是已]+$/u, '');
  // "剩余30G\n以上仅供参考": a word on the next line opens what follows and bounds nothing.
  const tail = /^[ \t]*[\r\n]/u.test(after) ? '' : after.trimStart();
  // "达15GB时", "达到100G后": a moment; a word after it that begins a kind of data, or a word narrowing one, is none
  // ("1GB时段流量").
  // Nor does 时 of a duration (赠送200分钟时长).
  const begins = (w: string) => (k: string) => k.length > w.length && k.startsWith(w) && tail.startsWith(k);
  const kindAt = (w: string) =>
    DURATION.test(tail) || rules.pools.some((p) => p.words.some(begins(w))) || rules.unpooledKinds.some(begins(w)) || rules.kindNarrowers.some(begins(w));
  return rules.thresholds.before.some((w) => lead.endsWith(w)) || rules.thresholds.after.some((w) => tail.startsWith(w) && !kindAt(w));
}

/** The words of a numbered line before its amount: "；2、套餐外语音通信费". */
// Words that head a bill's lines wherever they stand (费用明细为…, 详情如下:).
const ITEMS_HEAD = /明细|如下/gu;
const NUMBERED_LINE = /(?:^|[\n;。:])\s*\d{1,2}\s*[、.]\s*[^\d\n;。,]*$/u;

function opensBreakdown(after: string, t: FigureTemplate, english = false): boolean {
  // "话费为¥50.68.其中:": a point right after an amount ends its sentence (a decimal point would be in the amount).
  const rest = after.replace(/^[\s,;:。.(]+/u, '');
  return t.itemsAfter.some((w) => rest.startsWith(w) && (!english || /^[a-z]/u.test(w)));
}

/** "0.29元/MB", "9元/月": a rate, never a figure. */
const LINE_AFTER = /^[^\S\n]*\n[^\n]*$/u;
const TITLE = /【[^】\d]{0,12}(?:提醒|通知|提示)】/gu;
const SUMMARY_HEADING = /(?<=^|[\s,;。:\d.、])[^\s,;。:\d]{1,10}情况\s*:/gu;
const ALLOWANCES: ReadonlySet<Measure> = new Set(['data', 'minutes', 'count']);
const MONTHLY = /^\s*\/\s*月/u;
const RATE = /^\s*\/\s*(?:[a-z]{1,3}(?![a-z])|月|天|日|次|条|分钟|个|小时|周|年|兆)/u;

/**
 * An amount whose unit word two measures share (分: points, minutes) is in the measure of the topic
 * word written last before it in its sentence ("国内语音共200分" minutes, "积分1200分" points).
 */
function inTopic(q: Quantity, text: string, active: FigureTemplate[]): Quantity {
  const sentence = text.slice(0, q.start).split(SENTENCE_END).at(-1)!;
  const written = q.precision / 10 ** -q.decimals;
  let best = { measure: q.measure, factor: written, at: -1 };
  const readings = [{ measure: q.measure, factor: written }, ...q.alternatives!];
  for (const t of active) {
    for (const w of t.when) {
      const at = sentence.lastIndexOf(w);
      if (at < 0) continue;
      // "通话费650分", "短信费130分": a topic's word with 费 after it names a charge, in money.
      const charge = sentence[at + w.length] === '费';
      const reading = readings.find((r) => r.measure === (charge ? 'money' : t.measure));
      if (!reading) continue;
      // 积分余额: a head noun after another topic's word is that topic's (points, not a balance in fen).
      const headOfOther = t.heads.includes(w) && active.some((o) => o !== t && o.when.some((x) => sentence.endsWith(x, at)));
      const end = at + w.length + (charge ? 1 : 0);
      if (end > best.at && !headOfOther) best = { ...reading, at: end };
    }
  }
  // "将有600分积分到期": with no topic word before it, the one written right after it names the measure.
  if (best.at < 0) {
    const after = text.slice(q.end, q.end + 8);
    const named = q.alternatives!.find(({ measure }) => active.some((t) => t.measure === measure && t.when.some((w) => after.startsWith(w))));
    if (named) best = { ...named, at: q.end };
  }
  const scale = best.factor / written;
  return { ...q, measure: best.measure, value: q.value * scale, precision: q.precision * scale };
}

/**
 * A topic whose measure is its own (data, minutes) is about when an amount in that unit and one of
 * its labels are both written ("4G套餐内剩余：2.5GB" names no 流量).
 */
function namedByUnit(t: FigureTemplate, text: string, quantities: Quantity[]): boolean {
  return t.byUnit && quantities.some((q) => q.measure === t.measure) && t.fields.some((r) => r.labels.some((l) => text.includes(l)));
}

/**
 * Two amounts of money or more, each right after a charge's name ("月租费15.00元，本地通话费20.33元"), are a bill's lines, and
 * so are those an amount opens with an items word (其中, including).
 */
function billLines(t: FigureTemplate, text: string, quantities: Quantity[]): boolean {
  if (!t.items) return false;
  let lines = 0;
  for (const q of quantities) if (q.measure === t.measure && CHARGE.test(text.slice(Math.max(0, q.start - 12), q.start)) && ++lines === 2) return true;
  // "您个人实际消费9.60元，合计9.60元" (real r18-068): one charge's line and a sum word (合计) over it in its sentence.
  if (lines === 1 && sumAfterCharge(t, text, quantities)) return true;
  // "RMB 57.84, including voice RMB 12.30, data RMB 40.00": in English, an amount that opens two amounts or more of its
  // measure with an items word (其中 opens the parts of a balance as well: "余额45.00元（其中：通用余额…").
  // So does, in Chinese, an amount a sum word of the bill names (话费合计, 总计), not of money kept (余额合计): "您本月话费合计50.00元，
  // 其中基本月租38.00元，国内长途12.00元" (ours, round 54) lists lines whose names hold no 费.
  return quantities.some(
    (q, i) =>
      q.measure === t.measure &&
      (opensBreakdown(text.slice(q.end, q.end + 12), t, true) || (opensBreakdown(text.slice(q.end, q.end + 12), t) && billSum(t, text.slice(Math.max(0, q.start - 12), q.start)))) &&
      quantities.slice(i + 1, i + 3).filter((x) => x.measure === t.measure).length === 2,
  );
}

/** The words before an amount end with a sum word of the bill's (话费合计：, 共消费), with no word of money kept (余额, 结余, 预存) in them. */
const billSum = (t: FigureTemplate, before: string): boolean => {
  const words = before.split(/[,;。!?\n]/u).at(-1)!.replace(/\s*[:为是]?\s*$/u, '');
  return t.totalWords.some((w) => words.endsWith(w)) && !KEPT_MONEY.test(words);
};
const KEPT_MONEY = /余额|结余|预存|账户|帐户/u;

/** An amount of the bill's measure named by a sum word of its total (合计, 总计, 共计), after a charge's line in its sentence. */
function sumAfterCharge(t: FigureTemplate, text: string, quantities: Quantity[]): boolean {
  const sums = t.fields.find((r) => r.field === 'total')?.labels.filter((l) => SUM_WORD.test(l)) ?? [];
  return quantities.some((q, i) => {
    if (q.measure !== t.measure || !sums.some((w) => SUM_BEFORE(w).test(text.slice(Math.max(0, q.start - 8), q.start)))) return false;
    const line = quantities.slice(0, i).findLast((p) => p.measure === t.measure);
    // Within its sentence, or on the next line ("实际消费9.60元\n合计9.60元").
    return line !== undefined && CHARGE.test(text.slice(Math.max(0, line.start - 12), line.start)) && !/[。!?]|\n[^\n]*\n/u.test(text.slice(line.end, q.start));
  });
}

const SUM_WORD = /^(?:合计|总计|共计)$/u;
const SUM_BEFORE = (word: string) => new RegExp(`${word}\\s*[:=为是]?\\s*$`, 'u');

// 月租 is a charge without its 费 ("月租18元+通话费11.10元").
const CHARGE = /(?:\p{Script=Han}费用?|月租)\s*[:=为是]?\s*$/u;

/** The words between a closed month and its amount that say what was spent in it (累计消费, 总话费, 的话费总额为:). */
const SPENT_IN_MONTH = /^\s*的?\s*((?:累计|总|共|实际)?\s*(?:消费|话费|费用)了?\s*(?:总额|合计|总计)?)\s*(?:为|是)?\s*:?\s*$/u;

function closedMonthBill(rules: ReplyRules, text: string, q: Quantity, closedMonths: Mask): { template: FigureTemplate; label: string } | undefined {
  const month = closedMonths.findLast(([, end]) => end <= q.start);
  const said = month && SPENT_IN_MONTH.exec(text.slice(month[1], q.start));
  const bill = said ? rules.figures.find((t) => t.items && t.measure === 'money' && t.fields.some((r) => r.field === 'total')) : undefined;
  return bill && said ? { template: bill, label: said[1]! } : undefined;
}

function record(t: FigureTemplate, field: string, value: number, span: FigureRecord['span'], label: string | null): FigureRecord {
  const unit = UNIT[t.measure];
  // As written: the sign or word before the amount (HK$, 港币), else the one after it (元, 港元). Full-width digits and signs
  // (６８．００元, ￥) are the same amount: folded first, else the whole `６８．００元` is taken for a currency of its own.
  const written = span.text.normalize('NFKC');
  const currency = t.measure === 'money' ? (/^[^\d-]+/u.exec(written)?.[0] ?? written.replace(/[\d.,\s+-]/gu, '')).trim() || null : null;
  return { topic: t.topic, field, value, unit, currency, package: null, pool: null, voicePool: null, kindFrom: null, item: null, span, template: t.id, label, confidence: 'sure' };
}

function masked(text: string, mask: Mask): string {
  let out = '';
  let at = 0;
  for (const [from, to] of [...mask].sort((a, b) => a[0] - b[0])) {
    if (to <= at) continue;
    const start = Math.max(from, at);
    out += text.slice(at, start) + '\u0000'.repeat(to - start);
    at = to;
  }
  return out + text.slice(at);
}

/**
 * Whether an amount no label names is a bill's line: a charge's name (月租费, 语音通信费) says so anywhere in a bill; any
 * other name only among the lines (items opened before it by 其中, 明细, a bill's heading colon, a numbered line, or a line
 * read right before it). Elsewhere its words may name any money figure ("您的结存为45.93元" to a reader that does not know
 * the word): a line guessed from them would be a wrong figure, and an amount left unread is only a lost one.
 */
function amongItems(t: FigureTemplate, text: string, q: Quantity, window: string, reads: Read[], opened: boolean): boolean {
  if (CHARGE.test(window) && !periodCharges(window) && !SPENDING.test(window)) return true;
  const last = reads.at(-1);
  if (last?.figure.field === 'item') return true;
  // "费用合计99.90元（已扣减优惠13.00元）": a bracket opened right after the total is a note of its lines.
  if (last !== undefined && last.figure.template === t.id && /^\s*\([^()]*$/u.test(text.slice(last.end, q.start))) return true;
  // A figure read after the lines (合计 after them, 余额) closes them.
  if (reads.some((r) => r.figure.field === 'item')) return false;
  const before = text.slice(0, q.start);
  // "您2026年10月账单：…": a colon after a word of the bill (账单, 实时话费) heads its lines too.
  const billWord = Math.max(...t.when.map((w) => before.lastIndexOf(w)));
  // "…账单信息查询请点击：…一、话费使用情况：您当月合帐账户话费已消费111.66元" (real r16-001): under a heading of how things
  // stand (…情况:), the last before the amount, what follows sums up: no lines, whatever colon came before.
  const lastColon = before.lastIndexOf(':');
  const summary = lastColon >= 0 && /情况\s*$/u.test(before.slice(0, lastColon));
  const billColon = billWord >= 0 && !summary ? before.indexOf(':', billWord) : -1;
  const head = Math.max(NUMBERED_LINE.test(before.slice(-40)) ? q.start : -1, billColon, ...t.itemsAfter.map((w) => before.lastIndexOf(w)), [...before.matchAll(ITEMS_HEAD)].at(-1)?.index ?? -1);
  // A heading of lines holds until a figure of another kind is read after it (其中通用余额…).
  const heads = last === undefined || last.figure.template === t.id || last.figure.field === 'spentThisMonth' || head >= last.end;
  return (opened || head >= 0) && heads;
}

/**
 * "当月话费3.24元", "本月费用合计…": a period's charges in general (a period word and 话费/费用, nothing of what was charged) are
 * its whole, no line, unless among lines (real r24b-085 `截止02日24点：当月话费3.24元`, to a reader without the label).
 */
// "您当月累计话费为29.31元", "您的本帐期累计话费:41.10元", "已用话费为9.10元", "本月通信费199.00元" (real r22-097, r23b-105,
// r24b-011, r23b-020, to a reader without the label): period words may stand in a run, and what was used is the period's too.
// "您本月截至当前的实时话费总额为" (real r17-102): a 的 before the run ends the words of when, as a clause mark does.
const PERIOD_CHARGES = /(?:^|[\s,;:。!?()\n、+的])(?:您的?)?(?:(?:当月|本月|本期|本帐期|本账期|累计|实时|目前|当前|已用|已使用)的?\s*)+(?:话费|费用|通信费)\s*[:=为是]?\s*$/u;
/**
 * "截止本月06日09时，您的话费为88.40元", "截止本月02日您话费总额为：0.36元" (real r26-021, r26-020): a moment of this month the
 * sentence counts to (截止/截至 本月…, 目前, a day of no month named) is the period word of the charges after it, in whatever
 * clause of the sentence they stand; a date of another month (截至2月28日) is none.
 */
const SO_FAR = /截[止至]到?\s*(?:本月|当月|今天|今日|目前|当前|现在|\d{1,2}\s*日)/u;
const CHARGES_SO_FAR = /(?:^|[\s,;:。!?()\n、+的日时点分])(?:您的?)?(?:话费|费用|通信费)\s*[:=为是]?\s*$/u;
const periodCharges = (words: string) => PERIOD_CHARGES.test(words) || (SO_FAR.test(words) && CHARGES_SO_FAR.test(words));

/**
 * "话费已消费136.32元", "已消费：1.32元", "您本月消费47.02元" (real r15-174, r17-015, r15-177, to a reader without the label): what
 * was spent so far, or in a period, is the whole of its lines; it names a line only among lines. Spending named otherwise
 * (成员消费, 最低消费) may be a line: "您个人实际消费64.67元，家庭统一支付成员消费2.37元，合计67.04元" (real r16-086).
 */
// "您当月消费金额为12.44元" (real r24b-026): a noun that says only that it is an amount may follow.
const SPENDING = /(?:已|当月|本月|本期|累计)的?\s*消费(?:金额|数额)?\s*[:=为是]?\s*$/u;
const SPENT = 'spentThisMonth';

/**
 * "套餐内尚未使用流量0KB", "您4G数据类终端套餐内本月尚未使用4G数据类终端数据流量1017.30MB" (real r20-039, r20-042, to a reader
 * without 未使用): a use said not done (尚未使用) between a label of the total or of use and the amount says what the label
 * does not; the label names no amount past it. The stem after 未 names what is left (labels.ts `unusedNaming`), as the label
 * 未使用 does; a stem that says nothing then (未达) leaves the amount unread (null).
 */
function unusedAfterLabel(named: Naming, candidates: FigureTemplate[], window: string, rules: ReplyRules): Naming | null | undefined {
  if (named.suffixEnd !== undefined || named.end > window.length || named.rule.field === 'remaining') return undefined;
  const rest = window.slice(named.end);
  const left = unusedNaming(candidates, rest, rules.notStems);
  if (left) return { ...left, at: named.end + left.at, end: named.end + left.end };
  return deniedStem(candidates, rest, rules.notStems) === 'not' ? null : undefined;
}

/**
 * "已用总流量129.36MB", "您当月使用的GPRS总流量为10.16MB" (real r16-077, r23a-001, to a reader without 已用 or 当月使用的): a total's
 * word (总) after a stem of a part (用) in its clause says how much of that part there is, in all, as a part's label before
 * it does ("已使用流量共3GB"); a stem after a word of can or not (可使用总流量) says no part.
 */
function stemBeforeTotal(named: Naming, window: string, rules: ReplyRules): Naming | null {
  const sum = named.template.sums.find((x) => x.total === named.rule.field);
  if (!sum || named.suffixEnd !== undefined || named.end > window.length) return null;
  const stem = stemNaming([named.template], window.slice(0, named.at), rules.notStems);
  return stem && sum.parts.includes(stem.rule.field) ? stem : null;
}

/** A bill line is named by the clause just before its amount ("，语音通信费12.30元"). */
function itemName(window: string): { text: string; at: number } | null {
  // "套餐及固定费：58.00元": the name is before the colon.
  const named = window.replace(/[\s:=]+$/u, '');
  // "副卡（138****1234）30.00元": an aside in brackets right before the amount stays in the name it follows.
  const aside = /[^,;:。!?()\n、+]\([^()\n]{1,20}\)$/u.exec(named);
  let cut = aside ? aside.index + 1 : named.length;
  while (cut > 0 && !CLAUSE_END.test(named[cut - 1]!)) cut--;
  const raw = named.slice(cut);
  const lead = raw.length - raw.trimStart().replace(/^(?:(?:其中|另|包括|您的?|本月|当月)\s*)+|^(?:including|and)\s*/u, '').length;
  const name = raw.slice(lead).trimEnd();
  return name ? { text: name, at: cut + lead } : null;
}

/** Allowance figures take the package named before them; a field seen twice starts a new package. */
function assignPackages(reads: Read[], active: FigureTemplate[], names: PackageName[]): void {
  const grouped = new Set(active.filter((t) => t.packages).map((t) => t.id));
  const current = new Map<string, { name: string | null; fields: Set<string>; index: number }>();
  for (const read of reads) {
    const f = read.figure;
    if (!grouped.has(f.template)) continue;
    const name = names.filter((n) => n.end <= f.span.start).at(-1)?.name ?? null;
    let group = current.get(f.template);
    if (!group || group.name !== name || group.fields.has(f.field)) {
      group = { name, fields: new Set(), index: (group?.index ?? -1) + 1 };
      current.set(f.template, group);
    }
    group.fields.add(f.field);
    f.package = name;
    read.group = `${f.template}#${group.index}`;
  }
}

/** Checks each template's sums within each package; figures that contradict each other become unsure. */
function checkSums(reads: Read[], templates: FigureTemplate[]): Problem[] {
  const problems: Problem[] = [];
  const groups = new Map<string, Read[]>();
  for (const r of reads) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  for (const group of groups.values()) {
    const template = templates.find((t) => t.id === group[0]!.figure.template)!;
    for (const sum of template.sums) {
      const total = group.find((r) => r.figure.field === sum.total);
      const parts = group.filter((r) => sum.parts.includes(r.figure.field));
      if (!total || sum.parts.some((p) => !parts.some((r) => r.figure.field === p))) continue;
      // Amounts of two currencies are never added (港币 cash, 人民币 gift).
      if (parts.some((r) => currencyOf(r.figure.currency) !== currencyOf(total.figure.currency))) continue;
      const added = parts.reduce((s, r) => s + r.figure.value, 0);
      // Each amount is rounded to its last written digit, so the sum may be off by that much per term.
      const slack = Math.max(...[total, ...parts].map((r) => r.precision)) * parts.length + 1e-9;
      if (Math.abs(added - total.figure.value) <= slack) continue;
      // A discount leaves a bill's total below its items (共消费38.19元: 98.00 + 0.19 before it).
      if (sum.discounts && total.figure.value <= added + slack) continue;
      for (const r of [total, ...parts]) r.figure.confidence = 'unsure';
      problems.push({
        code: 'does-not-add-up',
        span: total.figure.span,
        detail: `${sum.parts.join(' + ')} = ${round2(added)} ≠ ${sum.total} ${round2(total.figure.value)}`,
      });
    }
  }
  return problems;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
