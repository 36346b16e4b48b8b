/**
 * What a forum question or a forwarded message says around its request, before any reading:
 *
 * - the search-box frame of how to send it (移动发什么到10086查话费, 10086查积分的指令是什么,
 *   中国移动怎么…): the carrier is ours and the SMS is the means (what is sent is a message, a
 *   code, or nothing more: 发什么内容会被扣费 asks something else); 什么 there asks for a code, not
 *   for the status of a service, and 移动 names no mobile data;
 * - the sender of a message passed on (妈：…, 外婆发来语音转文字：…, [转发]爸爸：…): who wrote it
 *   is no thing asked about (语音 is no voice package). Whose line the message then names is
 *   judged as for any query (你爸的手机还剩多少话费 stays another person's).
 */
const SEND_WHAT = /(?:(?:往|向|给|到)?10086)?(?:要|应该|该)?(?:用短信|发短信)?(?:发送?|回复?)(?:个|条)?(?:什么|啥子?|哪个)(?:(?:短信|信息|指令|代码|字母)(?:(?:到|给|去)?10086)?(?:才|就)?(?:可以|能)?|(?:到|给|去)10086(?:才|就)?(?:可以|能)?|(?:才|就)?(?:可以|能)|(?=$|[，,。？?！!\s]))|(?:的|发的)?(?:短信)?(?:指令|代码)(?:是|叫)(?:什么|啥子?|多少)/g;
const CARRIER = /(?<=^|[，,。？?！!：:\s]|请问|咨询一下|求助|大家好|我是|我的)(?:中国)?移动(?:公司)?(?:的)?(?:用户|手机卡|手机|卡)?(?!数据|网|积分|香港|号|和|跟|与|还是|转)/g;
const KIN = '妈妈?|老妈|我妈|爸爸?|老爸|我爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|姐姐?|哥哥?|弟弟?|妹妹?|舅舅|舅妈|阿姨|叔叔|婶婶|姑姑|老婆|老公|儿子|女儿|家里老人';
const SENDER = new RegExp(`^(?:\\[转发\\]|【转发】|转发[：:]?)?[^：:，,。]{0,10}?(?:${KIN}|发来的?|转发给我的?|原话|让我问)[^：:，,。]{0,8}[：:]\\s*`);

export function withoutAsides(text: string): string {
  const bare = text.replace(SENDER, '').replace(SEND_WHAT, ' ').replace(CARRIER, ' ').replace(/\s+/g, ' ').trim();
  return /\p{Script=Han}|[a-z]{2}/u.test(bare) ? bare : text;
}
