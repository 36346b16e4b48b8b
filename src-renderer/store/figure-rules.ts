import repliesJson from '../../instructions/replies.json';
import { crc32 } from '../../src-shared/crc32';
import type { HallDb } from './db';
import { figureRowsFor } from './figures';
import type { FigureQueueRow, FigureReaderRow, FigureRow } from './rows';

/**
 * Raised by hand when the code that makes figure rows changes what it makes (a change nobody stamps is
 * still caught by reading the newest replies again: see rereadIfReaderChanged). 2: a reply delivered late
 * is at its service-centre stamp (writtenAt), and the balance-low and data-share notice rows (a log
 * upgraded to schema 3 before them holds none for the notices it stored). 3: round 14 of the reply reader (kinds said
 * by titles, headings and labels, totals over kinds, labels in closed brackets, sums across packages: docs/replies.md).
 * 4: rows of data and minutes keep where their kind was read from (`kindFrom`), and only plainly stated kinds are
 * added up (rows without it never are). 5: amounts spent that add up to a bill total after them are its lines, and a
 * notice that offers codes (read as a menu) makes its alert rows (round 14 on real17, replies15). 6: round 16 of the
 * reader (replies16): list items headed by a colon (`其他流量：38MB`, `省内4G单模流量：…`) go on with their list;
 * the amount ending a line is the total of the used and left on the lines after it; a line of a label and a bare
 * data word (剩余流量) keeps the kind of the line before; the 3 of 3/4G cuts no kind words; amounts spent that add
 * up to a bill total on the lines after them are its lines; a line saying only when (截至…) is skipped between two.
 * 7: the labelling rules of 2026-12-06: what was spent followed by the item lines that add up to it
 * (or named a total, 实时话费总额) is the bill's total; data usable only at some hours (限时流量, 包时段流量, 忙时) is of no
 * stated kind unless said to be off-peak.
 * 8: a sum word after one charge's line makes a bill; a total's label
 * right before an amount wins over a used-up word after it; a sentence opening with 其中 lists parts of the amount
 * before; prices in product names (-9元-, 5元1G) and sizes before 包内 or after a version year cut no kind words; an
 * option's label ends where an advert opens; no figures from moments (达15GB时), bounds, forecasts or 10086.
 * 9: an unknown word where a kind word stands (`省内闲时流量` to a reader without 闲时) leaves the
 * amount's kind not stated, never a scope's, a package's, a list's, a heading's or the amount before's.
 * 10: a size ending a numbered item's package name before its colon cuts no kind words; an item's name's kind beats the item before's.
 * 11: an amount in brackets right after a bound restates it; a link ends
 * what came before it, so an offer after it is an advert; advert money (专享…元, 待领取, 免费送, 大奖); 专款 is other.
 * 12: a gift's or a package's size said used up (赠送606M…已使用完, 3元10M…已使用完) is no amount used; the charge for
 * data beyond the plan (套餐外流量总费用) is no bill's total.
 * 13: round 22: data rows whose kind a word the reader does not know named carry `kindUnknown` (and `kindWords`), never the
 * customer's data left; a scope after such a word (上月追剧国内通用流量) is a guess (`narrowed`), never added up; use beyond the
 * plan is `beyondPlan`, no use; beside 可用余额 the amount kept, and a total balance's parts, are `balance.other` (labelling
 * rules 4-7); 本省 is provincial, an app's name before 流量 app data, 负 a sign.
 * 14 (round 23): an amount its part follows with no clause mark between (省内流量2GB剩余512MB) is its total; 本省 is
 * provincial, 视频流量 app; 因欠费已于…停机 is no outcome; menus [1], 1）, A.10元… and glued runs; lists numbered 一、 [A1] or "- ".
 * 15 (round 24): a balance's parts are no second balance and a lone cash part is the balance; a period's part owed
 * beside an amount owed in all is other; data used of a 安心包/放心包 is `beyondPlan` (labelling rules 6, 7, 10).
 * 16 (round 25): a tariff's steps (每达到100M仅收费10元), sizes in a package's or gift's name before its use (叠加包(100M国内流量)
 * 已使用, 赠送6个月1G…:已使用, 不限量（1G…+…）) are no figures; an advert's 【】 names no package (rules 9, 11).
 * 17: a cash part opened by 其中 after a total that could not be read (masked) is no balance (rule 6's "no total" case is
 * for parts said with no total at all).
 * 18: round 26 (labelling rules as written): 应缴 alone is owed (rule 10); spent broken into parts said spent after 其中 is a
 * bill (rule 1); a part of data of some hours is of no wider pool (rule 2); 限时特惠 in the customer's package name is no
 * advert; an order 即将办理 gives no figure (rule 9); a product's name before 套餐内/包内 is no unknown kind.
 * 19: numbered lists read by their shape (list-shape.ts, replies27): menus and service lists no cue names, an entry's own
 * cancel code, lines with no number that each end with a fee.
 * 20: round 28 (replies28): figures said beside a list of services are read (the list no longer swallows the reply); a
 * heading line with digits heads the lines under it; a kind said in an earlier clause with no amount is not said of a
 * clause naming the customer's data afresh; 已经 is 已 in labels; what a package holds in brackets is one rule.
 * 21: round 29 (replies29): a kind word in a package's own name names its data across a price and size in the name
 * (省内5元1GB流量包, settled 2026-12-06 session 19); a pack or plan named before an amount's label names its data anew
 * (…、加油包剩余); a second amount of the same field in a clause group takes the kind before it as a guess only (副卡剩余).
 * 22: round 31 (replies31, batch real20): a unit written twice (MBMB); a label said used up names no amount after it; a price
 * in a product's name (—-6元（6折）-, 5元上网套餐) and a size after it are no figures; items written name为amount repeat the first's
 * field; the data of a span of days is use; a gift only announced, a debt said paid and 流量总费用 are no total, owed or bill.
 * 23: round 30 (replies30): rows carry `holder` (a member's or second card's share, never the customer's data left) and
 *     `restates` (perhaps a pool said again, never added), labelling rules 13 and 14 of 2026-12-06.
 * 24: round 33 (replies33, batch real21): data, minutes and messages are never below zero (a hyphen between a name and a
 *     size joins them, and the size is in the name: 赠送省内流量-5MB); a range of amounts (2G~30M, 10元至20元) is no figure.
 * 25: round 32 (replies32): a kind carried from the amount before across a word naming another kind is a guess shown apart,
 *     never summed; a pack granted beyond the plan (套餐外优惠流量…3M) is a total (labelling rule 15). Data or minutes with a
 *     sign before them give no figure (剩余：-1.5GB was read as 1.5 GB left).
 * 26: round 34 (pools22): a bare label after a run of amounts of several kinds (国内流量10GB、省内流量5GB，剩余12GB) is a guess, never
 *     summed; kind words joined by 、/及/和, each with its data word (国内流量、省内流量已使用), name no one kind (rule 8); kind
 *     words before a semicolon, or a comma before a pack's clause (，均为省内流量；日租包剩余), are a guess of the amount after it.
 * 27: round 35 (replies34): a part after 其中 named only by a word of what was done (上网) keeps its whole's field; a pack's
 *     contents in brackets after its name pass its kind on; a size said again after 约等于, or alone in a pack's brackets, is
 *     no figure; bare 欠费 beside a period's part is the whole; codes said once are read in more shapes (batch real22).
 * 28: round 37 (replies37): a numbered bill line before 包括 is a line; kind words ending in the topic's word after a comma go on
 *     with the field before; a weak word after an amount names no use; ≈ restates; a balance below zero is the whole owed beside
 *     a period's part; 07月可使用…总流量 is a total (batch real23).
 * 29: round 36 (replies36): full-width amounts keep yuan as their currency (a bill's total was lost); a stop after a
 *     Chinese word ends an advert's sentence; a colon after a stem keeps its naming; 於 is 于; 【…剩余…N分钟】 is no name;
 *     any label of what is left or used before 专用流量/通用流量 is no qualifier (剩下专用流量 is app); （支援…） is a note.
 * 30: round 38 (replies38): an item of data written with 为 goes on with a heading's list; a full stop between two Chinese
 *     words ends a sentence (a bill's total before 其中 was an item); 正使用 after a semicolon opens a package's name, no item.
 * 31: round 39 (replies39): an amount no label names is a bill line when a charge names it (…费) or among bill lines (an
 *     items heading no other figure closed, a line right before); elsewhere it is left unread, never guessed; 欠 is a
 *     stem of what is owed; a stem after a word of not (未使用) names no field; data said of last month (上月, `lastMonth`)
 *     with no carried-over word known is of no plainly stated kind.
 * 32: round 40 (replies40, batch real24; 31 is left to replies39's round): under a heading of use (使用情况如下:) a colon item
 *     is what was used; a data unit glued to GPRS/WLAN (10MGPRS) is its unit; a package named in use (正在使用…，您…剩余) passes
 *     its kind; keys pressed (按2再按1), 回复数字N, 4G of a service, 不足1M按1M are no figures; 需缴 is owed; 补扣…欠费 and 上期余额 are
 *     other; codes with a comma or 可以/可进行 before their verb, and a verb's label before ，请回复CODE, and a look-up's label before 请发送N至10086 are options; 指令“X”有误,
 *     还不能理解 and 超出…知识范围 are wrong instructions.
 * 33: rounds 39 and 40 together (main had 32 with round 40 alone).
 * 34: round 41 (replies41): what was spent in a closed month (a yyyymm or yyyy年mm月 month before the month of receipt:
 *     您201401累计消费, 您201402月总话费) is that month's bill total, no spending of this month nor a bill line.
 *     A label two topics share (本月消费, now 本期消费 too) names the amount of the topic whose words stand before it in its
 *     window (账单 → the bill's total); an account's period (本期可用…本期消费…本期余额) with no bill word is spent.
 *     A period's charges in general (当月话费, 累计费用: a period word and 话费/费用) that no label names are no bill line
 *     outside a bill's lines (left unread, not guessed).
 * 35: a text kept with the length-mismatch mark (mend35) is read without the mark's words, its figures unsure.
 * 36: the same where the mark stands inside a long message (a later part did not fit its length; review35).
 * 37: round 42 (replies42): a stem of use after a word of can or not (可用, 可再免费使用, 未使用) names no use, nor does the
 *     list or the parts it stands in; a use said not done after a label of the total or of use (套餐内尚未使用) takes the
 *     label from the amount; spending so far or in a period (已消费, 本月消费, 当月累计话费, 已用话费, 本月通信费) is no bill
 *     line outside a bill's lines, nor under a 情况 heading; a total's word after a stem of use (已用总流量) is what was
 *     used in all; a label of use after 可 (可使用总流量) is no label of use. Each leaves the amount unread where it guessed.
 * 38: round 43 (batch real25): an advert word in a package's name heading its use, a numbered item's or a product's kind not
 *     passed to the next, a details heading, 上网 before 可享受, a bracketed total's kind, an inline heading's kind, a label before
 *     a semicolon, a quoted code no package, a closed month named alone (replies42 takes 37).
 * 39: rounds 42 and 43 together.
 * 40: a scope after a name the rules do not know and one 的 (`乐享(乐享视频)APP的免费省内流量`) is no plain kind (round 44).
 * 41: round 45 (generated variants, the lead's label decisions of 2026-12-07): the same use said again in its own bracket is
 *     one figure; 分钟数 names minutes for 分 (WLAN分钟数 is no call time); an option's label keeps the note in brackets it
 *     opened; 余额不足¥10 is a threshold; a point after an amount ends it before 其中; a use label joined by a colon heads a
 *     name's use; items joined by a colon or 为 as the labelled one go on; 累计 then use on the next line is a total; a gift's
 *     size opening a numbered item, or a size after a price joined by _, is its name's.
 * 42: round 46 (replies46): 国内/全国 with a word the rules do not know before the data word (`国内畅享流量`) is general as a
 *     guess, never summed; `仅使用`, `实际使用`, `本月使用`, a two-character stem 使用 after an adverb name use.
 * 43: round 47 (replies47; 41 and 42 are left to replies45 and replies46): a stem of use after a word of not or can (未使用,
 *     可用, 可再免费使用) names what is left, not what a month allows in all; a period's charges or spending so far that no
 *     label names (当月累计话费, 已消费, 本月通信费) are what was spent this month (a bill's total when its lines add up to it).
 * 44: rounds 45, 46 and 47 together, and templates to fill in (`18*月份#`) no option (the lead, labelling rule 16).
 * 45: round 48 (replies48): a scope guessed past an unknown word (`国内X流量`) is of no stated kind when the reply states that
 *     scope plainly for another amount (`您国内流量剩余…，国内X流量剩余…`), and so are the amounts whose kind went on from it.
 * 46: round 49 (replies49, on 44): a line ending right after an amount (or in 其中) goes on as after a comma; an amount left that
 *     closes a pair of use and left is no total of the pair after it; a …情况: heading parts no sum.
 * 47: rounds 48 and 49 together.
 * 48: round 50 (replies50): data used and left in other words (消耗, 共计使用…), 通用流量 after a time or a word naming no kind
 *     general, 合计 after one amount of an allowance its total, a label of use before an advert's word the customer's own.
 * 49: round 51 (replies51; 48 is replies50's): 已打/还能打 minutes, 话费还剩/账户内尚有 balances, 欠款 owed, 余额不足 before an amount
 *     no failure, a discount between spent and its lines, a table's money column (项目 金额) giving its rows' bare numbers 元.
 * 50: rounds 50 and 51 together.
 * 51: mend52 (review44 on round 51): 余额不足 stands down only for an amount right after it (or after 当前欠款…); a bare number
 *     followed by a counter word (3天, 2张) is named by no bare label; a label whose last character begins a longer word (已打开)
 *     is no label.
 * 52: mend54 (review45 on round 50): a label of an allowance the file does not list as the customer's own (可用, 还可使用) says
 *     the customer's own before an advert's opening word only before the sentence's first word of an offer (办理, 每月, 10元可用).
 * 53: round 52 (replies52): 5G after a switching verb no amount; an offer after the customer's own clause gives nothing; only a
 *     whole number right before a counter is a count; 可用于 is left; a bill line ending in 优惠/减免/折扣/抵扣 is other.
 * 54: round 53 (replies53, batch real26's dev part) with round 52: M值 points, credit-limit nouns, 专项 money set aside, charges
 *     up to a moment of this month spent, a settled month's charges its bill total, 上网流量共X then what is left its allowance.
 * 55: round 54 (replies54): 剩余5G流量 an amount; a bare decimal before a line break no date; a bill line ending in 优惠 other
 *     only when the bill's sum takes it off; 共使用 before 上网 use; 用掉, 信用额 labels; 通用流量 after any label of the allowance;
 *     国内4G流量 after an amount a kind; a comma then a line break as a line break; 2小时 no minutes.
 * 56: round 55 (replies55, batch real27's dev part): a list line's 【通用】 tag general; a part paid for or by others after
 *     本人消费 in its sentence other.
 */
export const FIGURE_CODE_VERSION = 56;

/** The reader's identity: its code version and its wordings (replies.json), so a data change is read again too. */
export function figureReaderStamp(): string {
  return `${FIGURE_CODE_VERSION}:${crc32(new TextEncoder().encode(JSON.stringify(repliesJson))).toString(16)}`;
}

const KEY = 'figureReader';
/** Newest replies read again at each start to see whether the reader still makes the rows stored for them. */
const SAMPLE = 20;
/** Message ids per queue row, as the upgrade to schema 2 queued them. */
const QUEUE_ROW = 1000;

/**
 * Queues every stored reply to be read again when its figures may be an older reader's: the stamp
 * kept differs (a new version or new wordings, or a log from before the stamp was kept), or reading
 * the newest replies again gives rows other than those stored (a reader change nobody stamped). The
 * messages are not touched; the figure reader replaces each reply's rows (never adds to them), newest
 * reply first, so the overview's current figures come back first and the older ones stand meanwhile.
 * Resolves with how many replies were queued.
 */
export async function rereadIfReaderChanged(db: HallDb, stamp = figureReaderStamp()): Promise<number> {
  const kept = await readerRow(db);
  if (kept?.stamp === stamp && !(await newestReadOtherwise(db))) return 0;
  const ids = await db.messages
    .orderBy('at')
    .reverse()
    .filter((m) => m.direction === 'in' && m.complete)
    .primaryKeys();
  const rows: FigureQueueRow[] = [];
  for (let i = 0; i < ids.length; i += QUEUE_ROW) rows.push({ messageIds: ids.slice(i, i + QUEUE_ROW), reread: true });
  await db.transaction('rw', [db.figureQueue, db.meta], async () => {
    // This reader's re-read is under way (another tab's, or one a reload cut short: its queue is kept).
    const now = await readerRow(db);
    if (now?.stamp === stamp && now.left > 0) return;
    await db.figureQueue.bulkAdd(rows);
    await db.meta.put({ key: KEY, stamp, total: ids.length, left: ids.length, queuedAt: Date.now() });
  });
  return ids.length;
}

/** Whether one of the newest replies already read makes other rows now than the rows stored for it. */
async function newestReadOtherwise(db: HallDb): Promise<boolean> {
  const queued = new Set((await db.figureQueue.toArray()).flatMap((r) => r.messageIds));
  const newest = await db.messages
    .orderBy('at')
    .reverse()
    .filter((m) => m.direction === 'in' && m.complete && !queued.has(m.id))
    .limit(SAMPLE)
    .toArray();
  for (const message of newest) {
    const stored = await db.figures.where('messageId').equals(message.id).toArray();
    if (canonical(stored) !== canonical(figureRowsFor(message))) return true;
  }
  return false;
}

/** Rows as comparable text: by id, each field in name order, a field left out the same as one undefined. */
function canonical(rows: readonly FigureRow[]): string {
  const plain = (r: FigureRow) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify([...rows].sort((a, b) => a.id.localeCompare(b.id)).map(plain));
}

/** How far reading the stored replies again has come; undefined when nothing is being read again. */
export async function rereadProgress(db: HallDb): Promise<{ done: number; total: number } | undefined> {
  const row: FigureReaderRow | undefined = await readerRow(db);
  return row && row.left > 0 ? { done: row.total - row.left, total: row.total } : undefined;
}

/** Counts replies of a re-read as read (inside the figure reader's transaction). */
export async function noteReread(db: HallDb, count: number): Promise<void> {
  const row = await readerRow(db);
  if (row) await db.meta.put({ ...row, left: Math.max(0, row.left - count) });
}

async function readerRow(db: HallDb): Promise<FigureReaderRow | undefined> {
  const row = await db.meta.get(KEY);
  return row?.key === KEY ? row : undefined;
}
