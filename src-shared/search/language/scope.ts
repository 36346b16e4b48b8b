/**
 * Things people ask a phone company's assistant about that no SMS instruction does: other kinds
 * of balance and bill (公积金余额, 信用卡账单), other services (宽带, 国际漫游, 充值), the phone
 * itself (蓝牙耳机). A query naming one is never answered with confidence, however well its other
 * words (余额, 账单, 开通) match.
 */
export const OUT_OF_SCOPE_ZH = [
  '股票', '股价', '行情', '基金', '理财', '公积金', '社保', '医保', '信用卡', '银行', '贷款', '保险', '彩票', '支付宝',
  '微信', '快递', '外卖', '天气', '电费', '水费', '燃气', '煤气', '交通卡', '公交卡', '宽带', '漫游', '携号转网', '转网',
  '充值', '缴费', '交费', '充钱', '充话费', '交话费', '缴话费', '充流量', '手机多少钱', '流量包', '加油包', '网速', '信号差', '信号不好', '信号弱', '没信号', '归属地', '话费券', '蓝牙', '耳机', '路由器', '热点', '闹钟', '屏幕', '维修', '机票', '火车票', '门票',
  '营业厅', '电影', '地图', '导航', '会员', '补卡', '换卡', '销户', '过户', '实名', '发票', '合约机', '靓号', '选号',
  '套餐升级', '升级套餐', '换套餐', '改套餐', '办套餐', '5g套餐', '演唱会', '酒店', '外币', '汇率', '油价', 'esim',
  // the phone, the computer and their software
  '屏幕', '黑屏', '碎屏', '花屏', '电池', '充电', '充不进电', '充电器', '数据线', '摄像头', '相机', '拍照', '内存', '存储空间',
  '死机', '卡顿', '发烫', '发热', '开不了机', '开不开机', '重启', '出厂设置', '系统更新', '刷机', '手机壳', '贴膜', '听筒',
  '麦克风', '扬声器', '喇叭', '指纹', '锁屏', '截图', '截屏', '电脑', '平板', '手表', '电视', '机顶盒', '光猫',
  '手机铃声', '来电铃声', '闹铃', '定位', '广告短信', '垃圾短信', '广告', '闹钟不响', '定闹钟', '设闹钟', '信号怎么', '信号太差', '信号很差', '飞行模式', '自动更新', '静音',
  '进水', '掉水', '摔坏', '摔了', '没声音', '杂音', '很卡', '卡死', '字体', '电话本', '通讯录', '联系人', '转让', '号码是多少',
  '下载', '安装', '卸载', '软件', '游戏', '换手机', '换个手机', '换部手机', '买手机', '买个手机', '新手机', '手机坏了',
  // money that is not the phone line's
  '花呗', '借呗', '白条', '余额宝', '零钱', '银行卡', '储蓄卡', '存款', '利息', '工资', '房贷', '车贷', '房租', '还款',
  '分期', '转账', '汇款', '收益', '物业', '暖气', '取暖', '停车', '学费', '罚款', '违章', '加油卡', '油卡', '税',
  // everyday questions
  '下雨', '下雪', '几点', '笑话', '翻译', '新闻', '菜谱', '好吃', '餐厅', '饭店', '火车', '高铁', '打车', '小说', '星座',
  '作业', '考试', '放假', '快递',
  // other services of a phone company, and other companies
  '补办', '销户', '注销手机', '注销号码', '过户', '换sim', '换一张', '换张卡', '电信', '联通', '广电', '呼转', '流量卡', '买卡', '办卡', '新卡', '副卡', '投诉', '人工', '客服',
  '亲情号', '家庭网', '国际长途', '呼叫转移', '来电转接', '转接', '语音信箱', '黑名单', '拦截', '骚扰', '视频彩铃', '合约',
  '复机', '复通', '开通号码', '降档', '降套餐', '套餐降级', '改低', '商城', '到货', '发货', '兑换商品', 'q币', 'qq币', '游戏币', '点券',
  // carriers of Taiwan and Hong Kong (中華電信 holds 电信 already)
  '远传', '台湾大哥大', '台哥大', '亚太电信', '台湾之星', '数码通', '和记', '电讯盈科', '香港电讯', '中国移动香港',
  // this app, its demo and its help, not the line (这个例子演示了哪些功能)
  '例子', '演示', '示例', '教程', '说明书', '使用说明', '帮助文档', '导出', '导入', '历史记录', '聊天记录', '短信记录', '删除记录',
  '界面', '程序', '串口', '端口', '调制解调器', '深色', '夜间模式', '暗黑模式', '主题', '英文版', '中文版', '语言', '版本',
  // other services of China Mobile's, not by these SMS; an airport's 停机坪 is no suspended line
  '亲情网', '集团网', 'v网', '家庭套餐', 'volte', '高清通话', '验证码', '无服务', '发不出去', '停机坪', '机场',
  // one's own number: hidden from those one calls, asked, chosen or changed; its records and messages read
  '隐藏', '匿名', '好记的号', '选个号', '换号', '换个号', '换手机号', '换个手机号', '换个新号', '换新号', '注销', '手机号是多少', '号码多少', '本机号码', '电话是多少', '电话号码是', '显示器',
  // fraud, a number's carrier or home, a port written short (携转)
  '诈骗', '骗子', '冒充', '中奖', '链接', '是不是移动', '哪里的号', '哪个运营商', '携转',
  '上网记录', '上网的记录', '浏览记录', '短信内容', '充值记录', '过期', '便宜',
  '给10086打', '打10086', '拨打10086', '打给10086',
  // fixing or unlocking the phone itself
  '修好', '修理', '修一下', '解锁', '解屏',
  // appliances and vehicles: an air conditioner 停机 is no suspended line
  '空调', '冰箱', '洗衣机', '热水器', '电梯', '汽车', '电动车', '发动机', '打印机',
  // the phone's use limited, a thing not working, and everyday reminders no line sends (浇花, 吃药)
  '玩手机', '使用时间', '防沉迷', '屏幕时间', '不好使', '不管用', '失灵', '浇水', '浇花', '吃药', '喝水', '起床', '生日', '纪念日', '日程', '备忘', '待办',
  '家里的网', '家里网', '家里的宽带', '家里的wifi',
  // paying for something, by phone or for someone (帮他交钱, 用手机付公交车的钱)
  '交钱', '缴钱', '付钱', '付款', '支付', '扫码', '用手机付', '付公交', '乘车码',
  // other apps and the phone's own light
  '公众号', '微博', '抖音', '快手', '小红书', '淘宝', '京东', '拼多多', '美团', '饿了么', '滴滴打车', '滴滴出行', 'b站', '直播', '手电筒', '手电', '闪光灯', '订个闹钟', '订闹钟', '设个闹钟', '定个闹钟',
  // shopping advice
  '有什么推荐', '求推荐', '推荐一下', '推荐一款', '推荐个', '推荐哪',
  '座机', '固话', '固定电话', '拉黑', '卡坏了', '卡坏掉', 'sim卡坏', '礼品', '转赠', '赠送话费', '话费转', '转话费',
  '110', '119', '120', '紧急电话', '报警',
  // asking callers to stop (别给我打电话了): no instruction stops a person calling
  '别给我打电话', '别打电话给我', '别再给我打电话', '别再打电话', '别打我电话', '不要给我打电话', '不要打电话给我', '不要再给我打电话', '不要再打电话', '不要打我电话',
  // what a line has beyond its balances: its records, its plan, offers and prices, and moving what it has to another line
  '通话详单', '通话记录', '通话清单', '打印账单', '打印发票', '套餐是什么', '哪个套餐', '套餐名', '套餐内容', '优惠', '价格', '资费',
  '分给', '转给', '共享给', '送给',
  // the plan's name (我是什么套餐)
  '是什么套餐', '用的什么套餐', '办的什么套餐', '什么套餐名',
  // a bill posted (寄到哪), a refund
  '寄到', '邮寄', '寄给', '寄送', '退钱', '退费', '退款', '退话费', '话费能退', '共享流量', '结转', '转到下个月', '校园网', '校园卡', '转到', '彩信', 'apn',
  // a song recorded, where a phone is, who owns a number, tickets, another app's account
  '自己录', '录制', '喜欢的歌', '换首歌', '换歌', '换一首', '录音', '位置', '的机主', '机主是谁', '机主姓名', '查机主', '票价', '话剧',
  '爱奇艺', '优酷', '腾讯视频', '芒果', '视频会员', '网易云', '健身', '报纸', '杂志', 'puk', '解锁码', '锁卡', '副号', '小号', '虚拟号', '携号', '靓号',
];
const OUT_OF_SCOPE_EN = [
  'stock', 'share price', 'bank', 'credit card', 'debit card', 'loan', 'insurance', 'earbud', 'earphone', 'headphone',
  'bluetooth', 'router', 'wifi', 'weather', 'flight', 'ticket', 'hotel', 'hotspot', 'roaming', 'broadband', 'recharge',
  'top up', 'topup', 'esim', 'carrier', 'port my number', 'transfer my number', 'movie', 'taxi', 'pizza', 'electricity',
  'water bill', 'gas bill', 'exchange rate', 'upgrade my plan', 'change my plan', 'new plan', 'new sim', 'replacement sim',
  'restart', 'wont turn on', 'won t turn on', 'doesnt turn on', 'doesn t turn on', 'buy', 'purchase', 'slow', 'lag', 'signal', 'screen', 'battery', 'water', 'sound', 'contacts', 'font', 'wallpaper', 'charger', 'charging', 'camera', 'storage', 'memory', 'crash', 'frozen', 'overheat', 'reboot',
  'airplane mode', 'flight mode', 'auto update', 'software update', 'silent mode', 'my ringtone',
  'factory reset', 'software', 'app', 'download', 'install', 'iphone', 'android', 'samsung', 'huawei', 'laptop', 'computer',
  'tablet', 'tv', 'screenshot', 'mortgage', 'salary', 'paypal', 'alipay', 'wechat', 'rent', 'tax', 'parking', 'rain',
  'time is it', 'joke', 'translate', 'news', 'recipe', 'restaurant', 'food', 'uber', 'train', 'game', 'store', 'shop',
  'nearest', 'complain', 'complaint', 'human', 'agent', 'call forwarding', 'forward my calls', 'forward calls', 'voicemail',
  'voice mail', 'blacklist', 'spam', 'new phone', 'buy a phone', 'contract', 'parcel', 'package delivery',
  // other companies' subscriptions and accounts
  'netflix', 'spotify', 'youtube', 'amazon', 'prime', 'icloud', 'apple music', 'apple id', 'disney', 'hbo', 'gym', 'magazine',
  'landline', 'home phone', 'transfer credit', 'send credit', 'share credit', 'transfer balance', 'what is my number',
  'what is my phone number', 'my own number', 'emergency', '911', 'refund',
  'call history', 'call log', 'call record', 'call records', 'itemized', 'itemised', 'price', 'cost of', 'costs', 'promotion', 'deal', 'deals', 'offer', 'offers',
  'mms', 'apn', 'reset my phone', 'reset the phone', 'reset phone', 'unlimited', 'carry over', 'roll over', 'rollover', 'share my data', 'share data', 'transfer data', 'give data', 'send data',
  'unlock', 'jailbreak', 'repair', 'verizon', 'vodafone', 't mobile', 'smartone', 'csl', 'chunghwa', 'far eastone',
  'insured', 'insure', 'reactivate', 'unsuspend', 'resume my line', 'resume service', 'restore my line', 'restore service',
  'export', 'import', 'history', 'message log', 'theme', 'dark mode', 'language', 'version', 'modem', 'serial port',
  'hide my', 'hide caller', 'private number', 'withhold', 'anonymous', 'change my number', 'new number', 'different number',
  'call me back', 'call me later', 'call 10086', 'english service', 'customer service', 'hotline', 'cheaper', 'cheap',
  'no service', 'scam', 'fraud', 'phishing', 'claiming to be', 'pretending to be',
  'block a number', 'block this number', 'block calls', 'block texts', 'not receiving', 'isn t receiving', 'not working',
  'how much is a', 'how much is an', 'how much for a', 'do not disturb',
  'newspaper', 'steam', 'xbox', 'playstation', 'uber eats', 'puk', 'unlock code', 'sim lock', 'reconnect', 'downgrade',
  // apps and banks typed in pinyin (wei xin mi ma), a parcel or an order tracked
  'wei xin', 'weixin', 'zhi fu bao', 'zhifubao', 'tao bao', 'taobao', 'yin hang', 'yinhang', 'track my package', 'track my parcel', 'track my order', 'tracking number',
  // QQ as a word of its own (qq密码), never inside other letters
  'qq ',
];

/** People whose line is not the one the SMS is sent from. */
const PEOPLE_ZH = '家里人|你爸|你妈|老人家|老婆|老公|妻子|丈夫|爱人|媳妇|妈妈|我妈|爸爸|我爸|爸妈|父母|儿子|女儿|孩子|家人|朋友|同事|别人|他人|爷爷|奶奶|外公|外婆|哥哥|姐姐|弟弟|妹妹|老伴|闺女|孙子|孙女|外孙|对象';
const PEOPLE_EN = 'wife|husband|mom|mum|mother|dad|father|son|daughter|kid|kids|child|friend|parents|brother|sister|grandma|grandpa|boss|colleague|girlfriend|boyfriend|someone else';
/**
 * Another carrier named as the owner of what is asked (电信的话费, 联通卡, a Unicom number): never
 * ours, though a Taiwan catalog text (電信帳單, "telecom bill") holds the word. Or its service number sent or called to
 * (CXLL 10010, 发送CXHF到10001, 10000号: Unicom, Telecom, their lines 10011, 10060): an amount (积分10000) is no number.
 */
const OTHER_CARRIER = /(?:电信|联通|广电|電信|聯通|廣電)(?:的|卡|号|手机|用户|客服|宽带|网络|套餐|流量|话费|余额|账单)|(?:我是|我用的?是?|用的是|我的是)(?:中国)?(?:电信|联通|广电)|\b(?:unicom|china telecom|other carrier|another carrier)\b|(?:到|给|往|拨|打|\bto|[a-z])\s*100(?:10|00|01|11|60)(?!\d)|(?<!\d)100(?:10|00|01|11|60)(?:号|热线|客服)/g;

/**
 * Another person's balance, data or bill (我老婆手机的话费, 我儿子那张卡还剩多少流量, my wife's
 * balance): what an SMS reads is the sending line's own. Turning a feature on for someone is
 * done from their phone, so only amounts are meant.
 */
const ANOTHER_PERSONS_AMOUNT = new RegExp(
  `(?:${PEOPLE_ZH})(?:的|那张|这张|那部|这部|张|部|个)?(?:手机|电话|号码|号|卡)?(?:的|上|里)?(?:上个月|上月|这个月|本月|今个月)?(?:的)?(?:卡)?(?:还剩|还有|剩余|剩下|剩)?(?:多少|几)?(?:话费|余额|流量|积分|账单|分钟|短信|欠|钱)` +
    `|\\b(?:${PEOPLE_EN})(?: s|s)? (?:phone |number |line |sim )?(?:balance|credit|data|bill|points|minutes)\\b` +
    // my mum … her balance, 帮她查下欠多少: the amount is named by the other person's pronoun
    `|\\b(?:his|her|their) (?:phone |number |line |sim )?(?:balance|credit|data|bill|points|minutes)\\b` +
    // how much data does my son have left, how much credit she has left: the other person holds the amount
    `|\\b(?:balance|credit|data|bill|points|minutes|money)\\b[a-z ]{0,30}\\b(?:${PEOPLE_EN}|she|he|they)\\b (?:has|have|had|got|used|uses|spent|still|left)\\b` +
    // 帮我妈查一下她还有多少话费: looked up on another person's behalf
    `|(?:帮|给|替)(?:我的?)?(?:${PEOPLE_ZH})[^,，。?？]{0,4}(?:查|看|问)[^,，。?？]{0,8}(?:话费|余额|流量|积分|账单|欠|钱)` +
    `|(?:帮|给|替)(?:她|他|他们)(?:查|看)[^,，。?？]{0,6}(?:话费|余额|流量|积分|账单|欠|钱)`,
  'g',
);
/**
 * Another person's line lost or cut off (我老伴的手机丢了，帮她把号码停了; 他的手机欠费停机了): it is stopped or
 * paid from elsewhere, not by an SMS from this line, and a story naming it makes the request theirs.
 */
const LOST = '丢了|丢失了?|遗失了?|弄丢了|掉了|不见了|找不到了|被偷了?|被盗了?';
const ANOTHER_PERSONS_LOST_LINE = new RegExp(
  `(?:${PEOPLE_ZH}|(?<![其吉])(?:她|他))的?(?:手机|号码|号|卡|电话)(?:也|又|刚|被)?(?:${LOST}|欠费|停机|停了)` +
    // the lost thing after the verb (我女儿丢了手机, 她把手机弄丢了 is the order above): their phone all the same
    `|(?:${PEOPLE_ZH}|(?<![其吉])(?:她|他))(?:也|又|刚|昨天|今天)?(?:${LOST})(?:她|他|自己)?的?(?:手机|号码|卡|电话)`,
);
/** The same in English (my son lost his phone, my wife's phone was stolen), on a text's words spaced apart. */
const ANOTHER_PERSONS_LOST_LINE_EN = new RegExp(
  `\\b(?:${PEOPLE_EN})(?: s)? (?:phone|cell|cellphone|mobile|sim|sim card|number) (?:was |got |is |has been |just got )?(?:lost|stolen|missing)\\b` +
    `|\\b(?:${PEOPLE_EN}|she|he) (?:lost|lose|loses|misplaced|left|dropped) (?:his|her|their) (?:phone|cell|cellphone|mobile|sim)\\b`,
);

/** Whether a folded text says another person's line is lost or cut off: what is then asked is asked for their line. */
export function namesAnotherPersonsLostLine(folded: string): boolean {
  return ANOTHER_PERSONS_LOST_LINE.test(folded) || ANOTHER_PERSONS_LOST_LINE_EN.test(` ${folded.replace(/[^a-z0-9]+/g, ' ')} `);
}

/** Features of a line a pronoun may own (她的彩铃, 他的流量). */
const THEIR_FEATURES = '彩铃|流量|呼叫等待|呼叫保持|三方通话|密码|服务密码|来电提醒|来电显示|短信回执';
/**
 * Another person's feature or amount said by a pronoun (她的彩铃被别人改了, 他的流量): an SMS reads and sets
 * the line it is sent from. Not their number (看到他的号码 is caller ID) nor their phone named for a
 * feature to turn on (给我爸的手机开个彩铃 is answered: it is sent from that phone).
 */
const ANOTHER_PERSONS_LINE = new RegExp(
  `(?<![其吉])(?:她|他)们?的(?:话费|余额|积分|账单)` +
    // 把他的呼叫等待取消掉 (a clerk, of the customer at the desk) turns their feature on or off, as 给我爸的手机开个彩铃 does: sent from that phone.
    // Only turned on or off: 把他的流量查一下 reads their amount, 把他的服务密码找回来 is their secret (review41).
    `|(?<![其吉])(?<!把(?=(?:她|他)们?的(?:${THEIR_FEATURES})[^,，。?？]{0,4}(?:关|开|停|取消|退订)))(?:她|他)们?的(?:${THEIR_FEATURES})` +
    // 让我帮他查查还剩多少: a look-up done on their behalf (老爸问我：他手机话费还有多少 may be his own line, asked by him)
    `|(?:帮|给|替)(?:她|他|他们|她们)(?:查|看)` +
    `|${ANOTHER_PERSONS_LOST_LINE.source}`,
  'g',
);
/**
 * An amount of a line named by part of its number (138开头那个号的余额, 尾号5678那张卡的话费): an SMS reads the line
 * it is sent from, never one named. (A pronoun is left alone: 他手机话费还有多少, asked by him, is read from his phone.)
 */
const NUMBERED_LINES_AMOUNT = /(?:\d{3,}(?:开头|结尾)的?|尾号\d{3,}的?)(?:那个|这个|那张|这张)?(?:手机|号码|号|卡|电话)(?:的|上|里)?[^,，。?？!！]{0,6}(?:话费|余额|流量|积分|账单|分钟|钱|欠费)/g;
/** A new plan (换个便宜点的套餐, 升级到5G套餐, change to a cheaper plan): plans are changed or chosen at the counter, not by SMS. */
const PLAN_CHANGE = /(?:换|改|升级|降级|办|推荐)(?:个|一个|成|到|为)?[^,，。?？]{0,4}套餐|\b(?:change|switch|upgrade|downgrade|move|recommend)\b[a-z0-9 ]{0,20}\bplan\b/g;
/**
 * A product bought or applied for (给我加个包, 申请流量日包, 办张副卡, 买个靓号, buy a data pack), or more of an amount
 * (流量不够用，想加一点; buy more data): packages, cards, numbers and amounts are sold at the counter or in the app; the SMS instructions switch features of the line and read it.
 */
const PRODUCT_BOUGHT = /(?:买|购买|订购|订|办理|办|申请|加|续|领取|领|升级)(?:个|一个|张|一张|份|一份|点|些|了|一下)?[^,，。?？]{0,4}(?:包(?![括含月年])|靓号|副卡|新卡|号卡|流量卡|电话卡)|(?:加|买|添|多给)(?:一)?(?:点儿?|些)(?:吧|吗|呗|呀)?(?=$|[,，。?？!！\n])|\b(?:buy|purchase|order|add|get)\b[a-z0-9 ]{0,20}\b(?:pack|package|bundle|addon|add on|booster)\b|\b(?:buy|add|get) (?:more|extra) (?:data|minutes|credit|texts)\b/g;
/** A mobile number typed with an amount (查一下13812345678的余额): an SMS reads the line it is sent from, not a number named. */
const ANOTHER_NUMBERS_AMOUNT = /(?<!\d)1[3-9]\d{9}(?!\d)[^,，。?？]{0,6}(?:话费|余额|流量|积分|账单|欠费|balance|credit|data|bill)|(?:话费|余额|流量|积分|账单|balance|credit|data|bill)[^,，。?？\d]{0,6}(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** A suspended line brought back (停机了怎么恢复): the catalog can suspend a line but not resume it. */
const RESUME = /(?:停机|停号|停了|欠费)[^,，。?？]{0,6}(?:恢复|复通|重新开|开回|解除|解封)|(?:停机|停号)了?(?:以后|之后)?(?:怎么|如何|怎样|要)?(?:开通|开机|打开|开回来)/g;
/**
 * Topping up with an amount (充50块话费, 充100, 充一百块的话费): no SMS instruction takes money in. What was topped up (充的话费,
 * 充进去的话费) is the balance, when no amount stands between 充 and 的.
 */
const TOP_UP = /(?:去|在|到)?哪(?:里|儿)?(?:能|可以)?充(?!电)|充(?:值|钱)?(?:要)?(?:去|在|到)哪|充\s*\d|储值\s*\d|充(?![^,，。?？\d零一二两三四五六七八九十百千万块元]{0,3}的)[^,，。?？]{0,4}话费|[要想]储值|话费[^,，。?？]{0,3}(?:怎么|在哪|去哪|如何|哪里)(?:交|缴|充)|(?:余额|话费|钱)(?![^,，。?？]{0,8}(?:提醒|闹钟|业务|彩铃))[^,，。?？]{0,8}(?:可以|能|能不能|怎么|怎样|如何|咋|要怎么)退(?!订)/g;
/** One's own number shown to the people one calls (我打给别人时不想让对方看到我的号码): not caller ID, which shows who calls in. */
const OWN_NUMBER_SHOWN = /(?:对方|别人|他们|人家)(?:看到|看不到|显示|知道)我的?(?:号码|电话|手机号|号)/g;
/** Points spent on something (用积分换流量, 积分怎么兑换话费): the points are read by SMS, not spent; 积分兑换 alone, or whether they are enough for something (够不够换东西), asks the balance. */
const POINTS_SPENT = /用积分(?:兑)?换|积分(?:怎么|怎样|如何|可以|能|能不能|要)?(?:兑换|换)(?:成|到)?(?:话费|流量|礼品|礼物|商品)|积分(?:可以|能|能不能|怎么|怎样|如何)?(?:兑换|换)(?:成|到)?(?:一|个|点|些)?(?:箱|瓶|袋|桶|张|台|件|份|盒)(?=[\u4e00-\u9fff])|积分(?:可以|能)(?:兑换|换)(?:成|到)?(?:什么|啥|哪些)/g;
/** A price (流量超了一个G多少钱, 多少钱一个月, 化肥多少钱一袋, 怎么收费): tariffs are not read by SMS; what is left or spent is (还剩多少钱). */
/** An alarm clock or a reminder set for a time (明天的闹钟, 闹钟明天早上七点, 提醒我下午三点开会): the catalog's 话费闹钟 is no clock. */
const CLOCK_ALARM = new RegExp(
  `(?:${'明天|今天|后天|早上|晚上|明早|中午|下午|上午|\\d+点|[一二三四五六七八九十两]+点'})(?:半|钟)?的?闹钟|闹钟(?:${'明天|今天|后天|早上|晚上|明早|中午|下午|上午|\\d+点|[一二三四五六七八九十两]+点'})` +
    // …or a few words after it in the clause (闹钟怎么设置早上六点, 闹钟定在晚上十点); the bill alarm names 话费 (闹钟每天早上提醒我话费)
    `|(?<!话费)闹钟(?![^,，。?？]*话费)[^,，。?？]{1,6}?(?:${'明天|今天|后天|早上|晚上|明早|中午|下午|上午|\\d+点|[一二三四五六七八九十两]+点'})` +
    // a reminder at a time of day (请提醒我下午三点开会): a calendar's, not a line's
    `|提醒我?(?:${'明天|今天|后天|早上|晚上|明早|中午|下午|上午|\\d+点|[一二三四五六七八九十两]+点'})|(?:${'明天|今天|后天|早上|晚上|明早|中午|下午|上午'})[^,，。?？]{0,4}点[^,，。?？]{0,4}(?:提醒|叫我)`,
  'g',
);
/** A card activated (SIM卡怎么激活, 新卡激活, activate my new sim): a new card is activated at the counter or by its pack, not by an SMS instruction. */
/**
 * A thing lost or stolen that is not the phone (钱包丢了, 钥匙被偷了, i lost my keys, my bike was stolen): lost and stolen are
 * words of 停机, but only the phone, its card or its number is suspended. 卡 alone is the SIM; 银行卡 is the bank's.
 */
const LOST_THINGS_ZH = '钱包|钥匙|身份证|银行卡|信用卡|护照|驾照|驾驶证|行李|箱子|书包|背包|包包|自行车|电动车|电瓶车|单车|车子|汽车|狗|猫|宠物|孩子|眼镜|雨伞|伞|戒指|项链|首饰|钱|现金|证件|户口本|学生证|工牌|门卡|饭卡|公交卡';
const LOST_THINGS_EN = 'wallet|purse|keys?|bag|backpack|luggage|suitcase|bike|bicycle|car|dog|cat|pet|passport|license|licence|id card|id|bank card|credit card|debit card|glasses|umbrella|ring|necklace|cash|money|kid|child';
const LOST_OTHER = new RegExp(
  `(?:${LOST_THINGS_ZH})(?:的?[也又刚都]?(?:被人?|给人?)?(?:弄)?(?:丢了|丢失|遗失|掉了|不见了|被偷|被盗|偷了|偷走))|(?:丢了|丢失了?|遗失了?|被偷了?|弄丢了?)(?:我的|我)?(?:${LOST_THINGS_ZH})` +
    `|\\b(?:lost|lose|stole|stolen|missing|misplaced)\\s+(?:my|our|the|a|his|her)?\\s*(?:${LOST_THINGS_EN})\\b|\\b(?:${LOST_THINGS_EN})\\s+(?:was|is|got|has been|been)?\\s*(?:lost|stolen|missing|taken)\\b`,
  'g',
);
/** …unless the phone, its card or its number is lost too (钱包和手机都丢了, my kid lost his phone). */
const PHONE_NAMED = /手机|电话|号码|手機|電話|號碼|(?<!银行|信用|饭|门|公交|储蓄|会员|身份|银行的|信用的)卡(?!路里)|\b(?:sim|phone|mobile|cell|cellphone|number|line|handset|iphone)\b/;
/**
 * Another owner of a balance, a score, minutes, data or an alarm (what is the balance on my visa, my credit score, 芝麻信用分,
 * 征信, minutes till my meeting, 跑步三十分钟, how much data does my car use, turn off my alarm; a game's score, music played:
 * 播放音乐 is no 彩铃, how many points did they score no 积分): those words are the line's only when the line is named
 * (PHONE_NAMED, 话费, 10086, 本机, bill). A bare 闹钟 (关闹钟) is EVERYDAY_OBJECT's (a guess, unless 话费 or bill is said); an
 * alarm clock at a time is CLOCK_ALARM's. Not 会议 (会议通话 is three-way calling).
 */
const OTHER_OWNER = /信用分|芝麻|征信|开会|跑步|健身|卡路里|播放|xin ?yong ?fen|\b(?:scores?|scored|play (?:some |a |the |my )?(?:music|songs?)|credit rating|visa|mastercard|amex|checking|savings|bank account|venmo|gift card|meeting|workout|boil|bake|cook|oven|microwave|(?:my|the|a|our|his|her) (?:car|truck|tesla|console)|my alarm|alarm clock)\b/g;
const LINE_NAMED = new RegExp(`${PHONE_NAMED.source}|话费|本机|10086|\\b(?:bill|sim card)\\b`);
/**
 * An everyday object that shares a word or a character with a service (闹钟 of 话费闹钟, 灯 beside 关, an order cancelled,
 * the lights, an alarm): switching one on or off is no line's feature, though the instruction's own texts hold the word
 * (话费闹钟 holds 闹钟, so OUT_OF_SCOPE_ZH's 闹钟 lets it pass). Only the service's own qualifier said (话费, 余额, bill,
 * balance), or the line's services named (闹钟服务, 业务订单, 套餐, 流量, alarm service, my data plan), or the service's reminder
 * (闹钟提醒, 闹钟短信, alarm reminder) makes it the service's: 把闹钟关了 and cancel my alarm are guesses, 话费闹钟关了, 开通闹钟服务
 * and balance alarm answers.
 */
const EVERYDAY_OBJECT = /闹钟|闹铃|电灯|台灯|(?<!指示|信号)灯|风扇|窗帘|订单|\b(?:alarms?|lights?|lamps?|fan|(?:my|the|an?|this) order)\b/g;
const SERVICE_QUALIFIER =
  /(?:话|化|花|hua ?)(?:费|fei)|余额|[账帐]单|服务|业务|套餐|流量|(?:闹钟|闹铃)(?:提醒|短信)|\b(?:bill|billing|charges?|spending|balance|credit|services?|plans?|data|subscriptions?|alarm (?:reminders?|texts?|sms))\b/;
const CARD_ACTIVATED = /(?:sim|esim|新卡|手机卡|电话卡|号卡|补的卡|卡)[^,，。?？]{0,6}激活|激活[^,，。?？]{0,3}(?:sim|esim|新卡|手机卡|电话卡|号卡)|\bactivat(?:e|ing|ion)\b[a-z ]{0,12}\b(?:e ?sim|sim|sim card)\b/g;
const PRICE = /(?:[gm兆]|个g|gb|mb|条|分钟)\s*多少钱|多少钱一\S|怎么收费|收费标准/g;
/**
 * How long something takes to come or to work (几分钟能到, 短信多久才回, 开通要多长时间, how long does it take): a wait no
 * instruction reads; the help or 10086 says it. Not the minutes left (还剩几分钟) nor how long an amount lasts (还能用多久,
 * how long will my data last), nor when it runs out (多久到期: 到 of 到期 is no arrival).
 */
const WAIT_ASKED = /(?:几|多少)(?:分钟|秒钟?|个?小时|天)(?:之内|以内|内)?(?:能|才|就|会|可以)?(?:到(?!期)|收到|回|回复|生效|到账|开通|开好|好)|(?:多久|多长时间|多少时间)(?:能|才|就|会|可以)?(?:到(?!期)|收到|回|回复|生效|到账|开通|开好|好|有回)|(?:要|需要|得)(?:多久|多长时间|几分钟|几天)|\bhow long (?:does|do|will|would|until|till|before|to|for|it)\b(?![^,.?!\n]*\b(?:last|lasts|run out|runs out|left)\b)/g;
/**
 * A person asked about (刘亮是谁, 张伟是谁啊, who is kevin): no SMS says who someone is. Who called is another question
 * (打来的是谁, 谁打过电话: missed calls and caller ID), and so is a number's owner (机主): a call said anywhere in
 * the clause makes it one (给我打电话的人是谁, who was trying to reach me, who is on the line; "who s calling me" is
 * also read as "who s 来电").
 */
/**
 * A number asked for (我的number是多少, Lisa的手机号, 王小明的电话number, what is my number): no SMS of ours tells a number.
 * Not a number named for caller ID (看不到对方的手机号).
 */
const NUMBER_ASKED = /(?:number|手机号码?|电话号码?|号码)\s*(?:是多少|是什么|是几|多少)(?=[啊呀呢吗啦?？!！。,，\s]|$)|^[^,，。?？看显]{1,8}的(?:手机号码?|电话号码?|电话 ?number|number|phone number)(?=\s*[?？!！。]?\s*(?:\n|$))|\bwhat(?: s| is) (?:my|his|her|their|the) (?:phone |mobile )?number\b/g;
const WHO_IS = /(?<!(?:打|来电|电话|号码|号|的|call|ring|rang|reach)[^,，。?？!！\n]{0,8})(?<!来)是谁(?=[啊呀呢吗啦?？!！。,，\s]|$)|^谁是|\bwho (?:is|s|was)\b(?![^,.?!\n]*(?:\b(?:call|calls|calling|called|ring|rang|ringing|text|texting|texted|reach|number|line|phone)\b|来电|电话|打))/g;

/** A phone bought or changed for another (楼主想换个5G手机, 买个新手机): the handset is sold, not sent for; the number (换手机号) is another word. */
const NEW_HANDSET = /(?:换|买|入手)(?!了)(?:个|部|台|一部|一个|一台)?(?:新的?)?[^,，。?？]{0,4}手机(?!号|卡|上网|费|套餐)/g;

/** Data or money given to another line (我想把我的流量分一点给我女儿, 话费转一半给他): not done by these SMS. */
const GIVEN_AWAY = /(?:流量|话费|余额|积分)[^,，。?？]{0,3}(?:分|转|送|匀|给)(?:一点|一些|点|些|一半|出去)?给/g;

/**
 * A retail hall named as where something was done (上次去营业厅开了彩铃, 在营业厅办的): the story of a
 * request, not a question about the hall (营业厅几点关门, 附近的营业厅).
 */
const VISITED_HALL = /(?:去|在|到|跑)(?:了|过)?(?:移动的?)?营业厅(?=[^,，。?？]*?(?:开|办|关|取消|退|订|弄|设))/g;
/**
 * A retail hall one would rather not go to (营业厅太远不想跑, 不去营业厅能重置吗, 懒得跑营业厅): why the SMS is
 * wanted, not a question about the hall.
 */
const HALL_AVOIDED = /(?:不想|懒得|没空|没时间|不用|不必|不方便|不去|没法|不能|不愿意?)(?:再)?(?:去|跑|到)?(?:一趟)?(?:移动的?)?营业厅|营业厅(?:太远|很远|好远|离得远|离我远|离家远|人多|人太多|排队|要排队|排长队)/g;

/**
 * The screen named as where a number or a name shows (屏幕上不显示号码, doesn't show on my screen):
 * what shows there is the question (caller ID), not the screen itself (屏幕碎了, screen cracked).
 */
const SHOWN_ON_SCREEN = /(?:手机)?屏幕?上(?=[^,，。?？]{0,4}(?:显示|出|看|有|显|跳))/g;
const SHOWN_ON_SCREEN_EN = /\b(?:on|in) (?:the |my )?screen\b(?=.*\b(?:show|shows|display|displays|see|appear|appears|pop up)\b)|\b(?:show|shows|showing|display|displays|appear|appears|see) (?:up )?(?:on|in) (?:the |my )?screen\b/g;

/**
 * Whether a folded text names another carrier as the owner of the line (我是电信用户, 联通卡). A story
 * never lets that pass (我是电信用户，怎么开来电显示): what is asked is asked of that carrier's line,
 * however well the rest is explained. (Another person's amount in one clause may be the story of a
 * request for the sending line: 孩子手机流量偷跑，想关掉上网功能.)
 */
export function namesOtherCarrier(folded: string): boolean {
  return `${folded}\n ${folded.replace(/[^a-z0-9]+/g, ' ')} `.match(OTHER_CARRIER) !== null;
}

/**
 * What is left of a package (流量包还剩多少, 加油包用了多少) is data left, which CXYEG reads; a package bought,
 * cancelled or dated (订个流量包, 流量包退订, 流量包什么时候到期) stays out of scope.
 */
const PACKAGES = new Set(['流量包', '加油包']);
const PACKAGE_LEFT = /(?:流量包|加油包)[^,，。?？]{0,4}(?:还剩|剩余|剩下|剩|还有多少|用了多少|用掉多少|余量)/;

/**
 * Things outside the catalog that people type by their sound, so a pinyin keyboard's first offer may be
 * other characters (话费冲值, 宽代, 电废, 公鸡金, 信用咔 is 信用 + 咔): their homophones are read as them
 * (`QueryReader.outOfScopeBySound`). Only names of things others bill or hold, each a word of
 * OUT_OF_SCOPE_ZH: an everyday word's sound is met by chance inside our own requests (下雨 in 查下余额,
 * 换歌 in 换个彩铃, 靓号 in 流量好像).
 */
export const SOUNDED_ELSEWHERE = [
  '充值', '缴费', '宽带', '电费', '水费', '燃气', '煤气', '公积金', '社保', '医保', '信用卡', '银行卡', '交通卡', '公交卡',
  '贷款', '房贷', '花呗', '借呗', '余额宝', '物业', '保险', '彩票', '漫游', '转网', '流量卡', '补卡', '换卡', '营业厅',
];

/**
 * The out-of-scope words a folded reading of a query names, but for those `explained` says the
 * instruction's own texts hold (闹钟 is an alarm clock, but also the catalog's 话费闹钟).
 */
export function outOfScopeWords(folded: string, explained: (word: string) => boolean): string[] {
  folded = folded.replace(VISITED_HALL, '').replace(HALL_AVOIDED, '').replace(SHOWN_ON_SCREEN, '').replace(SHOWN_ON_SCREEN_EN, '');
  const latin = ` ${folded.replace(/[^a-z0-9]+/g, ' ')} `;
  const left = PACKAGE_LEFT.test(folded);
  const words = [...OUT_OF_SCOPE_ZH.filter((w) => folded.includes(w) && !(left && PACKAGES.has(w))), ...OUT_OF_SCOPE_EN.filter((w) => latin.includes(` ${w}`))].filter((w) => !explained(w));
  // Patterns of Chinese on the reading as folded, of English on its words spaced apart (wife's → wife s).
  const both = `${folded}\n${latin}`;
  // …and a person asked about on both with the hanzi kept: a call named in Chinese (who s 来电) makes it a caller.
  const spelled = `${folded}\n${folded.replace(/[^a-z0-9\p{Script=Han},，。?？!！]+/gu, ' ')}`;
  return [...words, ...(folded.match(OTHER_CARRIER) ?? []), ...(both.match(ANOTHER_PERSONS_AMOUNT) ?? []), ...(folded.match(ANOTHER_PERSONS_LINE) ?? []), ...(folded.match(NUMBERED_LINES_AMOUNT) ?? []), ...(folded.match(NEW_HANDSET) ?? []), ...(folded.match(GIVEN_AWAY) ?? []), ...(both.match(PLAN_CHANGE) ?? []), ...(both.match(PRODUCT_BOUGHT) ?? []), ...(folded.match(TOP_UP) ?? []), ...(folded.match(OWN_NUMBER_SHOWN) ?? []), ...(folded.match(RESUME) ?? []), ...(folded.match(PRICE) ?? []), ...(both.match(WAIT_ASKED) ?? []), ...(spelled.match(WHO_IS) ?? []), ...(both.match(NUMBER_ASKED) ?? []), ...(folded.match(CLOCK_ALARM) ?? []), ...(both.match(CARD_ACTIVATED) ?? []), ...(PHONE_NAMED.test(both) ? [] : (both.match(LOST_OTHER) ?? [])), ...(LINE_NAMED.test(both) ? [] : (both.match(OTHER_OWNER) ?? [])), ...(SERVICE_QUALIFIER.test(both) ? [] : (both.match(EVERYDAY_OBJECT) ?? [])), ...(both.match(ANOTHER_PERSONS_LOST_LINE_EN) ?? []), ...(folded.match(POINTS_SPENT) ?? []), ...(both.match(ANOTHER_NUMBERS_AMOUNT) ?? [])];
}

/**
 * A package, plan, bundle or paid service the catalog has no instruction of its own for (流量包, 5G流量包,
 * 30元包月, 增值业务, 视频会员, 套餐里的附加包, data add-on, monthly data package), with what says which
 * one (流量, 夜间, 10元, data, monthly). 流量 here is the package's kind, not the data switch: cancelling
 * the package is not turning data off. Not 包括, 红包, 钱包.
 */
const PACKAGE_KIND = '(?:\\d+(?:元|块|g|gb|m|mb)?|5g|4g|流量|数据|上网|加油|附加|叠加|定向|夜间|闲时|假日|全国|本地|省内|日|周|月|季|年|视频|音乐|阅读|游戏|这个|那个|个)*';
const PACKAGE_ZH = new RegExp(`${PACKAGE_KIND}(?:包月|包年|(?<![红钱书背])包(?![括含])|套餐|增值(?:业务|服务)|会员|订阅)`, 'g');
const PACKAGE_EN = /(?:\b(?:the|my|this|that|extra|additional|monthly|weekly|daily|data|internet|video|music|value added|\d+ ?(?:gb|mb|g))\s+)*\b(?:data ?packs?|packs?|packages?|bundles?|add ?ons?|addons?|boosters?|plans?|memberships?|subscriptions?)\b/g;

/**
 * A folded reading with the packages it names taken out (退订10元流量包 → 退订, cancel my data add-on →
 * cancel), and whether a cancelling verb stands right before one (cancel the extra data plan i added), or
 * null when it names none, or one being bought or changed (不要换套餐, 想办个流量包). `products` (global) matches the
 * products the catalog does not name (products.ts), taken out likewise. What is left says what
 * is done with them: cancelling (取消, 不要了, unsubscribe) asks for the list of what the line subscribes
 * to, from whose reply each is cancelled, unless what is left names a service the catalog turns off
 * itself (取消彩铃包月 is QXCL).
 */
export function withoutPackages(folded: string, products: RegExp | null = null): { rest: string; cancelledBefore: boolean } | null {
  const spaced = folded.replace(/-/g, ' ');
  let acquired = false;
  let cancelledBefore = false;
  const out = (_found: string, at: number, text: string) => {
    const before = text.slice(Math.max(0, at - 16), at);
    acquired ||= ACQUIRED_BEFORE.test(before);
    cancelledBefore ||= CANCELLED_BEFORE.test(before);
    return ' ';
  };
  // A product the catalog does not name (日租宝, 飞信业务, migu video: products.ts) is taken out as a package is, first: its name may end in one (咪咕视频会员).
  const rest = (products ? spaced.replace(products, out) : spaced).replace(PACKAGE_ZH, out).replace(PACKAGE_EN, out);
  return rest === spaced || acquired ? null : { rest: rest.replace(/ {2,}/g, ' ').trim(), cancelledBefore };
}

/** A package bought, changed or applied for (不要换套餐, 想办个流量包, buy a data pack): not one cancelled, whatever 不要 says around it. A past 订了个 is the story of one now cancelled. */
const ACQUIRED_BEFORE = /(?:换|改|升级|降级|办|办理|买|购买|申请|加|(?<!退)订|订购|续|推荐|\b(?:buy|purchase|order|add|get|change|switch|upgrade))(?:个|一个|张|份|一下|成|到)?\s*$/;
/** A verb that cancels, right before the package (退订流量包, cancel the extra data plan). */
const CANCELLED_BEFORE = /(?:取消|退订|退掉|停掉|停用|去掉|关掉|\b(?:cancel|unsubscribe(?: from)?|stop|remove|end|terminate|drop|get rid of))\s*$/;

/**
 * Where a package or product is (on my line, from my phone, 我手机上的, 这个号里): the line itself, which names no service
 * of its own. Taken out before asking whether what is left of a cancel names one: "remove the add-on from my line"
 * found the data switch by its "no internet on this line", and "… on my number" suspending the line.
 */
const THE_LINE = /\b(?:on|from|of|for|off|to|in) (?:my|this|the|our|that) (?:line|number|phone|mobile|cell|sim|sim card|account)\b|(?:我的?|本机的?|这个|我这个)?(?:手机|号码|号|卡)(?:上|里)(?!网)(?:的|面的?)?/g;

/** A folded text without the words that say it is this line's (see THE_LINE). */
export function withoutTheLine(folded: string): string {
  return folded.replace(THE_LINE, ' ').replace(/ {2,}/g, ' ').trim();
}
