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
];

describe('round 23: figure rules of blind batches rb17 and rb18', () => {
  it.each(FIGURES)('%s: %s', (_rule, text, figures) => expect(poolLines(read(text))).toEqual(figures));
});
