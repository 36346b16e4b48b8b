/**
 * Writes tests/fixtures/search-queries.negative.json (the dev part) and
 * search-queries.negative-heldback.json (about a third, put aside: never tuned on): queries no SMS
 * instruction answers. Quoted ones come from public sources, each with where it was found; junk is
 * generated here from a fixed seed and marked `generated`. Run: npx tsx scripts/build-negative-queries.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface Negative {
  q: string;
  expect: [];
  kind: string;
  source: string;
}

const CLINC = 'github:clinc/oos-eval data/data_small.json @48a0e1c, "oos_val" (CLINC150, CC BY 3.0)';
const PLANTBOT = 'github:xianjianbo/Plantbot data/nlu.md @090b34d';
const MINLIK = 'github:minlik/rasa-project data/nlu.yml @182eca1';
const SUPERJCD = 'github:superjcd/ChineseAssistantBot data/nlu/nlu.md';
const RICK = 'github:rickdynasty/BluecollarChatbot data/nlu.md';
const XYZ = 'github:xyz0822/rasa_reporting_obstacles data/nlu.md';

/** Quoted as found (entity markup such as [北京](location) written as its text). */
const QUOTED: [kind: string, source: string, queries: string[]][] = [
  ['off-topic-en', CLINC, [
    'set a warning for when my bank account starts running low', 'a show on broadway', 'who has the best record in the nfl', 'how do i find the area of a circle',
    'how many onions do i have on hand', 'what is the name of the 13th president', 'show me recent activity in my backyard',
    'how long will it take me to pay off my card if i pay an extra $50 a month over the minimum', 'does our bank have free notary', 'what were the top stories this week',
    'can i mix antifreeze with water', 'are any earning reports due', 'show me the channel guide', 'is the pnc bank open', 'where does the power steering fluid go',
    'when was the last time the president visited floridau', 'how can i keep my windshield from fogging up in winter', 'how do i compute the median of a set of numbers',
    'what is happening with brexit right nowu', 'are there any new companies to look out for', 'can you tell me how to compute price per ounce', 'how to unclog a drain',
    'am kind of busy now', 'what new reality shows are there for 2019', 'what is the purpose or benefit of a cash advance', 'how can i root an android phone',
    'is android better than iphone', 'are androids expensive', 'how long does it take to become an architect', 'who are some famous living architects',
    'find out for me as to why people get autism', 'is autism a genetic disease', 'is flu contagious', 'is it true that nicotine is harder to kick than heroin',
    'please inform me on bad habits and overcoming them', 'are bad habits closely related with addictions', 'does hypnosis work to break bad habits', 'king of acid', 'suo2',
    'what university in the united states offers the best biomedical engineering program', "what's the definition of nuclear engineering", 'when was electrical engineering created',
    'what is naval engineering', 'is it possible to survive in a black hole', 'where do black holes come from', 'what are black holes',
    'what was the final vote count in the brexit referendum', 'can you tell me the latest georgia news', 'is the brexit finalized yet', 'the birds fly with there wings',
    'how the birds fly', 'where does cannabis originate from', 'how are my cannabis stocks doing', 'is marijuana addictive', 'should i hit or stay at 17 in blackjack',
    'what game has the best odds at a casino', "what's the best opening gambit for a game of chess", 'what side in chess has the general advantage', 'how do i get better at go',
    'how high does my sat score need to be to get into harvard', "what'll an education at boulder state college run", "what's the average gpa to get into yale",
    'what act score is considered good', 'what cryptocurrency gained the most in 2018', "what's the best crypto to buy in 2019", 'how is crypto legal',
    'are there any cybersecurity jobs available in pittsburgh', 'how many firewalls should i have and what type', 'how can i breach a network', 'how does cybersecurity work',
    'how many countries in the world are democracies', 'is the united states a democracy', 'which nations are not democratic', 'how does a democracy work',
    'please get me my wheelchair', "what's the best dog food to feed my puppy", 'how do you know when your dog is ill', 'what dog breed sold the most in 2018',
    'how much food should i feed my cat', 'what does it mean if i dream of falling off a building', 'is it bad to not remember your dreams', 'why do we dream',
    'do ducks eat meat, vegetables, or both', 'what is the friendliest breed', 'what do geese eat', 'do ducks sleep',
    'are over the ear headphones better than in ear headphones', 'what brand of earphones is the best reviewed of 2019', 'are white and brown eggs any different',
    'where do eggs come from', 'how can i easily replace a string on my guitar', 'how do you learn how to play electric violin', 'can you give me the standard tuning notes',
    'what is the cheapest electric guitar', 'you want to know about current time now', 'what does it mean to have equality', 'what site publishes the most fake news',
    'can you tell me some fake news', 'is cnn really fake news', 'why is there fake news',
  ]],
  ['off-topic-zh', PLANTBOT, [
    '我饿了', '我想吃饭', '餐厅', '不要停', '你好蠢', '你真笨', '显示一张炸鸡腿的照片', '我们可以继续聊天吗', '谁是你最喜欢的机器人',
    '天气如何', '查询天气', '帮我查询武汉的天气', '我想知道北京的天气怎么样？', '我准备去上海玩，那里的天气现在怎么样？', '你好，帮我查询泸州的天气怎么样？',
    '早上好，帮我查询伦敦的天气怎么样？', '你好今天的天气怎么样啊', '今天天气好吗', '成都的天气怎么样?', '今天天气怎么样？', '重庆今天的天气好吗？', '东京的天气怎么样呢?',
    '哪里有樱花?', '哪里可以看美国梧桐?', '樱花哪里可以看到?', '我想去看樱花?', '太好了，谢谢你', '谢谢，爱你哦', '我太南了:(', '我好难过', '好开心嘻嘻',
    '你是机器人吗？', '我是在和人类说话吗？', '再见', '拜拜', '下次再聊', '回头见', '深圳', '石家庄', '门头沟',
  ]],
  ['off-topic-zh', MINLIK, [
    '你叫什么名字', '你有名字吗', '你叫啥', '今天有下雨吗？', '天气不错嘛', '今天阳光明媚', '讲个笑话', '太无聊了', '你会讲笑话吗', '有什么好玩的事情吗',
    '你真的是机器人吗', '你是真人吗', '这你都不会', '连这都不会', '啥意思', '我再考虑一下', '等等吧', '算了', '没问题', '3Q', '晚上好', '下午好',
  ]],
  ['off-topic-zh', SUPERJCD, [
    '我要打车', '我要打的', '帮我叫一下出租车', '出租车', '帮我找一下附近的美食店', '帮我订一下机票', '我想去天安门广场', '请带我去', '太棒了', '我感觉很好', '太糟糕了',
    '我不喜欢那样', '没可能',
  ]],
  ['off-topic-zh', RICK, ['见到你很高兴', '拜拜，下次再聊', '有空再聊', '好了，就说这么多了', '886', '你长得很美，就不要想得太美。', '请问我认识你吗', '你是哪位', '你能干什么', '听起来不错', '我同意你的观点']],
  ['off-topic-en', RICK, ['good morning', 'see ya', 'toodle-oo', 'gotta go', 'farewell', 'hi folks', 'thanks for that', 'cheers', 'no way', 'not really']],
  ['off-topic-zh', XYZ, ['查询掌上生活火车票订单', '我要查询掌上生活火车票订单退款状态', '这个例子主要讲什么', '实现了什么功能', '这个例子演示了哪些功能', '我不想继续了']],
  ['other-carrier', 'https://www.aliyunyouhui.com/267509.html (联通: 编辑短信内容发送到10010)', ['101', '102']],
  ['other-carrier', 'https://www.chaxiaohao.com/read-1752309433l6856134.html (电信)', ['编辑"102"发送至10001']],
  ['other-carrier', 'https://m.esig.cn/grbzgjztfgrbrdsh (page title)', ['中国联通开副卡如何收费']],
  ['other-carrier', 'https://yunkanjia.com/t/手机电信副卡怎么收费标准.html (page title)', ['手机电信副卡怎么收费标准']],
];

/** mulberry32: the same junk on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = 20261205;
const rnd = random(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const str = (alphabet: string, min: number, max: number) => Array.from({ length: min + Math.floor(rnd() * (max - min + 1)) }, () => pick([...alphabet])).join('');

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890'];
/** A run of neighbouring keys on a row, as a hand sliding over the keyboard types. */
function mash(): string {
  const row = pick(ROWS.slice(0, 3));
  const len = 3 + Math.floor(rnd() * 6);
  const at = Math.floor(rnd() * (row.length - 2));
  let out = '';
  for (let k = 0, i = at; k < len; k++) {
    out += row[i]!;
    i = Math.max(0, Math.min(row.length - 1, i + pick([-1, 1, 1, 0])));
  }
  return out;
}
const EMOJI = ['😀', '😂', '🙏', '👍', '❤️', '🤔', '😭', '🎉', '🔥', '😅', '🌧️', '🍚', '🐶', '✨', '💤'];
const PUNCTUATION = ['?', '？', '!', '！', '。', '，', '.', '...', '…', '~', '#', '*', '@', '/', '、', '《》', '()', '-', '——', '？？？'];

const GENERATED: [kind: string, make: () => string, n: number][] = [
  ['junk-letters', () => str('abcdefghijklmnopqrstuvwxyz', 3, 10), 40],
  ['junk-mixed', () => str('abcdefghijklmnopqrstuvwxyz0123456789', 4, 9), 15],
  ['junk-keyboard', mash, 20],
  ['junk-digits', () => str('0123456789', 3, 7), 10],
  ['junk-hanzi', () => Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => String.fromCodePoint(0x4e00 + Math.floor(rnd() * (0x9fa5 - 0x4e00)))).join(''), 20],
  ['junk-emoji', () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(EMOJI)).join(''), 15],
  ['junk-punctuation', () => pick(PUNCTUATION), 15],
];

const seen = new Set<string>();
const all: Negative[] = [];
const add = (q: string, kind: string, source: string) => {
  if (seen.has(q)) return;
  seen.add(q);
  all.push({ q, expect: [], kind, source });
};
for (const [kind, source, queries] of QUOTED) for (const q of queries) add(q, kind, source);
for (const row of ROWS) add(row, 'junk-keyboard', `generated: keyboard row`);
for (const [kind, make, n] of GENERATED) for (let k = 0; k < n; k++) add(make(), kind, `generated (seed ${SEED})`);

// About a third of each kind, every third in order, is put aside and never tuned on.
const dev: Negative[] = [];
const heldBack: Negative[] = [];
const perKind = new Map<string, number>();
for (const x of all) {
  const k = perKind.get(x.kind) ?? 0;
  perKind.set(x.kind, k + 1);
  (k % 3 === 2 ? heldBack : dev).push(x);
}

const about = (part: string, n: number) =>
  `Queries no SMS instruction answers (${part}, ${n} queries), for searchq6: search and 小e must say nothing matches. Quoted queries are as found in public intent datasets and pages, each with its source (repository and path, or address); chatbot greetings, weather, taxi and joke requests, CLINC150's out-of-scope queries, and other carriers' SMS codes and words (联通 10010, 电信 10001). Left out when quoting: items a 10086 user could fairly mean for us (查询, 查询业务, 订阅, YE, CXYE). Junk (random letters, letters and digits, keyboard rows and slides, digits, random hanzi, emoji, lone punctuation) is generated by scripts/build-negative-queries.ts from seed ${SEED}, marked "generated". Every third query of each kind is in search-queries.negative-heldback.json, put aside and never tuned on.`;
const write = (name: string, part: string, queries: Negative[]) =>
  writeFileSync(resolve(import.meta.dirname, '../tests/fixtures', name), JSON.stringify({ about: about(part, queries.length), queries }, null, 1) + '\n');
write('search-queries.negative.json', 'the dev part', dev);
write('search-queries.negative-heldback.json', 'the part held back', heldBack);
console.log(`dev ${dev.length}, held back ${heldBack.length}`);
