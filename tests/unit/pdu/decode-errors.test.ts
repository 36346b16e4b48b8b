import { describe, expect, it } from 'vitest';
import { HallError } from '../../../src-shared/errors';
import { decodePdu, PduError, type PduErrorCode, type PduField } from '../../../src-shared/pdu';

/**
 * A valid SMS-DELIVER split at its fields; offsets are octets from the start of the PDU:
 * SMSC 0 | FO 1 | OA 2-6 | PID 7 | DCS 8 | SCTS 9-15 | UDL 16 | UD 17-
 */
const SMSC = '00';
const FO = '04';
const OA = '05810180F6';
const PID = '00';
const SCTS = '62115290035123';
const deliver = (parts: { fo?: string; oa?: string; dcs?: string; scts?: string; ud?: string }): string =>
  SMSC + (parts.fo ?? FO) + (parts.oa ?? OA) + PID + (parts.dcs ?? '00') + (parts.scts ?? SCTS) + (parts.ud ?? '02D922');

interface BadCase {
  name: string;
  hex: string;
  code: PduErrorCode;
  field: PduField;
  offset: number;
}

function bad(name: string, hex: string, code: PduErrorCode, field: PduField, offset: number): BadCase {
  return { name, hex, code, field, offset };
}

const CASES: BadCase[] = [
  bad('odd number of hex digits', '000', 'pdu.odd-hex', 'hex', 3),
  bad('non-hex character', '00G4', 'pdu.bad-hex', 'hex', 2),
  bad('non-ASCII character', '0０', 'pdu.bad-hex', 'hex', 1),
  bad('whitespace inside', '00 4', 'pdu.bad-hex', 'hex', 2),
  bad('empty input', '', 'pdu.truncated', 'smsc', 0),
  bad('SMSC length beyond 11 octets', '0C91' + '11'.repeat(11), 'pdu.bad-address', 'smsc', 0),
  bad('SMSC digits cut short', '07916831', 'pdu.truncated', 'smsc', 2),
  bad('SMSC type missing', '07', 'pdu.truncated', 'smsc', 1),
  bad('no first octet', '00', 'pdu.truncated', 'first-octet', 1),
  bad('reserved message type (MTI 11)', '0003', 'pdu.unsupported', 'first-octet', 1),
  bad('originator longer than 20 digits', deliver({ oa: '1581' + '11'.repeat(11) }), 'pdu.bad-address', 'address', 2),
  bad('originator digits cut short', '0004' + '0B916831', 'pdu.truncated', 'address', 4),
  bad('filler inside a number', deliver({ oa: '0581F1F0F6' }), 'pdu.bad-address', 'address', 2),
  bad('no PID', '0004' + OA, 'pdu.truncated', 'pid', 7),
  bad('no DCS', '0004' + OA + '00', 'pdu.truncated', 'dcs', 8),
  bad('compressed text (DCS 0x20)', deliver({ dcs: '20' }), 'pdu.unsupported', 'dcs', 8),
  bad('timestamp cut short', '0004' + OA + '0000' + '621152', 'pdu.truncated', 'scts', 9),
  bad('non-decimal year digit', deliver({ scts: '6A115290035123' }), 'pdu.bad-timestamp', 'scts', 9),
  bad('month 13', deliver({ scts: '62315290035123' }), 'pdu.bad-timestamp', 'scts', 10),
  bad('30 February', deliver({ scts: '62200390035123' }), 'pdu.bad-timestamp', 'scts', 11),
  bad('hour 24', deliver({ scts: '62115242035123' }), 'pdu.bad-timestamp', 'scts', 12),
  bad('second 60', deliver({ scts: '62115290030623' }), 'pdu.bad-timestamp', 'scts', 14),
  bad('non-decimal time zone digit', deliver({ scts: '621152900351A3' }), 'pdu.bad-timestamp', 'scts', 15),
  bad('no user data length', '0004' + OA + '0000' + SCTS, 'pdu.truncated', 'udl', 16),
  bad('GSM 7-bit length above 160 septets', deliver({ ud: 'A1' + '00'.repeat(141) }), 'pdu.bad-length', 'udl', 16),
  bad('UCS2 length above 140 octets', deliver({ dcs: '08', ud: '8D' + '00'.repeat(141) }), 'pdu.bad-length', 'udl', 16),
  bad('user data shorter than its length', deliver({ ud: '03D922' }), 'pdu.truncated', 'ud', 17),
  bad('odd number of UCS2 octets', deliver({ dcs: '08', ud: '03597D00' }), 'pdu.bad-length', 'ud', 17),
  bad(
    'UDH length beyond the user data',
    deliver({ fo: '44', dcs: '08', ud: '04' + '0A000301' }),
    'pdu.bad-udh',
    'udh',
    17,
  ),
  bad('UDH flag with no user data', deliver({ fo: '44', dcs: '08', ud: '00' }), 'pdu.bad-udh', 'udh', 17),
  // UDL 9 septets = 8 octets; an 8-octet header needs 10 septets
  bad(
    'GSM 7-bit header septets beyond the length',
    deliver({ fo: '44', ud: '09' + '07' + '00030102010000' }),
    'pdu.bad-udh',
    'udh',
    17,
  ),
  bad(
    '8-bit concatenation element with length 4',
    deliver({ fo: '44', dcs: '08', ud: '08' + '06000401020100' + '00' }),
    'pdu.bad-udh',
    'udh',
    18,
  ),
  bad(
    '16-bit concatenation element with length 3',
    deliver({ fo: '44', dcs: '08', ud: '06' + '050803010201' }),
    'pdu.bad-udh',
    'udh',
    18,
  ),
  bad(
    'information element running past the header',
    deliver({ fo: '44', dcs: '08', ud: '06' + '050004010201' }),
    'pdu.bad-udh',
    'udh',
    18,
  ),
  bad(
    'information element header cut by the header end',
    deliver({ fo: '44', dcs: '08', ud: '02' + '0100' }),
    'pdu.bad-udh',
    'udh',
    18,
  ),
  bad('SUBMIT without its relative validity', '0011' + '00' + OA + '0000', 'pdu.truncated', 'validity', 10),
  bad('SUBMIT with a short enhanced validity', '0009' + '00' + OA + '0000' + '0200', 'pdu.truncated', 'validity', 10),
  bad(
    'SUBMIT with a bad absolute validity',
    '0019' + '00' + OA + '0000' + '6211529003A523' + '00',
    'pdu.bad-timestamp',
    'validity',
    15,
  ),
  bad('STATUS-REPORT without status', '0006' + '2A' + OA + SCTS + SCTS, 'pdu.truncated', 'status', 22),
  bad(
    'STATUS-REPORT with a bad discharge time',
    '0006' + '2A' + OA + SCTS + '6211529003F123' + '00',
    'pdu.bad-timestamp',
    'discharge-time',
    20,
  ),
];

describe('decodePdu rejects malformed PDUs with a typed PduError', () => {
  it.each(CASES)('$name → $code at $field, offset $offset', ({ hex, code, field, offset }) => {
    let caught: unknown;
    try {
      decodePdu(hex);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PduError);
    expect(caught).toBeInstanceOf(HallError);
    expect(caught).toMatchObject({ code, field, offset, details: { field, offset } });
  });

  it('names the problem in Chinese and English, with advice', () => {
    let caught: PduError | undefined;
    try {
      decodePdu(deliver({ scts: '62315290035123' }));
    } catch (e) {
      caught = e as PduError;
    }
    expect(caught?.zh).toBe('短信 PDU 错误（短信中心时间戳，偏移 10）：时间戳无效');
    expect(caught?.en).toBe('SMS PDU error (service-centre timestamp, offset 10): invalid timestamp');
    expect(caught?.action?.zh).toContain('原始 PDU 已保留');
    expect(caught?.toJSON()).toMatchObject({ code: 'pdu.bad-timestamp', details: { field: 'scts', offset: 10 } });
  });
});
