import { describe, expect, it } from 'vitest';
import { decodePdu, encodeSubmit, reassemble, type DeliverPart } from '../../../src-shared/pdu';
import type { EmulatorOptions } from '../../../src-main/emulator/options';
import { formatData } from '../../../src-main/emulator/replies-10086';
import { harness, pduLines, type Harness } from './harness';

function hall(opts: EmulatorOptions = {}): Harness {
  const h = harness({ replyDelayMs: 2000, partGapMs: 500, ...opts });
  h.at('ATE0;+CMEE=1;+CNMI=2,1,0,0,0\r');
  return h;
}

/** Sends `text` to 10086 over AT+CMGS, waits for the answers, reads them with AT+CMGL and deletes them. */
function ask(h: Harness, text: string): string[] {
  for (const pdu of encodeSubmit({ to: '10086', text })) {
    h.at(`AT+CMGS=${pdu.tpduLength}\r`);
    h.at(pdu.hex + '\x1a');
  }
  h.drain(60_000);
  const parts = pduLines(h.at('AT+CMGL=4\r')).map((hex) => decodePdu(hex) as DeliverPart);
  h.at('AT+CMGD=0,4\r');
  const messages = reassemble(parts);
  expect(messages.every((m) => m.complete && m.number === '10086')).toBe(true);
  return messages.map((m) => m.text);
}

describe('the 10086 responder', () => {
  it('answers YE with a +CMTI whose PDU decodes to the balance in Chinese, from 10086', () => {
    const h = hall();
    const pdu = encodeSubmit({ to: '10086', text: 'YE' })[0]!;
    h.at(`AT+CMGS=${pdu.tpduLength}\r`);
    expect(h.at(pdu.hex + '\x1a')).toBe('\r\n+CMGS: 128\r\n\r\nOK\r\n');
    expect(h.drain(1999)).toBe('');
    const urcs = h.drain(10_000);
    expect(urcs).toMatch(/^(\r\n\+CMTI: "SM",\d\r\n)+$/);
    const parts = pduLines(h.at('AT+CMGL=4\r')).map((hex) => decodePdu(hex) as DeliverPart);
    expect(parts[0]).toMatchObject({ type: 'deliver', number: '10086', numberType: 0x81, encoding: 'ucs2' });
    expect(parts[0]!.timestamp).toBe('2026-11-25T09:30:17+08:00');
    const [text] = reassemble(parts).map((m) => m.text);
    expect(text).toMatch(/^(尊敬的客户|您的账户余额).*余额.*\d+\.\d{2}元.*【中国移动】$/);
  });

  it('is deterministic for a seed and varies with it', () => {
    const a = ask(hall({ seed: 7 }), 'YE');
    expect(ask(hall({ seed: 7 }), 'YE')).toEqual(a);
    expect(ask(hall({ seed: 8 }), 'YE')).not.toEqual(a);
  });

  it.each([
    ['YE', /余额.*\d+\.\d{2}元/],
    ['ye', /余额.*\d+\.\d{2}元/],
    ['ＹＥ', /余额.*\d+\.\d{2}元/],
    ['ZD202610', /2026年10月.*账单.*套餐及固定费58\.00元.*合计\d+\.\d{2}元/],
    ['ZD', /2026年11月截至目前的实时话费/],
    ['ZD202613', /月份有误/],
    ['ZD202612', /2026年12月的账单尚未生成/],
    ['ZD202604', /近6个月/],
    ['ZD2026', /月份有误/],
    ['JF', /可用积分为?\d+分/],
    ['CXYEG', /数据流量.*剩余\d+(\.\d\d)?[GM]/],
    ['CXYEB', /国内主叫500分钟，已使用\d+分钟，剩余\d+分钟/],
    ['CXYED', /国内短信100条，已使用\d+条，剩余\d+条/],
    ['CXYEH', /CXYEH\+服务密码/],
    ['CXYEH135790', /余额明细/],
    ['CXYEH000000', /服务密码有误/],
    ['GN', /已开通的功能如下：1\.手机上网\(GPRS\)；2\.来电显示；3\.呼叫等待；4\.彩铃/],
    ['0000', /定制的业务如下：1\.彩铃，5元\/月/],
    ['KTLDXS', /已开通来电显示业务，无需重复办理/],
    ['QXLDTX', /尚未开通来电提醒业务/],
    ['KTSFTH', /三方通话/],
    ['CXHJBC', /您未开通呼叫保持业务/],
    ['QXHJDD', /呼叫等待业务已取消/],
    ['KTYETX20', /余额提醒值已设置为20元/],
    ['BGYETX0', /1至500之间/],
    ['MMXG#135790#246810', /服务密码已修改成功/],
    ['MMXG#000000#246810', /原服务密码不正确/],
    ['MMXG#135790#123456', /6位数字/],
    ['MMXG135790', /MMXG#原密码#新密码/],
    ['MMHF#110105199003074616', /服务密码已重置为\d{6}/],
    ['MMHF#110105199003074617', /与登记信息不符/],
    ['MMHF#12345', /证件号码格式有误/],
    ['TYWLAN', /WLAN体验业务/],
    ['HELLO', /您发送的指令有误/],
    ['KTXYZ', /您发送的指令有误/],
    ['你是谁', /蓝色机器人小e/],
  ])('%s → %s', (instruction, expected) => {
    const replies = ask(hall(), instruction);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(expected);
  });

  it('asks "回复是确认" before a paid service and acts on 是', () => {
    const h = hall();
    expect(ask(h, 'KTLDTX')[0]).toMatch(/申请开通来电提醒业务，资费2元\/月。回复“是”确认办理/);
    expect(ask(h, '是')[0]).toMatch(/来电提醒/);
    expect(ask(h, 'GN')[0]).toMatch(/来电提醒/);
    expect(ask(h, '是')[0]).toMatch(/没有待确认的业务/);
  });

  it('anything but 是 drops a pending confirmation', () => {
    const h = hall();
    expect(ask(h, 'QXGPRS')[0]).toMatch(/回复“是”确认取消/);
    expect(ask(h, '否')[0]).toMatch(/指令有误/);
    expect(ask(h, '是')[0]).toMatch(/没有待确认的业务/);
    expect(ask(h, 'CXGPRS')[0]).toMatch(/您已开通手机上网/);
  });

  it('TJ suspends the line after 是; afterwards only queries work', () => {
    const h = hall();
    expect(ask(h, 'TJ')[0]).toMatch(/回复“是”确认停机/);
    expect(ask(h, '是')[0]).toMatch(/您的号码已于2026年11月25日09时停机/);
    expect(ask(h, 'KTSFTH')[0]).toMatch(/停机状态/);
    expect(ask(h, 'YE')[0]).toMatch(/余额/);
  });

  it('the same month always shows the same bill', () => {
    const h = hall();
    const first = ask(h, 'ZD202609')[0]!.match(/合计(\d+\.\d{2})元/)![1];
    ask(h, 'YE');
    expect(ask(h, 'ZD202609')[0]!.match(/合计(\d+\.\d{2})元/)![1]).toBe(first);
  });

  it('reassembles an instruction the host split into parts', () => {
    const h = hall();
    const long = 'MMXG#135790#246810' + ' '.repeat(150);
    expect(encodeSubmit({ to: '10086', text: long }).length).toBe(2);
    expect(ask(h, long)[0]).toMatch(/修改成功/);
  });
});

describe('long replies', () => {
  it('arrive as UCS2 parts, out of order, spread over time, deterministic per seed', () => {
    const order = (seed: number): number[] => {
      const h = hall({ seed });
      const pdu = encodeSubmit({ to: '10086', text: 'CXYEG' })[0]!;
      h.at(`AT+CMGS=${pdu.tpduLength}\r`);
      h.at(pdu.hex + '\x1a');
      const arrivals: number[] = [];
      for (let t = 0; t < 10_000; t += 100) {
        const out = h.drain(100);
        arrivals.push(...[...out.matchAll(/\+CMTI: "SM",(\d+)/g)].map(() => t));
      }
      expect(new Set(arrivals).size).toBe(arrivals.length);
      const parts = pduLines(h.at('AT+CMGL=4\r')).map((hex) => decodePdu(hex) as DeliverPart);
      expect(parts.every((p) => p.encoding === 'ucs2' && p.concat?.total === parts.length)).toBe(true);
      const [message] = reassemble(parts);
      expect(message).toMatchObject({ complete: true, number: '10086' });
      expect(message!.text).toMatch(/^尊敬的客户，截至11月25日9时，您本月套餐内移动数据流量使用情况如下/);
      return parts.map((p) => p.concat!.part);
    };
    const a = order(10086);
    expect(a.length).toBeGreaterThan(1);
    expect(a).not.toEqual([...a].sort((x, y) => x - y));
    expect(order(10086)).toEqual(a);
  });

  it('deliver() splits long text and honours an explicit order', () => {
    const h = hall();
    h.emu.deliver('13800138000', '长'.repeat(150), { order: 'reversed', partGapMs: 0 });
    const parts = pduLines(h.at('AT+CMGL=4\r')).map((hex) => decodePdu(hex) as DeliverPart);
    expect(parts.map((p) => p.concat!.part)).toEqual([3, 2, 1]);
    expect(reassemble(parts)[0]!.text).toBe('长'.repeat(150));
  });
});

describe('data amounts as 10086 writes them', () => {
  it.each([
    [1358.83, 'M', '1358.83M'],
    [66.79 * 1024, 'G', '66.79G'],
    [9 * 1024 + 721.29, 'GM', '9G721.29M'],
    [2048, 'GM', '2G'],
    [500, 'GM', '500.00M'],
  ] as const)('%f MB in style %s → %s', (mb, style, text) => {
    expect(formatData(mb, style)).toBe(text);
  });
});

describe('10086 held back by a test (flaky26)', () => {
  it('keeps every answer until released, then sends it after its think time', () => {
    const h = hall();
    h.emu.fault({ kind: 'hold', what: '10086-replies' });
    const pdu = encodeSubmit({ to: '10086', text: 'YE' })[0]!;
    h.at(`AT+CMGS=${pdu.tpduLength}\r`);
    h.at(pdu.hex + '\x1a');
    expect(h.drain(600_000)).toBe('');
    h.emu.fault({ kind: 'release', what: '10086-replies' });
    expect(h.drain(1999)).toBe('');
    expect(h.drain(10_000)).toMatch(/^(\r\n\+CMTI: "SM",\d\r\n)+$/);
  });
});
