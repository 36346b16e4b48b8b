/**
 * China Mobile's products by the names people call them (日租宝, 和彩云, 飞信, 139邮箱, 手机报, 咪咕视频 …),
 * in Simplified and Traditional Chinese, pinyin and English. People ask for an instruction by naming the
 * product, not the kind of thing it is: 那个日租宝给我取消掉 is a data day pass cancelled, not mobile data
 * turned off. Whether the catalog has an instruction for a product is read from the catalog, never written
 * here: a product none of whose Chinese names any catalog text holds is one the catalog does not name
 * (`ProductNames`), and the engine then answers a cancel of it with the list of subscriptions and any other
 * question about it with no confident answer. A catalog update that adds an instruction for one makes it known.
 */
export interface Product {
  /** Its Chinese names, as 10086 and people write them (Traditional ones fold to Simplified, listed all the same). */
  zh: readonly string[];
  /** Its pinyin, syllables apart (typed with or without the spaces). */
  pinyin: readonly string[];
  /** Its English names, words apart (typed with spaces or hyphens). */
  en: readonly string[];
  /** Characters that, right after a Chinese name, make it part of another word (手机报停 is 报停, suspending the phone). */
  notBefore?: string;
}

/** The names a product may be followed by without being another thing (飞信业务, 咪咕视频会员, migu video app). */
const ZH_TAIL = '(?:的)?(?:业务|服务|功能|会员|包月|订阅|app|软件)?';
const EN_TAIL = '(?: (?:service|services|membership|subscription|app|thing|account|cloud storage|cloud|storage))?';

export const PRODUCTS: readonly Product[] = [
  // Data passes by the day
  { zh: ['日租宝', '日租寶', '日租包', '流量日租宝'], pinyin: ['ri zu bao'], en: ['day pass', 'daily pass', 'data day pass', 'daily data pass', 'data pass'] },
  { zh: ['随心看', '隨心看'], pinyin: ['sui xin kan'], en: [] },
  // Migu's video, music, reading and games, billed to the line
  { zh: ['咪咕视频', '咪咕視頻', '咪咕影院'], pinyin: ['mi gu shi pin'], en: ['migu video', 'migu tv'] },
  { zh: ['咪咕音乐', '咪咕音樂'], pinyin: ['mi gu yin yue'], en: ['migu music'] },
  { zh: ['咪咕阅读', '咪咕閱讀'], pinyin: ['mi gu yue du'], en: ['migu reading', 'migu books'] },
  { zh: ['咪咕游戏', '咪咕遊戲', '咪咕快游'], pinyin: ['mi gu you xi'], en: ['migu games', 'migu gaming'] },
  { zh: ['咪咕'], pinyin: ['mi gu'], en: ['migu'] },
  // Cloud storage, messaging, mail and news
  { zh: ['和彩云', '和彩雲', '彩云网盘', '移动云盘', '中国移动云盘'], pinyin: ['he cai yun'], en: ['mcloud', 'china mobile cloud', 'hecaiyun'] },
  { zh: ['飞信', '飛信', '和飞信', '和飛信'], pinyin: ['fei xin', 'he fei xin'], en: ['fetion'] },
  { zh: ['139邮箱', '139郵箱', '139信箱', '139电子邮箱'], pinyin: ['139 you xiang'], en: ['139 mail', '139 mailbox', '139 email', '139 e mail'] },
  { zh: ['手机报', '手機報'], pinyin: ['shou ji bao'], en: ['mobile newspaper', 'mobile paper'], notBefore: '停失' },
  { zh: ['和留言'], pinyin: ['he liu yan'], en: [] },
  { zh: ['和多号', '和多號'], pinyin: ['he duo hao'], en: [] },
  { zh: ['来电管家', '來電管家'], pinyin: ['lai dian guan jia'], en: [] },
  { zh: ['和家亲', '和家親'], pinyin: ['he jia qin'], en: [] },
  // The catalog's own, named as products: known while the catalog holds them, a product it does not name in one that does not.
  { zh: ['彩铃', '彩鈴', '炫铃', '炫鈴'], pinyin: ['cai ling'], en: ['caller tunes', 'caller tune', 'crbt'] },
  { zh: ['来电显示', '來電顯示'], pinyin: ['lai dian xian shi'], en: ['caller id'] },
  { zh: ['来电提醒', '來電提醒'], pinyin: ['lai dian ti xing'], en: ['missed call alert', 'missed call alerts'] },
  { zh: ['话费闹钟', '話費鬧鐘'], pinyin: ['hua fei nao zhong'], en: ['bill alarm'] },
  { zh: ['短信回执', '簡訊回執', '短信回執'], pinyin: ['duan xin hui zhi'], en: ['delivery report', 'delivery reports'] },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A Chinese name, not run on into another word. */
const zhPattern = (name: string, notBefore?: string) => `${escape(name)}${notBefore ? `(?![${notBefore}])` : ''}`;
/** Pinyin or English words, with or without the spaces between them (rizubao, ri zu bao, day-pass), never inside another Latin word. */
const latinPattern = (words: string) => `(?<![a-z])${words.split(' ').map(escape).join('[ -]?')}(?![a-z])`;

/**
 * The products named in folded text, split by whether the catalog names them. `known` says whether a folded
 * Chinese name is held by some catalog text; it is asked only when a query names some product at all.
 */
export class ProductNames {
  private readonly any: RegExp;
  private unknownPattern: RegExp | null | undefined;
  private knownNames: { pattern: RegExp; word: Map<string, string> } | null | undefined;

  constructor(private readonly known: (folded: string) => boolean, private readonly fold: (text: string) => string) {
    this.any = new RegExp(PRODUCTS.map((p) => this.pattern(p)).join('|'));
  }

  /** The unknown products named in folded text, with the words after them that say which part of it (飞信业务, migu video app): what the engine takes out as a package. */
  unknownIn(folded: string): string[] {
    const unknown = this.any.test(folded) ? this.unknown() : null;
    return unknown ? (folded.match(unknown) ?? []) : [];
  }

  /**
   * Folded text with every other Chinese name of a product the catalog names put in the catalog's own word (取消炫铃 →
   * 取消彩铃), or null when it names none that way. Only names no catalog text holds are put: those the catalog holds are
   * found as they are. Its pinyin and English names are left to the reader, which puts the concepts' words into Chinese
   * (caller id, cailing): read here too, they moved the answers to "stop show caller id".
   */
  inCatalogWords(folded: string): string | null {
    if (!this.any.test(folded)) return null;
    const known = (this.knownNames ??= this.gatherKnownNames());
    if (!known) return null;
    const put = folded.replace(known.pattern, (name) => known.word.get(name) ?? name);
    return put === folded ? null : put;
  }

  /** Each other Chinese name of the products the catalog names, to the catalog's word. */
  private gatherKnownNames(): { pattern: RegExp; word: Map<string, string> } | null {
    const word = new Map<string, string>();
    const patterns: string[] = [];
    for (const p of PRODUCTS) {
      const held = p.zh.map(this.fold).find((n) => this.known(n));
      if (!held) continue;
      for (const n of p.zh.map(this.fold)) {
        if (this.known(n) || word.has(n)) continue;
        word.set(n, held);
        patterns.push(zhPattern(n, p.notBefore));
      }
    }
    return patterns.length ? { pattern: new RegExp(patterns.join('|'), 'g'), word } : null;
  }

  /** A global pattern matching every name of the products the catalog does not name, or null when it names them all. */
  unknown(): RegExp | null {
    if (this.unknownPattern !== undefined) return this.unknownPattern;
    const unknown = PRODUCTS.filter((p) => !p.zh.some((n) => this.known(this.fold(n))));
    return (this.unknownPattern = unknown.length ? new RegExp(unknown.map((p) => this.pattern(p)).join('|'), 'g') : null);
  }

  private pattern(p: Product): string {
    const zh = p.zh.map((n) => zhPattern(this.fold(n), p.notBefore));
    const latin = [...p.pinyin, ...p.en].map((n) => latinPattern(this.fold(n)));
    return [...zh.map((z) => `(?:${z})${ZH_TAIL}`), ...latin.map((l) => `(?:${l})${EN_TAIL}`)].join('|');
  }
}
