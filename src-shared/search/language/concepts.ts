/**
 * The domain's concepts, each with the words people use for it in Chinese and English. A concept's
 * first Chinese word is the one the catalog uses most; a query is also read with every other
 * Chinese word of two or more characters replaced by it (关闭数据 → 关闭流量), and with its English
 * words put into Chinese (开 data → 开流量), so phrasing the catalog never lists still meets it.
 * One-character words (开, 关, 钱) are only ever a translation target: inside Chinese text they are
 * too often part of another word (相关, 关于).
 */
export const CONCEPTS: { zh: string[]; en: string[] }[] = [
  // things
  { zh: ['流量', '上网', '数据', '移动数据', '手机上网', '移动上网', '网络', '移动网络', '互联网', '联网', '数据流量'], en: ['data', 'gb', 'mb', 'g', 'gig', 'gigs', 'mobile data', 'mobile internet', 'internet', 'gprs', 'web', 'online', 'net', 'network', '4g', '5g'] },
  { zh: ['话费', '余额', '电话费', '手机费', '月租', '月费', '账户', '户口', '欠多少', '欠了多少', '还有没有钱', '有没有钱', '钱'], en: ['balance', 'credit', 'money', 'airtime', 'fee', 'fees', 'account'] },
  { zh: ['账单', '话费单', '消费明细', '详单', '清单'], en: ['bill', 'statement', 'invoice', 'charges', 'spend', 'spending', 'owe'] },
  { zh: ['积分', '分数', '点数', '红利'], en: ['points', 'point', 'pts', 'reward', 'rewards', 'bonus', 'loyalty'] },
  { zh: ['来电显示', '来显', '号码显示', '显示号码', '显示来电', '看到号码', '看见号码', '看得到号码', '看不到号码', '看不见号码', '看到来电号码', '不出号码', '知道号码', '知道对方号码', '知道来电号码'], en: ['caller id', 'caller display', 'clip', 'number display', 'caller number', 'incoming number', 'who is calling', 'who calling', 'who calls'] },
  { zh: ['彩铃', '回铃音', '彩铃音乐', '铃声', '回铃', '音乐', '歌曲', '放音乐', '那首歌', '一首歌'], en: ['ringback tone', 'ringback', 'caller tune', 'caller tunes', 'crbt', 'ring tone', 'ringtone', 'music', 'hello tune', 'hello tunes', 'ring back', 'song', 'songs', 'tune', 'melody'] },
  { zh: ['呼叫等待', '插播', '来电等待', '等候来电', '来电等候', '第二个电话', '第二个来电', '另一个来电', '其他来电', '别的来电', '另一个电话', '别的电话', '其他电话', '又来一个电话', '又来电话', '嘀嘀声', '嘀嘀的提示音', '嘀嘀的声音', '嘀嘀响',
    // callers hearing the line busy while one talks
    '占线'],
    // someone calling while the line is busy
    en: ['call waiting', 'second call', 'waiting call', 'other call', 'another call', 'calls while i m on', 'calls while i am on', 'calls when i m on', 'call comes in while', 'already on the phone', 'already on a call', 'while on a call', 'while on the phone', 'someone calls during', 'calls during my call', 'call during a call', 'call during my call', 'someone else is calling', 'someone else calls', 'while im talking', 'while i m talking', 'while i am talking'] },
  // holding: a call put aside for a moment (先放一边, 挂起) to be taken up again
  { zh: ['呼叫保持', '通话保持', '保持通话', '挂起', '先放一边', '放一边', '暂停通话', '通话暂停', '等着别挂', '先别挂', '别挂', '先不挂', '不挂断', '让对方等着', '让这边等'], en: ['call hold', 'hold', 'on hold', 'put on hold', 'pause the call', 'pause a call', 'hang on'] },
  { zh: ['三方通话', '电话会议', '会议通话', '多方通话', '多加一个人', '加一个人', '第三个人', '第三人', '拉一个人', '拉个人', '两个人一起', '三个人一起', '同时跟两个人', '跟两个人', '和两个人', '两个朋友', '一起通话'], en: ['same time', 'two friends', 'two people', '2 people', 'three-way calling', 'three way call', '3-way call', 'conference call', 'conference', '3 people', 'three people', 'group call', 'multi-party', 'multiparty', 'third person', 'add a person', 'add someone', 'add my friend', 'add a friend', '3 of us', 'three of us'] },
  { zh: ['短信', '信息', '短讯', '讯息'], en: ['sms', 'text', 'texts', 'message', 'messages'] },
  { zh: ['语音', '通话分钟', '通话时长', '通话时间', '分钟'], en: ['minutes', 'minute', 'min', 'voice', 'talk time', 'call time'] },
  { zh: ['密码', '服务密码', '口令'], en: ['password', 'pin', 'passcode', 'pwd', 'pass'] },
  { zh: ['停机', '报停', '挂失', '暂停号码', '停卡', '把卡停', '把号停', '丢了', '丢失', '遗失', '被偷', '被盗', '被人偷', '偷了'], en: ['suspend', 'suspension', 'block', 'lost', 'stolen', 'freeze', 'took my phone', 'phone taken',
    // a line or number stopped is the line suspended
    ...['deactivate', 'disable', 'pause', 'stop', 'cut off', 'turn off', 'switch off', 'shut off', 'close'].flatMap((v) => [`${v} line`, `${v} my line`, `${v} number`, `${v} my number`])] },
  { zh: ['手机', '电话', '手机号', '号码'], en: ['phone', 'mobile', 'cellphone', 'cell', 'handset'] },
  { zh: ['回执', '送达报告', '发送报告', '送达'], en: ['delivery report', 'delivery receipt', 'receipt', 'delivered', 'read receipt', 'delivery status', 'delivery confirmation', 'gets my text', 'got my text', 'get my text', 'receives my text', 'received my text', 'gets my message', 'got my message', 'received my message'] },
  { zh: ['提醒', '通知', '告诉我', '发短信告诉我'], en: ['reminder', 'alert', 'warning', 'notify', 'notification', 'remind', 'remind me', 'tell me when', 'let me know when', 'warn me', 'warn', 'text me about', 'texting me about', 'texts about', 'messages about'] },
  // the catalog's bill alarm (话费闹钟) is an alarm, not any reminder
  // …which tells the day's spending every day (daily bill text; 每天 is too often a complaint's word: 余额提醒每天都发)
  { zh: ['闹钟'], en: ['alarm', 'daily', 'every day', 'everyday', 'each day'] },
  // …and what English calls it: a reminder of the bill or of spending, which word for word is 账单提醒, no text of ours
  { zh: ['话费闹钟', '话费定时提醒', '消费提醒', '每天的话费', '每天花了多少', '每天花多少', '每天告诉我', '每日话费', '话费日报', '每天发话费'], en: ['bill reminder', 'bill reminders', 'billing reminder', 'billing reminders', 'spending reminder', 'spending reminders', 'bill alarm'] },
  { zh: ['余额不足', '低余额', '话费不足', '快没钱', '没钱了', '钱快用完', '钱用完', '钱不够', '余额不够', '余额快不够', '话费不够', '话费快不够', '余额不多', '话费不多', '余额剩下不多', '余额剩不多', '钱不多', '话费用完', '余额用完', '话费用光', '余额用光'], en: ['low balance', 'low credit', 'running out of credit', 'run out of credit', 'out of money', 'money low'] },
  { zh: ['关机', '没电', '没有电', '没信号', '没有信号', '没讯号'], en: ['phone off', 'phone is off', 'phone was off', 'phone switched off', 'no signal', 'out of coverage', 'phone died', 'phone dead', 'phone was dead', 'phone is dead', 'battery died', 'battery dies', 'battery is dead', 'no reception', 'dead zone'] },
  { zh: ['功能'], en: ['feature', 'features', 'function', 'functions'] },
  { zh: ['业务', '服务', '订了什么', '订了哪些', '订了啥'], en: ['service', 'services', 'subscription', 'subscriptions', 'subscribed', 'signed up for', 'paying for', 'pay for every month', 'pay for each month', 'vas', 'value added', 'value-added'] },
  { zh: ['体验'], en: ['trial', 'free trial', 'try out', 'for free', 'try for free'] },
  { zh: ['来电', '打给我', '给我打', '打来', '打进来', '有人找我', '找过我', '打过电话'], en: ['incoming call', 'incoming calls', 'calls me', 'call me'] },
  { zh: ['来电提醒', '关机提醒', '漏话提醒', '未接来电', '漏接', '错过的电话', '错过电话', '漏电话', '谁打过电话', '谁给我打过电话', '谁给你打过电话', '谁打过给我', '谁打过', '谁找过我', '没接到的电话', '没接到电话', '没法接电话', '接不到电话', '接不了电话', '没接的电话', '打电话我都不知道', '打电话我不知道', '打电话都不知道'], en: ['missed call', 'missed calls', 'who called', 'tried to call', 'tried calling', 'who rang'] },
  { zh: ['剩余', '还剩', '剩下', '余下', '剩'], en: ['left', 'remain', 'remaining', 'rest'] },
  { zh: ['多少'], en: ['how much', 'how many'] },
  // actions
  { zh: ['开通', '打开', '开启', '启用', '开'], en: ['turn on', 'switch on', 'enable', 'activate', 'open', 'start', 'set up', 'sign up'] },
  { zh: ['关闭', '关掉', '停用', '禁用', '关'], en: ['turn off', 'switch off', 'shut down', 'shut off', 'disable', 'deactivate', 'close'] },
  { zh: ['取消', '退订', '不要'], en: ['cancel', 'unsubscribe', 'stop', 'remove', 'dont want', 'dont need', 'no more', 'no longer', 'cut', 'kill', 'get rid of'] },
  { zh: ['查询', '查看', '查', '看看'], en: ['check', 'query', 'see', 'show', 'view', 'look'] },
  { zh: ['修改', '更改', '变更', '更换', '改'], en: ['change', 'modify', 'update', 'set'] },
  { zh: ['重置', '找回', '忘记', '重设'], en: ['reset', 'recover', 'forgot', 'forget'] },
];

/**
 * The units a data amount is counted in (还有几个gb, gb上网): English letters that are never a string of pinyin
 * initials (gb is no 关闭), and that, said with no action, ask how much is left rather than to turn data on or off.
 */
export const AMOUNT_UNITS = new Set(['gb', 'mb', 'kb', 'tb', 'g', 'm', 'gig', 'gigs']);
const UNITS = [...AMOUNT_UNITS].join('|');
/**
 * A unit counted (3gb, 几个g, 1个gb, 两个gb, 还剩多少mb, 剩下): an amount of data. A lone 2g–5g is the network's
 * generation (我的4g上不了网), not an amount, unless an amount word comes first (还有5g).
 */
const COUNT = '(?:\\d|[一二两三四五六七八九十百半几]|多少)个?';
export const AMOUNT_COUNTED = new RegExp(`(?:(?:剩余?|剩下|还有|left)\\s*(?:${COUNT})?|(?!(?<![\\d.])[2-5]g(?![a-z]))${COUNT})\\s*(?:${UNITS})(?![a-z])`);
/** …or said alone (gb). */
export const AMOUNT_SAID = new RegExp(`${AMOUNT_COUNTED.source}|^\\s*(?:${UNITS})\\s*$`);
/** The words of data (流量, 上网, 网络 …): a unit is a unit only beside them; gb彩铃 has no gigabytes, only 关闭. */
export const DATA_WORDS = CONCEPTS[0]!.zh;
/** Letters that are a unit and also the initials of an action word (gb: 关闭): beside hanzi, uncounted, they may be either. */
export const UNIT_INITIALS = new Map([['gb', '关闭']]);
