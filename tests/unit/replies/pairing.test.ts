import { describe, expect, it } from 'vitest';
import { pairReplies, type ReceivedReply, type SentInstruction } from '../../../src-shared/replies';

const T0 = Date.parse('2026-11-25T02:30:00Z');
const MIN = 60_000;
const sent = (id: string, text: string, atMin: number, to = '10086', simId?: string): SentInstruction => ({
  id,
  text,
  to,
  sentAt: T0 + atMin * MIN,
  ...(simId ? { simId } : {}),
});
const got = (id: string, text: string, atMin: number, from = '10086', complete = true, simId?: string): ReceivedReply => ({
  id,
  text,
  from,
  receivedAt: T0 + atMin * MIN,
  complete,
  ...(simId ? { simId } : {}),
});

const BALANCE = '您的账户余额为35.20元，本月消费12.00元。';
const DATA = '截至11月25日10时，您的套餐流量剩余1358.83M。';
const BILL = '您2026年10月账单：月租费38.00元，合计38.00元。';
const ASK = '您申请开通彩铃业务，资费5元/月。回复“是”确认办理，24小时内有效。';
const DONE = '您已成功开通彩铃业务，资费：5元/月，立即生效。';
const ERROR = '您发送的指令有误，请核对后重新发送。';
const AD = '双11特惠！30元享100G全国流量，回复KTLL100办理。';

const links = (instructions: SentInstruction[], replies: ReceivedReply[]) =>
  pairReplies(instructions, replies).map((p) => [p.replyId, p.instructionId ?? p.unpaired]);

describe('pairing replies with the instructions they answer', () => {
  it('matches by kind, not by arrival order', () => {
    const out = links(
      [sent('ye', 'YE', 0), sent('g', 'CXYEG', 0.1), sent('zd', 'ZD202610', 0.2)],
      [got('r1', DATA, 1), got('r2', BILL, 1.1), got('r3', BALANCE, 1.2)],
    );
    expect(out).toEqual([['r1', 'g'], ['r2', 'zd'], ['r3', 'ye']]);
  });

  it('gives two replies to two identical instructions in order, and a third stays unlinked', () => {
    const out = links([sent('a', 'YE', 0), sent('b', 'ye ', 1)], [got('r2', BALANCE, 3), got('r1', BALANCE, 2), got('r3', BALANCE, 4)]);
    expect(out).toEqual([['r2', 'b'], ['r1', 'a'], ['r3', 'no-instruction']]);
  });

  it('follows a confirmation: the request answers KTCL, the result answers 是', () => {
    const out = links([sent('kt', 'KTCL', 0), sent('yes', '是', 5)], [got('ask', ASK, 1), got('done', DONE, 6)]);
    expect(out).toEqual([['ask', 'kt'], ['done', 'yes']]);
  });

  it('lets a failure answer any instruction', () => {
    expect(links([sent('x', 'FOO', 0)], [got('r', ERROR, 1)])).toEqual([['r', 'x']]);
  });

  it.each([
    ['a reply of the wrong kind', [sent('ye', 'YE', 0)], [got('r', DATA, 1)], 'no-instruction'],
    ['a reply before the instruction', [sent('ye', 'YE', 5)], [got('r', BALANCE, 4)], 'no-instruction'],
    ['a reply after the window', [sent('ye', 'YE', 0)], [got('r', BALANCE, 31)], 'no-instruction'],
    ['a reply from the other service number', [sent('ye', 'YE', 0)], [got('r', BALANCE, 1, '10086999')], 'no-instruction'],
    ['a reply from a friend', [sent('ye', 'YE', 0)], [got('r', BALANCE, 1, '13800138000')], 'not-a-service-number'],
    ['an incomplete reply', [sent('ye', 'YE', 0)], [got('r', BALANCE, 1, '10086', false)], 'incomplete'],
    ['an ad', [sent('ye', 'YE', 0)], [got('r', AD, 1)], 'no-instruction'],
    ['a reply to another SIM', [sent('ye', 'YE', 0, '10086', 'sim-a')], [got('r', BALANCE, 1, '10086', true, 'sim-b')], 'no-instruction'],
  ])('leaves %s unlinked', (_name, instructions, replies, why) => {
    expect(links(instructions, replies)).toEqual([['r', why]]);
  });

  it('accepts +86 and the confirmation number as peers', () => {
    const out = links(
      [sent('ye', 'YE', 0, '+8610086'), sent('r', 'KTCL', 0, '10086999')],
      [got('a', BALANCE, 1, '10086'), got('b', ASK, 1, '+8610086999')],
    );
    expect(out).toEqual([['a', 'ye'], ['b', 'r']]);
  });

  it('keeps what it understood of an unlinked reply, and nothing of an incomplete one', () => {
    const [a, b] = pairReplies([], [got('a', BALANCE, 1), got('b', BALANCE, 1, '10086', false)]);
    expect(a!.understanding?.kind).toBe('figures');
    expect(b!.understanding).toBeNull();
  });
});
