import { describe, expect, it } from 'vitest';
import {
  decodePdu,
  encodeDeliver,
  encodeDeliverParts,
  encodeStatusReport,
  encodeSubmit,
  PduError,
  type SubmitOptions,
} from '../../../src-shared/pdu';

const NOW = new Date(Date.UTC(2026, 10, 25, 1, 30, 15));
const RUSSIAN = 'Да здравствует король, детка!';
const RUSSIAN_UCS2 =
  '3A04140430002004370434044004300432044104420432044304350442002004' +
  '3A043E0440043E043B044C002C0020043404350442043A04300021';
const GSM = 'Hi there...Tue 17th Jan 2012 05:30.18 pm (GMT+1) ΔΔΔΔΔ';
const GSM_PACKED =
  '36C834888E2ECBCB2E978B5A2F8362373A1AA40CBB4132584C0682D57433982B8603C1DB20D4B1495DC552200804028100';

/** SMS-SUBMIT vectors from ModemManager's PDU creator tests (validity 5 minutes → TP-VP 0x00). */
const SUBMIT_VECTORS: { name: string; opts: SubmitOptions; hex: string; tpduLength: number }[] = [
  {
    name: 'UCS2 with SMSC',
    opts: { smsc: '+19037029920', to: '+15555551234', text: RUSSIAN, validityMinutes: 5 },
    hex: '07919130079229F0' + '1100' + '0B915155551532F4' + '0008' + '00' + RUSSIAN_UCS2,
    tpduLength: 72,
  },
  {
    name: 'UCS2 without SMSC',
    opts: { to: '+15555551234', text: RUSSIAN, validityMinutes: 5 },
    hex: '00' + '1100' + '0B915155551532F4' + '0008' + '00' + RUSSIAN_UCS2,
    tpduLength: 72,
  },
  {
    name: 'GSM 7-bit with SMSC',
    opts: { smsc: '+19037029920', to: '+15555551234', text: GSM, validityMinutes: 5 },
    hex: '07919130079229F0' + '1100' + '0B915155551532F4' + '0000' + '00' + GSM_PACKED,
    tpduLength: 62,
  },
  {
    name: 'GSM 7-bit without SMSC',
    opts: { smsc: null, to: '+15555551234', text: GSM, validityMinutes: 5 },
    hex: '00' + '1100' + '0B915155551532F4' + '0000' + '00' + GSM_PACKED,
    tpduLength: 62,
  },
  {
    name: '25 septets: the last septet sits alone in the final octet',
    opts: { to: '+15556661234', text: 'This is really cool ΔΔΔΔΔ', validityMinutes: 5 },
    hex: '00' + '1100' + '0B915155661632F4' + '0000' + '00' + '1954747A0E4ACF41F27298CDCE83C6EF371B0481402010',
    tpduLength: 36,
  },
  {
    name: 'no validity period (VPF=00)',
    opts: { to: '+15556661234', text: 'This is really cool ΔΔΔΔΔ' },
    hex: '00' + '0100' + '0B915155661632F4' + '0000' + '1954747A0E4ACF41F27298CDCE83C6EF371B0481402010',
    tpduLength: 35,
  },
  {
    name: 'unknown-type number, status report request, message reference',
    opts: { to: '10086', text: 'YE', statusReport: true, messageRef: 0x2a },
    hex: '00' + '21' + '2A' + '05810180F6' + '0000' + '02D922',
    tpduLength: 12,
  },
  {
    name: 'national SMSC written without + as unknown type (ModemManager address encoder)',
    opts: { smsc: '9037029920', to: '+19037029920', text: 'YE' },
    hex: '0681097320990201' + '000B919130079229F0' + '0000' + '02D922',
    tpduLength: 15,
  },
];

describe('encodeSubmit', () => {
  it.each(SUBMIT_VECTORS)('$name', ({ opts, hex, tpduLength }) => {
    expect(encodeSubmit(opts)).toEqual([{ hex, tpduLength, part: 1, total: 1 }]);
  });

  it('matches gammu on a two-part Chinese message, but numbers the message reference per part', () => {
    const pdus = encodeSubmit({
      smsc: '+8613800100500',
      to: '+8613800138000',
      text: '你好'.repeat(50),
      validityMinutes: 5,
      concatRef: 0x65,
    });
    expect(pdus.map((p) => [p.part, p.total, p.tpduLength])).toEqual([
      [1, 2, 155],
      [2, 2, 87],
    ]);
    expect(pdus[0]!.hex).toBe(
      '0891683108100005F051000D91683108108300F00008008C050003650201' + '4F60597D'.repeat(33) + '4F60',
    );
    expect(pdus[1]!.hex).toBe(
      '0891683108100005F05101' + '0D91683108108300F000080048050003650202' + '597D4F60'.repeat(16) + '597D',
    );
  });

  it('gives consecutive message references and one concatenation reference to the parts', () => {
    const parts = encodeSubmit({ to: '10086', text: 'x'.repeat(400), messageRef: 254, concatRef: 0x1234, refBits: 16 });
    const decoded = parts.map((p) => decodePdu(p.hex));
    expect(decoded.map((d) => (d.type === 'submit' ? [d.messageRef, d.concat] : null))).toEqual([
      [254, { ref: 0x1234, part: 1, total: 3, refBits: 16 }],
      [255, { ref: 0x1234, part: 2, total: 3, refBits: 16 }],
      [0, { ref: 0x1234, part: 3, total: 3, refBits: 16 }],
    ]);
  });

  it.each([
    [5, 0x00],
    [6, 0x01],
    [720, 143],
    [721, 144],
    [1440, 167],
    [1441, 168],
    [3 * 1440, 169],
    [30 * 1440, 196],
    [30 * 1440 + 1, 197],
    [63 * 7 * 1440, 255],
  ])('rounds a validity of %i minutes up to TP-VP %i', (minutes, vp) => {
    const [pdu] = encodeSubmit({ to: '10086', text: 'YE', validityMinutes: minutes });
    // SMSC 00, FO, MR, DA 05810180F6, PID, DCS, then TP-VP
    expect(pdu!.hex.slice(20, 22)).toBe(vp.toString(16).toUpperCase().padStart(2, '0'));
  });

  it.each<[string, SubmitOptions, string]>([
    ['a letter in the destination', { to: '1008A', text: 'YE' }, 'address'],
    ['an empty destination', { to: '', text: 'YE' }, 'address'],
    ['21 digits', { to: '1'.repeat(21), text: 'YE' }, 'address'],
    ['a bad SMSC', { to: '10086', text: 'YE', smsc: '+86 138' }, 'smsc'],
    ['Chinese forced into GSM 7-bit', { to: '10086', text: '余额', encoding: 'gsm7' }, 'text'],
    ['a character above U+00FF as 8-bit', { to: '10086', text: 'a€', encoding: '8bit' }, 'text'],
    ['validity of zero minutes', { to: '10086', text: 'YE', validityMinutes: 0 }, 'validity'],
    ['validity beyond 63 weeks', { to: '10086', text: 'YE', validityMinutes: 63 * 10080 + 1 }, 'validity'],
    ['message reference 256', { to: '10086', text: 'YE', messageRef: 256 }, 'options'],
    ['a concatenation reference too wide for 8 bits', { to: '10086', text: 'x'.repeat(200), concatRef: 256 }, 'options'],
  ])('rejects %s with pdu.unencodable', (_name, opts, field) => {
    expect(() => encodeSubmit(opts)).toThrow(PduError);
    try {
      encodeSubmit(opts);
    } catch (e) {
      expect(e).toMatchObject({ code: 'pdu.unencodable', field });
    }
  });
});

describe('encodeDeliver', () => {
  it('writes an alphanumeric "10086" sender and a UCS2 surrogate pair', () => {
    const pdu = encodeDeliver({
      from: '10086',
      fromAlphanumeric: true,
      text: '😀',
      timestamp: '2026-11-25T09:30:15+08:00',
    });
    expect(pdu).toEqual({
      hex: '00' + '04' + '09D031180C6703' + '0008' + '62115290035123' + '04D83DDE00',
      tpduLength: 22,
      part: 1,
      total: 1,
    });
  });

  it('writes a Date at the given quarter-hour offset, negative zones with the sign bit', () => {
    const at = new Date(Date.UTC(2026, 10, 25, 1, 30, 15));
    const east = decodePdu(encodeDeliver({ from: '+8613800138000', text: 'a', timestamp: at, tzQuarterHours: 32 }).hex);
    const west = decodePdu(encodeDeliver({ from: '+8613800138000', text: 'a', timestamp: at, tzQuarterHours: -14 }).hex);
    expect(east).toMatchObject({ timestamp: '2026-11-25T09:30:15+08:00' });
    expect(west).toMatchObject({ timestamp: '2026-11-24T22:00:15-03:30' });
  });

  it('keeps an ISO timestamp exactly, including a Z offset', () => {
    const pdu = encodeDeliver({ from: '10086', text: 'a', timestamp: '2030-02-28T23:59:59Z' });
    expect(decodePdu(pdu.hex)).toMatchObject({ timestamp: '2030-02-28T23:59:59+00:00' });
  });

  it('sets the status report indication, more-messages flag and concatenation header', () => {
    const pdu = encodeDeliver({
      from: '+8613800138000',
      smsc: '+8613800100500',
      text: 'Hi',
      timestamp: '2026-11-25T09:30:15+08:00',
      statusReportIndication: true,
      moreMessagesToSend: true,
      concat: { ref: 513, part: 2, total: 3, refBits: 16 },
    });
    expect(decodePdu(pdu.hex)).toMatchObject({
      smsc: '+8613800100500',
      statusReportIndication: true,
      moreMessagesToSend: true,
      concat: { ref: 513, part: 2, total: 3, refBits: 16 },
      text: 'Hi',
    });
    expect(pdu).toMatchObject({ part: 2, total: 3 });
  });

  it.each([
    ['a timestamp without an offset', { timestamp: '2026-11-25T09:30:15' }],
    ['an offset that is not a quarter hour', { timestamp: '2026-11-25T09:30:15+05:50' }],
    ['a year outside 2000-2099', { timestamp: '1999-12-31T23:59:59+08:00' }],
    ['30 February', { timestamp: '2026-02-30T10:00:00+08:00' }],
    ['an invalid Date', { timestamp: new Date(NaN) }],
    ['a zone beyond 79 quarter hours', { timestamp: NOW, tzQuarterHours: 80 }],
    ['text longer than one part', { text: 'x'.repeat(161) }],
    ['part 0 in the concatenation', { concat: { ref: 1, part: 0, total: 2, refBits: 8 as const } }],
    ['an alphanumeric sender of 12 characters', { from: 'ChinaMobile1' }],
  ])('rejects %s', (_name, override) => {
    const opts = { from: '10086', text: 'a', timestamp: '2026-11-25T09:30:15+08:00', ...override };
    expect(() => encodeDeliver(opts)).toThrow(expect.objectContaining({ code: 'pdu.unencodable' }));
  });
});

describe('encodeDeliverParts', () => {
  it('splits like a phone and numbers the parts', () => {
    const parts = encodeDeliverParts({
      from: '10086',
      text: '{'.repeat(81),
      timestamp: '2026-11-25T09:30:15+08:00',
      concatRef: 7,
    });
    const decoded = parts.map((p) => decodePdu(p.hex));
    expect(decoded.map((d) => (d.type === 'deliver' ? [d.text.length, d.concat] : null))).toEqual([
      [76, { ref: 7, part: 1, total: 2, refBits: 8 }],
      [5, { ref: 7, part: 2, total: 2, refBits: 8 }],
    ]);
  });

  it('writes a short text as one part without a header', () => {
    const [only, ...rest] = encodeDeliverParts({ from: '10086', text: 'YE', timestamp: NOW, concatRef: 7 });
    expect(rest).toEqual([]);
    expect(decodePdu(only!.hex)).toMatchObject({ concat: null, text: 'YE' });
  });
});

describe('encodeStatusReport', () => {
  it('writes the hand-checked vector', () => {
    const pdu = encodeStatusReport({
      recipient: '+8613800138000',
      messageRef: 0x2a,
      scTimestamp: '2026-11-25T09:30:10-03:30',
      dischargeTime: '2026-11-25T09:31:20+08:00',
      status: 0,
    });
    expect(pdu).toEqual({
      hex: '0006' + '2A' + '0D91683108108300F0' + '62115290030149' + '62115290130223' + '00',
      tpduLength: 26,
      part: 1,
      total: 1,
    });
  });

  it.each([-1, 256, 1.5])('rejects status %s', (status) => {
    const opts = { recipient: '10086', messageRef: 1, scTimestamp: NOW, dischargeTime: NOW, status };
    expect(() => encodeStatusReport(opts)).toThrow(expect.objectContaining({ code: 'pdu.unencodable', field: 'options' }));
  });
});
