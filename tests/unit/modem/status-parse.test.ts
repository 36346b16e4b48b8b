import { describe, expect, it } from 'vitest';
import {
  identityValue,
  fitsLength,
  parseCmgl,
  parseCmgr,
  parseCmgs,
  parseCops,
  parseCpin,
  parseCpms,
  parseCregQuery,
  parseCsca,
  parseCsms,
  parseCsq,
  signalFromRssi,
} from '../../../src-shared/at/status';

describe('status answers', () => {
  it.each([
    [0, -113, 0],
    [1, -111, 0],
    [2, -109, 1],
    [9, -95, 1],
    [10, -93, 2],
    [15, -83, 3],
    [20, -73, 4],
    [31, -51, 4],
  ])('CSQ %i is %i dBm, %i bars', (rssi, dbm, bars) => {
    expect(signalFromRssi(rssi)).toEqual({ csq: rssi, dbm, bars });
  });

  it('AT+CSMS? gives the service the modem is in (TS 27.005 §3.2.1: <service>,<mt>,<mo>,<bm>)', () => {
    expect(parseCsms(['+CSMS: 1,1,1,1'])).toBe(1);
    expect(parseCsms(['+CSMS: 0,1,1,1'])).toBe(0);
    expect(parseCsms(['+CSMS: 128,1,1,1'])).toBe(128);
    expect(parseCsms(['ERROR'])).toBeNull();
  });

  it('CSQ 99 is unknown', () => {
    expect(parseCsq(['+CSQ: 99,99'])).toEqual({ csq: 99, dbm: null, bars: 0 });
    expect(parseCsq(['garbage'])).toBeNull();
  });

  it.each([
    [['+CREG: 0,1'], 'home'],
    [['+CREG: 2,5,"1A2B","0C3D",7'], 'roaming'],
    [['+CREG: 1,2'], 'searching'],
    [['+CREG: 0,3'], 'denied'],
    [['+CREG: 0,0'], 'none'],
    [['+CREG: 0'], null],
  ] as const)('%j → %s', (lines, reg) => {
    expect(parseCregQuery(lines)).toBe(reg);
  });

  it('reads operator, SIM state, storage, SMS centre, message reference', () => {
    expect(parseCops(['+COPS: 0,0,"CHINA MOBILE",7'])).toBe('CHINA MOBILE');
    expect(parseCops(['+COPS: 0'])).toBeNull();
    expect(parseCpin(['+CPIN: READY'])).toBe('ready');
    expect(parseCpin(['+CPIN: SIM PIN'])).toBe('pin');
    expect(parseCpin(['+CPIN: SIM PUK'])).toBe('puk');
    expect(parseCpms(['+CPMS: "SM",3,50,"SM",3,50,"SM",3,50'])).toEqual({ storage: 'SM', used: 3, total: 50 });
    expect(parseCpms(['+CPMS: 3,50,3,50,3,50'])).toEqual({ storage: null, used: 3, total: 50 });
    expect(parseCsca(['+CSCA: "+8613800100500",145'])).toBe('+8613800100500');
    expect(parseCsca(['+CSCA: "",129'])).toBeNull();
    expect(parseCmgs(['+CMGS: 128'])).toBe(128);
  });

  it('pairs +CMGL headers with their PDU lines, and +CMGR with its PDU', () => {
    expect(parseCmgl(['+CMGL: 0,1,,22', 'AABB', '+CMGL: 3,0,,40', 'CCDD'])).toEqual([
      { index: 0, stat: 1, pdu: 'AABB', length: 22 },
      { index: 3, stat: 0, pdu: 'CCDD', length: 40 },
    ]);
    // A header whose PDU line is missing is skipped, not paired with the next header.
    expect(parseCmgl(['+CMGL: 1,0,,22', '+CMGL: 2,0,,22', 'EEFF'])).toEqual([{ index: 2, stat: 0, pdu: 'EEFF', length: 22 }]);
    expect(parseCmgr(['+CMGR: 0,,22', '0011'])).toEqual({ stat: 0, pdu: '0011', length: 22 });
    expect(parseCmgr(['OK'])).toBeNull();
  });

  it('takes a PDU as long as its header says: <length> counts the octets after the SMSC field', () => {
    // 08 and eight octets of SMSC, then 3 octets of TPDU.
    const pdu = '0891683108100005F0' + '040000';
    expect(fitsLength({ pdu, length: 3 })).toBe(true);
    expect(fitsLength({ pdu: `${pdu}00`, length: 3 })).toBe(false);
    expect(fitsLength({ pdu: pdu.slice(0, -2), length: 3 })).toBe(false);
    expect(fitsLength({ pdu: `${pdu}0`, length: 3 })).toBe(false);
    expect(fitsLength({ pdu: '00040000', length: 3 })).toBe(true);
    expect(fitsLength({ pdu, length: null })).toBe(true);
  });

  it('strips identity prefixes and quotes', () => {
    expect(identityValue(['+CGMI: "Quectel"'])).toBe('Quectel');
    expect(identityValue(['^ICCID: 89860012345678901234'])).toBe('89860012345678901234');
    expect(identityValue(['867530010086005'])).toBe('867530010086005');
    expect(identityValue([])).toBeNull();
  });
});
