import { describe, expect, it } from 'vitest';
import { classifyUrc, isPduLine, type Urc } from '../../../src-shared/at/urc';

const PDU = '0891683108100005F00405A10180F6000862115201000023145DF24E3A60A85F00901A00470050005200533002';

describe('classifyUrc', () => {
  it.each<[string, Urc | null]>([
    ['+CMTI: "SM",3', { kind: 'cmti', storage: 'SM', index: 3 }],
    ['+CMTI: "ME",0', { kind: 'cmti', storage: 'ME', index: 0 }],
    ['+CDSI: "SR",12', { kind: 'cdsi', storage: 'SR', index: 12 }],
    ['+CMT: ,36', { kind: 'cmt', length: 36 }],
    ['+CMT: "",36', { kind: 'cmt', length: 36 }],
    ['+CDS: 22', { kind: 'cds', length: 22 }],
    ['+CREG: 1', { kind: 'creg', domain: 'cs', stat: 1 }],
    ['+CREG: 5,"2540","0F5A"', { kind: 'creg', domain: 'cs', stat: 5, lac: '2540', ci: '0F5A' }],
    ['+CREG: 1,"2540","0F5A",7', { kind: 'creg', domain: 'cs', stat: 1, lac: '2540', ci: '0F5A' }],
    ['+CREG: 2,1,"2540","0F5A"', { kind: 'creg', domain: 'cs', stat: 1, lac: '2540', ci: '0F5A' }],
    ['+CREG: 0,3', { kind: 'creg', domain: 'cs', stat: 3 }],
    ['+CGREG: 1', { kind: 'creg', domain: 'ps', stat: 1 }],
    ['+CEREG: 1,"1A2B","01A2B3C4",7', { kind: 'creg', domain: 'eps', stat: 1, lac: '1A2B', ci: '01A2B3C4' }],
    ['RING', { kind: 'ring' }],
    ['+CRING: VOICE', { kind: 'ring' }],
    ['+CLIP: "13800138000",129,"",0,"",0', { kind: 'clip', number: '13800138000', numberType: 129 }],
    ['+CLIP: "",128', { kind: 'clip', number: '', numberType: 128 }],
    ['NO CARRIER', { kind: 'no-carrier' }],
    ['+CPIN: READY', { kind: 'cpin', state: 'READY' }],
    ['+CPIN: SIM PIN', { kind: 'cpin', state: 'SIM PIN' }],
    ['RDY', { kind: 'ready', what: 'modem' }],
    ['*ATREADY: 1', { kind: 'ready', what: 'modem' }],
    ['Call Ready', { kind: 'ready', what: 'call' }],
    ['SMS Ready', { kind: 'ready', what: 'sms' }],
    ['PB DONE', { kind: 'ready', what: 'phonebook' }],
    ['^RSSI:17', { kind: 'vendor', name: '^RSSI', text: '^RSSI:17' }],
    ['^BOOT:20952911,0,0,0,75', { kind: 'vendor', name: '^BOOT', text: '^BOOT:20952911,0,0,0,75' }],
    ['^MODE:5,4', { kind: 'vendor', name: '^MODE', text: '^MODE:5,4' }],
    ['^SRVST:2', { kind: 'vendor', name: '^SRVST', text: '^SRVST:2' }],
    ['^SIMST:1', { kind: 'vendor', name: '^SIMST', text: '^SIMST:1' }],
    ['+ZPASR: "UMTS"', { kind: 'vendor', name: '+ZPASR', text: '+ZPASR: "UMTS"' }],
    ['+ZUSIMR:2', { kind: 'vendor', name: '+ZUSIMR', text: '+ZUSIMR:2' }],
    ['+QIND: SMS DONE', { kind: 'vendor', name: '+QIND', text: '+QIND: SMS DONE' }],
    ['*PSUTTZ: 2026,11,25,1,30,15,"+32",0', { kind: 'vendor', name: '*PSUTTZ', text: '*PSUTTZ: 2026,11,25,1,30,15,"+32",0' }],
    ['+CUSD: 0,"ok",15', { kind: 'notice', name: '+CUSD', text: '+CUSD: 0,"ok",15' }],
    ['+CFUN: 1', { kind: 'notice', name: '+CFUN', text: '+CFUN: 1' }],
    // Known names that do not parse are kept, as unknown, rather than passed off as response lines.
    ['+CMTI: SM,3', { kind: 'unknown', text: '+CMTI: SM,3' }],
    ['+CMTI: "SM",x', { kind: 'unknown', text: '+CMTI: "SM",x' }],
    ['+CMT: "+8613800138000","","26/11/25,09:30:15+32"', { kind: 'unknown', text: '+CMT: "+8613800138000","","26/11/25,09:30:15+32"' }],
    ['+CREG: x', { kind: 'unknown', text: '+CREG: x' }],
    // Ordinary response lines.
    ['OK', null],
    ['huawei', null],
    ['867123456789012', null],
    [PDU, null],
    ['+CMGL: 1,1,,32', null],
    ['+CSQ: 21,99', null],
    ['Revision: 1418B05SIM800L24', null],
    [':', null],
  ])('%j', (input, expected) => {
    expect(classifyUrc(input)).toEqual(expected);
  });

  it('completes a pending +CMT header with the PDU line', () => {
    expect(classifyUrc(PDU, { kind: 'cmt', length: 36 })).toEqual({ kind: 'cmt', length: 36, pduLine: PDU });
  });

  it('classifies a non-PDU line on its own when a header is pending', () => {
    expect(classifyUrc('+CMTI: "SM",1', { kind: 'cds', length: 22 })).toEqual({ kind: 'cmti', storage: 'SM', index: 1 });
    expect(classifyUrc('OK', { kind: 'cmt', length: 36 })).toBeNull();
  });
});

describe('isPduLine', () => {
  it.each<[string, boolean]>([
    [PDU, true],
    ['00', true],
    ['abCD', true],
    ['ABC', false],
    ['', false],
    ['0891 6831', false],
    ['OK', false],
  ])('%j → %s', (line, expected) => {
    expect(isPduLine(line)).toBe(expected);
  });
});
