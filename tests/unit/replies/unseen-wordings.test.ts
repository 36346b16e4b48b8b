import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { poolLines, RECEIVED } from './format';

// Round 16 (issue 15, branch replies16): wordings 10086 may use that the corpus has not shown yet, found where the
// generated variants of real dev texts (tests/fixtures/replies/variants.ts) lose figures. Every wording here is OURS
// (written for this test, NOT a real reply); each case fails on main 5b444f8 (the guards, which say what must stay as
// it was, pass there too).
const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });
const lines = (text: string) => poolLines(read(text));

/** [mechanism (the real texts whose variants show it), wording of ours, the figures read]. */
const CASES: [string, string, string[]][] = [
  [
    'an item of data of no known kind headed by a colon goes on with the list (variant joiner:colon of real r15-124, r16-081, r17-080)',
    '您本月已使用流量100MB。剩余流量：国内流量20MB,闲时流量：300MB,校园流量：12MB。',
    ['data.used 100', 'data.remaining 20 general', 'data.remaining 300 offpeak', 'data.remaining 12'],
  ],
  [
    'an item headed by its kind and a colon goes on, a network generation (4G) in its words too (variant joiner:colon of real r16-066, r17-058)',
    '您本月还剩余省内通用流量：1000.00MB、省内4G单模流量：250.00MB。',
    ['data.remaining 1000 provincial', 'data.remaining 250 provincial'],
  ],
  ['guard: an item of data with no colon after it still goes on as before', '剩余流量：国内流量20MB,校园流量12MB。', ['data.remaining 20 general', 'data.remaining 12']],
];

describe('round 16: wordings the corpus has not shown yet', () => {
  it.each(CASES)('%s: %s', (_mechanism, text, expected) => {
    expect(lines(text)).toEqual(expected);
  });
});
