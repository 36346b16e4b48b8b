import { describe, expect, it } from 'vitest';
import { figureWords } from './format';

// Round 38 (branch replies38): misses of the GENERATED variants of the dev texts (tests/fixtures/replies/variants.ts). Every
// wording here is OURS (written for this test, NOT a real reply), in the shapes of the variants each case names.

/** [mechanism (the variant rule and the dev texts that show it), wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  [
    'under a heading 剩余流量：, a second item of data written with 为 goes on with the list (joiner:为 of real r15-124, r20-060)',
    '剩余流量：爱看流量为1GB,其他流量为294MB。',
    ['data.remaining 1024 app', 'data.remaining 294'],
  ],
  [
    'the same after an item written without 为 (joiner:为 of real r20-063, r17-080)',
    '您本月已使用流量65MB。剩余流量：普通流量（国内）10MB,爱看流量1GB,限时流量为235MB,其他流量为38MB。',
    ['data.used 65', 'data.remaining 10 general', 'data.remaining 1024 app', 'data.remaining 235', 'data.remaining 38'],
  ],
  [
    'an English full stop between two Chinese words ends a sentence: the amount 其中 opens the items of is their total (real r23b-043)',
    '从本月1日至今,您的话费为42.50元.其中:套餐费40.00元,短信费2.50元。',
    ['bill.total 42.5', 'bill.item 40', 'bill.item 2.5'],
  ],
  [
    '正使用 (now using) after a semicolon opens a package\'s name, its size no item of the list before (real r23a-033)',
    '正使用畅聊卡200M套餐，剩余手机流量300MB；正使用省内1G闲时流量（6个月），剩余手机流量900MB；',
    ['data.remaining 300', 'data.remaining 900'],
  ],
  // Guards: a labelled item after 为 keeps its own label; a package's size before 为 is no item.
  ['guard: an item with a label of its own keeps it', '您的流量剩余1GB,套餐外流量为20MB。', ['data.remaining 1024', 'data.beyondPlan 20']],
  ['guard: a decimal point and a link keep their full stops', '您的余额为12.50元，详见www.10086.cn。', ['balance.balance 12.5']],
];

describe('round 38 variant shapes', () => {
  it.each(FIGURES)('%s', (_why, text, expected) => {
    expect(figureWords(text)).toEqual(expected);
  });
});
