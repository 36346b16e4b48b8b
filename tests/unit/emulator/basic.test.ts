import { describe, expect, it } from 'vitest';
import { harness } from './harness';

describe('command line basics', () => {
  it('echoes what it reads and answers OK, verbose framing', () => {
    expect(harness().at('AT\r')).toBe('AT\r\r\nOK\r\n');
  });

  it('ATE0 stops the echo from the next command on', () => {
    const h = harness();
    expect(h.at('ATE0\r')).toBe('ATE0\r\r\nOK\r\n');
    expect(h.at('AT\r')).toBe('\r\nOK\r\n');
  });

  it('ATV0 gives numeric result codes and unframed information text', () => {
    const h = harness();
    expect(h.at('ATE0V0\r')).toBe('ATE0V0\r0\r');
    expect(h.at('AT+CGMI\r')).toBe('Hall10086\r\n0\r');
    expect(h.at('AT+NOPE\r')).toBe('4\r');
  });

  it('ATQ1 suppresses result codes', () => {
    const h = harness();
    h.at('ATE0Q1\r');
    expect(h.at('AT\r')).toBe('');
    expect(h.at('AT+CSQ\r')).toBe('\r\n+CSQ: 18,99\r\n');
  });

  it('ATZ and AT&F restore factory settings', () => {
    const h = harness();
    h.at('ATE0;+CMGF=1;+CMEE=2\r');
    expect(h.at('ATZ\r')).toBe('\r\nOK\r\n');
    expect(h.at('AT+CMGF?;+CMEE?\r')).toBe('AT+CMGF?;+CMEE?\r\r\n+CMGF: 0\r\n+CMEE: 0\r\n\r\nOK\r\n');
  });

  it('runs every command of a chained line and stops at the first failure', () => {
    const h = harness();
    expect(h.at('AT+CMGF=1;+CSQ;+BOGUS;+CMGF=0\r')).toBe('AT+CMGF=1;+CSQ;+BOGUS;+CMGF=0\r\r\n+CSQ: 18,99\r\n\r\nERROR\r\n');
    expect(h.at('AT+CMGF?\r')).toContain('+CMGF: 1');
  });

  it('ignores bytes before "AT", lines without it, LF, and applies backspace', () => {
    const h = harness();
    h.at('ATE0\r');
    expect(h.at('\x00\xff~~AT\r')).toBe('\r\nOK\r\n');
    expect(h.at('hello\r\n')).toBe('');
    expect(h.at('AT+CSX\bQ\r')).toBe('\r\n+CSQ: 18,99\r\n\r\nOK\r\n');
  });

  it('reads input split at any byte, and pipelined lines one after another', () => {
    const h = harness();
    h.at('ATE0\r');
    let out = '';
    for (const ch of 'AT+CGMR\rAT\r') out += h.at(ch);
    expect(out).toBe('\r\n11.608.10086.00.00\r\n\r\nOK\r\n\r\nOK\r\n');
  });

  it.each([
    [0, 'ERROR'],
    [1, '+CME ERROR: 11'],
    [2, '+CME ERROR: SIM PIN required'],
  ])('AT+CMEE=%i shapes mobile equipment errors as %s', (mode, text) => {
    const h = harness({ sim: { pin: '1234' } });
    h.at(`ATE0+CMEE=${mode}\r`);
    expect(h.at('AT+CIMI\r')).toBe(`\r\n${text}\r\n`);
  });

  it('an unknown command is ERROR, or +CME ERROR: 4 when configured', () => {
    expect(harness().at('AT+XYZ\r')).toBe('AT+XYZ\r\r\nERROR\r\n');
    const h = harness({ unknownCommand: 'cme' });
    h.at('AT+CMEE=1\r');
    expect(h.at('AT+XYZ\r')).toBe('AT+XYZ\r\r\n+CME ERROR: 4\r\n');
  });

  it('answers after latencyMs on the scheduler, echo at once', () => {
    const h = harness({ latencyMs: 50 });
    expect(h.at('AT\r')).toBe('AT\r');
    expect(h.drain(49)).toBe('');
    expect(h.drain(1)).toBe('\r\nOK\r\n');
  });

  it('does not read the next command while one is executing', () => {
    const h = harness({ latencyMs: 50 });
    expect(h.at('AT+CSQ\rAT\r')).toBe('AT+CSQ\r');
    expect(h.drain(50)).toBe('\r\n+CSQ: 18,99\r\n\r\nOK\r\nAT\r');
    expect(h.drain(50)).toBe('\r\nOK\r\n');
  });
});

describe('identity and network', () => {
  it.each([
    ['AT+CGMI', 'Hall10086'],
    ['AT+GMI', 'Hall10086'],
    ['AT+CGMM', 'HE10086 Demo Modem'],
    ['AT+GMM', 'HE10086 Demo Modem'],
    ['AT+CGMR', '11.608.10086.00.00'],
    ['AT+CGSN', '867530010086005'],
    ['AT+GSN', '867530010086005'],
    ['AT+CIMI', '460001234567890'],
    ['AT+CCID', '+CCID: 89860012345678901234'],
    ['AT+ICCID', '+ICCID: 89860012345678901234'],
    ['AT^ICCID?', '^ICCID: 98680021436587092143'],
    ['AT+CRSM=176,12258,0,0,10', '+CRSM: 144,0,"98680021436587092143"'],
    ['AT+CRSM=176,28423,0,0,9', '+CRSM: 106,130,""'],
    ['AT+CSQ', '+CSQ: 18,99'],
    ['AT+CREG?', '+CREG: 0,1'],
    ['AT+COPS?', '+COPS: 0,0,"CHINA MOBILE",7'],
    ['AT+CPIN?', '+CPIN: READY'],
    ['AT+CFUN?', '+CFUN: 1'],
    ['AT+GCAP', '+GCAP: +CGSM,+DS,+ES'],
  ])('%s → %s', (command, line) => {
    const h = harness();
    h.at('ATE0\r');
    expect(h.at(`${command}\r`)).toBe(`\r\n${line}\r\n\r\nOK\r\n`);
  });

  it('a SIM whose ids cannot be read answers every way of asking them with an error, and another card put in answers its own', () => {
    const h = harness({ sim: { idsUnreadable: true } });
    h.at('ATE0;+CMEE=1\r');
    for (const command of ['AT+CIMI', 'AT+CCID', 'AT+ICCID', 'AT+QCCID', 'AT^ICCID?', 'AT+CRSM=176,12258,0,0,10']) {
      expect(h.at(`${command}\r`)).toBe('\r\n+CME ERROR: 4\r\n');
    }
    h.emu.insertSim({ iccid: '89860012345678900058', imsi: '460001234567005' });
    expect(h.at('AT+CIMI\r')).toBe('\r\n460001234567005\r\n\r\nOK\r\n');
    expect(h.at('AT+CCID\r')).toBe('\r\n+CCID: 89860012345678900058\r\n\r\nOK\r\n');
  });

  it('ATI prints the Huawei-style identity block', () => {
    const h = harness();
    h.at('ATE0\r');
    expect(h.at('ATI\r')).toBe(
      '\r\nManufacturer: Hall10086\r\nModel: HE10086 Demo Modem\r\nRevision: 11.608.10086.00.00\r\n' +
        'IMEI: 867530010086005\r\n+GCAP: +CGSM,+DS,+ES\r\n\r\nOK\r\n',
    );
  });

  it('AT+COPS=3,n changes the operator format', () => {
    const h = harness();
    h.at('ATE0\r');
    h.at('AT+COPS=3,2\r');
    expect(h.at('AT+COPS?\r')).toBe('\r\n+COPS: 0,2,"46000",7\r\n\r\nOK\r\n');
    h.at('AT+COPS=3,1\r');
    expect(h.at('AT+COPS?\r')).toBe('\r\n+COPS: 0,1,"CMCC",7\r\n\r\nOK\r\n');
  });

  it('prints operator names in the TE character set', () => {
    const h = harness();
    h.at('ATE0;+CSCS="UCS2"\r');
    expect(h.at('AT+COPS?\r')).toBe('\r\n+COPS: 0,0,"004300480049004E00410020004D004F00420049004C0045",7\r\n\r\nOK\r\n');
  });

  it('sends +CREG URCs as registration is lost and regained', () => {
    const h = harness({ registerDelayMs: 1000 });
    h.at('ATE0;+CREG=2\r');
    h.emu.fault({ kind: 'no-network', stat: 2, durationMs: 5000 });
    expect(h.drain()).toBe('\r\n+CREG: 2\r\n');
    expect(h.at('AT+CREG?\r')).toBe('\r\n+CREG: 2,2\r\n\r\nOK\r\n');
    expect(h.drain(5000)).toBe('');
    expect(h.drain(1000)).toBe('\r\n+CREG: 1,"1A2B","0C3D4E5F"\r\n');
  });

  it('+CGREG reports the packet domain alongside +CREG', () => {
    const h = harness();
    h.at('ATE0;+CREG=1;+CGREG=2\r');
    expect(h.at('AT+CGREG?\r')).toBe('\r\n+CGREG: 2,1,"1A2B","0C3D4E5F"\r\n\r\nOK\r\n');
    h.emu.fault({ kind: 'no-network', stat: 0, durationMs: null });
    expect(h.drain()).toBe('\r\n+CREG: 0\r\n\r\n+CGREG: 0\r\n');
    expect(h.at('AT+CGREG=?\r')).toBe('\r\n+CGREG: (0-2)\r\n\r\nOK\r\n');
  });

  it('AT+CGATT detaches and attaches the packet domain', () => {
    const h = harness();
    h.at('ATE0;+CMEE=1\r');
    expect(h.at('AT+CGATT?\r')).toBe('\r\n+CGATT: 1\r\n\r\nOK\r\n');
    expect(h.at('AT+CGATT=0;+CGATT?;+CGREG?;+CREG?\r')).toBe(
      '\r\n+CGATT: 0\r\n+CGREG: 0,0\r\n+CREG: 0,1\r\n\r\nOK\r\n',
    );
    h.emu.fault({ kind: 'no-network', durationMs: null });
    expect(h.at('AT+CGATT=1\r')).toBe('\r\n+CME ERROR: 30\r\n');
  });

  it('AT+CFUN=0 takes the radio down and AT+CFUN=1 brings it back', () => {
    const h = harness({ registerDelayMs: 100 });
    h.at('ATE0;+CREG=1\r');
    expect(h.at('AT+CFUN=0\r')).toBe('\r\nOK\r\n\r\n+CREG: 0\r\n');
    expect(h.at('AT+CSQ\r')).toBe('\r\n+CSQ: 99,99\r\n\r\nOK\r\n');
    expect(h.at('AT+CFUN=1\r', 100)).toBe('\r\nOK\r\n\r\n+CREG: 2\r\n\r\n+CREG: 1\r\n');
  });
});
