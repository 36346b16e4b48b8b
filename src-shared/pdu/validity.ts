import { fromSwappedBcd } from './bcd';
import { PduError } from './errors';
import type { PduReader } from './reader';
import { readTimestamp } from './timestamp';
import type { Validity } from './types';

/** TP-VPF values (bits 3-4 of an SMS-SUBMIT first octet). */
export const VPF_NONE = 0;
export const VPF_ENHANCED = 1;
export const VPF_RELATIVE = 2;
export const VPF_ABSOLUTE = 3;

const ENHANCED_OCTETS = 7;
const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 10080;

/** Relative TP-VP octet → minutes (TS 23.040 9.2.3.12.1). */
export function relativeMinutes(vp: number): number {
  if (vp <= 143) return (vp + 1) * 5;
  if (vp <= 167) return 720 + (vp - 143) * 30;
  if (vp <= 196) return (vp - 166) * MINUTES_PER_DAY;
  return (vp - 192) * MINUTES_PER_WEEK;
}

export const MAX_RELATIVE_MINUTES = relativeMinutes(255);

/** Smallest relative TP-VP octet whose period is at least `minutes`. */
export function relativeOctet(minutes: number): number {
  if (!(minutes > 0 && minutes <= MAX_RELATIVE_MINUTES)) {
    throw new PduError('pdu.unencodable', 'validity', 0, {
      zh: `有效期须在 1 到 ${MAX_RELATIVE_MINUTES} 分钟之间`,
      en: `the validity must be 1 to ${MAX_RELATIVE_MINUTES} minutes`,
    });
  }
  if (minutes <= 720) return Math.ceil(minutes / 5) - 1;
  if (minutes <= MINUTES_PER_DAY) return 143 + Math.ceil((minutes - 720) / 30);
  if (minutes <= 30 * MINUTES_PER_DAY) return 166 + Math.max(2, Math.ceil(minutes / MINUTES_PER_DAY));
  return 192 + Math.max(5, Math.ceil(minutes / MINUTES_PER_WEEK));
}

export function readValidity(r: PduReader, format: number): Validity | null {
  switch (format) {
    case VPF_RELATIVE:
      return { format: 'relative', minutes: relativeMinutes(r.byte('validity')) };
    case VPF_ABSOLUTE:
      return { format: 'absolute', timestamp: readTimestamp(r, 'validity') };
    case VPF_ENHANCED:
      return { format: 'enhanced', seconds: enhancedSeconds(r.bytes, r.take(ENHANCED_OCTETS, 'validity')) };
    default:
      return null;
  }
}

/**
 * Enhanced TP-VP (TS 23.040 9.2.3.12.3): the low 3 bits of the first octet choose the format.
 * Unknown formats and non-decimal digits give null rather than an error: the period only matters
 * to the service centre, and the rest of the message is still readable.
 */
function enhancedSeconds(bytes: Uint8Array, start: number): number | null {
  const indicator = bytes[start]!;
  switch (indicator & 0x07) {
    case 1:
      return relativeMinutes(bytes[start + 1]!) * 60;
    case 2:
      return bytes[start + 1]!;
    case 3: {
      const hours = fromSwappedBcd(bytes[start + 1]!);
      const minutes = fromSwappedBcd(bytes[start + 2]!);
      const seconds = fromSwappedBcd(bytes[start + 3]!);
      return hours < 0 || minutes < 0 || seconds < 0 ? null : hours * 3600 + minutes * 60 + seconds;
    }
    default:
      return null;
  }
}
