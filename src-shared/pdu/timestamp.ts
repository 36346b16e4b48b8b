import { wallClockAt, type WallClock } from '../wall-clock';
import { fromSwappedBcd, toSwappedBcd } from './bcd';
import { PduError, type PduField } from './errors';
import type { PduReader } from './reader';

/** Time zone semi-octet pair: bit 3 of the low nibble is the sign, the rest counts quarter hours. */
const TZ_SIGN = 0x08;
const MAX_TZ_QUARTERS = 79;
const TIMESTAMP_OCTETS = 7;
const CENTURY = 2000;

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);

/** Range of year (two digits), month, day, hour, minute, second; the day is refined per month. */
const FIELD_MIN = [0, 1, 1, 0, 0, 0];
const FIELD_MAX = [99, 12, 31, 23, 59, 59];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** TP-SCTS / TP-DT / absolute TP-VP → ISO 8601 with the sender's offset, e.g. '2026-11-25T09:30:15+08:00'. */
export function readTimestamp(r: PduReader, field: PduField): string {
  const start = r.take(TIMESTAMP_OCTETS, field);
  const bytes = r.bytes;
  const year = CENTURY + readPair(bytes, start, 0, field);
  const month = readPair(bytes, start, 1, field);
  const day = readPair(bytes, start, 2, field);
  const hour = readPair(bytes, start, 3, field);
  const minute = readPair(bytes, start, 4, field);
  const second = readPair(bytes, start, 5, field);
  if (day > daysInMonth(year, month)) throw badTimestamp(field, start + 2);

  const tz = bytes[start + 6]!;
  const tzUnits = tz >> 4;
  if (tzUnits > 9) throw badTimestamp(field, start + 6);
  const quarters = (tz & 0x07) * 10 + tzUnits;
  const offsetMinutes = quarters * 15;
  const sign = tz & TZ_SIGN && quarters !== 0 ? '-' : '+';
  return (
    year + '-' + TWO_DIGITS[month] + '-' + TWO_DIGITS[day] + 'T' +
    TWO_DIGITS[hour] + ':' + TWO_DIGITS[minute] + ':' + TWO_DIGITS[second] +
    sign + TWO_DIGITS[(offsetMinutes / 60) | 0] + ':' + TWO_DIGITS[offsetMinutes % 60]
  );
}

/** The i-th swapped-BCD field of a timestamp, checked against its range. */
function readPair(bytes: Uint8Array, start: number, i: number, field: PduField): number {
  const value = fromSwappedBcd(bytes[start + i]!);
  if (value < FIELD_MIN[i]! || value > FIELD_MAX[i]!) throw badTimestamp(field, start + i);
  return value;
}

function badTimestamp(field: PduField, offset: number): PduError {
  return new PduError('pdu.bad-timestamp', field, offset);
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;

interface WallClockAtOffset extends WallClock {
  quarters: number;
}

/**
 * The seven TP-SCTS octets for a time. A Date is written as wall-clock time at `tzQuarterHours`
 * (default: this host's offset at that instant). An ISO string must carry its offset ('Z' or
 * ±HH:MM) and is written exactly as given, so decoding returns the same string.
 */
export function timestampOctets(when: Date | string, field: PduField, tzQuarterHours?: number): number[] {
  const clock = typeof when === 'string' ? parseIso(when, field) : wallClock(when, tzQuarterHours, field);
  if (clock.year < CENTURY || clock.year > CENTURY + 99) {
    throw unencodable(field, { zh: '年份须在 2000–2099 之间', en: 'the year must be 2000–2099' });
  }
  const q = Math.abs(clock.quarters);
  return [
    toSwappedBcd(clock.year - CENTURY),
    toSwappedBcd(clock.month),
    toSwappedBcd(clock.day),
    toSwappedBcd(clock.hour),
    toSwappedBcd(clock.minute),
    toSwappedBcd(clock.second),
    toSwappedBcd(q) | (clock.quarters < 0 ? TZ_SIGN : 0),
  ];
}

function wallClock(date: Date, tzQuarterHours: number | undefined, field: PduField): WallClockAtOffset {
  const time = date.getTime();
  if (Number.isNaN(time)) throw unencodable(field, { zh: '无效日期', en: 'invalid date' });
  const quarters = tzQuarterHours ?? Math.round(-date.getTimezoneOffset() / 15);
  checkQuarters(quarters, field);
  return { ...wallClockAt(time, quarters * 15 * 60_000), quarters };
}

function parseIso(text: string, field: PduField): WallClockAtOffset {
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m) {
    throw unencodable(field, {
      zh: `时间须为带时区的 ISO 8601 格式：${text}`,
      en: `a time must be ISO 8601 with an offset: ${text}`,
    });
  }
  const offsetMinutes = m[7] === 'Z' ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  if (offsetMinutes % 15 !== 0) {
    throw unencodable(field, {
      zh: '时区须为 15 分钟的整数倍',
      en: 'the offset must be a multiple of 15 minutes',
    });
  }
  const clock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
    quarters: offsetMinutes / 15,
  };
  checkQuarters(clock.quarters, field);
  const fields = [clock.year % 100, clock.month, clock.day, clock.hour, clock.minute, clock.second];
  const outOfRange = fields.some((value, i) => value < FIELD_MIN[i]! || value > FIELD_MAX[i]!);
  if (outOfRange || clock.day > daysInMonth(clock.year, clock.month)) {
    throw unencodable(field, { zh: `日期或时间超出范围：${text}`, en: `date or time out of range: ${text}` });
  }
  return clock;
}

function checkQuarters(quarters: number, field: PduField): void {
  if (!Number.isInteger(quarters) || Math.abs(quarters) > MAX_TZ_QUARTERS) {
    throw unencodable(field, {
      zh: `时区须为 ±${MAX_TZ_QUARTERS} 个一刻钟以内的整数`,
      en: `the time zone must be a whole number of quarter hours within ±${MAX_TZ_QUARTERS}`,
    });
  }
}

function unencodable(field: PduField, detail: { zh: string; en: string }): PduError {
  return new PduError('pdu.unencodable', field, 0, detail);
}
