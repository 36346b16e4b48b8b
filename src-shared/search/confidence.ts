import type { Instruction } from '../catalog/schema';
import { fold } from './fold';
import type { Clause } from './language/clauses';
import { CONCEPTS } from './language/concepts';
import { ENGLISH_FILLER, isCommonEnglish, lemma } from './language/english';
import { charactersOf, isPinyin, toPinyin } from './pinyin';
import { cut, isStopword, stem } from './text';

/**
 * Chinese words that carry no request of their own (我, 帮我, 一下, 怎么, 吗): they need not be
 * explained by the instruction for a query to count as understood.
 */
const ZH_FILLER = [
  '请问', '麻烦', '帮我', '呃', '哎', '喂', '诶', '唉', '帮忙', '给我', '我想', '我要', '想要', '需要', '一下', '怎么', '怎样', '如何', '什么', '为什么',
  '能不能', '可不可以', '可以', '是不是', '有没有', '现在', '时候', '自己', '您好', '你好', '谢谢', '客户', '用户', '办理',
  '小e', '我', '你', '您', '他', '她', '它', '的', '了', '吗', '呢', '啊', '吧', '呀', '嘛', '哦', '嗯', '想', '要', '请', '帮', '下',
  '个', '这', '那', '是', '在', '给', '把', '被', '让', '能', '会', '还', '都', '就', '又', '再', '也', '很', '太', '好',
  '点', '些', '一', '里', '上', '得', '着', '过', '去', '来', '啦', '呗', '么', '该', '多', '少', '没', '不', '有',
  // when and how much: a month or an amount is a parameter, not a thing asked about
  '去年', '今年', '明年', '上个月', '这个月', '下个月', '月份', '年', '月', '日', '号', '天', '块', '元',
  '二', '三', '四', '五', '六', '七', '八', '九', '十', '两', '百', '千',
  // the story around a request: when, why, what happened before
  '出差', '出国', '旅游', '这段时间', '一段时间', '暂时', '以前', '之前', '上次', '最近', '根本', '不小心', '莫名其妙',
  '每个月', '一个月', '因为', '所以', '但是', '可是', '然后', '后来', '原来', '本来', '东西', '试了', '不行', '知道',
  '告诉', '问问', '确认', '一堆', '看', '用', '说', '经常', '总是', '一直', '妈妈', '爸爸', '老公', '老婆', '乱七八糟', '家里', '老人', '孩子', '朋友', '顾客', '店员', '别人', '有人',
].sort((a, b) => b.length - a.length);
const EN_FILLER = new Set(ENGLISH_FILLER);
/** Particles, pronouns and politeness around a bare action (关掉它, 不要了吧, 帮我查一下), and 停 said alone (不要停): they name no thing. */
const BARE = new Set([...'了吧吗呢啊呀嘛哦嗯喔哈它他她我你您这那个请帮给把就先再都也还别一下啦呗么咯啥子', '停']);
/** The verb of an English action said around its object (turn it off, switch that on). */
const BARE_EN = new Set(['turn', 'switch', 'shut', 'please', 'pls', 'plz', 'now']);
/**
 * Characters and words of action words that name a thing too: the net of 断网, the minutes of 几分钟,
 * the list of 详单, and which or what (开了哪些, what do i have turned on): the line's features.
 */
const THING_IN_ACTION = new Set([...'网分钟条单细哪些什么啥态']);
/** Which or what names the line's features only when asked of an action (开了哪些, 开通了什么): 啥子哦 alone asks nothing. */
const WHICH_OR_WHAT = new Set([...'哪些什么啥']);
const THING_IN_ACTION_EN = /\b(?:what|which|status|usage|list)\b/;
/** The filler words by their first character, longest first, as lists of characters. */
const FILLER_BY_FIRST = new Map<string, string[][]>();
for (const word of ZH_FILLER) {
  const chars = [...word];
  FILLER_BY_FIRST.set(chars[0]!, [...(FILLER_BY_FIRST.get(chars[0]!) ?? []), chars]);
}

/**
 * Words that name a kind of thing a person has or pays (a balance, a bill, a password, a card).
 * Typed after a word the catalog never uses (公积金余额, 物业费账单, 加油卡, gas bill, wifi password)
 * they name that other thing's balance or bill, which no instruction reads, however well 余额 or
 * bill matches.
 */
const KIND_HEADS_ZH = ['余额', '话费', '账单', '积分', '密码', '额度', '费', '卡'];
/** Words that say which or how much of a kind, not another kind (详细账单, 乱收费, 实时余额), or a verb done to it. */
const KIND_MODIFIERS = new Set([
  '详细', '具体', '完整', '全部', '所有', '最新', '电子', '纸质', '历史', '收费', '扣费', '计费', '乱收', '多收', '本月', '上月', '当月',
  '每月', '月度', '总共', '实时', '剩下', '剩余', '目前', '当前', '以前', '之前', '新的', '原来', '现有', '可用',
  // a verb of worry or of noticing before it (担心话费不够, 发现余额少了): still the line's own
  '担心', '害怕', '生怕', '感觉', '觉得', '发现', '知道', '以为', '确认', '看到', '看见',
  // …or of asking (求问话费闹钟怎么开通)
  '求问', '请问', '请教', '求助', '咨询', '询问', '想问', '问问',
]);
/**
 * One character before a kind word that makes it ours: a verb done to it (交话费, 查余额, 扣费), a
 * measure word (一张卡) or a word for which one (新密码, 旧密码, 总余额). Only a noun before it names another kind.
 */
const KIND_LEADERS = new Set([...'新旧原总本该这那张个条交缴充查扣付欠省花用剩看改换设送退开关停']);
/** A hyphenated word of Latin letters (top-up, value-added), its halves captured. */
const HYPHENATED = /([a-z]+)-([a-z]+)/g;
/** A Latin word right before a Chinese kind word. */
const MIXED_KIND = new RegExp(`([a-z]+) ?(?:${KIND_HEADS_ZH.join('|')})`, 'g');
const KIND_HEADS_EN = new Set(['balance', 'bill', 'statement', 'password', 'pin', 'card', 'point', 'account', 'fee', 'charge']);

/**
 * How action words (开, 取消, turn off) count when judging what an answer explains: as words like
 * any other; explained by an answer doing that action (退掉 by turning something off: for
 * confidence); or not at all, to ask whether an answer explains any thing of the query beside
 * the action (开通GPRS explains only 开通 of "Activate caller identification").
 */
export type ActionWords = 'as-words' | 'by-action' | 'skipped';

/** Other instructions of an entry's service whose words count for it too (families.ts): one, or several. */
export type Kin = number | readonly number[];

/** How much the context clauses of a sentence count beside its request clause. */
const CONTEXT_WEIGHT = 0.35;

/** A query text cut for `Coverage.of`: hanzi runs with their sounds and filler, meaningful Latin words. */
interface Analysed {
  otherKind: boolean;
  runs: { chars: string[]; sound: (string | null)[]; filler: boolean[]; acts: (string | null)[] }[];
  words: { word: string; act: string | null }[];
  /** The stems of all its Latin words, stop words and filler too (the up of top up). */
  stems: string[];
}

/** What an instruction's own texts hold, to judge how much of a query it explains. */
interface Explains {
  chars: Set<string>;
  pairs: Set<string>;
  /** The sound of each pair (余额 → yu e), so a homophone typo (于额) is explained too. */
  sounds: Set<string>;
  /** English stems, and the pinyin of the Chinese texts written solid (a misspelt `jifne` corrects to one). */
  words: Set<string>;
  /** Every text folded, one per line, to ask whether it holds a word. */
  all: string;
  /**
   * Stems found only as half of a hyphenated word (top of top-up, value of value-added), with the
   * other halves: alone in a query (the top stories) they are another word.
   */
  bound: Map<string, Set<string>>;
}

/**
 * How much of a query one instruction explains: the share of its meaningful pieces (hanzi that are
 * not filler, English words that are not stop words) that the instruction's texts contain, a hanzi
 * counting when it is there with a neighbour from the query (so 充值 is not explained by 储值 and
 * 值). A query is answered with confidence only when most of it is explained.
 */
export class Coverage {
  private readonly explains = new Map<number, Explains>();
  private readonly analysed = new Map<string, Analysed>();

  /** `catalogPair` says whether some catalog text holds a hanzi pair (the search index knows); `catalogEnglish` gives the stems of the English texts' words (the build knows). */
  constructor(
    private readonly entries: readonly Instruction[],
    private readonly canonical: (text: string) => string,
    private readonly catalogPair: (pair: string) => boolean,
    private readonly actionMarks: (text: string) => { hanzi: (string | null)[]; words: (string | null)[] },
    private readonly catalogEnglish: () => { has(stem: string): boolean },
  ) {}

  /** In [0, 1]; `correct` gives the catalog words a misspelt Latin word may stand for. */
  of(text: string, entry: number, correct: (word: string) => string[], actions: ActionWords = 'as-words', kin?: Kin, bySound = true): number {
    const { covered, total } = this.count(text, entry, correct, actions, kin, bySound);
    return total === 0 ? 1 : covered / total;
  }

  /**
   * The same for a sentence cut into clauses: the request clause counts whole, the context around
   * it (打游戏的时候…, 我觉得挺烦的) a little, so a story does not hide a request that is explained.
   */
  ofClauses(clauses: readonly Clause[], entry: number, correct: (word: string) => string[], kin?: Kin, bySound = true): number {
    let covered = 0;
    let total = 0;
    for (const clause of clauses) {
      const c = this.count(clause.text, entry, correct, 'by-action', kin, bySound);
      if (c.otherKind) return 0;
      const weight = clause.request ? 1 : CONTEXT_WEIGHT;
      covered += weight * c.covered;
      total += weight * c.total;
    }
    return total === 0 ? 1 : covered / total;
  }

  /**
   * How many meaningful pieces of a text there are, and how many of them the instruction explains;
   * `actions` says how action words count (see ActionWords). `kin`: another instruction of the
   * entry's service whose words count too (the entry was found through them: families.ts). `bySound`:
   * whether a pair sounding as one of the entry's (于额 for 余额) counts as said.
   */
  count(text: string, entry: number, correct: (word: string) => string[], actions: ActionWords = 'as-words', kin?: Kin, bySound = true): { covered: number; content: number; total: number; otherKind: boolean } {
    const q = this.analyse(text);
    if (q.otherKind) return { covered: 0, content: 0, total: 1, otherKind: true };
    const kins = kin === undefined ? [] : typeof kin === 'number' ? [kin] : kin;
    const e = kins.length === 0 ? this.explainsOf(entry) : this.explainsWith(entry, kins);
    const action = actions === 'by-action' ? this.entries[entry]!.action : undefined;
    const skipped = actions === 'skipped';
    let total = 0;
    let covered = 0;
    let content = 0;
    for (const { chars, sound, filler, acts } of q.runs) {
      const heard = (i: number) => bySound && i >= 0 && i + 1 < chars.length && sound[i] !== null && sound[i + 1] !== null && e.sounds.has(`${sound[i]} ${sound[i + 1]}`);
      chars.forEach((ch, i) => {
        if (filler[i] || (skipped && acts[i] !== null)) return;
        total++;
        const alone = chars.length === 1 || chars.every((_, k) => k === i || filler[k]);
        const paired = e.pairs.has(ch + (chars[i + 1] ?? '')) || e.pairs.has((chars[i - 1] ?? '') + ch) || heard(i) || heard(i - 1);
        if (paired || (alone && e.chars.has(ch))) content++;
        if (paired || (alone && e.chars.has(ch)) || acts[i] === action) covered++;
      });
    }
    for (const { word, act } of q.words) {
      if (skipped && act !== null) continue;
      total++;
      const has = (w: string) => e.words.has(stem(w)) && (!e.bound.has(stem(w)) || q.stems.some((s) => e.bound.get(stem(w))!.has(s)));
      const known = has(word) || correct(word).some(has);
      if (known) content++;
      if (known || act === action) covered++;
    }
    return { covered, content, total, otherKind: false };
  }

  /**
   * How many pieces of a text mean something: hanzi that are no filler (好了, 就说, 这么多), Latin
   * words that are no stop word. A text with none (好了，就说这么多了) asks for nothing.
   */
  meaningful(text: string): number {
    const q = this.analyse(text);
    let n = q.words.length;
    for (const { filler } of q.runs) for (const f of filler) if (!f) n++;
    return n;
  }

  /**
   * Whether a text names anything beside an action: a hanzi that is no action word, particle or
   * pronoun, a number, or a Latin word that is no action, stop word or filler. 关掉它, 不要了, 开着吧,
   * 查一下 name none: what to turn off or look at is left unsaid, so no answer to them is sure.
   */
  namesAThing(text: string): boolean {
    if (/[\d$¥€£]/.test(text) || THING_IN_ACTION_EN.test(text)) return true;
    const q = this.analyse(text);
    const acted = q.runs.some(({ chars, acts }) => chars.some((ch, i) => acts[i] !== null && !WHICH_OR_WHAT.has(ch)));
    const thingInAction = (ch: string) => THING_IN_ACTION.has(ch) && (acted || !WHICH_OR_WHAT.has(ch));
    return q.words.some((w) => w.act === null && !BARE_EN.has(w.word)) || q.runs.some(({ chars, acts }) => chars.some((ch, i) => (acts[i] === null ? !BARE.has(ch) : thingInAction(ch))));
  }

  /** What `of` needs of a query text, worked out once for all the answers it is asked about. */
  private analyse(text: string): Analysed {
    let a = this.analysed.get(text);
    if (a) return a;
    if (this.analysed.size > 500) this.analysed.clear();
    const { hanRuns, latinWords } = cut(text);
    const marks = this.actionMarks(text);
    let at = 0;
    a = {
      otherKind: this.namesOtherKind(text),
      runs: hanRuns.map((run) => {
        const chars = [...run];
        at += chars.length;
        return { chars, sound: toPinyin(run), filler: fillerMask(chars), acts: marks.hanzi.slice(at - chars.length, at) };
      }),
      // A chat spelling of filler (thx, plz) is filler, not a slip to correct into some word of the catalog.
      words: latinWords.map((word, i) => ({ word, act: marks.words[i] ?? null })).filter(({ word: w }) => !isStopword(w) && !EN_FILLER.has(lemma(w) ?? w) && !/^\d+$/.test(w)),
      stems: latinWords.map(stem),
    };
    this.analysed.set(text, a);
    return a;
  }

  /**
   * Whether a folded text names another kind of balance, bill, password or card than a phone
   * line's: a kind word (余额, 账单, 费, bill, balance …) right after a word no catalog text and no
   * concept uses. 话费 and 手机余额 are ours; 公积金余额 and "gas bill" are not.
   */
  namesOtherKind(text: string): boolean {
    const { hanRuns, latinWords } = cut(text);
    for (const run of hanRuns) {
      const chars = [...run];
      const filler = fillerMask(chars);
      for (const head of KIND_HEADS_ZH) {
        for (let at = run.indexOf(head); at !== -1; at = run.indexOf(head, at + 1)) {
          const i = [...run.slice(0, at)].length;
          // 话费, 短信费: the head is the end of a word of ours.
          if (head.length === 1 && i >= 1 && this.domainPair(chars[i - 1] + head, false)) continue;
          if (i < 2 || filler[i - 1] || filler[i - 2] || KIND_LEADERS.has(chars[i - 1]!)) continue;
          const before = chars[i - 2]! + chars[i - 1]!;
          if (!KIND_MODIFIERS.has(before) && !this.domainPair(before)) return true;
        }
      }
    }
    const stems = latinWords.filter((w) => !isStopword(w) && !EN_FILLER.has(w) && !/^\d+$/.test(w)).map(stem);
    const words = (this.domainWords ??= this.buildDomainWords());
    if (stems.some((w, i) => i > 0 && KIND_HEADS_EN.has(w) && !words.has(stems[i - 1]!) && !/^\d/.test(stems[i - 1]!))) return true;
    // An English word before a Chinese kind word (bank 余额, gas 账单; "bank account" read as bank 话费):
    // the same other kind, in either script. A word of English, not a slip of ours (monthy 账单) nor pinyin.
    for (const m of text.matchAll(MIXED_KIND)) {
      const w = m[1]!;
      if (isCommonEnglish(w) && !isStopword(w) && !EN_FILLER.has(w) && !isPinyin(w) && !words.has(stem(w))) return true;
    }
    return false;
  }

  private domainWords: { has(stem: string): boolean } | undefined;

  /** Whether a hanzi pair is a word of this domain: in a catalog text or a concept, or (for a typo) a homophone of one. */
  private domainPair(pair: string, homophones = true): boolean {
    const pairs = conceptPairs();
    const known = (p: string) => this.catalogPair(p) || pairs.has(p);
    if (known(pair)) return true;
    if (!homophones) return false;
    // 查讯余额, 话废余额: the same sounds as a pair of ours.
    const [a, b] = toPinyin(pair);
    if (!a || !b) return false;
    const second = charactersOf(b);
    return [...charactersOf(a)].some((x) => [...second].some((y) => known(x + y)));
  }

  /** English stems of the catalog (from its build) and the concepts. */
  private buildDomainWords(): { has(stem: string): boolean } {
    const catalog = this.catalogEnglish();
    const concepts = conceptStems();
    return { has: (w) => concepts.has(w) || catalog.has(w) };
  }

  /** Whether one of the instruction's texts holds a (folded) word. */
  holds(entry: number, word: string): boolean {
    return this.explainsOf(entry).all.includes(word);
  }

  private readonly kinExplains = new Map<string, Explains>();

  /** What an entry's texts and those of another of its service's instructions hold together. */
  private explainsWith(entry: number, kins: readonly number[]): Explains {
    const key = `${entry} ${kins.join(' ')}`;
    let e = this.kinExplains.get(key);
    if (e) return e;
    if (this.kinExplains.size > 200) this.kinExplains.clear();
    const all = [this.explainsOf(entry), ...kins.map((k) => this.explainsOf(k))];
    const free = (half: string) => all.every((x) => !(x.words.has(half) && !x.bound.has(half)));
    const bound = new Map(all.flatMap((x) => [...x.bound]).filter(([half]) => free(half)));
    e = {
      chars: new Set(all.flatMap((x) => [...x.chars])),
      pairs: new Set(all.flatMap((x) => [...x.pairs])),
      sounds: new Set(all.flatMap((x) => [...x.sounds])),
      words: new Set(all.flatMap((x) => [...x.words])),
      all: all.map((x) => x.all).join('\n'),
      bound,
    };
    this.kinExplains.set(key, e);
    return e;
  }

  private explainsOf(entry: number): Explains {
    let e = this.explains.get(entry);
    if (e) return e;
    const instruction = this.entries[entry]!;
    const texts = [instruction.id, ...(['zh-Hans', 'zh-Hant', 'en'] as const).flatMap((l) => [instruction.name[l], instruction.summary[l], ...instruction.synonyms[l], ...instruction.examples[l]])];
    e = { chars: new Set(), pairs: new Set(), sounds: new Set(), words: new Set(), all: texts.map(fold).join('\n'), bound: new Map() };
    const halves = new Map<string, Set<string>>();
    const alone = new Set<string>();
    for (const text of texts) {
      const folded = fold(text);
      for (const form of new Set([folded, this.canonical(folded)])) {
        const { hanRuns, latinWords } = cut(form);
        for (const run of hanRuns) {
          const chars = [...run];
          const sound = toPinyin(run);
          chars.forEach((ch, i) => {
            e!.chars.add(ch);
            if (i + 1 < chars.length) e!.pairs.add(ch + chars[i + 1]);
            if (i + 1 < chars.length && sound[i] && sound[i + 1]) e!.sounds.add(`${sound[i]} ${sound[i + 1]}`);
          });
          if (sound.every(Boolean)) e.words.add(sound.join(''));
        }
        for (const w of latinWords) e.words.add(stem(w));
        for (const [, a, b] of form.matchAll(HYPHENATED)) {
          for (const [half, other] of [[a!, b!], [b!, a!]] as const) {
            const partners = halves.get(stem(half)) ?? new Set<string>();
            halves.set(stem(half), partners.add(stem(other)));
          }
        }
        for (const w of cut(form.replace(HYPHENATED, ' ')).latinWords) alone.add(stem(w));
      }
    }
    for (const [half, partners] of halves) if (!alone.has(half)) e.bound.set(half, partners);
    this.explains.set(entry, e);
    return e;
  }
}

let conceptPairSet: Set<string> | undefined;
let conceptStemSet: Set<string> | undefined;

/** The hanzi pairs of the concepts' words (shipped knowledge: worked out once however many indexes are made). */
function conceptPairs(): Set<string> {
  return (conceptPairSet ??= new Set(CONCEPTS.flatMap(({ zh }) => zh.map(fold).flatMap((w) => [...w].slice(1).map((ch, i) => w[i] + ch)))));
}

/** The stems of the concepts' English words, worked out once likewise. */
function conceptStems(): Set<string> {
  if (!conceptStemSet) {
    conceptStemSet = new Set();
    for (const { en } of CONCEPTS) for (const phrase of en) for (const w of phrase.split(/[\s-]+/)) conceptStemSet.add(stem(w));
  }
  return conceptStemSet;
}

/** Which characters of a hanzi run belong to filler words, longest words first. */
function fillerMask(chars: readonly string[]): boolean[] {
  const mask = new Array<boolean>(chars.length).fill(false);
  for (let i = 0; i < chars.length; ) {
    const word = FILLER_BY_FIRST.get(chars[i]!)?.find((w) => w.every((c, k) => chars[i + k] === c));
    if (word) mask.fill(true, i, i + word.length);
    i += word ? word.length : 1;
  }
  return mask;
}

/** How many of the first answers are weighed again by coverage, and how much an answer that explains nothing keeps. */
export const REWEIGH_FIRST = 6;
const UNEXPLAINED_KEEPS = 0.6;
/** What an answer keeps that explains only the query's action word, none of its things (开通GPRS for "activate caller identification"). */
const ONLY_ACTION_KEEPS = 0.75;

/**
 * The first answers weighed by how much of the query each explains, then sorted again: an answer
 * that matched the query's frame (还有多少, how much) loses to one that explains its content word.
 */
export function weighByCoverage(ranked: { raw: number; index: number }[], explained: (index: number) => number, onlyAction: (index: number) => boolean = () => false): void {
  const first = ranked.slice(0, REWEIGH_FIRST);
  for (const r of first) r.raw *= (UNEXPLAINED_KEEPS + (1 - UNEXPLAINED_KEEPS) * explained(r.index)) * (onlyAction(r.index) ? ONLY_ACTION_KEEPS : 1);
  first.sort((a, b) => b.raw - a.raw || a.index - b.index);
  ranked.splice(0, first.length, ...first);
}
