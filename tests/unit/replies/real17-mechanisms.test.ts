import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { RECEIVED } from './format';

// Round 12 (issue 15, branch replies15): mechanisms behind the misses of the real17 batch's dev part. Every wording
// here is OURS (written for this test, NOT a real reply), after the real texts each case names; each case fails on
// main 0968a3c (the guards, which say what must stay as it was, pass there too).
const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });
const rounded = (value: number) => Math.round(value * 100) / 100;
/** Each figure read as `topic.field value [pool]`, the value to the cent. */
const lines = (text: string) => {
  const u = read(text);
  return u.kind === 'figures' ? u.figures.map((f) => `${f.topic}.${f.field} ${rounded(f.value)}${f.pool ? ` ${f.pool}` : ''}`) : [];
};

/** [mechanism (the real texts that show it), wording of ours, the figures read]. */
const CASES: [string, string, string[]][] = [
  ['实际消费 is spent this month (real r17-076, r17-078)', '尊敬的客户：03月1日至03月15日，您个人实际消费45.30元，余额12.00元。', ['balance.spentThisMonth 45.3', 'balance.balance 12']],
  ['实际消费 is spent this month (real r17-076, r17-078)', '尊敬的客户：03月1日至03月15日，您个人实际消费45.30元，已欠费3.00元。', ['balance.spentThisMonth 45.3', 'balance.balance -3']],
  [
    'guard: amounts spent that add up to a bill total after them are its lines (real r16-086, r16-087, r17-077, r17-135)',
    '尊敬的客户：03月1日至03月15日，您个人实际消费45.30元，家庭统一支付成员消费4.70元，合计50.00元,余额12.00元。',
    ['bill.item 45.3', 'bill.item 4.7', 'bill.total 50', 'balance.balance 12'],
  ],
  [
    'guard: amounts spent that add up to a bill total after them are its lines (real r16-086, r16-087, r17-077, r17-135)',
    '尊敬的客户：03月1日至03月15日，您个人实际消费45.30元，合计45.30元。已欠费3.00元。',
    ['bill.item 45.3', 'bill.total 45.3', 'balance.balance -3'],
  ],
  ['guard: spent that does not add up to the total after it stays spent', '您本月已消费30.00元，上月话费合计88.00元。', ['balance.spentThisMonth 30', 'bill.total 88']],
];

describe('round 12: the real17 batch', () => {
  it.each(CASES)('%s: %s', (_mechanism, text, expected) => {
    expect(lines(text)).toEqual(expected);
  });
});
