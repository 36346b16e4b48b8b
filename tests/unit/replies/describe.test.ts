import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src-shared/errors';
import { describeFigures, understandReply } from '../../../src-shared/replies';
import { RECEIVED } from './format';

const say = (text: string, lang: Lang) => describeFigures(understandReply({ text, receivedAt: RECEIVED }), lang);

const BOTH = '【中国移动】您好！截至11月25日10时：\n话费余额35.20元；\n国内流量剩余1.33G。';
const PACKAGES = '【国内通用流量】剩余2G；【夜间流量】剩余500M。';
const POINTS = '尊敬的客户，截至2026年11月25日，您的可用积分为1234分，其中2026年12月31日将到期56分。';
const BILL = '您2026年10月账单：月租费38.00元，语音费5.00元，合计50.00元。';
const VOICE_SMS = '您的套餐含国内主叫500分钟，已使用120分钟，剩余380分钟；短信剩余55条。';

describe('figures in plain words', () => {
  it.each([
    [BOTH, 'zh-Hans', '你的余额 35.20 元，流量还剩 1.33 GB（截至 11月25日 10时）'],
    [BOTH, 'zh-Hant', '你的餘額 35.20 元，流量還剩 1.33 GB（截至 11月25日 10時）'],
    [BOTH, 'en', 'Your balance: 35.20 yuan; data left: 1.33 GB (as of 25 Nov, 10:00)'],
    [PACKAGES, 'zh-Hans', '你的流量还剩 2.00 GB（国内通用）、500.00 MB（闲时）'],
    ['您本月已使用数据流量101.15M，剩余100.00M；WLAN剩余20M。', 'zh-Hans', '你的流量还剩 100.00 MB、20.00 MB（WLAN）'],
    [PACKAGES, 'en', 'Your data left: 2.00 GB (general), 500.00 MB (off-peak)'],
    [POINTS, 'zh-Hans', '你的积分 1234 分，其中 56 分将于 12月31日 到期（截至 11月25日）'],
    [POINTS, 'en', 'Your points: 1234; 56 of them expire on 31 Dec (as of 25 Nov)'],
    [BILL, 'zh-Hans', '你的2026年10月账单合计 50.00 元（有些数字没看懂，请以原文为准）'],
    [BILL, 'en', 'Your bill for Oct 2026: 50.00 yuan in total (some figures could not be read; see the message itself)'],
    [VOICE_SMS, 'zh-Hant', '你的通話還剩 380 分鐘，簡訊還剩 55 條'],
    [VOICE_SMS, 'en', 'Your call minutes left: 380 min; texts left: 55'],
  ] as const)('%s → %s', (text, lang, expected) => {
    expect(say(text, lang)).toBe(expected);
  });

  it('has nothing to say about a reply without figures', () => {
    expect(say('您已成功开通彩铃业务。', 'zh-Hans')).toBeNull();
    expect(say('晚安', 'en')).toBeNull();
  });
});
