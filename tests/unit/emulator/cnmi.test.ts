import { describe, expect, it } from 'vitest';
import { decodePdu, encodeDeliver } from '../../../src-shared/pdu';
import { harness, pduLines, T0 } from './harness';

const hello = encodeDeliver({
  from: '13800138000',
  text: 'hello',
  timestamp: new Date(T0),
  tzQuarterHours: 32,
  smsc: '+8613800100500',
});

describe('AT+CNMI routing', () => {
  it('reports its ranges and settings', () => {
    const h = harness();
    h.at('ATE0\r');
    expect(h.at('AT+CNMI=?\r')).toBe('\r\n+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)\r\n\r\nOK\r\n');
    expect(h.at('AT+CNMI?\r')).toBe('\r\n+CNMI: 0,0,0,0,0\r\n\r\nOK\r\n');
    h.at('AT+CNMI=2,1\r');
    expect(h.at('AT+CNMI?\r')).toBe('\r\n+CNMI: 2,1,0,0,0\r\n\r\nOK\r\n');
    expect(h.at('AT+CNMI=3,1,0,0,0\r')).toBe('\r\n+CMS ERROR: 303\r\n');
  });

  it('mt=2 under AT+CSMS=0 routes +CMT with the PDU and stores nothing', () => {
    const h = harness();
    h.at('ATE0;+CNMI=2,2,0,0,0\r');
    h.emu.deliver('13800138000', 'hello');
    expect(h.drain()).toBe(`\r\n+CMT: ,${hello.tpduLength}\r\n${hello.hex}\r\n`);
    expect(h.emu.sim.messages).toEqual([]);
    expect(h.at('AT+CNMA\r')).toBe('\r\n+CMS ERROR: 340\r\n');
  });

  it('mt=2 under AT+CSMS=1 waits for +CNMA before routing the next one', () => {
    const h = harness();
    h.at('ATE0\r');
    expect(h.at('AT+CSMS=1\r')).toBe('\r\n+CSMS: 1,1,1\r\n\r\nOK\r\n');
    expect(h.at('AT+CSMS?\r')).toBe('\r\n+CSMS: 1,1,1,1\r\n\r\nOK\r\n');
    h.at('AT+CNMI=2,2,0,0,0\r');
    h.emu.deliver('13800138000', 'hello');
    h.emu.deliver('13800138000', 'again');
    expect(h.drain()).toBe(`\r\n+CMT: ,${hello.tpduLength}\r\n${hello.hex}\r\n`);
    const acked = h.at('AT+CNMA\r');
    expect(acked).toMatch(/^\r\nOK\r\n\r\n\+CMT: ,\d+\r\n[0-9A-F]+\r\n$/);
    expect(decodePdu(pduLines(acked)[0]!)).toMatchObject({ text: 'again' });
    expect(h.at('AT+CNMA=0\r')).toBe('\r\nOK\r\n');
    expect(h.emu.waitingInNetwork).toBe(0);
  });

  it('a missing +CNMA turns routing off and the network delivers the message again into storage', () => {
    const h = harness({ cnmaTimeoutMs: 15_000, smscRetryMs: 5000 });
    h.at('ATE0;+CSMS=1;+CNMI=2,2,0,1,0\r');
    h.emu.deliver('13800138000', 'hello');
    expect(h.drain()).toContain('+CMT: ');
    expect(h.drain(14_999)).toBe('');
    h.drain(1);
    expect(h.at('AT+CNMI?\r')).toBe('\r\n+CNMI: 2,0,0,0,0\r\n\r\nOK\r\n');
    expect(h.drain(5000)).toBe('');
    expect(h.emu.sim.messages.map((e) => e.message.pdu)).toEqual([hello.hex]);
  });

  it('a negative +CNMA (RP-ERROR) makes the network try again later', () => {
    const h = harness({ smscRetryMs: 1000 });
    h.at('ATE0;+CSMS=1;+CNMI=2,2,0,0,0\r');
    h.emu.deliver('13800138000', 'hello');
    h.drain();
    expect(h.at('AT+CNMA=2\r')).toBe('\r\nOK\r\n');
    expect(h.drain(999)).toBe('');
    expect(h.drain(1)).toBe(`\r\n+CMT: ,${hello.tpduLength}\r\n${hello.hex}\r\n`);
  });

  it('mode 0 buffers indications in the TA until CNMI mode 1/2 with bfr=0 flushes them', () => {
    const h = harness();
    h.at('ATE0;+CNMI=0,1,0,0,0\r');
    h.emu.deliver('10086', 'a');
    h.emu.deliver('10086', 'b');
    expect(h.drain()).toBe('');
    expect(h.at('AT+CNMI=2,1,0,0,0\r')).toBe('\r\nOK\r\n\r\n+CMTI: "SM",0\r\n\r\n+CMTI: "SM",1\r\n');
  });

  it('bfr=1 clears the TA buffer instead', () => {
    const h = harness();
    h.at('ATE0;+CNMI=0,1,0,0,0\r');
    h.emu.deliver('10086', 'a');
    expect(h.at('AT+CNMI=2,1,0,0,1\r')).toBe('\r\nOK\r\n');
    expect(h.emu.sim.messages).toHaveLength(1);
  });

  it('mode 1 drops indications while the line is reserved; mode 2 holds them', () => {
    for (const [mode, after] of [
      [1, ''],
      [2, '\r\n+CMTI: "SM",0\r\n'],
    ] as const) {
      const h = harness({ latencyMs: 100 });
      h.at(`ATE0;+CNMI=${mode},1,0,0,0\r`, 100);
      h.at('AT+CSQ\r');
      h.emu.deliver('10086', 'x');
      expect(h.drain(100)).toBe(`\r\n+CSQ: 18,99\r\n\r\nOK\r\n${after}`);
      expect(h.emu.sim.messages).toHaveLength(1);
    }
  });

  it('holds indications during the "> " prompt', () => {
    const h = harness();
    h.at('ATE0;+CNMI=2,1,0,0,0\r');
    expect(h.at('AT+CMGS=20\r')).toBe('\r\n> ');
    h.emu.deliver('10086', 'x');
    expect(h.drain()).toBe('');
    expect(h.at('\x1b')).toBe('\r\nOK\r\n\r\n+CMTI: "SM",0\r\n');
  });

  it('text mode routes +CMT with the header fields', () => {
    const h = harness();
    h.at('ATE0;+CMGF=1;+CSDH=1;+CNMI=2,2,0,0,0\r');
    h.emu.deliver('13800138000', 'hello');
    expect(h.drain()).toBe(
      '\r\n+CMT: "13800138000",,"26/11/25,09:30:15+32",129,4,0,0,"+8613800100500",145,5\r\nhello\r\n',
    );
  });

  it('the refuse-cnmi fault makes chosen settings fail with 303 so the host must fall back', () => {
    const h = harness();
    h.at('ATE0\r');
    h.emu.fault({ kind: 'refuse-cnmi', mt: 2 });
    expect(h.at('AT+CNMI=2,2,0,0,0\r')).toBe('\r\n+CMS ERROR: 303\r\n');
    expect(h.at('AT+CNMI=2,1,0,2,0\r')).toBe('\r\nOK\r\n');
  });
});
