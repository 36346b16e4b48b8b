import { fold } from '../fold';
import { TW_PHRASES } from '../tables/tw-phrases.generated';

/**
 * Hong Kong written Cantonese and Taiwan usage, rewritten as the Mandarin the catalog is written
 * in. Keys are written as people type them (Traditional) and folded when the table is built, so
 * 點樣 and 点样 are both found. Particles that carry only tone (啦, 喎, 㗎) become nothing.
 */
const CANTONESE: Record<string, string> = {
  點樣: '怎么', 點解: '为什么', 點先: '怎么才', 而家: '现在', 依家: '现在', 幾時: '什么时候', 幾耐: '多久',
  幾多: '多少', 嘅: '的', 噉: '这样', 咁: '这么', 唔該: '请', 唔記得: '忘记', 唔: '不', 咗: '了', 冇: '没有',
  俾: '给', 畀: '给', 喺: '在', 睇: '看', 攞: '拿', 邊個: '谁', 邊度: '哪里', 乜嘢: '什么', 咩: '什么', 乜: '什么',
  佢哋: '他们', 佢: '他', 哋: '们', 嚟: '来', 啲: '些', 搵: '找', 揾: '找', 閂: '关', 熄: '关', 仲有: '还有',
  仲: '还', 嗰: '那', 呢個: '这个', 呢度: '这里', 識: '会', 搞掂: '办好', 開返: '重新开', 上唔到網: '上不了网',
  手提電話: '手机', 手提: '手机', 部電話: '手机', 流動數據: '移动数据', 流動電話: '手机', 短訊: '短信',
  今個月: '本月', 上個月: '上月', 張單: '账单', 月費: '月租', 入錢: '充值', 冇錢: '没钱',
  唔見咗: '丢了', 唔見: '丢', 點算: '怎么办', 點整: '怎么弄', 點知: '怎么知道', 點先可以: '怎么才能', 做乜: '为什么',
  唔使: '不用', 使唔使: '要不要', 要唔要: '要不要', 得唔得: '行不行', 知唔知: '知不知道', 有冇: '有没有', 唔係: '不是',
  諗: '想', 傾電話: '通话', 加多個人: '多加一个人', 人哋: '别人', 可唔可以: '可不可以', 會唔會: '会不会', 係咪: '是不是', 俾人: '被人', 畀人: '被人', 幫手: '帮忙', 同我: '帮我', 提我: '提醒我', 嘢: '东西', 啱啱: '刚刚',
  剩返: '剩下', 淨返: '剩下', 淨係: '只是', 用晒: '用完', 冇晒: '没了', 邊啲: '哪些', 收唔到: '收不到', 打唔通: '打不通',
  部機: '手机', 冇電: '没电', 嗰陣: '的时候', 嗰陣時: '的时候', 話我知: '告诉我', 話俾我知: '告诉我', 打嚟: '打来', 搵我: '找我',
  唔好再: '不要再', 唔想: '不想', 唔要: '不要', 唔用: '不用', 停咗: '停掉', 關咗: '关了', 熄咗: '关了', 開咗: '开了',
  開定閂: '开着还是关着', 熄咗機: '关机', 熄機: '关机', 閂咗機: '关机', 閂機: '关机', 熄咗部機: '关机', 開返機: '开机', 邊個打過: '谁打过', 剷走: '去掉', 剷咗: '去掉', 傾緊電話: '通话中', 傾緊: '正在聊', 核突: '难听', 開咗定閂咗: '开着还是关着', 月結單: '账单', 入數: '充值', 睇返: '看', 查返: '查', 睇吓: '看一下', 查吓: '查一下', 通話時間: '通话时长', 來電等候: '呼叫等待',
  // seeing (唔見到 is not seeing, not 唔見 lost), talking now (講緊), calling in (打入嚟), family (阿媽, 老豆), fixing (整返)
  唔見到: '看不到', 見唔到: '看不到', 睇唔到: '看不到', 睇唔見: '看不到', 講緊電話: '通话中', 講緊: '正在讲', 講電話: '打电话',
  打入嚟: '打进来', 打入來: '打进来', 入嚟: '进来', 阿媽: '妈妈', 阿爸: '爸爸', 老豆: '爸爸', 老竇: '爸爸', 老母: '妈妈',
  屋企人: '家人', 屋企: '家里', 個仔: '儿子', 個女: '女儿', 整返: '修好', 整爛: '弄坏',
  啦: '', 喎: '', 㗎: '', 囉: '', 喇: '', 嘞: '', 吖: '',
};

/** Taiwan telecom words the opencc phrase table does not carry. */
const TAIWAN: Record<string, string> = {
  網路: '网络', 行動上網: '移动上网', 行動數據: '移动数据', 行動網路: '移动网络', 行動資料: '移动数据', 行動電話: '手机',
  行動: '移动', 吃到飽: '不限流量', 簡訊: '短信', 訊息: '短信', 門號: '号码', 答鈴: '彩铃', 資料: '数据',
  通話費: '话费', 月租費: '月租', 設定: '设置', 連線: '连接', 則: '条', 帳號: '账号',
  插撥: '插播', 申辦: '办理', 停話: '停机', 紅利點數: '积分', 點數: '积分', 來電答鈴: '彩铃',
  保留通話: '呼叫保持', 通話保留: '呼叫保持', 來電待接: '呼叫等待',
  // a plan is 方案 there (月租方案, 上網方案); call records (通話明細) are the itemised list, not the bill
  方案: '套餐', 資費方案: '套餐', 電信費: '话费', 通話明細: '通话详单', 通聯記錄: '通话记录', 回條: '回执',
};

/**
 * Everyday northern Mandarin the catalog does not write: 咋 and 啥 for 怎么 and 什么, 弄个 / 搞个
 * for getting a service.
 */
const COLLOQUIAL: Record<string, string> = {
  咋样: '怎么样', 咋办: '怎么办', 咋: '怎么', 为啥: '为什么', 干啥: '做什么', 啥: '什么', 弄个: '开通', 搞个: '开通',
  整一个: '开通', 弄一个: '开通', 搞一个: '开通', 忘了: '忘记', 忘掉: '忘记', 不记得: '忘记', 记不得: '忘记', 记不住: '忘记',
  想不起: '忘记', 攒分: '积分', 攒: '积',
  // older speakers' and northern words: 几个钱 (how much money), 里头, 玩意儿, 瞅瞅, 俺
  // Sichuan (咋个, 啥子, 好多 asking how much, 屋头, 看哈), Shanghai (伐, 侬, 阿拉, 哪能, 关脱), the Northeast (嘎哈, 咋整, 老鼻子)
  咋个: '怎么', 啥子: '什么', 还有好多: '还有多少', 还剩好多: '还剩多少', 有好多钱: '有多少钱', 剩好多: '剩多少', 屋头: '家里', 看哈: '看下', 查哈: '查下',
  伐: '吗', 侬: '你', 阿拉: '我', 哪能: '怎么', 关脱: '关掉', 嘎哈: '干什么', 咋整: '怎么弄', 老鼻子: '很多', 没开机: '关机',
  能不能整个: '能不能开个', 给我整个: '给我开个', 想整个: '想开个', 接不着: '接不到', 没接着: '没接到', 几个钱: '多少钱', 几个子儿: '多少钱', 几个子: '多少钱', 里头: '里', 玩意儿: '东西', 玩意: '东西', 瞅瞅: '看看', 瞅: '看', 俺们: '我们', 俺: '我', 喽: '了',
};

/**
 * opencc's Taiwan phrases come from software usage (呼叫 → 调用 "call a function", 查询 → 查找):
 * these words mean the same in Taiwan and on the mainland when a phone line is meant, so they stay.
 */
const SAME_IN_TELECOM = new Set(['呼叫', '查詢', '停用', '啟用', '開啟', '線上', '訊息', '資訊', '介面', '通話記錄', '程序']);

const CLERK_THINGS: Record<string, string> = { 费: '话费', 分: '积分', 量: '流量' };
const CLERK_SHORTHAND = /查([费分量])(?!\p{Script=Han})/gu;

/**
 * Data switched off in everyday verbs (把网关了, 网给他掐了, 流量帮她断一下, 网能不能停掉, 数据给我停了): the thing, a few words
 * of who for and how (给他, 帮我, 先, 能不能), then 关 / 断 / 停 / 掐 / 切 / 拔 and what makes it a request (了, 掉, 一下, 吧).
 * The net alone (网, not 网络, 网站, 网费, 宽带网, 家里的网: 网 of other words is left) is the data; the verb is 关: 停 of
 * the net is no 停机 (手机的网停了 turns data off, not the line). Asked for, not told: after 把, or with who for, or said
 * to be done (掉, 一下, 吧). 网断了 alone is a complaint (no signal) and 网被关了 says what happened: neither is rewritten.
 * Another net (家里的网, 电脑的网, 公司的网) is left, so scope still sees it. Applied to the folded query before any reading
 * (engine.ts, foldQuery): the reading as typed kept 停 of 手机上网先停掉 and made 停机 first.
 */
const DATA_OFF = new RegExp(
  '(把[^，,。？?！!；;]{0,6}?)?((?<![宽因互局内外联校光织鱼上])(?<!(?:家里|家|电脑|公司|宿舍|办公室)的?)网(?![络站页址速费吧友购银点])|流量|数据|上网|网络)' +
    '((?:那个|这个)?(?:给|帮|替)?(?:我|他|她|它|你|俺|咱|他们|她们)?(?:能不能|可不可以|可以|就|先|都|也|赶紧|马上)?)' +
    '(关|断|停|掐|切|拔)(?:掉|开)?(?=(了|掉|一下|下|吧)?)',
  'gu',
);

/** A folded text with data switched off in everyday verbs written as 关掉 (see DATA_OFF). */
export function dataOff(folded: string): string {
  return folded.replace(DATA_OFF, (whole, ba: string | undefined, thing: string, how: string, _verb: string, after: string | undefined) => {
    const asked = ba !== undefined || /[给帮替]|能不能|可不可以|可以|赶紧|马上|先/.test(how) || (after !== undefined && after !== '了');
    if (!asked) return whole;
    return `${ba ?? ''}${thing === '网' ? '流量' : thing}${how}关掉`;
  });
}

/**
 * A feature given back with 退 (余额提醒怎么退, 来电提醒我想退了, 退掉呼叫等待): 退 of a feature is 取消, as 退订 is. Not 退款,
 * 退钱, 退回, 退出, 退货, 退费 (money or a place given back), and only beside a feature's word.
 */
const FEATURE = '提醒|闹钟|彩铃|等待|显示|回执|通话|保持|业务|功能';
const FEATURE_QUIT = new RegExp(`((?:${FEATURE})[^，,。？?！!；;]{0,4}?)退(?![订款钱回出休货费])|退掉(?=[^，,。？?！!；;]{0,4}(?:${FEATURE}))`, 'gu');

let table: Map<string, [from: string, to: string][]> | undefined;

/** Replacements by their first character, longest first, so 上唔到網 wins over 唔 and 行動上網 over 行動. */
function build(): Map<string, [string, string][]> {
  const byFirst = new Map<string, [string, string][]>();
  const pairs = TW_PHRASES.split('|')
    .map((p) => p.split(' ') as [string, string])
    .filter(([from]) => !SAME_IN_TELECOM.has(from));
  const seen = new Set<string>();
  // Ours first: where opencc has another wording for the same phrase, the telecom one is kept.
  for (const [from, mandarin] of [...Object.entries(CANTONESE), ...Object.entries(TAIWAN), ...Object.entries(COLLOQUIAL), ...pairs]) {
    const key = fold(from);
    const value = fold(mandarin);
    if (key === value || seen.has(key)) continue;
    seen.add(key);
    const list = byFirst.get(key[0]!) ?? [];
    list.push([key, value]);
    byFirst.set(key[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b[0].length - a[0].length);
  return byFirst;
}

/** A folded text with Cantonese and Taiwan words replaced by Mandarin ones (unchanged when there are none). */
export function toMandarin(folded: string): string {
  table ??= build();
  // 開咗來電等待未: "…yet?" asks whether it happened, as 开了来电等待没有 does.
  folded = folded.replace(/咗(\p{Script=Han}{0,8})未(?=$|[\s?？!！。.,，呀啊吖嗎吗])/u, '了$1没有');
  // Clerks' shorthand, one character for the thing at the end of a word (查费, 查分; not 查分钟).
  folded = folded.replace(CLERK_SHORTHAND, (_, thing: string) => `查${CLERK_THINGS[thing]}`);
  folded = folded.replace(FEATURE_QUIT, (_, before: string | undefined) => `${before ?? ''}取消`);
  let out = '';
  for (let i = 0; i < folded.length; ) {
    const hit = table.get(folded[i]!)?.find(([key]) => folded.startsWith(key, i));
    out += hit ? hit[1] : folded[i];
    i += hit ? hit[0].length : 1;
  }
  return out;
}
