import { describe } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itAnswersAlone, itGuessesAtMost } from './expect-answers';

/*
 * Session 15 (searchq10): forum and search-box questions, cautions, forwarded messages. Each block
 * is one cause; its queries are our own, none from a query set (probe18 was written before this
 * file and is measured, not copied, here).
 */

const engine = createSearch(builtinCatalog().instructions);

describe('the search-box frame: the carrier and how to send it', () => {
  itAnswers(engine, '什么 asks for the code, 移动 is the carrier', [
    ['移动用户开通三方通话应该发什么短信到10086', 'KTSFTH'],
    ['中国移动关闭短信回执，指令是什么', 'QXDXHZ'],
    ['移动卡要开来电提醒的话发啥子', 'KTLDTX'],
  ]);
  itAnswers(engine, 'mobile data and the catalog stay', [
    ['关闭移动数据', 'QXGPRS'],
    ['移动积分', 'JF'],
  ]);
  itGuessesAtMost(engine, 'another carrier, whether a number is ours, or what sending costs', ['这个号码是不是移动的', '电信用户发什么到10000查话费', '发什么内容会被扣费']);
});

describe('the sender of a forwarded message', () => {
  itAnswers(engine, 'who wrote it is no thing asked about', [
    ['爷爷发来语音转文字：我的电话费还有多少', 'YE'],
    ['[转发]姑姑：我手机上那个嘀嘀的插播声怎么关', 'QXHJDD'],
  ]);
  itGuessesAtMost(engine, 'still another person\'s line when it says so', ['妈：帮我看看你爸的手机还剩多少话费']);
});

describe('a caution beside the request', () => {
  itAnswers(engine, 'what is not to be done is not what is asked', [
    ['可别给我停机啊，就想看看积分', 'JF'],
    ['看下流量还剩多少，千万别关网', 'CXYEG'],
  ]);
  itAnswers(engine, '别…了 and 别再… still ask to stop', [
    ['余额不足的短信别发了', 'QXYETX'],
    ['来电显示别再扣我钱，取消', 'QXLDXS'],
  ]);
});

describe('near-misses: points spent, a song recorded, where a phone is, who owns a number, tickets, QQ', () => {
  itGuessesAtMost(engine, 'no SMS of ours does it', [
    '积分如何兑换成流量',
    '用积分换点话费行不行',
    '我想自己录一段彩铃',
    '能查到我老婆手机在什么位置吗',
    '这个陌生号码的机主是谁',
    '演唱会票价多少',
    'qq密码被盗了怎么改',
  ]);
  itAnswers(engine, 'the points balance is still asked', [
    ['积分兑换', 'JF'],
    ['看看积分够不够换东西', 'JF'],
  ]);
});

describe('Sichuan, Shanghai and Northeast Mandarin', () => {
  // 看哈 is 看下 and 没开机 is 关机: before, turning data on or off, and turning the alert off, were as sure as the query.
  itAnswersAlone(engine, 'read in the catalog\'s Mandarin', [
    ['帮我看哈流量', 'CXYEG'],
    ['没开机的时候谁打过电话能告诉我', 'KTLDTX'],
    ['卡上还剩好多钱嘛', 'YE'],
  ]);
  itAnswers(engine, 'getting rid of it turns it off', [
    ['手机嘀嘀的插播声帮我弄掉', 'QXHJDD'],
    ['别让手机自动上网了', 'QXGPRS'],
  ]);
  itGuessesAtMost(engine, 'a dialect particle or question word alone asks nothing', ['啥子嘛', '啥子咯']);
  itAnswers(engine, 'which or what asked of an action still names the features', [['开了啥', 'GN']]);
});

describe('everyday words for call waiting, missed calls and a chosen song', () => {
  itAnswers(engine, 'said as people say them', [
    ['通话中老有嘀嘀的声音，烦，关了它', 'QXHJDD'],
    ['手机没电关机了，别人打电话我都不知道，想开个提醒', 'KTLDTX'],
  ]);
  itGuessesAtMost(engine, 'a song chosen is not turned on by SMS', ['彩铃想换首歌']);
});
