import { describe, expect, it } from 'vitest';
import { AtLineSplitter } from '../../../src-shared/at/line-splitter';
import {
  answeredInTextMode,
  combinedRegistration,
  parseCfun,
  parseCmgl,
  parseCmgr,
  parseCpmsQuery,
  parseCpmsTest,
  parseCregQuery,
  parseCsca,
  readCpin,
} from '../../../src-shared/at/status';
import { planStorage } from '../../../src-shared/at/storage-plan';
import { classifyUrc, looksUnsolicited, pduHex } from '../../../src-shared/at/urc';
import { decodePdu } from '../../../src-shared/pdu';

/** Answers as real modems give them, each from the public source named beside it. */

const BALANCE = '0891683108100005F00405A10180F6000862115290035123104F59989D00310032002E003300345143';
/** gammu tests/at-sms/04.dump: the PDU line ends with a stray quote. */
const GAMMU_04 = '07914487200030230406D04F59040000601191806243009F4F990E947DD741EEF71D840EDBCBA0FCBB2E0751CB783A28E8CED3D3ED3268068381AA4B10BD8CA7CF412650AC2904BDCD2072981E06D1DFA0FABC0CA2A3D373509B8E7681A4E576B92D2ECB41F43788FE86B7EA7010280603BDE5A0F65B5E0689CBE6B7BC0C8ADD6232980D447F83CE653A28FFAECB416679B90C0AB3D9EF7BD83D2E83DC653C1DD4A6A301"';

describe('a line in PDU position', () => {
  it('is the PDU even with the trailing quote gammu tolerates (tests/at-sms/04.dump), and decodes', () => {
    const read = parseCmgr(['+CMGR: 1,,156', GAMMU_04]);
    expect(read?.pdu).toBe(GAMMU_04.slice(0, -1));
    expect(decodePdu(read!.pdu).type).toBe('deliver');
  });

  it.each([
    ['+CSQ: 23,99'], // SIMCom signal report
    ['SMS DONE'], // SIMCom SIM7600/A76xx (ModemManager plugins/simtech)
    ['SMS Ready'], // SIM800
    ['^SYSSTART'], // Cinterion (plugins/cinterion sysstart_regex)
    ['^SYSSTART AIRPLANE MODE'],
    ['+PACSP0'], // Sierra/Option (plugins/sierra, plugins/option)
    ['#QSS: 1'], // Telit (plugins/telit)
    ['+PBREADY'], // u-blox (plugins/ublox)
    ['POWERED DOWN'], // Quectel (plugins/quectel)
    ['^RSSI:17'], // Huawei
  ])('is never taken from an unsolicited %s', (urc) => {
    expect(looksUnsolicited(urc)).toBe(true);
    expect(pduHex(urc)).toBeNull();
    expect(parseCmgr(['+CMGR: 0,,32', urc, BALANCE])).toEqual({ stat: 0, pdu: BALANCE, length: 32 });
    expect(parseCmgl(['+CMGL: 4,0,,32', urc, BALANCE, '+CMGL: 5,1,,32', BALANCE])).toEqual([
      { index: 4, stat: 0, pdu: BALANCE, length: 32 },
      { index: 5, stat: 1, pdu: BALANCE, length: 32 },
    ]);
  });

  it("is taken from the header's own line when the modem prints it there (ModemManager test_cmgr_response_generic)", () => {
    expect(parseCmgr([`+CMGR: 1,,32 ${BALANCE}`])).toEqual({ stat: 1, pdu: BALANCE, length: 32 });
    expect(parseCmgl([`+CMGL: 4,0,,32 ${BALANCE}`, '+CMGL: 5,1,,32', BALANCE])).toEqual([
      { index: 4, stat: 0, pdu: BALANCE, length: 32 },
      { index: 5, stat: 1, pdu: BALANCE, length: 32 },
    ]);
    // A header that ends with its <length>, even after a blank or an <alpha> with blanks and digits, has no PDU on it.
    expect(parseCmgr(['+CMGR: 0, "Mum 12", 32', BALANCE])).toEqual({ stat: 0, pdu: BALANCE, length: 32 });
    expect(parseCmgl(['+CMGL: 2, 1, , 32', BALANCE])).toEqual([{ index: 2, stat: 1, pdu: BALANCE, length: 32 }]);
  });

  it('that is neither hex nor unsolicited comes back as it is, for the session to keep on the SIM', () => {
    expect(parseCmgl(['+CMGL: 3,0,,32', 'Hello there', '+CMGL: 4,0,,32', BALANCE])).toEqual([
      { index: 3, stat: 0, pdu: 'Hello there', length: 32 },
      { index: 4, stat: 0, pdu: BALANCE, length: 32 },
    ]);
    expect(looksUnsolicited('Quectel')).toBe(false);
    expect(looksUnsolicited('867530010086005')).toBe(false);
  });

  it('classifies the boot words: SMS DONE and +PBREADY as ready, ^SYSSTART as a reboot', () => {
    expect(classifyUrc('SMS DONE')).toEqual({ kind: 'ready', what: 'sms' });
    expect(classifyUrc('+PBREADY')).toEqual({ kind: 'ready', what: 'phonebook' });
    expect(classifyUrc('^SYSSTART')).toEqual({ kind: 'ready', what: 'modem' });
    expect(classifyUrc('+C5GREG: 1')).toEqual({ kind: 'creg', domain: '5gs', stat: 1 });
  });
});

describe('the SMS prompt', () => {
  it('is recognised without its trailing space, as SIMCom SIM7670G sends it (gammu PR #1177)', () => {
    const bytes = Uint8Array.from([0x41, 0x54, 0x2b, 0x43, 0x4d, 0x47, 0x53, 0x3d, 0x32, 0x36, 0x0d, 0x0d, 0x0a, 0x3e, 0x0d, 0x0a, 0x0d]);
    expect(new AtLineSplitter().push(bytes)).toEqual([{ kind: 'line', text: 'AT+CMGS=26' }, { kind: 'prompt' }]);
  });
});

describe('storage', () => {
  it.each([
    // gammu tests/at-cpms/brovi-e3372-325.dump
    ['+CPMS: ("SM","ME"),("SM","ME"),("SM","ME")', [['SM', 'ME'], ['SM', 'ME'], ['SM', 'ME']]],
    // gammu tests/at-cpms/generic.dump
    ['+CPMS: ("SM","ME"), ("SM","ME"), ("SM","ME")', [['SM', 'ME'], ['SM', 'ME'], ['SM', 'ME']]],
    // gammu tests/at-cpms-sr/generic.dump (its first quote is missing in the original)
    ['+CPMS: (ME", "SR"), ("ME", "SR"), ("ME")', [['ME', 'SR'], ['ME', 'SR'], ['ME']]],
    // gammu tests/at-cpms-sm/iwow.dump
    ['+CPMS: "SM","SM","SM"', [['SM'], ['SM'], ['SM']]],
    // ModemManager src/tests/test-modem-helpers.c, Cinterion
    ['+CPMS: ("ME","MT"),("ME","SM","MT"),("SM","MT")', [['ME', 'MT'], ['ME', 'SM', 'MT'], ['SM', 'MT']]],
    // ModemManager src/tests/test-modem-helpers.c, Huawei MU609
    ['+CPMS: "ME","MT","SM"', [['ME'], ['MT'], ['SM']]],
  ])('AT+CPMS=? %s', (line, lists) => {
    expect(parseCpmsTest([line])).toEqual(lists);
  });

  it('reads AT+CPMS? with every memory (ModemManager test-modem-helpers.c)', () => {
    expect(parseCpmsQuery(['+CPMS: "SM",100,100,"SR",5,10,"TA",1,100'])).toEqual([
      { mem: 'SM', used: 100, total: 100 },
      { mem: 'SR', used: 5, total: 10 },
      { mem: 'TA', used: 1, total: 100 },
    ]);
    expect(parseCpmsQuery(['+CPMS: "MT", 0, 100, "MT", 0, 100, "MT", 0, 100'])?.[0]).toEqual({ mem: 'MT', used: 0, total: 100 });
  });

  it('plans reading: SIM first, every memory drained, MT only when SM or ME cannot be read alone, reports apart', () => {
    expect(planStorage([['SM', 'ME'], ['SM', 'ME'], ['SM', 'ME']])).toEqual({ choices: [['SM', 'SM', 'SM'], ['ME', 'ME', 'ME']], drain: ['SM', 'ME'], reports: null });
    // Cinterion: mem1 can only be ME or MT.
    const cinterion = planStorage([['ME', 'MT'], ['ME', 'SM', 'MT'], ['SM', 'MT']]);
    expect(cinterion.choices[0]).toEqual(['ME', 'SM', 'SM']);
    expect(cinterion.drain).toEqual(['ME', 'MT']);
    expect(planStorage([['SM', 'ME', 'MT', 'SR'], ['SM', 'ME', 'MT'], ['SM', 'ME', 'MT']])).toMatchObject({ drain: ['SM', 'ME'], reports: 'SR' });
    expect(planStorage(null)).toEqual({ choices: [['SM', 'SM', 'SM']], drain: ['SM'], reports: null });
  });
});

describe('bring-up answers', () => {
  it.each([
    ['+CPIN: READY', 'ready', false],
    ['+CPIN: SIM PIN2', 'ready', false],
    ['+CPIN: SIM PUK2', 'ready', false],
    ['+CPIN: SIM PIN', 'pin', false],
    ['+CPIN: SIM PUK', 'puk', false],
    ['+CPIN: PH-SIM PIN', 'unknown', true],
    ['+CPIN: PH-NET PIN', 'unknown', true],
    ['+CPIN: NOT INSERTED', 'absent', false],
    ['+CPIN: NOT READY', 'unknown', false],
  ] as const)('%s is %s', (line, sim, deviceLock) => {
    expect(readCpin([line])).toMatchObject({ sim, deviceLock });
  });

  it('decodes an SMS centre answered in UCS2 hex', () => {
    expect(parseCsca(['+CSCA: "002B0038003600310033003800300030003100300030003500300030",145'])).toBe('+8613800100500');
    expect(parseCsca(['+CSCA: "+8613800100500",145'])).toBe('+8613800100500');
  });

  it('counts LTE registration, SMS-only states included, and picks the best domain', () => {
    // gammu tests/at-creg/telit.dump, sierra312u.dump
    expect(parseCregQuery(['+CREG: 0,1,"5E25","605F",2'])).toBe('home');
    expect(parseCregQuery(['+CREG: 2,5,"2AF5","0B88E350",2'])).toBe('roaming');
    expect(parseCregQuery(['+CEREG: 0,6'], '+CEREG')).toBe('home');
    expect(parseCregQuery(['+CEREG: 0,7'], '+CEREG')).toBe('roaming');
    expect(combinedRegistration(['none', 'home', 'searching'])).toBe('home');
    expect(combinedRegistration(['none', 'searching'])).toBe('searching');
  });

  it('reads the radio power (ModemManager plugins/ublox tests: "+CFUN: 4,0")', () => {
    expect(parseCfun(['+CFUN: 4'])).toBe(4);
    expect(parseCfun(['+CFUN: 4,0'])).toBe(4);
    expect(parseCfun(['+CFUN: 1'])).toBe(1);
  });
});

describe('an AT+CMGR answer given in text mode (gammu 78fd6a921 tests/at-sms-txt*, real phones and modems)', () => {
  it('is told from a PDU-mode answer, however its fields are spaced', () => {
    // tests/at-sms-txt/timezone.dump, motorola-l7.dump (blanks after commas), at-sms-txt-detail/m2m.dump (AT+CSDH=1).
    expect(answeredInTextMode(['+CMGR: "REC READ","+31625044454",,"07/07/05,09:56:03+08"', 'Test message 2', 'OK'])).toBe(true);
    expect(answeredInTextMode(['+CMGR: "REC READ", "+4123456789132", "2009/8/18,19:11:45"', 'Hoewfliepl', 'OK'])).toBe(true);
    expect(answeredInTextMode(['+CMGR: "REC READ","3473065111",,"06/05/28,18:15:41+80",129,17,0,18,"+393492001157",145,6', 'hello.', 'OK'])).toBe(true);
    // PDU mode, also with the odd headers real devices give (gammu at-sms/07 and 39, Telit HE910's "" alpha).
    expect(answeredInTextMode(['+CMGR: 0,23', '0791534850020200040C9153486507895500006090608164138004D4F29C0E', 'OK'])).toBe(false);
    expect(answeredInTextMode(['+CMGR: ,,92', '07914336120011F1', 'OK'])).toBe(false);
    expect(answeredInTextMode(['+CMGR: 0,"",50', '07916163838428F9', 'OK'])).toBe(false);
  });
});
