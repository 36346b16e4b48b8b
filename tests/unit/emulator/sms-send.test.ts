import { describe, expect, it } from 'vitest';
import { decodePdu, encodeSubmit } from '../../../src-shared/pdu';
import { harness, pduLines } from './harness';

const CTRL_Z = '\x1a';
const ESC = '\x1b';

function submit(text: string, opts: { to?: string; statusReport?: boolean } = {}) {
  const [pdu] = encodeSubmit({ to: opts.to ?? '10086', text, statusReport: opts.statusReport ?? false });
  return pdu!;
}

describe('AT+CMGS in PDU mode', () => {
  it('prompts, takes the hex PDU up to Ctrl-Z and reports the message reference', () => {
    const h = harness({ replyDelayMs: 60_000 });
    const pdu = submit('YE');
    expect(h.at(`AT+CMGS=${pdu.tpduLength}\r`)).toBe(`AT+CMGS=${pdu.tpduLength}\r\r\n> `);
    expect(h.at(pdu.hex + CTRL_Z)).toBe(`${pdu.hex}\r\n+CMGS: 128\r\n\r\nOK\r\n`);
    h.at(`AT+CMGS=${pdu.tpduLength}\r`);
    expect(h.at(pdu.hex + CTRL_Z)).toContain('+CMGS: 129\r\n');
    expect(h.emu.sent.map((s) => [s.messageRef, s.part.number, s.part.text, s.mode])).toEqual([
      [128, '10086', 'YE', 'pdu'],
      [129, '10086', 'YE', 'pdu'],
    ]);
  });

  it('ESC abandons the message', () => {
    const h = harness();
    h.at('ATE0\r');
    const pdu = submit('YE');
    h.at(`AT+CMGS=${pdu.tpduLength}\r`);
    expect(h.at(pdu.hex + ESC)).toBe('\r\nOK\r\n');
    expect(h.emu.sent).toEqual([]);
    expect(h.at('AT\r')).toBe('\r\nOK\r\n');
  });

  it.each([
    ['a length that does not match the PDU', (hex: string, len: number) => [len + 1, hex]],
    ['odd hex', (hex: string, len: number) => [len, hex.slice(0, -1)]],
    ['non-hex characters', (hex: string, len: number) => [len, hex.replace(/.$/, 'Z')]],
    ['an SMS-DELIVER instead of a SUBMIT', () => [24, '07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07']],
  ] as const)('refuses %s with +CMS ERROR: 304', (_, mangle) => {
    const h = harness();
    h.at('ATE0\r');
    const pdu = submit('YE');
    const [len, hex] = mangle(pdu.hex, pdu.tpduLength);
    expect(h.at(`AT+CMGS=${len}\r`)).toBe('\r\n> ');
    expect(h.at(`${hex}${CTRL_Z}`)).toBe('\r\n+CMS ERROR: 304\r\n');
    expect(h.emu.sent).toEqual([]);
  });

  it('refuses an impossible length before prompting', () => {
    const h = harness();
    h.at('ATE0\r');
    expect(h.at('AT+CMGS=200\r')).toBe('\r\n+CMS ERROR: 304\r\n');
    expect(h.at('AT+CMGS=0\r')).toBe('\r\n+CMS ERROR: 304\r\n');
  });

  it('fails with +CMS ERROR: 331 without network', () => {
    const h = harness();
    h.at('ATE0\r');
    h.emu.fault({ kind: 'no-network', durationMs: null });
    const pdu = submit('YE');
    h.at(`AT+CMGS=${pdu.tpduLength}\r`);
    expect(h.at(pdu.hex + CTRL_Z)).toBe('\r\n+CMS ERROR: 331\r\n');
  });

  it('answers only after the network accepted it; URCs wait for the final result', () => {
    const h = harness({ sendDelayMs: 800, latencyMs: 20, replyDelayMs: 60_000 });
    h.at('ATE0\r', 20);
    h.at('AT+CNMI=2,1,0,0,0\r', 20);
    const pdu = submit('JF');
    h.at(`AT+CMGS=${pdu.tpduLength}\r`, 20);
    expect(h.at(pdu.hex + CTRL_Z, 400)).toBe('');
    h.emu.deliver('13800138000', 'meanwhile');
    expect(h.drain(419)).toBe('');
    expect(h.drain(1)).toBe('\r\n+CMGS: 128\r\n\r\nOK\r\n\r\n+CMTI: "SM",0\r\n');
  });
});

describe('AT+CMGS in text mode', () => {
  it('sends the typed text; CR inside the text gives a new prompt', () => {
    const h = harness();
    h.at('ATE0;+CMGF=1\r');
    expect(h.at('AT+CMGS="13800138000"\r')).toBe('\r\n> ');
    expect(h.at('line one\r')).toBe('\r\n> ');
    expect(h.at(`line two${CTRL_Z}`)).toBe('\r\n+CMGS: 128\r\n\r\nOK\r\n');
    const [sent] = h.emu.sent;
    expect(sent!.mode).toBe('text');
    expect(sent!.part).toMatchObject({ number: '13800138000', text: 'line one\nline two', encoding: 'gsm7', smsc: '+8613800100500' });
  });

  it('takes UCS2 hex for the number and the text when AT+CSCS="UCS2"', () => {
    const h = harness();
    h.at('ATE0;+CMGF=1;+CSCS="UCS2";+CSMP=17,167,0,8\r');
    expect(h.at('AT+CMGS="00310030003000380036"\r')).toBe('\r\n> ');
    expect(h.at(`4F59989D${CTRL_Z}`)).toContain('+CMGS: 128');
    expect(h.emu.sent[0]!.part).toMatchObject({ number: '10086', text: '余额', encoding: 'ucs2' });
    expect(h.emu.sent[0]!.part.validity).toEqual({ format: 'relative', minutes: 1440 });
  });

  it('wants a quoted destination', () => {
    const h = harness();
    h.at('ATE0;+CMGF=1\r');
    expect(h.at('AT+CMGS=10086\r')).toBe('\r\n+CMS ERROR: 305\r\n');
  });
});

describe('status reports', () => {
  const srPdu = submit('YE', { statusReport: true });

  it('AT+CNMI ds=1 routes +CDS with the PDU for the message reference', () => {
    const h = harness({ statusReportMs: 3000, replyDelayMs: 60_000 });
    h.at('ATE0;+CNMI=2,1,0,1,0\r');
    h.at(`AT+CMGS=${srPdu.tpduLength}\r`);
    h.at(srPdu.hex + CTRL_Z);
    const out = h.drain(3000);
    const [pdu] = pduLines(out);
    expect(out).toBe(`\r\n+CDS: ${pdu!.length / 2 - 9}\r\n${pdu}\r\n`);
    expect(decodePdu(pdu!)).toMatchObject({ type: 'status-report', messageRef: 128, number: '10086', delivered: true });
  });

  it('AT+CNMI ds=2 stores it and indicates +CDSI', () => {
    const h = harness({ replyDelayMs: 60_000 });
    h.at('ATE0;+CNMI=2,1,0,2,0\r');
    h.at(`AT+CMGS=${srPdu.tpduLength}\r`);
    expect(h.at(srPdu.hex + CTRL_Z)).toBe('\r\n+CMGS: 128\r\n\r\nOK\r\n\r\n+CDSI: "SM",0\r\n');
    const [pdu] = pduLines(h.at('AT+CMGR=0\r'));
    expect(decodePdu(pdu!)).toMatchObject({ type: 'status-report', messageRef: 128 });
    h.at('AT+CMGF=1\r');
    expect(h.at('AT+CMGR=0\r')).toBe(
      '\r\n+CMGR: "REC READ",6,128,"10086",129,"26/11/25,09:30:15+32","26/11/25,09:30:15+32",0\r\n\r\nOK\r\n',
    );
  });

  it('AT+CNMI ds=0 drops it, and no report comes when none was asked for', () => {
    const h = harness({ replyDelayMs: 60_000 });
    h.at('ATE0;+CNMI=2,1,0,0,0\r');
    h.at(`AT+CMGS=${srPdu.tpduLength}\r`);
    expect(h.at(srPdu.hex + CTRL_Z)).toBe('\r\n+CMGS: 128\r\n\r\nOK\r\n');
    h.at('AT+CNMI=2,1,0,2,0\r');
    const plain = submit('YE');
    h.at(`AT+CMGS=${plain.tpduLength}\r`);
    expect(h.at(plain.hex + CTRL_Z)).toBe('\r\n+CMGS: 129\r\n\r\nOK\r\n');
    expect(h.emu.sim.messages).toEqual([]);
  });
});

describe('status reports and +CNMA waits moved by the test, not by timers (flaky26)', () => {
  const srPdu = submit('YE', { statusReport: true });

  it('holds each status report until released, oldest first, and keeps holding', () => {
    const h = harness({ statusReportMs: 10, replyDelayMs: 60_000 });
    h.at('ATE0;+CNMI=2,1,0,1,0\r');
    h.emu.fault({ kind: 'hold', what: 'status-reports' });
    for (let i = 0; i < 2; i++) {
      h.at(`AT+CMGS=${srPdu.tpduLength}\r`);
      h.at(srPdu.hex + CTRL_Z);
    }
    expect(h.drain(1000)).toBe('');
    h.emu.fault({ kind: 'release', what: 'status-reports', count: 1 });
    expect(pduLines(h.drain()).map((p) => decodePdu(p))).toMatchObject([{ type: 'status-report', messageRef: 128 }]);
    h.at(`AT+CMGS=${srPdu.tpduLength}\r`);
    h.at(srPdu.hex + CTRL_Z);
    expect(h.drain(1000)).toBe('');
    h.emu.fault({ kind: 'release', what: 'status-reports' });
    expect(pduLines(h.drain()).map((p) => decodePdu(p))).toMatchObject([{ messageRef: 129 }, { messageRef: 130 }]);
  });

  it('tells a listener each command line as it has run, the line still held by an AT+CMGS waiting for its body', () => {
    const h = harness({ replyDelayMs: 60_000 });
    h.at('ATE0;+CSMS=1;+CNMI=2,1,0,1,0\r');
    h.emu.fault({ kind: 'hold', what: 'status-reports' });
    h.at(`AT+CMGS=${srPdu.tpduLength}\r`);
    h.at(srPdu.hex + CTRL_Z);
    const lines: string[] = [];
    h.emu.onCommand((line) => {
      lines.push(line);
      if (line.startsWith('AT+CMGS=')) h.emu.fault({ kind: 'release', what: 'status-reports' });
    });
    // The report handed over while the second AT+CMGS runs waits behind its answer.
    expect(h.at(`AT+CMGS=${srPdu.tpduLength}\r`)).toBe('\r\n> ');
    expect(h.emu.awaitingAcknowledgement).toBe(true);
    expect(h.at(srPdu.hex + CTRL_Z)).toMatch(/^\r\n\+CMGS: 129\r\n\r\nOK\r\n\r\n\+CDS: \d+\r\n[0-9A-F]+\r\n$/);
    expect(lines).toEqual([`AT+CMGS=${srPdu.tpduLength}`]);
    expect(h.at('AT+CNMA\r')).toBe('\r\nOK\r\n');
    expect(h.emu.awaitingAcknowledgement).toBe(false);
  });

  it('ends the wait for +CNMA when told: routing off, the report kept by the network until it tries again', () => {
    const h = harness({ statusReportMs: 10, replyDelayMs: 60_000, smscRetryMs: 600_000 });
    h.at('ATE0;+CSMS=1;+CNMI=2,1,0,1,0\r');
    h.at(`AT+CMGS=${srPdu.tpduLength}\r`);
    h.at(srPdu.hex + CTRL_Z);
    expect(h.drain(10)).toContain('+CDS: ');
    h.emu.fault({ kind: 'cnma-wait-ends' });
    expect(h.emu.awaitingAcknowledgement).toBe(false);
    expect(h.at('AT+CNMA\r')).toBe('\r\n+CMS ERROR: 340\r\n');
    expect(h.at('AT+CNMI?\r')).toBe('\r\n+CNMI: 2,0,0,0,0\r\n\r\nOK\r\n');
    expect(h.emu.waitingInNetwork).toBe(1);
    h.at('AT+CNMI=2,1,0,1,0\r');
    h.emu.fault({ kind: 'smsc-retry' });
    expect(pduLines(h.drain()).map((p) => decodePdu(p))).toMatchObject([{ type: 'status-report', messageRef: 128 }]);
    expect(h.emu.waitingInNetwork).toBe(0);
  });
});
