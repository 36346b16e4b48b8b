// Whose an amount is, and whether it may be a pool said again (labelling rules 13 and 14 of 2026-12-06, session 20).
import { ownClause } from './clauses';
import type { Read } from './figures';
import type { ReplyRules } from './load';
import { kindStated } from './pools';

/** A phone number, masked (138****1234) or whole (13812341234): a card the amount may be said of. */
const NUMBER = /\d{3}\*{3,4}\d{4}|(?<!\d)1[3-9]\d{9}(?!\d)/gu;
/** Words right before a number that make it the customer's own (您198****6030, 尊敬的138****1234客户, 您的号码…). */
const OWN_NUMBER = /(?:您|尊敬的|号码|本机)[\s(:【]*$/u;
/** …and right after it (13799428544号码办理的…, 138****1234客户). */
const OWN_AFTER = /^[\s)】]*(?:号码|客户|用户)/u;
/**
 * A member said with the customer, after 与, or as 主副卡 names the pool they use together (您和副卡的共享流量, 可与副卡共享,
 * 主副卡共享流量), and so does a card the customer shares (您共享主号（135…）国内流量: the shared pool, as round 13 reads it).
 */
const TOGETHER_BEFORE = /(?:[和与同主]|您[^,;。]{0,3}共享[^,;。\d]{0,4})$/u;
/** A card another shares data of (副卡共享主卡的流量) is not whose the amount is. */
const SHARED_OF = /共享$/u;
/** A line of its own with no amount (`【副卡138****8888】`) heads the lines under it. */
const HEADING = /(?:^|\n)([^\n]{1,24})\n[^\n]*$/u;

interface Mention {
  at: number;
  end: number;
  words: string;
}

/** The last member or card named in some words, with the number after it (副卡(138****1234)), or none when the words name the customer. */
function memberIn(words: string, rules: ReplyRules, listed: boolean): string | undefined {
  const { members, own, together } = rules.holders;
  const names = listed ? [...members, ...rules.holders.listed] : members;
  let last: Mention | undefined;
  for (const w of names) {
    let at = words.lastIndexOf(w);
    while (at > 0 && SHARED_OF.test(words.slice(0, at))) at = words.lastIndexOf(w, at - 1);
    if (at >= 0 && (!last || at > last.at)) last = { at, end: at + w.length, words: w };
  }
  for (const m of words.matchAll(NUMBER)) {
    const at = m.index;
    if (OWN_NUMBER.test(words.slice(0, at)) || OWN_AFTER.test(words.slice(at + m[0].length))) continue;
    // "副卡(138****1234)", "副号1(15160398073)": the number after a member word is that member's.
    if (last && /^\d{0,2}[\s(:：]*$/u.test(words.slice(last.end, at))) {
      const named = words.slice(last.at, at + m[0].length).replace(/[:：]\s*/gu, '');
      last = { at: last.at, end: at + m[0].length, words: named.includes('(') ? `${named})` : named };
    }
    else if (!last || at > last.at) last = { at, end: at + m[0].length, words: m[0] };
  }
  if (!last) return undefined;
  if (own.some((w) => words.includes(w))) return undefined;
  if (TOGETHER_BEFORE.test(words.slice(0, last.at))) return undefined;
  const after = words.slice(last.end);
  if (together.some((w) => after.startsWith(w) || after.replace(/^[^,;。\d]{0,2}?/u, '').startsWith(w))) return undefined;
  return last.words;
}

/**
 * Rule 13: an amount whose own words (or a heading line over it) name a card or member other than the customer's own is that
 * member's share (`holder`); a bare label of another field after it in its clause group, naming no data anew, is the same
 * member's (副卡国内通用流量共5GB，已用1GB，剩余4GB). 主卡 is a member only where another amount names one (主卡…，副卡…).
 */
export function assignHolders(reads: Read[], rules: ReplyRules, dataWords: readonly string[]): void {
  const counted = reads.filter((r) => r.figure.topic === 'data' || r.figure.topic === 'voice');
  if (counted.length === 0 || rules.holders.members.length === 0) return;
  // Its sentence so far, not its context: a number no amount (副卡1, 副卡2) cuts the context but names the member.
  const own = (r: Read) => ownClause(r.sentenceSoFar, 'label');
  const listed = counted.some((r) => memberIn(own(r), rules, false) !== undefined);
  let previous: Read | undefined;
  for (const read of counted) {
    const f = read.figure;
    delete f.holder;
    const words = own(read);
    const heading = HEADING.exec(read.before)?.[1];
    const holder = memberIn(words, rules, listed) ?? (heading === undefined ? undefined : memberIn(heading, rules, listed));
    const namesAnew = dataWords.some((w) => words.includes(w)) || rules.holders.own.some((w) => words.includes(w)) || rules.allKinds.some((w) => words.includes(w));
    const goesOn =
      previous?.figure.holder !== undefined &&
      previous.figure.topic === f.topic &&
      previous.sentence === read.sentence &&
      previous.figure.field !== f.field &&
      !read.context.includes(';') &&
      !namesAnew;
    if (holder !== undefined) f.holder = holder;
    else if (goesOn) f.holder = previous!.figure.holder!;
    // "已使用20GB（主卡15GB，副卡5GB），剩余10GB": the parts in a bracket are the bracket's; what follows it goes on from the whole.
    if (!read.inBrackets || previous?.inBrackets) previous = read;
  }
}

/** The words naming an amount's pool: its own clause without its label (国内通用流量 of 国内通用流量剩余). */
const nameOf = (read: Read) => ownClause(read.context, 'label').replace(read.figure.label ?? '', '').replace(/^(?:您的|您)/u, '');

/** How many earlier amounts of its kind an amount is compared with (rule 14): real replies name a kind's amount a few times. */
const NEAREST_RESTATED = 16;

/** A first item of a numbered list (`1、`, `（1）`, `①`): the items under a line are its details. */
const FIRST_ITEM = /(?:^|[\n:：。;,])\s*(?:1[、.)）]|[(（]1[)）]|①|一、)/u;

/**
 * Rule 14: an amount of the field and plainly stated kind of one before it (no member's) `restates` it when the reader cannot tell
 * them apart: it comes after a detail word (其中, 明细) or a numbered list's first item said after the other, its own clause says a
 * total (合计, 共剩余), or both stand in one clause group under the same name. Amounts in items of one list, or named apart, are
 * pools of their own and add up.
 */
export function assignRepeats(reads: Read[], text: string, rules: ReplyRules): void {
  const kindOf = (r: Read) => (r.figure.topic === 'data' ? r.figure.pool : r.figure.topic === 'voice' ? r.figure.voicePool : null);
  const { details, totals } = rules.repeats;
  reads.forEach((b, i) => {
    delete b.figure.restates;
    const kind = kindOf(b);
    if (kind === null || b.figure.holder !== undefined || !kindStated(b.figure.kindFrom)) return;
    const total = totals.some((w) => ownClause(b.context, 'label').includes(w));
    const alike = reads.slice(0, i).filter((a) => a.figure.topic === b.figure.topic && a.figure.field === b.figure.field && kindOf(a) === kind && a.figure.holder === undefined && kindStated(a.figure.kindFrom));
    if (total) {
      if (alike.length > 0) b.figure.restates = true;
      return;
    }
    // The nearest only: each check reads the text between the two, so every pair of a crafted SMS of 1,000 amounts cost
    // 17 s of the core's one thread (review28); a reply that says a figure again says it within a few amounts.
    const restated = alike.slice(-NEAREST_RESTATED).some((a) => {
      // A detail word in a bracket closed before it ("166.6MB（其中上月结转66.6MB）") speaks of that bracket's amount only.
      const written = text.slice(a.end, b.start);
      const between = written.replace(/\([^()]*\)/gu, '');
      if (details.some((w) => between.includes(w)) || FIRST_ITEM.test(between)) return true;
      // Items of a numbered list ("（2）…国内通用流量剩余500MB，（5）…国内通用流量剩余1GB") are pools of their own.
      const oneGroup = !/[;。!?\n]|\(\d{1,2}\)|(?:^|[^\d.])\d{1,2}、/u.test(written);
      return oneGroup && nameOf(a) === nameOf(b);
    });
    if (restated) b.figure.restates = true;
  });
}
