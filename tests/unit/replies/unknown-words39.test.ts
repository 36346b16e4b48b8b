import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { RECEIVED } from './format';

// Round 39 (issue 15, branch replies39): a money amount whose label the reader does not know. Every wording here is
// OURS (written for this test, NOT a real reply; 结存 stands for a label word the templates lack). Each case fails on
// main c405d2ac, where an amount no label names became a bill line wherever a bill's word stood in the reply; the
// guards pass there too.
const read = (text: string) => {
  const u = understandReply({ text, receivedAt: RECEIVED, from: '10086' });
  return u.kind === 'figures' ? u.figures.map((f) => `${f.topic}.${f.field} ${f.value}`) : [];
};

describe('an amount no label names is a bill line only among bill lines', () => {
  it('after the total that follows its lines, an unknown label is no further line', () => {
    expect(read('尊敬的客户：02月1日至02月26日，您个人实际消费89.41元，合计89.41元，结存17.17元。')).not.toContain('bill.item 17.17');
  });
  it('right after the bill total, an unknown label that names no charge is no line, the lines under 明细 still are', () => {
    const got = read('您当月话费32.10元，结存-31.85元。费用明细:套餐及固定费31.60元,短彩信费0.50元。');
    expect(got).not.toContain('bill.item -31.85');
    expect(got).toEqual(expect.arrayContaining(['bill.item 31.6', 'bill.item 0.5']));
  });
  it('after an items heading, a figure of another kind read since closes the heading', () => {
    const got = read('本月费用明细：套餐费20.00元。当前账户总余额为0.00元，其中通用余额为0.00元。结存为32.02元。');
    expect(got).not.toContain('bill.item 32.02');
  });
  it('guard: a charge right after the total in its sentence is a line', () => {
    expect(read('您2014年03月共消费了11.70元，套餐及固定费8.40元，语音通信费3.30元。')).toEqual(
      expect.arrayContaining(['bill.total 11.7', 'bill.item 8.4', 'bill.item 3.3']),
    );
  });
});

describe('a stem reads an unknown label only when it says the field', () => {
  it('a debt written with a label the templates lack is read by its stem 欠 (owed, a balance below zero)', () => {
    expect(read('尊敬的客户，您的余额为45.93元，往月拖欠5.00元。')).toContain('balance.balance -5');
  });
  it('a stem of use after a word of not (未, 没) names no use', () => {
    expect(read('您本月已使用流量100MB，仍未耗约900MB。')).not.toContain('data.used 900');
  });
  it('guard: a stem with no word of not still names use', () => {
    expect(read('您本月流量已耗费100MB。')).toContain('data.used 100');
  });
});

describe('data said of last month is of no plainly stated kind unless carried over is said', () => {
  const pools = (text: string) => {
    const u = understandReply({ text, receivedAt: RECEIVED, from: '10086' });
    return u.kind === 'figures' ? u.figures.filter((f) => f.topic === 'data').map((f) => `${f.field} ${f.value} ${f.pool}`) : [];
  };
  it('上月 with a carried-over word the rules lack (留存, 顺延) leaves the place word (国内) no kind of the amount', () => {
    expect(pools('您好！您上月留存至本月的国内流量为30MB，本月国内流量已使用514MB。')).toEqual(['total 30 null', 'used 514 general']);
    expect(pools('上个月顺延的国内流量剩余30MB，本月国内流量已使用514MB。')).toEqual(['remaining 30 null', 'used 514 general']);
  });
  it('guard: a carried-over word the rules know still says carried over', () => {
    expect(pools('您好！您上月结转至本月的国内流量为30MB，本月国内流量已使用514MB。')).toEqual(['total 30 carryover', 'used 514 general']);
  });
  it('guard: a closed note in brackets (上月无结转流量) is no word of the amount after it', () => {
    expect(pools('您本月国内移动数据总流量0.00M（上月无结转流量），截止当前已使用10.00M。')).toEqual(['total 0 general', 'used 10 general']);
  });
});
