import { localNumber } from '../catalog/service-numbers';
import { beijingTime } from '../wall-clock';
import { builtinReplyRules } from './builtin';
import { findDates } from './dates';
import { readFigures, type Mask, type PackageName } from './figures';
import type { ReplyRules } from './load';
import { foldWithOrigin, spanOf, withoutMatches, type Folded } from './normalize';
import { findMenu, findServices } from './menus';
import { readConfirm, readOutcome } from './outcome';
import { readPercents } from './percents';
import { QuantityScanner } from './quantities';
import { allMatches, firstMatch } from './regex';
import type { NoticeKind } from './schema';
import { MISFIT_MARK } from '../pdu/misfit-mark';
import type { FigureRecord, Problem, ReplyUnderstanding } from './types';

export interface ReplyInput {
  text: string;
  /** Epoch milliseconds; dates written without a year take theirs from this. */
  receivedAt: number;
  /** The sender; when given and not a service number, the text is someone else's and stays unknown. */
  from?: string;
}

/**
 * Understands 10086's replies with one set of rules. Precedence: a request to confirm, then a list
 * of subscribed services, then an outcome (success, failure…), then figures (with any menu offered
 * after them), then a menu alone, then a pushed notice; anything else is `unknown` and keeps its text.
 */
export class ReplyReader {
  private readonly scanner: QuantityScanner;

  constructor(private readonly rules: ReplyRules) {
    this.scanner = new QuantityScanner(rules.measures);
  }

  read(input: ReplyInput): ReplyUnderstanding {
    if (input.text.includes(MISFIT_MARK)) return this.readGarbled(input);
    const { text, receivedAt } = input;
    const unknown: ReplyUnderstanding = { kind: 'unknown', text };
    if (input.from !== undefined && !this.rules.serviceNumbers.has(localNumber(input.from))) return unknown;
    const folded = withoutMatches(foldWithOrigin(text), this.rules.segments, allMatches);
    const confirm = readConfirm(text, folded, this.rules, receivedAt);
    if (confirm) return confirm;
    // A list of subscribed services comes before an outcome and a menu: its cancel sentence says 回复序号 of its entries.
    // What is said outside the list is read as ever (您本月已使用…。您订购的业务：1.…): a list swallows no figure.
    const services = findServices(text, folded, this.rules);
    const outcome = services ? null : readOutcome(text, folded, this.rules);

    const found = findMenu(text, folded, this.rules);
    const menu = services ? { ...found, options: [], ranges: [...found.ranges, services.said] } : found;
    const notices = this.notices(folded);
    const dated = findDates(text, folded, this.rules, receivedAt);
    const adverts = this.adverts(folded);
    const names = this.packageNames(text, folded, adverts);
    const mask: Mask = [...this.matched(this.rules.ignore, folded), ...dated.ranges, ...names.ranges, ...menu.ranges];
    const quiet = [...this.matched(this.rules.boilerplate, folded), ...adverts];
    // "您201401累计消费76.60元" (real r24b-073, r24b-085): a month named before the month of receipt is closed; what was
    // spent in it is its bill, no spending of this month.
    const { year, month } = beijingTime(receivedAt);
    const closed = dated.ranges.filter((_, i) => dated.dates[i]!.role === 'billMonth' && dated.dates[i]!.year * 12 + dated.dates[i]!.month < year * 12 + month);
    const reading = readFigures(text, folded, this.rules, this.scanner, mask, names.names, quiet, closed);
    // An outcome word after the figures is an aside ("您的余额为35.20元…本短信不支持回复"), not what happened.
    const first = reading.figures.find((f) => f.confidence === 'sure')?.span.start;
    if (outcome && (first === undefined || folded.origin[outcome.at]! < first)) return { ...outcome.reply, menu: menu.options };
    // Shares of use (已使用80%) are figures of their own, in percent, beside the amounts.
    const percents = folded.text.includes('%') ? readPercents(text, folded, this.rules, [...quiet, ...menu.ranges]) : [];
    const figures = percents.length ? [...reading.figures, ...percents].sort((a, b) => a.span.start - b.span.start) : reading.figures;
    const topics = [...new Set([...reading.topics, ...percents.map((f) => f.topic)])];
    if (services && topics.length === 0) return { kind: 'services', text, services: services.services, cancelByNumber: services.cancelByNumber };
    if (topics.length === 0) {
      // One code said once ("…，回复KTLL100办理") is an option beside figures or an outcome, but no menu on its own (an advert).
      if (menu.options.length > (menu.saidOnce === 1 ? 1 : 0)) return { kind: 'menu', text, menu: menu.options, notices };
      return notices.length ? { kind: 'notice', text, notices } : unknown;
    }
    return {
      kind: 'figures',
      text,
      topics,
      figures,
      dates: dated.dates,
      menu: menu.options,
      notices,
      confidence: reading.problems.length ? 'unsure' : 'sure',
      problems: reading.problems,
      ...(services && { services: services.services, cancelByNumber: services.cancelByNumber }),
    };
  }

  /**
   * A text holding the length-mismatch mark (a part whose PDU did not fit its length: an octet said twice may have
   * changed a digit), at its start or, in a long message, where that part starts. The mark's own words (不符, wrong) are
   * no outcome: each is read as blanks, so every offset stays the text's; its figures are shown, never taken as sure.
   */
  private readGarbled(input: ReplyInput): ReplyUnderstanding {
    const read = this.read({ ...input, text: input.text.replaceAll(MISFIT_MARK, ' '.repeat(MISFIT_MARK.length)) });
    if (read.kind !== 'figures') return { ...read, text: input.text };
    const figures = read.figures.map((f): FigureRecord => ({ ...f, confidence: 'unsure' }));
    const problems: Problem[] = [...read.problems, { code: 'garbled', span: null, detail: 'length did not match' }];
    return { ...read, text: input.text, figures, confidence: 'unsure', problems };
  }

  private notices(folded: Folded): NoticeKind[] {
    return this.rules.notices.filter((n) => n.patterns.some((re) => firstMatch(re, folded.text) !== null)).map((n) => n.id);
  }

  private matched(patterns: RegExp[], folded: Folded): Mask {
    return patterns.flatMap((re) => allMatches(re, folded.text).map((m): [number, number] => [m.index, m.index + m[0].length]));
  }

  /**
   * Adverts: from the clause of an opening word (可回复KTLL办理…) or the start of the sentence of a
   * sentence word (限时…) to the end of the sentence. Nothing in them is the customer's figure. An
   * opening word whose sentence says nothing of the customer's own before it (no 您的, 剩余, 截至…:
   * "5G畅享套餐128元/月，含30GB国内通用流量…，详询10086") makes its whole sentence an advert.
   */
  private adverts(folded: Folded): Mask {
    const text = folded.text;
    // An English full stop ends a sentence when a space follows it (not 1.5GB). After a Chinese word it is never a decimal
    // point or a link's, and ends a sentence ("…月结日09日.5G畅享套餐128元/月，含30GB…，详询10086": the advert is a sentence of
    // its own), though not the clause of an opening word, which may go on after it ("…;总费用28.80元.详询10086.", real r22-018).
    const isEdge = (edge: RegExp, at: number) =>
      edge.test(text[at]!) || (text[at] === '.' && (/\s/u.test(text[at + 1] ?? '') || (edge === SENTENCE_EDGE && /\p{Script=Han}/u.test(text[at - 1] ?? ''))));
    // A sentence word ("…20G省内流量仅需19.99元") masks from its own clause too when the sentence says something of
    // the customer's own before it ("今年6月份您使用的流量为4.37GB，…", real r17-071), else from the sentence's start.
    // A link and the spaces after it end what came before ("…余额是7.41元,一键充值 http://… 5G畅享套餐128元/月，…详询10086",
    // a generated marketing tail of real r18-040): the customer's words before a link make no advert after it their own.
    const linkEnds = new Set(allMatches(LINK, text).map((m) => m.index + m[0].length));
    const opens = (at: number) => linkEnds.has(at);
    const reach = ([start, end]: [number, number]): [number, number] => {
      let from = start;
      while (from > 0 && !isEdge(CLAUSE_EDGE, from - 1) && !opens(from)) from--;
      let sentence = from;
      while (sentence > 0 && !isEdge(SENTENCE_EDGE, sentence - 1) && !opens(sentence)) sentence--;
      const lead = text.slice(sentence, from);
      // A label of an allowance after a word of an offer (每月可用, 10元还可使用) speaks of the offer, not of the customer's own.
      const offerAt = Math.min(lead.length, ...this.rules.adverts.offer.map((re) => lead.search(re)).filter((at) => at >= 0));
      const own = this.rules.adverts.own.some((w) => lead.includes(w)) || this.rules.adverts.ownLabels.some((w) => lead.slice(0, offerAt).includes(w));
      if (!own) from = sentence;
      else if (offerAt < lead.length) {
        // "您的流量余额为2GB，推荐：开通…，每月可用流量10GB，详询10086" (ours, round 52): the customer's own words are in a clause
        // before the offer's; from the offer's clause on, the sentence speaks of the offer.
        let offerClause = sentence + offerAt;
        while (offerClause > sentence && !isEdge(CLAUSE_EDGE, offerClause - 1)) offerClause--;
        // An offer word in a package's name ("…18元套餐优惠（个人）套餐80.00 M，已使用16.29 M", real r24a-066) is followed by the
        // customer's own words again: only an offer with none of them after it takes the sentence's rest.
        const ownBefore = (w: string) => lead.slice(0, offerClause - sentence).includes(w);
        const ownAfter = (w: string) => lead.slice(offerAt).includes(w);
        const { own: ownWords, ownLabels, held } = this.rules.adverts;
        if (offerClause > sentence && (ownWords.some(ownBefore) || ownLabels.some(ownBefore)) && !ownWords.some(ownAfter) && !held.some(ownAfter)) from = Math.min(from, offerClause);
      }
      let to = end;
      while (to < text.length && !isEdge(SENTENCE_EDGE, to)) to++;
      return [from, to];
    };
    return [
      ...this.matched(this.rules.adverts.clause, folded).map(reach),
      // "您的限时特惠省内流量剩余1GB": a sentence word followed in its clause by what the customer has left or used
      // (`held`) is in the name of the customer's package, no offer (labelling rule 2: 限时 of an offer's name is its period).
      // A name with no amount of its own that heads its use in the next clause ("1、神州行田园特惠卡,已使用4.92MB,剩余…", real
      // r25a-029) is the customer's package too.
      ...this.matched(this.rules.adverts.sentence, folded)
        .filter(([, end]) => !this.rules.adverts.held.some((w) => clauseFrom(text, end).includes(w) || headsUse(text, end, w)))
        .map(reach),
    ];
  }

  /**
   * Package names (signs such as 【中国移动】 are masked but name nothing). A name inside an advert (【免费送1G】 before
   * "新用户见面送壕礼", real ah-2017-0424-menu) is masked too but names no package of the customer's (round 25).
   */
  private packageNames(original: string, folded: Folded, adverts: Mask): { names: PackageName[]; ranges: Mask } {
    const names: PackageName[] = [];
    const ranges: Mask = [];
    for (const re of this.rules.packageNames) {
      for (const m of allMatches(re, folded.text)) {
        const at = m.indices?.groups?.name;
        if (!at) continue;
        // "【…套餐58元，还剩余免费分钟数:259分钟】" (real r22-084): what the customer has left or used, with its amount, is said in
        // the brackets, not named there, however short (a name of 30 characters or less was masked).
        const inside = folded.text.slice(at[0], at[1]);
        if (this.rules.adverts.held.some((w) => inside.includes(w) && SAYS_AMOUNT.test(inside.slice(inside.indexOf(w) + w.length)))) continue;
        ranges.push([at[0], at[1]]);
        const name = folded.text.slice(at[0], at[1]).trim();
        // "您今后可直接发送“18*月份#”到10086实现流量查询" (real r25b-035): what is quoted after a word of sending is a code to send,
        // no package of the customer's.
        if (this.rules.signs.includes(name) || adverts.some(([from, to]) => from <= at[0] && at[1] <= to) || SENT_CODE.test(folded.text.slice(Math.max(0, at[0] - 8), at[0]))) continue;
        const span = spanOf(original, folded, at[0], at[1]);
        names.push({ name: span.text.trim(), end: span.end });
      }
    }
    return { names: names.sort((a, b) => a.end - b.end), ranges };
  }
}

/** A word of sending right before the quote that opens a name. */
const SENT_CODE = /(?:发送?|回复|编辑(?:短信)?|输入)\s*["“「『]$/u;
/** Words then an amount (剩余免费分钟数:259分钟): a figure said, not a name. */
const SAYS_AMOUNT = /^[^\d]{0,12}\d/u;
/** Where an advert's sentence starts or ends: a full stop, a line, a 【tag】. */
const SENTENCE_EDGE = /[。!?\n【】]/u;
const CLAUSE_EDGE = /[。!?\n【】,;:]/u;

/** The words from `at` to the end of their clause. */
function clauseFrom(text: string, at: number): string {
  let to = at;
  while (to < text.length && !CLAUSE_EDGE.test(text[to]!)) to++;
  return text.slice(at, to);
}
/** The clause from `at` says no amount and ends with a comma before a clause that opens with `word` and says an amount. */
function headsUse(text: string, at: number, word: string): boolean {
  const rest = clauseFrom(text, at);
  const next = at + rest.length;
  if (/\d/u.test(rest) || text[next] !== ',') return false;
  // "已使用：4.92MB": the label may be joined to its amount by a colon.
  const clause = text.slice(next + 1).trimStart();
  return clause.startsWith(word) && USE_AMOUNT.test(clause);
}
const USE_AMOUNT = /^[^。!?\n【】,;]*\d/u;
/** A web link and the spaces after it (a link runs to the first space; the text after the spaces opens anew). */
const LINK = /(?:https?:\/\/|www\.|dx\.10086\.cn\/)[!-~]+[^\S\n]+/giu;

let builtinReader: ReplyReader | undefined;

/** Understands one reply with the built-in rules (instructions/replies.json). */
export function understandReply(input: ReplyInput): ReplyUnderstanding {
  return (builtinReader ??= new ReplyReader(builtinReplyRules())).read(input);
}
