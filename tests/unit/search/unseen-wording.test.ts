import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost } from './expect-answers';

/*
 * Session 14 (searchq8): wording of people who never saw the catalog's vocabulary. Each block is
 * one cause (a dialect word, a carrier, dictation's pauses …); the queries are new, none from a
 * query set, so each shows the knowledge, not a phrase learnt by heart.
 */

const engine = createSearch(builtinCatalog().instructions);

describe('Hong Kong Cantonese: seeing, talking now, calling in', () => {
  itAnswers(engine, 'the Cantonese is read as Mandarin', [
    // 唔見到 is "cannot see", not 唔見 "lost" (which suspended the line)
    ['打俾我嗰陣唔見到號碼，點搞', 'KTLDXS'],
    // 講緊電話 is 通话中, 打入嚟 is 打进来: a second call while talking
    ['講緊電話嗰陣有人打入嚟都唔知', 'KTHJDD'],
  ]);
});

describe('another person\'s amount, and other carriers of Taiwan and Hong Kong', () => {
  itGuessesAtMost(engine, 'not the sending line\'s', [
    // Cantonese kin words, and money (钱) as the amount
    '我老豆部手機仲有幾多錢',
    '阿媽張卡仲剩幾多數據',
    '我妈张卡还有多少钱', // (a guard: answered so before)
    // 數碼通 and 遠傳 are other carriers
    '數碼通上網用量',
    '遠傳的網路吃到飽多少錢',
  ]);
  itGuessesAtMost(engine, 'the phone itself, fixed or unlocked', ['can you unlock my handset', '點樣整返部電話個mon']);
});

describe('names people give the services', () => {
  itAnswers(engine, 'concept words', [
    // 关机提醒 is what many call the missed-call alert
    ['呃那个关机提醒的短信太烦了别发了', 'QXLDTX'],
    // callers hearing the line busy (占线) while one talks: call waiting
    ['我妈说她打我电话老是占线，其实我在跟别人说话，能不能让她知道我在通话', 'KTHJDD'],
  ]);
});

describe('concept words that overlap are all read (电话费单子 → 话费单子 → 账单)', () => {
  itAnswers(engine, 'the bill, by a word inside a word', [
    ['看看电话费单子', 'ZD'],
    ['我的电话费单子呢', 'ZD'],
  ]);
});

describe('a pinyin keyboard\'s slip: two hanzi of a catalog word\'s sound, beside the rest of its text', () => {
  itAnswers(engine, 'read as the word they sound like', [
    ['来电线是', 'KTLDXS'],
    ['我想把手机上的来电线是功能打开', 'KTLDXS'],
  ]);
  it('keeps a word of its own: 几分 is no 积分, 充值 no 重置, 关机是 no 关机时', () => {
    expect(engine.search('月租的通話分鐘還剩幾分', 1)[0]?.id).toBe('CXYEB');
    expect(engine.search('给手机充值一百块', 3).map((r) => r.id)).not.toContain('MMHF');
    expect(engine.search('手机自动关机是怎么回事', 3).some((r) => r.confident)).toBe(false);
  });
});

describe('a retail hall where something was done is the story, not the question', () => {
  itAnswers(engine, 'the request after it is answered', [
    ['昨天在营业厅办了彩铃，太贵了帮我退了', 'QXCL'],
    ['前阵子去营业厅开了个三方通话，现在用不上了帮我关了', 'QXSFTH'],
  ]);
  itGuessesAtMost(engine, 'a question about the hall itself', ['营业厅几点关门', '去营业厅要带什么', '附近的营业厅在哪']);
});

describe('everyday names of missed calls, a third caller and services', () => {
  itAnswers(engine, 'concept words', [
    // 没法接电话: calls one could not take are the missed-call alert's
    ['我在开会没法接电话，有人打来的话开完会能不能告诉我', 'KTLDTX'],
    // 拉个人进来: a third caller
    ['通话时想再拉一个人进来一起聊', 'KTSFTH'],
  ]);
});

describe('a month gone by is a bill, not today\'s balance', () => {
  itAnswers(engine, 'the instruction that takes a month', [
    ['上个月话费多少', 'ZD'],
    ['上個月嘅單幾多錢', 'ZD'],
    // this month's amount left is still the balance
    ['这个月话费还剩多少', 'YE'],
  ]);
});

describe('what an SMS cannot do: give data away, top up in Taiwan words, refund, another person\'s month', () => {
  itGuessesAtMost(engine, 'no instruction does it', ['帮我把流量送给我女儿', '帮我查我老婆手机这个月的话费', '儲值500元', '我想儲值', '上个月话费能退吗']);
  // a prepaid card's money left is the balance
  itAnswers(engine, 'still ours', [['儲值卡還有多少錢', 'YE']]);
});

describe('an answer is judged by the things its service\'s other half names', () => {
  // The catalog writes 嘀嘀声 and 放一边 in one member's words; turning the service off or on is explained by them too.
  itAnswers(engine, 'confident through the opposite member', [
    ['打电话的时候老有嘀嘀声说另一个人打进来，很烦，想关了它', 'QXHJDD'],
    ['打电话时想先把一个电话放一边去接另一个，这个叫什么功能，怎么开通', 'KTHJBC'],
  ]);
});

describe('older speakers\' and northern words', () => {
  itAnswers(engine, 'read as the catalog\'s Mandarin', [
    ['我这个手机卡里头还有几个钱', 'YE'],
    ['帮我瞅瞅还剩几个钱', 'YE'],
    ['那首歌不要了', 'QXCL'],
  ]);
  // a bill posted is no SMS's business
  itGuessesAtMost(engine, 'the post', ['門號帳單寄到哪']);
});

describe('more that no SMS does: someone else\'s amount by pronoun, insurance, the plan\'s name, resuming a suspended line', () => {
  itGuessesAtMost(engine, 'no instruction does it', ['can my mum check her balance from my phone', 'check his data', 'is my phone insured', '手机停机了怎么恢复', '我想知道我是什么套餐']);
  itAnswers(engine, 'suspending stays', [['停机', 'TJ']]);
});

describe('a purpose clause (以免, 免得, 以防) says why: context, not the request', () => {
  itAnswers(engine, 'the request before it is answered', [['先把流量关了以免漫游扣钱', 'QXGPRS']]);
  it('cuts the sentence there', () => {
    expect(engine.search('先把流量关了', 1)[0]?.id).toBe('QXGPRS');
  });
});

describe('a sentence whose story drowns its request is read again without the story when nothing is confident', () => {
  // 上周 / 前阵子 start a story clause (context); read without it, the request (帮我查一下现在余额) is answered
  itAnswers(engine, 'the request', [
    ['前阵子换了个新套餐以后扣费好像变多了，帮我查一下现在的余额', 'YE'],
    ['上周换了新的套餐以后话费好像扣得特别快，帮我查一下现在余额', 'YE'],
    ['餘額剩下不多時可以傳簡訊通知我嗎', 'KTYETX'],
  ]);
});

describe('Taiwan: 電信費 is the phone bill', () => {
  itAnswers(engine, 'the bill', [['上個月的電信費帳單', 'ZD']]);
  // a mainland carrier named as the owner stays another company's
  itGuessesAtMost(engine, 'another carrier', ['电信的话费']);
});

describe('clerks\' shorthand: one character for the thing at the end of a word', () => {
  itAnswers(engine, 'the thing it stands for', [
    ['帮客户查量', 'CXYEG'],
    ['查费', 'YE'],
    ['查分', 'JF'],
    // 分 inside 分钟 is no shorthand
    ['查分钟', 'CXYEB'],
  ]);
});

describe('setting up a new one (设个, 设置一个) turns it on; 设置 alone changes the setting', () => {
  itAnswers(engine, 'the action', [
    ['帮我设个余额提醒，低于20块提醒我', 'KTYETX'],
    ['想设置个余额低的时候提醒', 'KTYETX'],
    ['设置余额提醒', 'BGYETX'],
  ]);
});

describe('seeing the number, what is owed, still there', () => {
  itAnswers(engine, 'concept and status words', [
    // 看到号码 / 看不到号码 is caller ID
    ['家里老人用的手机，想让他别人打进来能看到号码', 'KTLDXS'],
    // 欠多少 is the balance (owed), not the suspension the story names
    ['手机欠费停机了，我想先看看还欠多少', 'YE'],
    ['停机了还欠多少钱', 'YE'],
    // 还在不在 asks whether something is still on
    ['我换了新手机，想确认一下原来开通的那些业务现在都还在不在', '0000'],
  ]);
  // 帮她查: the amount of the person the sentence is about, not the sender's
  itGuessesAtMost(engine, 'another person by pronoun', ['我女儿手机欠费了，帮她查下欠多少', '帮他查下话费']);
});

describe('the app itself, its demo and help, is not the line', () => {
  itGuessesAtMost(engine, 'no instruction', ['这个例子演示了哪些功能', '有没有使用教程']);
});
