import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { optionLines, poolLines, RECEIVED } from './format';

// Round 23 (issue 15, branch replies23): menu shapes and figure rules of the blind batches rb17/rb18 (written by a writer who never saw the
// reader, NOT real). Every wording here is OURS (written for this test, NOT a real reply); each non-guard case fails on
// main 2cfbaf8's reader, the guards pass there too. A menu's options are buttons, never figures.

const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });

/** [shape, wording of ours, options as n.label, figures]. */
const CASES: [string, string, string[], string[]][] = [
  ['lettered options whose labels start with an amount (A.10元…)', '回复以下编号即可订购：A.5元100M流量包 B.15元1G流量包。订购后当月有效。', ['A.5元100M流量包', 'B.15元1G流量包'], []],
  ['numbers with a closing bracket after a colon (1）…), cue after the options (回复括号前数字)', '请选择：1）查询话费 2）查询流量 3）重置密码。回复括号前数字即可。', ['1.查询话费', '2.查询流量', '3.重置密码'], []],
  ['numbers in square brackets ([1]…), cue after (回复方括号内数字)', '可办理以下业务：[1]余额查询 [2]积分查询 [3]人工服务。请回复方括号内数字。', ['1.余额查询', '2.积分查询', '3.人工服务'], []],
  ['numbers glued to their labels, in a run after commas (1查询余额,2…)', '请回复序号:1查询话费,2查询流量,3办理流量包。', ['1.查询话费', '2.查询流量', '3.办理流量包'], []],
  ['a province in brackets after the last option is a signature, no part of the label', '请回复编号：1-话费查询 2-积分兑换（江西移动）', ['1.话费查询', '2.积分兑换'], []],
  // Guards.
  ['guard: a Traditional-script menu (回覆序號)', '請回覆序號：1.話費查詢 2.流量查詢', ['1.話費查詢', '2.流量查詢'], []],
  ['guard: a time glued after a number (2小时内) makes no glued run', '请回复序号:1办理,2小时内回复有效。', [], []],
  ['guard: a balance followed by a numbered menu keeps its figure', '您的话费余额为20.00元。请回复序号：1.查询流量 2.查询积分', ['1.查询流量', '2.查询积分'], ['balance.balance 20']],
];

describe('round 23: menu shapes of blind batch rb18', () => {
  it.each(CASES)('%s: %s', (_shape, text, options, figures) => {
    const u = read(text);
    expect(optionLines(u)).toEqual(options);
    expect(poolLines(u)).toEqual(figures);
  });
});

/** [rule, wording of ours, figures]. Each failed on main 2cfbaf8's reader. */
const FIGURES: [string, string, string[]][] = [
  ['本省 names the provincial pool', '截至5月3日，您的本省流量剩余6GB，国内通用流量剩余1.5GB。', ['data.remaining 6144 provincial', 'data.remaining 1536 general']],
  ['视频流量 is app-specific data', '您的视频流量已使用300MB。', ['data.used 300 app']],
  [
    'an amount whose part follows it with no clause mark between is its total, even after a used-up list (…已用完，省内流量2GB剩余512MB)',
    '您的国内流量1GB已用完，省内流量2GB剩余512MB，闲时流量3GB剩余3GB。',
    ['data.used 1024 general', 'data.total 2048 provincial', 'data.remaining 512 provincial', 'data.total 3072 offpeak', 'data.remaining 3072 offpeak'],
  ],
  ['suspended for arrears (因欠费已于…停机) is a notice with what is owed, no outcome of an instruction', '您的号码因欠费已于2020年03月02日停机，当前欠费12.00元。', ['balance.balance -12']],
  [
    'a heading 剩余/总量 says what the amount before each slash is, in every pair after it',
    '截至9月9日，您的流量剩余/总量：国内通用流量 6GB/20GB，省内流量 3GB/5GB。',
    ['data.remaining 6144 general', 'data.total 20480 general', 'data.remaining 3072 provincial', 'data.total 5120 provincial'],
  ],
  // Guards.
  ['guard: with no heading, the amount before a slash is what was used', '国内通用流量 2GB/30GB，省内流量 1GB/10GB。', ['data.used 2048 general', 'data.total 30720 general', 'data.used 1024 provincial', 'data.total 10240 provincial']],
];

describe('round 23: figure rules of blind batches rb17 and rb18', () => {
  it.each(FIGURES)('%s: %s', (_rule, text, figures) => expect(poolLines(read(text))).toEqual(figures));
});

/** A list's entries as `n|name|fee|what cancels it` (the text a cancel button sends; '-' when none). */
function cancels(text: string): string[] {
  const u = read(text);
  if (u.kind !== 'services') return [`read as ${u.kind}`];
  return u.services.map((s) => `${s.n}|${s.name}|${s.fee}|${s.cancelText ?? (u.cancelByNumber && s.n !== null ? s.n : '-')}`);
}

/** [how the reply says to cancel, wording of ours, its entries joined by '; ']. The non-guard cases failed on main 2cfbaf8 (no cancel text). */
const CANCELS: [string, string, string][] = [
  ['回复QX+序号: QX and the number', '您定制的业务：1、新闻早报 3元/月；2、天气预报 免费。回复QX+序号可退订。', '1|新闻早报|3元/月|QX1; 2|天气预报|免费|QX2'],
  ['回覆「取消+序號」: 取消 and the number (Traditional)', '您已訂購以下業務：一、彩鈴 5元/月；二、來電提醒 2元/月。回覆「取消+序號」退訂。', '1|彩鈴|5元/月|取消1; 2|來電提醒|2元/月|取消2'],
  ['回复“退订+编号”: 退订 and the number (round 8 said no bare number)', '您好！您当前订购的产品有：\n(1)视频会员权益包 15.00元/月\n(2)彩铃 5.00元/月\n回复“退订+编号”可取消业务。', '1|视频会员权益包|15.00元/月|退订1; 2|彩铃|5.00元/月|退订2'],
  ['取消请回复QX+代码: QX and the code said in the entry', '您已定制的业务：1.新闻早报 代码ZB 3元/月；2.彩铃 代码CL 5元/月；取消请回复QX+代码。', '1|新闻早报|3元/月|QXZB; 2|彩铃|5元/月|QXCL'],
  ['回复QXCL取消彩铃: a code said for an entry by its name', '您好！您的在用业务：\n- 彩铃：5元/月\n- 来电提醒：2元/月\n回复QXCL取消彩铃。', 'null|彩铃|5元/月|QXCL; null|来电提醒|2元/月|-'],
  ['回复A1即退订…: the entry\'s own mark, sent as it is', '您的定制业务：[A1]新闻早报 3元/月；[A2]彩铃 5元/月；[B1]139邮箱 免费。回复A1即退订新闻早报，以此类推。', 'A1|新闻早报|3元/月|A1; A2|彩铃|5元/月|A2; B1|139邮箱|免费|B1'],
  // Guards.
  ['guard: 回复序号可退订 sends the bare number', '您已订购：1、彩铃 5元/月 2、手机报 3元/月。回复序号可退订。', '1|彩铃|5元/月|1; 2|手机报|3元/月|2'],
  ['guard: no cancel words, nothing to send', '您好，您已订购以下业务：\n1、咪咕视频会员 15元/月\n2、和彩云 10元/月', '1|咪咕视频会员|15元/月|-; 2|和彩云|10元/月|-'],
];

describe('round 23: what a service list says cancels each entry', () => {
  it.each(CANCELS)('%s: %s', (_how, text, entries) => expect(cancels(text).join('; ')).toBe(entries));
});
