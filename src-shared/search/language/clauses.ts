/**
 * A long sentence tells a story around its request (打游戏的时候流量用得很快，想知道还剩多少流量;
 * "stop mobile data while roaming"). Cut into clauses, the one that asks is what an answer must
 * explain; the others are context, which may name things no instruction deals in (游戏, roaming).
 */
export interface Clause {
  text: string;
  /** Whether this clause asks for something (names an action or a wish), rather than telling the story around it. */
  request: boolean;
  /** Whether it only says when or why (…的时候, 因为…, while …): never a request, and dropped when a sentence is read again. */
  context: boolean;
  /** Whether it says what is not asked (我没有要开彩铃, beside another clause): context whose matches count for nothing. */
  denied?: boolean;
  /** Whether it asks if what was said or sent is true (是真的吗, 是不是骗子, is this legit): no instruction answers that. */
  doubts?: boolean;
}

/**
 * Clause breaks: punctuation, a sentence particle with more after it (关掉4G data吧要去roaming; not
 * 网吧), a purpose clause (…关掉以免被收漫游费: why, so context), and an English subordinate clause starting (while / because …), which is context.
 */
const BREAK = /[,，。;；!！?？、…]+|(?<=[^酒网]吧|[啊呢嘛])(?=\S)|(?<=[\u4e00-\u9fff])(?=以免|免得|省得|以防)|\s+(?=(?:while|when|whenever|because|since|cause|cuz|coz|after|before|although|though|if)\s)/;
/** A clause that asks a question: how, where, what, whether, how much. */
const QUESTION = /怎么|怎样|如何|哪里|哪儿|在哪|什么|多少|[吗么][?？]?$|\?|？|^(?:how|what|where|which|why|can|could|is|are|do|does)\b/;
/** A quoted passage (“…”, 「…」, "…"), its words captured, or a stretch of text outside quotes. */
const QUOTED_OR_NOT = /[“「『"]([^”」』"]*)[”」』"]?|[^“「『"]+/g;
const SUBORDINATE = /^(?:while|when|whenever|because|since|cause|cuz|coz|after|before|although|though|if)\s/;
/** A clause that puts an action off till later (回来再开, 等我回国再开, 到时候再关, later i ll turn it on): context, and not the action asked now. */
export const DEFERRED = /^(?:等|回来|回头|以后|之后|到时候|过几天|下次|改天)[^,，。;；!！?？]{0,8}再|^(?:and )?(?:later|when i m back|when i get back|once i m back)\b/;
/**
 * A caution said beside the request (千万别停机，我只想查下余额; don't cancel anything, just check…):
 * what is not to be done is context when another clause asks for something. 别再… and 别发了 ask
 * to stop what goes on, so they stay requests.
 */
export const CAUTION = /^(?:千万|可|请|你|但|但是)?(?:别|不要|莫|不能|不许|不想|不希望)(?![^,，。;；!！?？]*再|.*[了啦]$)|^(?:but )?(?:don t|do not|dont|never)\b(?!.*\b(?:again|anymore|any more)\b)/;
/**
 * A denial said beside the request (我没有要开彩铃，我是想投诉…; 不是要查话费，是想换号; I didn't ask for …):
 * it names what is *not* asked. When another clause follows or precedes it, it is context, and the
 * evidence it holds does not count towards an answer: an instruction matching only the denied thing
 * answers nothing that was asked. 不是 straight before an action (不是查流量，是查话费余额; 不是办来电显示，是开来电提醒)
 * denies as 不是要 does.
 */
export const DENIAL = /^(?:我|俺|但是?|可是?)?(?:并|又|根本|压根儿?)?(?:没有?(?:要|想(?!到)|说要|让)|不是(?:要|想|说要|让|查|开|关|办|取消|退)|没叫)|^(?:i )?(?:didn t|did not|never) (?:ask|want|order|request)\b/;
/**
 * A question whether what was said or sent is true (这是真的吗, 是不是骗子, 真的假的, is this legit): it asks
 * about a message or a caller, never for an instruction; when it is all a sentence asks, nothing answers it.
 */
export const DOUBT = /是真的吗|真的吗$|是不是真的|真的假的|是真是假|骗子|骗人|骗局|靠谱吗|可信吗|可不可信|可靠吗|\b(?:is|was) (?:this|it|that) (?:real|legit|true|genuine|a scam|fake)\b|\blegit\b|\bscam\b/;
/** A clause that asks us for something in so many words (帮我, 我想, please, i want): a question beside it is not all that is asked. */
export const ASKS_US = /帮我|给我|帮忙|麻烦|我想|我要|我也想|^请|\b(?:please|pls|help me|i want|i d like|can you)\b/;
/** Chinese context clauses: one that only says when or why (…的时候, 因为…, 每次…). */
const CONTEXT_ZH = /^(?:如果|要是|假如|万一|我?(?:担心|害怕|生怕|怕)|因为|由于|每次|之前|以前|上次|上周|上星期|上礼拜|前阵子|前段时间|前些天|刚才|昨天|前几天|最近|平时|平常|以免|免得|省得|以防)|(?:的时候|时候|以后|之后|的时侯)$/;

/**
 * The clauses of a folded reading. The requests are the clauses that name an action (查下余额,
 * 顺便开个余额提醒: both), else those that want something, else those that ask a question, else the last that is not context; one
 * clause alone (a short query) is its own request.
 */
export function clausesOf(text: string, acts: (clause: string) => boolean, wishes: (clause: string) => boolean): Clause[] {
  const cut = [...text.matchAll(QUOTED_OR_NOT)].flatMap(([segment, inQuotes]) =>
    (inQuotes ?? segment)
      .split(BREAK)
      .flatMap((p) => whenFirst(p, acts, wishes))
      .map((p) => ({ text: p.trim(), quoted: inQuotes !== undefined }))
      .filter((p) => p.text),
  );
  const parts = cut.map((p) => p.text);
  if (parts.length < 2) return parts.map((p) => ({ text: p, request: true, context: false, ...(DOUBT.test(p) ? { doubts: true } : {}) }));
  // What is quoted is what someone said or sent (“您的余额已低于10元，请及时充值”): the story, unless it is all there is.
  const quoted = cut.every((p) => p.quoted) ? parts.map(() => false) : cut.map((p) => p.quoted);
  const caution = parts.map((p) => CAUTION.test(p));
  // A denial is context when some other clause is not one: what was asked is said there.
  const denial = parts.map((p) => DENIAL.test(p));
  const denied = denial.map((d) => d && denial.includes(false));
  const asking = parts.map((p, i) => !caution[i] && !denied[i] && !quoted[i] && acts(p));
  const context = parts.map((p, i) => quoted[i]! || denied[i]! || SUBORDINATE.test(p) || CONTEXT_ZH.test(p) || DEFERRED.test(p) || (caution[i]! && asking.some((a, j) => a && j !== i)));
  const open = parts.map((p, i) => (context[i] ? null : p));
  let request = open.map((p, i) => p !== null && asking[i]!);
  if (!request.includes(true)) request = open.map((p) => p !== null && wishes(p));
  // …else the clauses that ask a question (楼主想问问哪里可以买到便宜的流量卡，现在的套餐太贵了: where, not the complaint).
  if (!request.includes(true)) request = open.map((p) => p !== null && QUESTION.test(p));
  if (!request.includes(true)) {
    const last = context.lastIndexOf(false);
    request = parts.map((_, i) => i === (last === -1 ? parts.length - 1 : last));
  }
  return parts.map((p, i) => ({ text: p, request: request[i]!, context: context[i]!, ...(denied[i] ? { denied: true } : {}), ...(DOUBT.test(p) ? { doubts: true } : {}) }));
}

/** A clause that opens by saying when (手机没信号的时候…), up to its 的时候, and what is said after it. */
const WHEN_FIRST = /^([^,，。;；!！?？]+?(?:的时候|的时侯))(?=\p{Script=Han})/u;

/**
 * Typed without a comma, a clause that opens by saying when (手机没信号的时候有人给我打电话我想知道) is cut after its
 * 的时候, which is then context like any …的时候 clause: left in, it diluted the request below the least score. Not when
 * what comes before already asks or wants (设置一下余额不够的时候提醒我, 想开个功能让我通话的时候也知道): 的时候 is
 * then inside the request.
 */
function whenFirst(part: string, acts: (clause: string) => boolean, wishes: (clause: string) => boolean): string[] {
  const when = WHEN_FIRST.exec(part)?.[1];
  return when === undefined || acts(when) || wishes(when) ? [part] : [when, part.slice(when.length)];
}
