import { describe, expect, it } from 'vitest';
import { decodePdu, type DecodedPart } from '../../../src-shared/pdu';

/**
 * Known-good PDUs. Sources: ModemManager's test-sms-part-3gpp.c (real network captures), PDUs
 * produced by gammu 1.42 (an independent encoder), and hand-assembled ones checked field by field.
 */
interface Vector {
  name: string;
  hex: string;
  hasSmsc?: boolean;
  expected: Partial<DecodedPart> & Record<string, unknown>;
}

const VECTORS: Vector[] = [
  {
    name: 'GSM 7-bit with extension characters, negative time zone (ModemManager pdu1)',
    hex:
      '07912104442961F4040B916171957291F800001120821105050A6AC8B2BC7C9A83C220F6DB7D2ECB41EDF27C1E3E97411BDE' +
      '06754FD3D1A0F9BB5D0695F1F4B29B5C2683C6E8B03C3CA697E5F34D6AE303D1D1F2F7DD0D4ABB59A0797D8C0685E7A00028EC' +
      '26832A960B28EC2683BE6050780EBA97D96C17',
    expected: {
      type: 'deliver',
      smsc: '+12404492164',
      number: '+16175927198',
      numberType: 0x91,
      timestamp: '2011-02-28T11:50:50-05:00',
      encoding: 'gsm7',
      text: "Here's a longer message [{with some extended characters}] thrown in, such as £ and ΩΠΨ and §¿ as well.",
      concat: null,
      moreMessagesToSend: false,
    },
  },
  {
    name: 'alphanumeric originator, UCS2 (ModemManager pdu2)',
    hex: '07919730071111F10414D04937BD2C7797E9D3E614000811309291024061080442043504410442',
    expected: {
      type: 'deliver',
      smsc: '+79037011111',
      number: 'InternetSMS',
      numberType: 0xd0,
      timestamp: '2011-03-29T19:20:04+04:00',
      encoding: 'ucs2',
      text: 'тест',
      pid: 0x00,
      dcs: 0x08,
    },
  },
  {
    name: 'national number (ModemManager pdu3-natl), TP-MMS clear means more messages',
    hex: '07912143658709F1000B818100551512F20000111010214365000AE8329BFD4697D9EC37',
    expected: {
      number: '18005551212',
      numberType: 0x81,
      timestamp: '2011-01-01T12:34:56+00:00',
      text: 'hellohello',
      moreMessagesToSend: true,
    },
  },
  {
    name: '8-bit data keeps the raw octets (ModemManager pdu3-8bit)',
    hex: '07912143658709F1040B918100551512F20004111010214365000AE8329BFD4697D9EC37DE',
    expected: {
      encoding: '8bit',
      data: Uint8Array.from([0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec, 0x37, 0xde]),
      text: '\u00e82\u009b\u00fdF\u0097\u00d9\u00ec7\u00de',
    },
  },
  {
    name: 'DCS group F with 8-bit alphabet',
    hex: '07912143658709F1040B918100551512F200F4111010214365000AE8329BFD4697D9EC37DE',
    expected: { encoding: '8bit', dcs: 0xf4 },
  },
  {
    name: 'DCS group F, GSM 7-bit, 160 septets, national short code (ModemManager pdu-dcsf1)',
    hex:
      '07913306091093F0040485810000F111604231805180A049B7F90D9A1AA5A01668F8769BD3E4B29B9E2EB359A03FC85D06A9' +
      'C3ED707A0EA2CBC3EE79BB4CA7CBCBA05643617DA7C76990FD4D979741EE77DD5E0ED741ED371D442E83E0E1F9BC0CD281E6' +
      '77D9B84C06C1DF7539E85C9097E520FB9B2E2F83C6EF369C5E064D8D52D0BC2E07DDEF77D7DC2C7799E5A0771D040FCB41F4' +
      '02BB0047BFDD6550B80ECAD966',
    expected: {
      smsc: '+33609001390',
      number: '1800',
      numberType: 0x85,
      timestamp: '2011-06-24T13:08:15+02:00',
      text:
        'Info SFR - Confidentiel, à ne jamais transmettre -\r\n' +
        'Voici votre nouveau mot de passe : sw2ced pour gérer votre compte SFR sur www.sfr.fr ou par téléphone au 963',
    },
  },
  {
    name: 'UDH with 16-bit concatenation reference (ModemManager pdu-udhi, KPN welcome)',
    hex:
      '07911356131313F64004850120390011609232239180A006080400100201D7327BFD6EB340E2321BF46E83EA7790F59D1E97' +
      'DBE1341B442F83C465763D3DA797E56537C81D0ECB41AB59CC1693C16031D96C064241E5656838AF03A96230982A269BCD46' +
      '2917C8FA4E8FCBED709A0D7ABBE9F6B0FB5C7683D27350984D4FABC9A0B33C4C4FCF5D20EBFB2D079DCB62793DBD06D9C36E' +
      '50FB2D4E97D9A0B49B5E96BBCB',
    expected: {
      number: '1002',
      pid: 0x39,
      timestamp: '2011-06-29T23:32:19+02:00',
      concat: { ref: 0x0010, part: 1, total: 2, refBits: 16 },
      text:
        'Welkom, bel om uw Voicemail te beluisteren naar +31612001233 (PrePay: *100*1233#). ' +
        'Voicemail ontvangen is altijd gratis. Voor gebruik van mobiel interne',
    },
  },
  {
    name: 'GSM 7-bit multipart, 8-bit reference, part 2 (ModemManager pdu-multipart)',
    hex:
      '07912160130320F6440B916171056429F5000021405291651569320500034C0202E9E8301D44479741F0B09C3E0785E56590' +
      'BCCC0ED3CB6410FD0D7ABBCBA0B0FB4D4797E52E10',
    expected: {
      smsc: '+12063130026',
      timestamp: '2012-04-25T19:56:51-04:00',
      concat: { ref: 0x4c, part: 2, total: 2, refBits: 8 },
      text: 'that the parts are related to one another. ',
    },
  },
  {
    name: 'SMS-SUBMIT stored by the modem, no SMSC, status report requested (ModemManager pdu-stored-by-us)',
    hex: '002100098136397339F70008224F60597D4F60597D4F60597D4F60597D4F60597D4F60597D4F60597D4F60597D4F60',
    expected: {
      type: 'submit',
      smsc: null,
      number: '639337937',
      messageRef: 0,
      statusReportRequest: true,
      validity: null,
      encoding: 'ucs2',
      text: '你好你好你好你好你好你好你好你好你',
    },
  },
  {
    name: 'SMS-STATUS-REPORT, temporary error still trying (ModemManager pdu-not-stored)',
    hex: '07914356060013F1065A098136397339F7219011700463802190117004638030',
    expected: {
      type: 'status-report',
      smsc: '+34656000311',
      number: '639337937',
      messageRef: 0x5a,
      timestamp: '2012-09-11T07:40:36+02:00',
      dischargeTime: '2012-09-11T07:40:36+02:00',
      status: 0x30,
      delivered: false,
      failed: false,
    },
  },
  {
    name: 'SMS-STATUS-REPORT, delivered, negative quarter-hour zone (hand-assembled)',
    // MR 0x2A, RA +8613800138000, SCTS 2026-11-25 09:30:10 -03:30 (14 quarters, sign bit), DT +08:00, ST 00
    hex: '0006' + '2A' + '0D91683108108300F0' + '62115290030149' + '62115290130223' + '00',
    expected: {
      type: 'status-report',
      smsc: null,
      number: '+8613800138000',
      messageRef: 0x2a,
      timestamp: '2026-11-25T09:30:10-03:30',
      dischargeTime: '2026-11-25T09:31:20+08:00',
      status: 0,
      delivered: true,
      failed: false,
    },
  },
  {
    name: 'SMS-STATUS-REPORT, permanent failure',
    hex: '0006' + '07' + '05810180F6' + '62115290030123' + '62115290130223' + '41',
    expected: { number: '10086', status: 0x41, delivered: false, failed: true },
  },
  {
    name: 'Chinese UCS2 multipart from 10086 (gammu-encoded), part 1 of 2',
    hex:
      '0891683108100005F04005810180F60008621152900351008C05000306020130104E2D56FD79FB52A830115C0A656C76845B' +
      'A26237FF0C60A8597DFF01622A81F300320030003200365E740031003167080032003565E50030003965F6FF0C60A8672C67' +
      '085DF24F7F75286D4191CF00310032002E003500470042FF0C52694F595957991051856D4191CF0037002E00350047004230' +
      '028BDD8D394F59989DFF1A00330038',
    expected: {
      smsc: '+8613800100500',
      number: '10086',
      timestamp: '2026-11-25T09:30:15+00:00',
      encoding: 'ucs2',
      concat: { ref: 6, part: 1, total: 2, refBits: 8 },
      text: '【中国移动】尊敬的客户，您好！截至2026年11月25日09时，您本月已使用流量12.5GB，剩余套餐内流量7.5GB。话费余额：38',
    },
  },
  {
    name: 'Chinese UCS2 multipart from 10086 (gammu-encoded), part 2 of 2',
    hex:
      '0891683108100005F04005810180F60008621152900351003C050003060202002E003600305143300256DE590D004B005400' +
      '470050005200535F00901A6D4191CF5305FF0C8BE68BE2003100300030003800363002',
    expected: {
      concat: { ref: 6, part: 2, total: 2, refBits: 8 },
      text: '.60元。回复KTGPRS开通流量包，详询10086。',
    },
  },
  {
    name: 'alphanumeric "10086" originator in GSM 7-bit, emoji as a UCS2 surrogate pair',
    // OA: 9 semi-octets (35 bits), TOA D0, "10086" packed as 31 18 0C 67 03
    hex: '00' + '04' + '09D031180C6703' + '0008' + '62115290035123' + '04D83DDE00',
    expected: { number: '10086', numberType: 0xd0, text: '😀', timestamp: '2026-11-25T09:30:15+08:00' },
  },
  {
    name: 'a leading U+FEFF in UCS2 is text, not a byte-order mark to drop',
    hex: '0004' + '05810180F6' + '0008' + '62115290035123' + '04' + 'FEFF0041',
    expected: { text: '\uFEFFA' },
  },
  {
    name: 'relative validity period on SMS-SUBMIT (VPF=10, 0xA7 = 1 day)',
    hex: '0011' + '05' + '05810180F6' + '0000' + 'A7' + '02D922',
    expected: { type: 'submit', messageRef: 5, number: '10086', validity: { format: 'relative', minutes: 1440 }, text: 'YE' },
  },
  {
    name: 'absolute validity period (VPF=11)',
    hex: '0019' + '00' + '05810180F6' + '0000' + '62115290035123' + '02D922',
    expected: { validity: { format: 'absolute', timestamp: '2026-11-25T09:30:15+08:00' }, text: 'YE' },
  },
  {
    name: 'enhanced validity period (VPF=01), relative-seconds format',
    hex: '0009' + '00' + '05810180F6' + '0000' + '025A0000000000' + '02D922',
    expected: { validity: { format: 'enhanced', seconds: 90 }, text: 'YE' },
  },
  {
    name: 'PDU without SMSC prefix (hasSmsc=false)',
    hex: '04' + '05810180F6' + '0000' + '62115290035123' + '02D922',
    hasSmsc: false,
    expected: { type: 'deliver', smsc: null, number: '10086', text: 'YE' },
  },
  {
    name: 'other UDH elements are skipped (port addressing before concatenation)',
    // UDH: 0B | 05 04 0B84 23F0 | 00 03 7F 03 02  then UCS2 "好"
    hex: '0044' + '05810180F6' + '0008' + '62115290035123' + '0E' + '0B05040B8423F000037F0302' + '597D',
    expected: { concat: { ref: 0x7f, part: 2, total: 3, refBits: 8 }, text: '好' },
  },
  {
    name: 'a concatenation element with part 0 is ignored (TS 23.040 9.2.3.24.1)',
    hex: '0044' + '05810180F6' + '0008' + '62115290035123' + '08' + '050003010200' + '597D',
    expected: { concat: null, text: '好' },
  },
  {
    name: 'unknown extension code shows the default-table character; lone trailing escape is dropped',
    // septets: 1B 41 ('A' via extension fallback), 1B (trailing) → "A"
    hex: '0004' + '05810180F6' + '0000' + '62115290035123' + '03' + '9BE006',
    expected: { text: 'A' },
  },
  {
    name: 'reserved DCS alphabet (0x0C) is read as GSM 7-bit',
    hex: '0004' + '05810180F6' + '000C' + '62115290035123' + '02D922',
    expected: { encoding: 'gsm7', text: 'YE' },
  },
];

describe('decodePdu known vectors', () => {
  it.each(VECTORS)('$name', ({ hex, hasSmsc, expected }) => {
    const part = decodePdu(hex, hasSmsc === undefined ? {} : { hasSmsc });
    expect(part).toMatchObject(expected);
  });

  it('accepts lowercase hex', () => {
    expect(decodePdu('0004' + '05810180f6' + '0000' + '62115290035123' + '02d922')).toMatchObject({ text: 'YE' });
  });
});

describe('status reports without a delivery time', () => {
  it('reads one whose TP-DT is seven zero octets (some service centres send it) with the time left out', () => {
    // The hand-checked vector of the encoder's tests, its discharge time zeroed.
    const part = decodePdu('0006' + '2A' + '0D91683108108300F0' + '62115290030149' + '00000000000000' + '00');
    expect(part).toMatchObject({ type: 'status-report', messageRef: 0x2a, dischargeTime: null, status: 0, delivered: true });
  });

  it('still refuses a TP-DT that is not all zeros and not a time', () => {
    expect(() => decodePdu('0006' + '2A' + '0D91683108108300F0' + '62115290030149' + '00130000000000' + '00')).toThrow(expect.objectContaining({ code: 'pdu.bad-timestamp' }));
  });
});
