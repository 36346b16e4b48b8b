import { describe, expect, it } from 'vitest';
import { decodePdu, encodeDeliver } from '../../../src-shared/pdu';
import { harness, pduLines, T0 } from './harness';

const SMSC = '+8613800100500';
const pduOf = (from: string, text: string, at = T0): string =>
  encodeDeliver({ from, text, timestamp: new Date(at), tzQuarterHours: 32, smsc: SMSC }).hex;
const lengthOf = (hex: string): number => hex.length / 2 - 9;

function withMessages(texts: string[], opts = {}) {
  const h = harness(opts);
  h.at('ATE0;+CMEE=1;+CNMI=2,1,0,0,0\r');
  for (const t of texts) h.emu.deliver('13800138000', t);
  h.drain();
  return h;
}

describe('message storage', () => {
  it('reports storages and capacities', () => {
    const h = withMessages(['one', 'two']);
    expect(h.at('AT+CPMS=?\r')).toBe('\r\n+CPMS: ("SM","ME","MT"),("SM","ME","MT"),("SM","ME","MT")\r\n\r\nOK\r\n');
    expect(h.at('AT+CPMS?\r')).toBe('\r\n+CPMS: "SM",2,50,"SM",2,50,"SM",2,50\r\n\r\nOK\r\n');
    expect(h.at('AT+CPMS="ME","MT"\r')).toBe('\r\n+CPMS: 0,100,2,150,2,50\r\n\r\nOK\r\n');
    expect(h.at('AT+CPMS="XX"\r')).toBe('\r\n+CMS ERROR: 302\r\n');
  });

  it('indicates each arrival with +CMTI and lists PDUs with their TPDU length', () => {
    const h = harness();
    h.at('ATE0;+CNMI=2,1,0,0,0\r');
    h.emu.deliver('13800138000', 'hello');
    h.emu.deliver('+8613900000000', 'world');
    expect(h.drain()).toBe('\r\n+CMTI: "SM",0\r\n\r\n+CMTI: "SM",1\r\n');
    const a = pduOf('13800138000', 'hello');
    const b = pduOf('+8613900000000', 'world');
    expect(h.at('AT+CMGL=4\r')).toBe(
      `\r\n+CMGL: 0,0,,${lengthOf(a)}\r\n${a}\r\n+CMGL: 1,0,,${lengthOf(b)}\r\n${b}\r\n\r\nOK\r\n`,
    );
    expect(h.at('AT+CMGL=0\r')).toBe('\r\nOK\r\n');
    expect(h.at('AT+CMGL=1\r')).toContain('+CMGL: 1,1,,');
  });

  it('AT+CMGR reads one message and marks it read; empty slot OK, bad index 321', () => {
    const h = withMessages(['first']);
    const pdu = pduOf('13800138000', 'first');
    expect(h.at('AT+CMGR=0\r')).toBe(`\r\n+CMGR: 0,,${lengthOf(pdu)}\r\n${pdu}\r\n\r\nOK\r\n`);
    expect(h.at('AT+CMGR=0\r')).toContain('+CMGR: 1,,');
    expect(h.at('AT+CMGR=7\r')).toBe('\r\nOK\r\n');
    expect(h.at('AT+CMGR=50\r')).toBe('\r\n+CMS ERROR: 321\r\n');
    expect(decodePdu(pduLines(h.at('AT+CMGR=0\r'))[0]!)).toMatchObject({ type: 'deliver', text: 'first' });
  });

  it('AT+CMGD deletes one index or, with a flag, by status', () => {
    const h = withMessages(['a', 'b', 'c', 'd']);
    h.at('AT+CMGR=1\rAT+CMGR=2\r');
    expect(h.at('AT+CMGD=?\r')).toBe('\r\n+CMGD: (0,1,2,3),(0-4)\r\n\r\nOK\r\n');
    expect(h.at('AT+CMGD=0\r')).toBe('\r\nOK\r\n');
    expect(h.at('AT+CMGD=1,1\r')).toBe('\r\nOK\r\n');
    expect(h.at('AT+CMGD=?\r')).toBe('\r\n+CMGD: (3),(0-4)\r\n\r\nOK\r\n');
    expect(h.at('AT+CMGD=0,4\r')).toBe('\r\nOK\r\n');
    expect(h.emu.sim.messages).toEqual([]);
    expect(h.at('AT+CMGD=99\r')).toBe('\r\n+CMS ERROR: 321\r\n');
    expect(h.at('AT+CMGD=0,9\r')).toBe('\r\n+CMS ERROR: 302\r\n');
  });

  it('numbers slots from 1 when configured', () => {
    const h = withMessages(['x'], { firstIndex: 1 });
    expect(h.at('AT+CMGD=?\r')).toBe('\r\n+CMGD: (1),(0-4)\r\n\r\nOK\r\n');
    expect(h.at('AT+CMGR=0\r')).toBe('\r\n+CMS ERROR: 321\r\n');
  });

  it('MT fills the SIM first, then phone memory', () => {
    const h = harness({ capacity: { SM: 2, ME: 5 } });
    h.at('ATE0;+CPMS="MT","MT","MT";+CNMI=2,1,0,0,0\r');
    for (const t of ['1', '2', '3']) h.emu.deliver('10086', t);
    expect(h.drain()).toBe('\r\n+CMTI: "MT",0\r\n\r\n+CMTI: "MT",1\r\n\r\n+CMTI: "MT",2\r\n');
    expect(h.emu.messages('SM').length).toBe(2);
    expect(h.emu.messages('ME').map((e) => e.index)).toEqual([0]);
    expect(h.at('AT+CPMS?\r')).toBe('\r\n+CPMS: "MT",3,7,"MT",3,7,"MT",3,7\r\n\r\nOK\r\n');
  });
});

describe('a full SIM', () => {
  it('refuses new messages, the network keeps them in order and delivers them once space frees', () => {
    const h = harness({ capacity: { SM: 2, ME: 5 }, smscRetryMs: 1000 });
    h.at('ATE0;+CNMI=2,1,0,0,0\r');
    for (const t of ['m1', 'm2', 'm3', 'm4']) h.emu.deliver('10086', t);
    expect(h.drain()).toBe('\r\n+CMTI: "SM",0\r\n\r\n+CMTI: "SM",1\r\n\r\n^SMMEMFULL: "SM"\r\n');
    expect(h.emu.waitingInNetwork).toBe(2);
    expect(h.at('AT+CMGD=1\r')).toBe('\r\nOK\r\n');
    expect(h.drain(999)).toBe('');
    expect(h.drain(1)).toBe('\r\n+CMTI: "SM",1\r\n\r\n^SMMEMFULL: "SM"\r\n');
    expect(h.emu.waitingInNetwork).toBe(1);
    h.at('AT+CMGD=0\r');
    expect(h.drain(1000)).toBe('\r\n+CMTI: "SM",0\r\n');
    const texts = h.emu.sim.messages.map((e) => decodePdu(e.message.pdu)).map((p) => ('text' in p ? p.text : ''));
    expect(texts).toEqual(['m4', 'm3']);
  });

  it('the sim-full fault fills the SIM with old read messages', () => {
    const h = harness({ capacity: { SM: 4, ME: 5 } });
    h.emu.fault({ kind: 'sim-full' });
    h.at('ATE0\r');
    expect(h.at('AT+CPMS?\r')).toBe('\r\n+CPMS: "SM",4,4,"SM",4,4,"SM",4,4\r\n\r\nOK\r\n');
    expect(h.emu.sim.messages.every((e) => e.message.status === 1)).toBe(true);
    h.emu.deliver('10086', 'new');
    expect(h.emu.waitingInNetwork).toBe(1);
  });

  it('switching the receiving memory lets held messages in', () => {
    const h = harness({ capacity: { SM: 1, ME: 5 }, smscRetryMs: 10 });
    h.at('ATE0;+CNMI=2,1,0,0,0\r');
    h.emu.deliver('10086', 'a');
    h.emu.deliver('10086', 'b');
    h.drain();
    h.at('AT+CPMS="SM","SM","ME"\r');
    expect(h.drain(10)).toBe('\r\n+CMTI: "ME",0\r\n');
  });
});

describe('text mode listing', () => {
  it('shows 7-bit text as characters and UCS2 as hex, with CSDH details on demand', () => {
    const h = withMessages(['Hi there']);
    h.emu.deliver('10086', '余额');
    h.drain();
    h.at('AT+CMGF=1\r');
    expect(h.at('AT+CMGL="ALL"\r')).toBe(
      '\r\n+CMGL: 0,"REC UNREAD","13800138000",,"26/11/25,09:30:15+32"\r\nHi there\r\n' +
        '+CMGL: 1,"REC UNREAD","10086",,"26/11/25,09:30:15+32"\r\n4F59989D\r\n\r\nOK\r\n',
    );
    h.at('AT+CSDH=1\r');
    expect(h.at('AT+CMGR=1\r')).toBe(
      '\r\n+CMGR: "REC READ","10086",,"26/11/25,09:30:15+32",129,4,0,8,"+8613800100500",145,4\r\n4F59989D\r\n\r\nOK\r\n',
    );
    expect(h.at('AT+CMGL="REC UNREAD"\r')).toBe('\r\nOK\r\n');
    expect(h.at('AT+CMGL=4\r')).toBe('\r\n+CMS ERROR: 305\r\n');
  });

  it('prints numbers in UCS2 when AT+CSCS="UCS2"', () => {
    const h = withMessages(['Yo']);
    h.at('AT+CMGF=1;+CSCS="UCS2"\r');
    expect(h.at('AT+CMGR=0\r')).toBe(
      '\r\n+CMGR: "REC UNREAD","00310033003800300030003100330038003000300030",,"26/11/25,09:30:15+32"\r\n0059006F\r\n\r\nOK\r\n',
    );
  });
});
