import { isHan } from '../fold';
import { isPinyin, toPinyin } from '../pinyin';
import { isStopword, stem } from '../text';
import { AMOUNT_COUNTED, CONCEPTS, DATA_WORDS, UNIT_INITIALS } from './concepts';
import { isCommonEnglish } from './english';
import { withoutAsides } from './asides';
import { toMandarin } from './dialect';
import { OUT_OF_SCOPE_ZH, SOUNDED_ELSEWHERE } from './scope';
import { foldTones } from './tones';

/** One way of reading a query: the text to search with, and how much a match through it counts. */
export interface Reading {
  text: string;
  weight: number;
  /** The query put from Cantonese or Taiwan usage into Mandarin (only when that changed it). */
  mandarin?: true;
  /** Read as a pinyin keyboard's slip (挺机 as 停机): what the person typed is another word. */
  slip?: true;
  /** Letters read as an action's initials that may as well be a unit (gb上网: 关闭 or gigabytes): no answer is sure. */
  either?: true;
}

const MANDARIN_WEIGHT = 0.95;
/** A concept's other word is close to the catalog's, not the same (上网 is not quite 流量). */
const CANONICAL_WEIGHT = 0.8;
const TRANSLATED_WEIGHT = 0.9;
const BARE_WEIGHT = 0.9;
/** Question words and particles: typed on purpose, never a slip for a word of the same sound. */
const NO_SLIP = new Set([...'几什怎么谁吗呢吧啊的了我你他她它']);
/** A word typed by its sound with the wrong characters (来电线是 for 来电显示) is likely, not sure. */
const SLIP_WEIGHT = 0.85;
/** Politeness, question frames and story words that carry no request (longest first). */
const FRAMES = new RegExp(
  ['你好', '您好', '请问', '麻烦你', '麻烦', '谢谢', '帮我', '帮忙', '我想要', '我想', '我要', '想要', '想知道', '我需要', '需要',
   '能不能', '可不可以', '可以吗', '是不是', '怎么样', '怎么办', '怎么', '如何', '一下', '一下子', '应该', '到底', '最近', '昨天', '今天', '刚才', '刚刚',
   '现在', '突然', '已经', '好像', '总是', '一直', '老是', '能否', '吗', '呢', '啊', '吧', '呀',
   // what dictation writes down of a pause (那个，就是，呃，帮我看看…)
   '那个', '就是说', '就是', '呃', '嗯', '哎', '喂', '诶', '唉',
   // a remark on what one knows, said inside the request (我也不知道…开了些什么乱七八糟的业务): no thing asked
   '我也不知道', '也不知道', '不知道', '搞不清楚', '不清楚', '说实话', '其实', '乱七八糟的', '乱七八糟',
   // wanting to ask is the frame of a question (就想问问里面还有没有钱)
   '就想问问', '想问问', '想问一下', '想问下', '问一下', '问问', '里面',
   // a forum post's address to its readers (求问…, 各位大神, 在线等)
   '求问', '求助', '请教', '求教', '跪求', '各位大神', '大神', '各位', '楼主', '在线等', '谢谢各位']
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);
/** The Chinese words English action words are put into (the action concepts' catalog words). */
const ACTION_HEADS = /开通|关闭|取消|查询|修改|重置/g;
/** Words of everyday Mandarin around a request, by their full pinyin as people type it (了 is le): decoded from that only. */
const EVERYDAY: Record<string, string> = {
  了: 'le', 吗: 'ma', 呢: 'ne', 吧: 'ba', 忘了: 'wangle', 开了: 'kaile', 关了: 'guanle', 没有: 'meiyou', 怎么: 'zenme', 还有: 'haiyou',
  有没有: 'youmeiyou', 是不是: 'shibushi', 能不能: 'nengbuneng', 一下: 'yixia', 帮我: 'bangwo', 我的: 'wode', 不要: 'buyao', 不用: 'buyong', 现在: 'xianzai',
};
const EVERYDAY_WORDS = new Map(Object.entries(EVERYDAY).map(([word, letters]) => [letters, { word, quality: 1 }]));
/** How sure a decoded word is, by where it comes from: the concept words, or the catalog's own words. */
const CONCEPT_WORD = 3;
const CATALOG_PHRASE = 2;
const CATALOG_PAIR = 1;
/** At most this much more for a pair found in many catalog texts: enough to break a tie, never to beat a phrase. */
const COMMON_PAIR = 0.2;
/**
 * Letters that read only as more words than these, or with more one-letter words, or with a mere
 * pair of hanzi from some catalog text beside a one-letter word or among as many words (dbk → 打不开),
 * are no initials anyone typed. More words than three are read only when none is a single letter and
 * every mere pair runs on into a word beside it (qx sy zz yw: 取消 剩余 增值 业务), up to this many.
 */
const MAX_INITIALS_WORDS = 3;
const MAX_SOLID_INITIALS_WORDS = 6;
const MAX_SINGLE_LETTER_WORDS = 1;

/**
 * Reads a folded query the ways a person may have meant it: as typed (tones folded); in Mandarin
 * with the domain's words in the catalog's wording (點樣閂咗數據 → 怎么关了流量); and with its
 * Latin words put into Chinese (开 data, cxll, guanbi liuliang, pls shut down the mobile internet).
 */
export class QueryReader {
  /** Concept words by their first UTF-16 unit (as a number: no one-character string is made to look one up). */
  private readonly canonical = new Map<number, [from: string, to: string][]>();
  private readonly english: { words: string[]; zh: string }[] = [];
  private decodable: Map<string, { word: string; quality: number }> | undefined;
  private readonly heads = new Set(CONCEPTS.map((c) => c.zh[0]!));
  /** The catalog's decoder words (short texts, hanzi pairs and triples), filled with the decoder. */
  private readonly catalogRuns = new Set<string>();
  private strangeSounds: Map<string, string> | undefined;
  /** What `outOfScopeBySound` heard in a text: a query's readings are judged against every entry. */
  private readonly heardStrange = new Map<string, string[]>();

  /**
   * `catalogWords`: the catalog's short Chinese texts (phrase) and hanzi pairs, to decode initials
   * into. Asked for only when a query first needs decoding, so a large catalog opens no slower.
   */
  constructor(
    private readonly catalogWords: () => Iterable<[word: string, phrase: boolean]>,
    private readonly knowsPair: (pair: string) => boolean = () => true,
  ) {
    for (const { zh, en } of CONCEPTS) {
      const [head] = zh;
      for (const word of zh.slice(1)) if ([...word].length >= 2) this.addCanonical(word, head!);
      for (const phrase of en) this.english.push({ words: phrase.split(/[\s-]+/).map(stem), zh: head! });
    }
    for (const list of this.canonical.values()) list.sort((a, b) => b[0].length - a[0].length);
    this.english.sort((a, b) => b.words.length - a.words.length);
  }

  /** The query's readings, as typed first; `known` says whether a Latin word is the catalog's own (a code, an English word). */
  read(folded: string, known: (word: string) => boolean): Reading[] {
    const typed = withoutAsides(foldTones(folded));
    const out: Reading[] = [{ text: typed, weight: 1 }];
    const add = (text: string, weight: number, slip = false) => {
      if (text.trim() && !out.some((r) => r.text === text)) out.push({ text, weight, ...(slip ? { slip: true as const } : {}) });
    };
    const mandarin = toMandarin(typed);
    if (mandarin !== typed && mandarin.trim()) out.push({ text: mandarin, weight: MANDARIN_WEIGHT, mandarin: true });
    const canonical = this.toCanonical(mandarin);
    add(canonical, CANONICAL_WEIGHT);
    if (/[a-z]/.test(canonical)) {
      const translated = this.toCanonical(this.translate(canonical, known));
      // Only an action word put into Chinese beside words the catalog knows as typed ("turn off 3way
      // calling" → 关闭 3way calling) adds no thing to find, and alone it would find the shortest text
      // with that action (关闭GPRS). A misspelt word (balence) may still be a thing: then it is kept.
      const thingless = !/\p{Script=Han}/u.test(canonical) && !/\p{Script=Han}/u.test(translated.replace(ACTION_HEADS, ''));
      const rest = translated.match(/[a-z0-9]+/g) ?? [];
      if (!thingless || rest.length === 0 || !rest.every((w) => /\d/.test(w) || known(w))) add(translated, TRANSLATED_WEIGHT);
    }
    // The request without its politeness and question frame (你好，请问怎么查一下…): what is left is what is asked.
    const bare = canonical.replace(FRAMES, '').replace(/\s+/g, ' ').trim();
    if (bare !== canonical && /\p{Script=Han}/u.test(bare)) add(bare, BARE_WEIGHT);
    // gb上网: letters that are a unit and an action's initials, uncounted beside hanzi, may be either; read as the
    // action too, as a slip's reading: no answer to it is sure. Beside no word of data (gb彩铃) they are no unit:
    // the action's initials, read as surely as other initials decoded.
    const initials = typed.replace(/[a-z]+/g, (w, at: number) => (UNIT_INITIALS.has(w) && /\p{Script=Han}/u.test(typed) && !AMOUNT_COUNTED.test(typed.slice(Math.max(0, at - 4), at + w.length)) ? UNIT_INITIALS.get(w)! : w));
    if (initials !== typed) {
      if (DATA_WORDS.some((w) => canonical.includes(w))) out.push({ text: initials, weight: SLIP_WEIGHT, slip: true, either: true });
      else add(initials, TRANSLATED_WEIGHT);
    }
    const heard = this.slipsOfSound(canonical);
    if (heard !== canonical) add(this.toCanonical(heard).replace(FRAMES, '').replace(/\s+/g, ' ').trim(), SLIP_WEIGHT, true);
    return out;
  }

  /**
   * A pinyin keyboard offers every word of a sound: 线是 for 显示, 刘亮 for 流量, 财铃 for 彩铃. Two
   * hanzi side by side that no catalog text has together, sounding exactly as a word of the
   * catalog or of the concepts does, are read as that word when it then runs on into the hanzi
   * beside it as in a catalog text (来电+显示, 取消+彩铃): a word of its own (几分, 充值, 笑话) does not.
   */
  slipsOfSound(text: string): string {
    if (!/\p{Script=Han}{2}/u.test(text)) return text;
    const decodable = (this.decodable ??= this.buildDecodable());
    // A pair that is all the request asks once its frame is gone (我要挺机, 帮我挺机) has nothing beside it to run
    // on into: it is read as a word the catalog says whole (a short text or a concept word), never as a mere pair.
    const request = text.replace(FRAMES, '').replace(/[\s\p{P}]/gu, '');
    const alone = [...request].length === 2 ? request : '';
    let out = '';
    const chars = [...text];
    // Words outside the catalog are words (充值 is no slip for 重置), as are question words' pairs (几分 is no 积分).
    const kept = new Set<number>();
    for (const word of OUT_OF_SCOPE_ZH) for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) for (let k = 0; k < word.length; k++) kept.add(at + k);
    for (let i = 0; i < chars.length; i++) {
      const pair = chars[i]! + (chars[i + 1] ?? '');
      const free = !kept.has(i) && !kept.has(i + 1) && !NO_SLIP.has(chars[i]!) && !NO_SLIP.has(chars[i + 1] ?? '');
      const heard = free && pair.length === 2 && isHan(chars[i]!) && isHan(chars[i + 1]!) && !this.knowsPair(pair) ? this.soundAlike(pair, decodable, pair === alone ? CATALOG_PHRASE : 0) : null;
      const before = out.slice(-1);
      const after = chars[i + 2] ?? '';
      if (heard && (pair === alone || (before && this.knowsPair(before + heard[0])) || (after && this.knowsPair(heard[1] + after)))) {
        out += heard;
        i++;
      } else out += chars[i];
    }
    return out;
  }

  /**
   * Things out of scope typed with a pinyin keyboard's wrong characters (话费冲值 for 充值, 宽代 for 宽带, 公鸡金
   * for 公积金: `SOUNDED_ELSEWHERE`): two or three hanzi sounding exactly as such a word are that word, unless a
   * pair of them is the catalog's (重置 is no 充值) or an end of them makes one with the hanzi beside it.
   */
  outOfScopeBySound(text: string): string[] {
    if (!/\p{Script=Han}{2}/u.test(text)) return [];
    const cached = this.heardStrange.get(text);
    if (cached) return cached;
    const bySound = (this.strangeSounds ??= strangeSounds());
    const heard: string[] = [];
    for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? []) {
      const chars = [...run];
      const syllables = toPinyin(run);
      for (let i = 0; i + 1 < chars.length; i++) {
        for (let n = 2; n <= 3 && i + n <= chars.length; n++) {
          const window = chars.slice(i, i + n).join('');
          if (syllables.slice(i, i + n).some((x) => x === null) || chars.slice(i, i + n).some((c) => NO_SLIP.has(c))) continue;
          if (this.knowsPair(window.slice(0, 2)) || (n === 3 && this.knowsPair(window.slice(1)))) continue;
          const word = bySound.get(syllables.slice(i, i + n).join(''));
          if (!word || word === window) continue;
          // An end that makes a word of ours with the hanzi beside it, where the heard word's would not, is ours (查下余额 is no 下雨).
          const heardChars = [...word];
          const oursBefore = i > 0 && this.knowsPair(chars[i - 1]! + chars[i]!) && !this.knowsPair(chars[i - 1]! + heardChars[0]!);
          const oursAfter = i + n < chars.length && this.knowsPair(chars[i + n - 1]! + chars[i + n]!) && !this.knowsPair(heardChars.at(-1)! + chars[i + n]!);
          if (!oursBefore && !oursAfter) heard.push(word);
        }
      }
    }
    if (this.heardStrange.size > 512) this.heardStrange.clear();
    this.heardStrange.set(text, heard);
    return heard;
  }

  /**
   * Pinyin that is the sound of a word of ours and of a thing elsewhere (chongzhi: 重置 and 充值) is ours when it
   * runs on into the hanzi beside it as in a catalog text (mima chongzhi, 密码chongzhi), and that thing when it
   * stands beside hanzi it does not run on into (话费chongzhi). Alone, nothing says which: it stays ours.
   */
  private elsewhereBySound(decoded: string, before: string | undefined, after: string | undefined): string {
    const syllables = toPinyin(decoded);
    if (syllables.some((x) => x === null)) return decoded;
    const other = (this.strangeSounds ??= strangeSounds()).get(syllables.join(''));
    if (!other || other === decoded) return decoded;
    const left = before?.trim().at(-1);
    const right = after?.at(0);
    const han = (c: string | undefined): c is string => !!c && isHan(c);
    if (!han(left) && !han(right)) return decoded;
    const runsOn = (han(left) && this.knowsPair(left + decoded[0]!)) || (han(right) && this.knowsPair(decoded.at(-1)! + right));
    return runsOn ? decoded : other;
  }

  private soundAlike(pair: string, decodable: Map<string, { word: string; quality: number }>, least = 0): string | null {
    const syllables = toPinyin(pair);
    if (syllables.some((x) => x === null)) return null;
    const hit = decodable.get(syllables.join(''));
    // A pair met in one catalog text only (机时 of 关机时) is a fragment, not a word anyone meant.
    return hit && hit.quality > CATALOG_PAIR && hit.quality >= least && hit.word.length === 2 && hit.word !== pair && toPinyin(hit.word).join('') === syllables.join('') ? hit.word : null;
  }

  /** Whether a text is a concept's catalog word and nothing else (流量, 彩铃). */
  isConceptHead(text: string): boolean {
    return this.heads.has(text);
  }

  /**
   * Every multi-character concept word replaced by the concept's catalog word (关闭数据 → 关闭流量),
   * again while that makes another (电话费单子 → 话费单子 → 账单子: words that overlap).
   */
  toCanonical(text: string): string {
    for (let pass = 0; pass < 3; pass++) {
      const next = this.canonicalOnce(text);
      if (next === text) break;
      text = next;
    }
    return text;
  }

  private canonicalOnce(text: string): string {
    // The text between replacements is copied as slices, and a text with none is returned as it is:
    // the build reads every distinct run of catalog hanzi through here.
    let out = '';
    let copied = 0;
    for (let i = 0; i < text.length; ) {
      const hit = this.canonicalAt(text, i);
      if (!hit || this.longerWithin(text, i, hit[0].length)) {
        i++;
        continue;
      }
      out += text.slice(copied, i) + hit[1];
      i += hit[0].length;
      copied = i;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  /**
   * Whether a longer concept word starts inside the one at `i` and runs on past it (有人给我打电话我都不知道: 给我打 of an
   * incoming call, 打电话我都不知道 of a missed one): the longer says more, so the shorter is not read.
   */
  private longerWithin(text: string, i: number, length: number): boolean {
    for (let j = i + 1; j < i + length; j++) {
      const inner = this.canonicalAt(text, j);
      if (inner && inner[0].length > length && j + inner[0].length > i + length) return true;
    }
    return false;
  }

  /** The longest concept word written at `i`, with the catalog's word for it. */
  private canonicalAt(text: string, i: number): [from: string, to: string] | undefined {
    const list = this.canonical.get(text.charCodeAt(i));
    if (list) for (const hit of list) if (text.startsWith(hit[0], i)) return hit;
    return undefined;
  }

  /**
   * Latin words put into Chinese: English concept words and phrases by their concept, pinyin and
   * pinyin initials decoded into words; stop words dropped; anything else kept as typed.
   */
  translate(text: string, known: (word: string) => boolean): string {
    // Two words typed as one (callwaiting, calleridoff) are read apart when both halves are known.
    const pieces = (text.match(/[a-z0-9]+|[^a-z0-9\s\p{P}]+/gu) ?? []).flatMap((p) => (/^[a-z]{6,}$/.test(p) && !known(p) && !isPinyin(p) ? splitWords(p, known) : [p]));
    const out: string[] = [];
    for (let i = 0; i < pieces.length; ) {
      const piece = pieces[i]!;
      if (!/^[a-z0-9]+$/.test(piece)) {
        out.push(piece);
        i++;
        continue;
      }
      const words = pieces.slice(i, i + 4).map((w) => stem(w));
      const phrase = this.english.find((p) => p.words.every((w, k) => words[k] === w));
      if (phrase) {
        out.push(phrase.zh);
        i += phrase.words.length;
        continue;
      }
      // A phrase with a small word inside (missed a call, turn the data off … ): matched without it.
      const loose = this.loosePhrase(pieces, i);
      if (loose) {
        out.push(loose.zh);
        i = loose.end;
        continue;
      }
      // Spaced pinyin (cha hua fei, guanbi liuliang) is decoded as one: the longest run that reads.
      let end = i;
      while (end < pieces.length && end - i < 8 && /^[a-z]+$/.test(pieces[end]!) && isPinyin(pieces[end]!)) end++;
      let decoded: string | null = null;
      for (; end > i + 1 && !decoded; end--) decoded = this.decode(pieces.slice(i, end).join(''));
      if (decoded) {
        out.push(this.elsewhereBySound(decoded, out.at(-1), pieces[end + 1]));
        i = end + 1; // the loop counted one past the run that read
        continue;
      }
      // A word of the catalog or of everyday English (yet, bank) is no initials; pinyin may still be read.
      decoded = isStopword(piece) || ((known(piece) || isCommonEnglish(piece)) && !isPinyin(piece)) ? null : this.decode(piece);
      if (decoded) out.push(this.elsewhereBySound(decoded, out.at(-1), pieces[i + 1]));
      else if (!isStopword(piece)) out.push(` ${piece} `);
      i++;
    }
    return out.join('').replace(/\s+/g, ' ').trim();
  }

  /** A phrase of two or more words met at `i` with stop words between them skipped; where it ends. */
  private loosePhrase(pieces: readonly string[], i: number): { zh: string; end: number } | null {
    if (isStopword(pieces[i]!)) return null;
    const at: number[] = [];
    for (let k = i; k < pieces.length && at.length < 4 && k - i < 8; k++) if (k === i || !isStopword(pieces[k]!)) at.push(k);
    const words = at.map((k) => stem(pieces[k]!));
    const phrase = this.english.find((p) => p.words.length >= 2 && p.words.length <= words.length && p.words.every((w, k) => words[k] === w));
    return phrase && at[phrase.words.length - 1]! > i + phrase.words.length - 1 ? { zh: phrase.zh, end: at[phrase.words.length - 1]! + 1 } : null;
  }

  /**
   * Pinyin or pinyin initials of words, written solid (`cxll`, `ydsj`, `chaliuliang`, `guanbi`), as
   * the words they most likely stand for: the cut into known words that covers the most letters
   * with the surest words. Null when the letters cannot all be read.
   */
  decode(letters: string): string | null {
    if (letters.length < 2 || letters.length > 24 || !/^[a-z]+$/.test(letters)) return null;
    const decodable = (this.decodable ??= this.buildDecodable());
    // Letters that are a whole name's or synonym's initials (yytcsyqkcx: 语音套餐剩余情况查询) are that text, however it could be cut.
    const whole = decodable.get(letters);
    if (whole && whole.quality >= CATALOG_PHRASE) return whole.word;
    // Particles and everyday words only in letters that are all full pinyin (kai le ma): `bank` is not 吧 and initials.
    const everyday = isPinyin(letters);
    const best: ({ score: number; words: string[]; singles: number; pairs: number; pairAt: number[] } | null)[] = [{ score: 0, words: [], singles: 0, pairs: 0, pairAt: [] }];
    for (let end = 1; end <= letters.length; end++) {
      best[end] = null;
      for (let start = Math.max(0, end - 12); start < end; start++) {
        const before = best[start];
        const hit = before && (decodable.get(letters.slice(start, end)) ?? (everyday ? EVERYDAY_WORDS.get(letters.slice(start, end)) : undefined));
        if (!before || !hit) continue;
        const score = before.score + hit.quality * (end - start) - 1;
        if (!best[end] || score > best[end]!.score) best[end] = { score, words: [...before.words, hit.word], singles: before.singles + (end - start === 1 ? 1 : 0), pairs: before.pairs + (hit.quality < CATALOG_PHRASE ? 1 : 0), pairAt: hit.quality < CATALOG_PHRASE ? [...before.pairAt, before.words.length] : before.pairAt };
      }
    }
    const read = best[letters.length];
    if (!read) return null;
    // Initials stand for a word or two, one of them at most a single letter (c 查, k 开): letters that
    // only read as a string of fragments (zzqqxx → 增值钱钱信息, sdfggh → 送达费够更换) are a slip of the hand.
    // Three words with a pair are taken when each pair runs on into a word beside it as a catalog text
    // does (cx zz yw: 查询 增值 业务, the catalog's 查增值业务): then it is part of a phrase, no fragment.
    const fragments = read.pairs > 0 && (read.singles > 0 || (read.words.length >= MAX_INITIALS_WORDS && !read.pairAt.every((i) => this.runsOn(read.words, i))));
    // Four words or more (qxsyzzyw, a name's initials cut in words) only when every one is a word, none a letter.
    const tooMany = read.words.length > MAX_INITIALS_WORDS && (read.singles > 0 || read.words.length > MAX_SOLID_INITIALS_WORDS);
    if (read.singles > MAX_SINGLE_LETTER_WORDS || (!everyday && (tooMany || fragments))) return null;
    return read.words.join('');
  }

  /** Whether the word at `i` runs on into the first hanzi of the next word, or from the last of the one before, as in a catalog text. */
  private runsOn(words: readonly string[], i: number): boolean {
    const next = words[i + 1]?.[0];
    const before = words[i - 1]?.slice(-1);
    return (next !== undefined && this.catalogRuns.has(words[i]! + next)) || (before !== undefined && this.catalogRuns.has(before + words[i]!));
  }

  private addCanonical(word: string, head: string): void {
    const list = this.canonical.get(word.charCodeAt(0)) ?? [];
    list.push([word, head]);
    this.canonical.set(word.charCodeAt(0), list);
  }

  /** Words by their initials and by their pinyin written solid; the surest word wins a shared key. */
  private buildDecodable(): Map<string, { word: string; quality: number }> {
    const decodable = new Map<string, { word: string; quality: number }>();
    const seen = new Set<string>();
    const add = (word: string, quality: number) => {
      if (seen.has(word) || ![...word].every(isHan)) return;
      seen.add(word);
      const syllables = toPinyin(word);
      if (syllables.some((s) => s === null)) return;
      for (const key of [syllables.map((s) => s![0]).join(''), syllables.join('')]) {
        const had = decodable.get(key);
        if (!had || had.quality < quality) decodable.set(key, { word, quality });
      }
    };
    for (const { zh } of CONCEPTS) for (const word of zh) add(word, CONCEPT_WORD);
    // Among the catalog's pairs the more common wins a shared key: `th` is 通话 (in a dozen texts), not 停号.
    const pairs = new Map<string, number>();
    for (const [word, phrase] of this.catalogWords()) {
      this.catalogRuns.add(word);
      if (phrase) add(word, CATALOG_PHRASE);
      else pairs.set(word, (pairs.get(word) ?? 0) + 1);
    }
    for (const [word, count] of pairs) add(word, CATALOG_PAIR + COMMON_PAIR * (1 - 1 / count));
    // Things outside the catalog, so that their pinyin (gongjijin, xinyongka) is read as them, not as some word of ours.
    for (const word of OUT_OF_SCOPE_ZH) if ([...word].length >= 3) add(word, CATALOG_PAIR);
    // Things elsewhere typed by their sound (kuandai, dianfei) by their whole pinyin only: two initials (kd) are too many things.
    for (const word of SOUNDED_ELSEWHERE) {
      const syllables = toPinyin(word);
      const key = syllables.join('');
      if (syllables.every((x) => x !== null) && !decodable.has(key)) decodable.set(key, { word, quality: CATALOG_PAIR });
    }
    return decodable;
  }
}

/** The out-of-scope things typed by sound, by their toneless pinyin (chongzhi → 充值). */
function strangeSounds(): Map<string, string> {
  const bySound = new Map<string, string>();
  for (const word of SOUNDED_ELSEWHERE) {
    const syllables = toPinyin(word);
    if (syllables.every((x) => x !== null) && !bySound.has(syllables.join(''))) bySound.set(syllables.join(''), word);
  }
  return bySound;
}

/** A word typed solid cut into two known words, or the word itself. */
function splitWords(word: string, known: (word: string) => boolean): string[] {
  for (let i = 3; i + 3 <= word.length; i++) {
    const [a, b] = [word.slice(0, i), word.slice(i)];
    if (known(a) && known(b)) return [a, b];
  }
  return [word];
}
