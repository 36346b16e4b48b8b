/**
 * What a forum question or a forwarded message says around its request, before any reading:
 *
 * - the search-box frame of how to send it (移动发什么到10086查话费, 10086查积分的指令是什么,
 *   中国移动怎么…): the carrier is ours and the SMS is the means (what is sent is a message, a
 *   code, or nothing more: 发什么内容会被扣费 asks something else); 什么 there asks for a code, not
 *   for the status of a service, and 移动 names no mobile data;
 * - the sender of a message passed on (妈：…, 外婆发来语音转文字：…, [转发]爸爸：…): who wrote it
 *   is no thing asked about (语音 is no voice package). Whose line the message then names is
 *   judged as for any query (你爸的手机还剩多少话费 stays another person's);
 * - who said what is passed on (我同事说…, 营业厅的小姑娘跟我说…, 她说：…, 老板发消息说“…”): the
 *   speaker is no thing asked about either (营业厅 and 客服 are out of scope as things asked for, not
 *   as who said something). Only a person said so at a clause's start: 听说 and 其他说明 stay;
 * - the name of what is described asked (这个叫什么功能, 这是什么业务): the description is the request,
 *   and 什么功能 there asks no list of what is on (开了什么功能 does); a pause said as a word (那个啥，…).
 */
const SEND_WHAT = /(?:(?:往|向|给|到)?10086)?(?:要|应该|该)?(?:用短信|发短信)?(?:发送?|回复?)(?:个|条)?(?:什么|啥子?|哪个)(?:(?:短信|信息|指令|代码|字母)(?:(?:到|给|去)?10086)?(?:才|就)?(?:可以|能)?|(?:到|给|去)10086(?:才|就)?(?:可以|能)?|(?:才|就)?(?:可以|能)|(?=$|[，,。？?！!\s]))|(?:的|发的)?(?:短信)?(?:指令|代码)(?:是|叫)(?:什么|啥子?|多少)/g;
const CARRIER = /(?<=^|[，,。？?！!：:\s]|请问|咨询一下|求助|大家好|我是|我的)(?:中国)?移动(?:公司)?(?:的)?(?:用户|手机卡|手机|卡)?(?!数据|网|积分|香港|号|和|跟|与|还是|转)/g;
const KIN = '妈妈?|老妈|我妈|爸爸?|老爸|我爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|姐姐?|哥哥?|弟弟?|妹妹?|舅舅|舅妈|阿姨|叔叔|婶婶|姑姑|老婆|老公|儿子|女儿|家里老人';
/** People who pass something on besides kin: friends, colleagues, a clerk, someone in a group chat. */
const OTHERS = '朋友|同事|同学|邻居|老板|领导|客服|营业员|店员|工作人员|小姑娘|小伙子|小哥|师傅|表哥|表姐|表弟|表妹|堂哥|堂姐|媳妇|对象|男朋友|女朋友|有人|别人|人家|网友';
const SENDER = new RegExp(`^(?:\\[转发\\]|【转发】|转发[：:]?)?[^：:，,。]{0,10}?(?:${KIN}|${OTHERS}|发来的?|转发给我的?|原话|让我问)[^：:，,。]{0,8}[：:]\\s*`);
/** 我同事说…, 营业厅的小姑娘跟我说…, 她说：…, 我爸打电话说“…”: a person, how they said it, and 说, at a clause's start. */
const SPEAKER = new RegExp(
  `(?<=^|[，,。？?！!；;\\s])(?:听)?(?:我的?|我家的?|我们的?|家里的?|营业厅的?|移动的?|群里的?|公司的?|单位的?|隔壁的?|楼下的?|一个|有个)?(?:${KIN}|${OTHERS}|他们|她们|他|她)` +
    `(?:刚才|刚刚|昨天|今天|上次|之前|也|都|还)?(?:打电话|发消息|发微信|发短信|在群里|在微信上?|回复)?(?:跟我|对我|和我|给我|教我)?(?:说|讲|告诉我|提醒我|建议我)(?:的|过)?[：:，,]?\\s*["“「]?`,
  'g',
);

/** A dictation pause said as a word (那个啥，我跟你说…): 啥 there asks nothing. */
const PAUSE = /(?<=^|[，,。？?！!\s])(?:那个|那)(?:啥|什么)(?=$|[，,。？?！!\s])/g;
const NAME_ASKED = /(?:这个|这种|那个|那种|这)(?:功能|业务|服务)?(?:叫|是)(?:个)?(?:什么|啥子?)(?:功能|业务|服务|名字)?(?=要|得|才|[，,。？?！!\s]|$)/g;

/**
 * A pasted chat's furniture, one line at a time (the text is folded: ：is :): a tag in brackets ([图片], [语音转文字], 【求问】),
 * a quote mark (> …), a mention (回复 @王姐:), who wrote a line and when (张三 10:32, 小李 14:05 …), and, in a chat of
 * several lines or stamped with a time, a short name before a colon (我:, 群聊:). None is a thing asked about; they
 * diluted the request (the seventh held-out set pasted chats). A line the service wrote (客服:您可以发送短信) is its
 * answer, not the question, and is left out when another line is left.
 */
const CHAT_TAG = /[[【][^\]】\n]{1,6}[\]】]/g;
const QUOTE_MARK = /^[ \t]*[>》|]+[ \t]*/gm;
const MENTION = /(?:回复[ \t]*)?@[^\s:,，。]{1,10}[ \t]*:?/g;
/** Who wrote a line and when, at its start: a name, then a time of day (perhaps after a date). */
const STAMPED_NAME = /^[ \t]*(?:[^\s:,，。?？!！]{1,8}[ \t]+)?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \t]*)?\d{1,2}:\d{2}(?::\d{2})?(?![\d.])[ \t]*/;
/** In a chat, a short name before a colon at a line's start (我:, 群聊:, 小李:); never digits (8:00). */
const LINE_SPEAKER = /^[ \t]*[^\s:,，。?？!！\d]{1,4}[ \t]*:(?!\d)[ \t]*/gm;
/** A line the service wrote, by who wrote it. */
const SERVICE_LINE = /^[ \t]*(?:客服|人工客服|在线客服|智能客服|中国移动|移动|10086|小e)[ \t]*:(?!\d)/;

export function withoutChatFrame(folded: string): string {
  if (!/[[【>》|@:\n]/.test(folded)) return folded;
  let stamped = false;
  let lines = folded.split('\n').map((l) => {
    const untagged = l.replace(CHAT_TAG, ' ').replace(QUOTE_MARK, '').replace(MENTION, ' ');
    const unstamped = untagged.replace(STAMPED_NAME, '');
    stamped ||= unstamped !== untagged;
    return unstamped;
  });
  const several = stamped || lines.filter((l) => l.trim()).length > 1;
  if (several) {
    const asked = lines.filter((l) => l.trim() && !SERVICE_LINE.test(l));
    if (asked.length) lines = asked;
    lines = lines.map((l) => l.replace(LINE_SPEAKER, ''));
  }
  const bare = lines.map((l) => l.trim()).filter(Boolean).join('\n');
  return /\p{Script=Han}|[a-z]{2}/u.test(bare) ? bare : folded;
}

export function withoutAsides(text: string): string {
  const bare = text.replace(SENDER, '').replace(SPEAKER, '').replace(NAME_ASKED, ' ').replace(PAUSE, ' ').replace(SEND_WHAT, ' ').replace(CARRIER, ' ').replace(/\s+/g, ' ').trim();
  return /\p{Script=Han}|[a-z]{2}/u.test(bare) ? bare : text;
}
