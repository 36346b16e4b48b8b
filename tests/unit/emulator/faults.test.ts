import { describe, expect, it } from 'vitest';
import { decodePdu, encodeSubmit, reassemble, type DeliverPart } from '../../../src-shared/pdu';
import type { Fault } from '../../../src-main/emulator/faults';
import { harness, pduLines } from './harness';

const CTRL_Z = '\x1a';
const pdu = encodeSubmit({ to: '10086', text: 'YE' })[0]!;

describe('unplugging', () => {
  it('kills the line now: no more bytes, settings lost on replug, held SMS delivered after', () => {
    const h = harness();
    let unplugs = 0;
    let replugs = 0;
    h.emu.onUnplug(() => unplugs++);
    h.emu.onReplug(() => replugs++);
    h.at('ATE0;+CMGF=1;+CNMI=2,1,0,0,0\r');
    h.emu.fault({ kind: 'unplug' });
    expect([h.emu.isPlugged, unplugs]).toEqual([false, 1]);
    expect(h.at('AT\r')).toBe('');
    h.emu.deliver('10086', 'while away');
    expect(h.emu.waitingInNetwork).toBe(1);
    h.emu.replug();
    expect(replugs).toBe(1);
    expect(h.at('AT+CMGF?\r')).toBe('AT+CMGF?\r\r\n+CMGF: 0\r\n\r\nOK\r\n');
    expect(h.emu.waitingInNetwork).toBe(0);
    expect(h.emu.sim.messages).toHaveLength(1);
  });

  it('mid-command: the answer stops after the given bytes and the line dies', () => {
    const h = harness();
    h.at('ATE0\r');
    h.emu.deliver('10086', 'x');
    h.emu.fault({ kind: 'unplug', onCommand: 'AT+CMGL', afterBytes: 12 });
    expect(h.at('AT+CSQ\r')).toBe('\r\n+CSQ: 18,99\r\n\r\nOK\r\n');
    expect(h.at('AT+CMGL=4\r')).toBe('\r\n+CMGL: 0,0');
    expect(h.emu.isPlugged).toBe(false);
  });

  it('AT+CMGS: a cut before the prompt ends loses the body; one past it comes after the network took the message', () => {
    const before = harness();
    before.at('ATE0\r');
    before.emu.fault({ kind: 'unplug', onCommand: 'AT+CMGS', afterBytes: 3 });
    expect(before.at(`AT+CMGS=${pdu.tpduLength}\r`)).toBe('\r\n>');
    before.at(pdu.hex + CTRL_Z);
    expect(before.emu.sent).toHaveLength(0);
    const after = harness();
    after.at('ATE0\r');
    after.emu.fault({ kind: 'unplug', onCommand: 'AT+CMGS', afterBytes: 6 });
    expect(after.at(`AT+CMGS=${pdu.tpduLength}\r`)).toBe('\r\n> ');
    expect(after.emu.isPlugged).toBe(true);
    expect(after.at(pdu.hex + CTRL_Z)).toBe('\r\n');
    expect(after.emu.isPlugged).toBe(false);
    expect(after.emu.sent.map((m) => m.part.text)).toEqual(['YE']);
  });

  it('an answer scheduled for later is lost with the cable', () => {
    const h = harness({ latencyMs: 100 });
    h.at('ATE0\r', 100);
    h.at('AT\r', 50);
    h.emu.unplug();
    expect(h.drain(100)).toBe('');
  });
});

describe('line faults', () => {
  it('injects garbage now, or glued to the next response', () => {
    const h = harness();
    h.at('ATE0\r');
    h.emu.fault({ kind: 'garbage', bytes: '\xff\x00~' });
    expect(h.drain()).toBe('\xff\x00~');
    h.emu.fault({ kind: 'garbage', bytes: '#$', when: 'next-response' });
    expect(h.drain()).toBe('');
    expect(h.at('AT\r')).toBe('#$\r\nOK\r\n');
    h.emu.fault({ kind: 'garbage', length: 5 });
    expect(h.drain()).toHaveLength(5);
  });

  it('silence swallows a number of command lines, echo included', () => {
    const h = harness();
    h.emu.fault({ kind: 'silence', commands: 2 });
    expect(h.at('AT\rAT+CSQ\r')).toBe('');
    expect(h.at('AT\r')).toBe('AT\r\r\nOK\r\n');
  });

  it('silence for a time, or until replugged', () => {
    const h = harness();
    h.emu.fault({ kind: 'silence', durationMs: 1000 });
    expect(h.at('AT\r', 999)).toBe('');
    expect(h.at('AT\r', 1)).toBe('');
    expect(h.at('AT\r')).toBe('AT\r\r\nOK\r\n');
    h.emu.fault({ kind: 'silence' });
    expect(h.at('AT\r')).toBe('');
    h.emu.unplug();
    h.emu.replug();
    expect(h.at('AT\r')).toBe('AT\r\r\nOK\r\n');
  });

  it('a URC can land in the middle of a response', () => {
    const h = harness();
    h.at('ATE0\r');
    h.emu.deliver('10086', 'x');
    h.emu.fault({ kind: 'urc-in-response', text: '+CMTI: "SM",7' });
    expect(h.at('AT\r')).toBe('\r\nOK\r\n');
    const out = h.at('AT+CMGL=4\r');
    expect(out).toMatch(/^\r\n\+CMGL: 0,0,,\d+\r\n\r\n\+CMTI: "SM",7\r\n\r\n[0-9A-F]+\r\n\r\nOK\r\n$/);
  });

  it('vendor noise arrives periodically, between responses, until stopped', () => {
    const h = harness({ latencyMs: 500 });
    h.at('ATE0\r', 500);
    h.emu.fault({ kind: 'vendor-noise', everyMs: 1000 });
    expect(h.drain(999)).toBe('');
    expect(h.drain(1)).toMatch(/^\r\n\^(RSSI:\d+|MODE:5,4|SRVST:2|DSFLOWRPT:[0-9A-F,]+|BOOT:[\d,]+)\r\n$/);
    h.drain(800);
    expect(h.at('AT+CSQ\r', 499)).toBe('');
    expect(h.drain(1)).toMatch(/^\r\n\+CSQ: \d+,99\r\n\r\nOK\r\n\r\n\^/);
    h.emu.fault({ kind: 'vendor-noise', everyMs: 0 });
    expect(h.drain(5000)).toBe('');
  });
});

describe('command faults', () => {
  it.each([330, 322, 500, 38])('AT+CMGS fails with +CMS ERROR: %i after the body, once', (code) => {
    const h = harness();
    h.at('ATE0\r');
    h.emu.fault({ kind: 'command-error', command: '+CMGS', cms: code });
    expect(h.at(`AT+CMGS=${pdu.tpduLength}\r`)).toBe('\r\n> ');
    expect(h.at(pdu.hex + CTRL_Z)).toBe(`\r\n+CMS ERROR: ${code}\r\n`);
    expect(h.emu.sent).toHaveLength(0);
    h.at(`AT+CMGS=${pdu.tpduLength}\r`);
    expect(h.at(pdu.hex + CTRL_Z)).toContain('+CMGS: ');
  });

  it('AT+CMGD can fail a number of times without deleting anything', () => {
    const h = harness();
    h.at('ATE0;+CMEE=1\r');
    h.emu.deliver('10086', 'keep me');
    h.emu.fault({ kind: 'command-error', command: 'CMGD', cms: 321, times: 2 });
    expect(h.at('AT+CMGD=0\r')).toBe('\r\n+CMS ERROR: 321\r\n');
    expect(h.at('AT+CMGD=0\r')).toBe('\r\n+CMS ERROR: 321\r\n');
    expect(h.emu.sim.messages).toHaveLength(1);
    expect(h.at('AT+CMGD=0\r')).toBe('\r\nOK\r\n');
    expect(h.emu.sim.messages).toHaveLength(0);
  });

  it('a command can fail with +CME ERROR or plain ERROR too', () => {
    const h = harness();
    h.at('ATE0;+CMEE=1\r');
    h.emu.fault({ kind: 'command-error', command: '+CSQ', cme: 100 });
    h.emu.fault({ kind: 'command-error', command: '+CPMS' });
    expect(h.at('AT+CSQ\r')).toBe('\r\n+CME ERROR: 100\r\n');
    expect(h.at('AT+CPMS?\r')).toBe('\r\nERROR\r\n');
  });
});

describe('network faults', () => {
  function longReply(fault: Fault) {
    const h = harness({ partGapMs: 100 });
    h.at('ATE0\r');
    h.emu.fault(fault);
    h.emu.deliver('10086', '长'.repeat(200));
    h.drain(5000);
    return pduLines(h.at('AT+CMGL=4\r')).map((hex) => decodePdu(hex) as DeliverPart);
  }

  it('a multipart part that never arrives leaves the message incomplete', () => {
    const parts = longReply({ kind: 'drop-part', part: 2 });
    const [message] = reassemble(parts);
    expect(parts).toHaveLength(2);
    expect(message).toMatchObject({ complete: false, missing: [2] });
  });

  it('by default the last part is the one lost', () => {
    const [message] = reassemble(longReply({ kind: 'drop-part' }));
    expect(message!.missing).toEqual([3]);
  });

  it('a duplicated part arrives twice; reassembly still gives the text once', () => {
    const parts = longReply({ kind: 'duplicate-part', part: 3 });
    expect(parts.map((p) => p.concat!.part).sort()).toEqual([1, 2, 3, 3]);
    expect(reassemble(parts)).toMatchObject([{ complete: true, text: '长'.repeat(200) }]);
  });

  it('a status report may name a reference the host never used', () => {
    const h = harness({ replyDelayMs: 60_000 });
    h.at('ATE0;+CNMI=2,1,0,1,0\r');
    h.at(`AT+CMGS=${pdu.tpduLength}\r`);
    h.at(pdu.hex + CTRL_Z);
    h.emu.fault({ kind: 'stray-status-report' });
    const [report] = pduLines(h.drain());
    const decoded = decodePdu(report!);
    expect(decoded.type).toBe('status-report');
    expect(decoded.type === 'status-report' && decoded.messageRef).not.toBe(h.emu.sent[0]!.messageRef);
  });

  it('messages come from other numbers too', () => {
    const h = harness();
    h.emu.fault({ kind: 'foreign-sms' });
    h.emu.fault({ kind: 'foreign-sms', from: '10658000', text: '广告' });
    const numbers = h.emu.sim.messages.map((e) => decodePdu(e.message.pdu).number);
    expect(numbers).toEqual(['13912345678', '10658000']);
  });

  it('scripted faults fire at their time', () => {
    const h = harness({ script: [{ atMs: 1000, fault: { kind: 'unplug' } }] });
    h.drain(999);
    expect(h.emu.isPlugged).toBe(true);
    h.drain(1);
    expect(h.emu.isPlugged).toBe(false);
  });

  it('clearFaults disarms everything pending', () => {
    const h = harness();
    h.at('ATE0\r');
    h.emu.fault({ kind: 'command-error', command: '+CSQ', cms: 500 });
    h.emu.fault({ kind: 'silence' });
    h.emu.clearFaults();
    expect(h.at('AT+CSQ\r')).toBe('\r\n+CSQ: 18,99\r\n\r\nOK\r\n');
  });
});
