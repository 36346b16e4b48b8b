import { describe, expect, it } from 'vitest';
import { bytesToHex, decodePdu, encodeDeliver, encodeDeliverParts, hexToBytes, PduError, type DeliverPart } from '../../../src-shared/pdu';
import { findPythonWithGammu, runGammu, type Failure, type GammuView } from '../../fixtures/gammu-bridge';

/**
 * review18: PDUs whose lengths lie (TP-UDL, the user-data header's length, an element's length, the
 * sender's or the service centre's length), cut short, with bytes after the user data, or with a data
 * coding that does not fit, from valid 10086-shaped ones (UCS-2, GSM 7-bit, 8- and 16-bit references).
 * Our decoder must never read text out of one that libgammu (python3-gammu) refuses, and where both read
 * it they must read the same sender and text: a lying length never becomes a shorter or other text. Ours
 * refusing what gammu reads is allowed (a refused PDU is kept: on the SIM, or journaled raw). A part
 * numbered 0 or past its total, or of total 0, is read by ours as a whole SMS (no concatenation).
 */
const ts = new Date(Date.UTC(2026, 11, 6, 0, 0, 7));
const base = { from: '10086', timestamp: ts, tzQuarterHours: 32, smsc: '+8613800100500' };
const seeds: { name: string; hex: string }[] = [
  { name: 'ucs2-single', hex: encodeDeliver({ ...base, text: '尊敬的客户，您的话费余额为35.20元。' }).hex },
  { name: 'gsm7-single', hex: encodeDeliver({ ...base, text: 'Your balance is 35.20 yuan. Reply YE.' }).hex },
  ...encodeDeliverParts({ ...base, text: '尊敬的客户，'.repeat(20), concatRef: 77 }).map((p, i) => ({ name: `ucs2-part${i + 1}`, hex: p.hex })),
  ...encodeDeliverParts({ ...base, text: 'Balance 35.20 yuan. '.repeat(12), concatRef: 77 }).map((p, i) => ({ name: `gsm7-part${i + 1}`, hex: p.hex })),
  ...encodeDeliverParts({ ...base, text: '尊敬的客户，'.repeat(20), concatRef: 300, refBits: 16 }).map((p, i) => ({ name: `ucs2-16-part${i + 1}`, hex: p.hex })),
];
// Field offsets in a deliver PDU: [smscLen][smsc...][first][oaLen][toa][oa...][pid][dcs][scts 7][udl][ud...]
function layout(b: Uint8Array) {
  const smscLen = b[0]!;
  const first = 1 + smscLen;
  const oaLen = b[first + 1]!;
  const oaBytes = Math.ceil(oaLen / 2);
  const pid = first + 3 + oaBytes;
  const udl = pid + 2 + 7;
  return { first, oaLenAt: first + 1, udl, ud: udl + 1, udhi: (b[first]! & 0x40) !== 0 };
}
const variants: { name: string; hex: string }[] = [];
for (const s of seeds) {
  const b = hexToBytes(s.hex);
  const L = layout(b);
  const mut = (name: string, f: (c: Uint8Array) => Uint8Array) => variants.push({ name: `${s.name}:${name}`, hex: bytesToHex(f(Uint8Array.from(b))) });
  for (const d of [-5, -1, 1, 5, 100]) mut(`udl${d > 0 ? '+' : ''}${d}`, (c) => ((c[L.udl] = Math.max(0, Math.min(255, c[L.udl]! + d))), c));
  mut('udl=0', (c) => ((c[L.udl] = 0), c));
  mut('udl=255', (c) => ((c[L.udl] = 255), c));
  for (const d of [-2, -1, 1, 2]) mut(`oaLen${d > 0 ? '+' : ''}${d}`, (c) => ((c[L.oaLenAt] = c[L.oaLenAt]! + d), c));
  for (const d of [-1, 1]) mut(`smscLen${d > 0 ? '+' : ''}${d}`, (c) => ((c[0] = c[0]! + d), c));
  mut('cut1', (c) => c.slice(0, -1));
  mut('cut3', (c) => c.slice(0, -3));
  mut('extra2', (c) => Uint8Array.from([...c, 0x41, 0x42]));
  if (L.udhi) {
    for (const d of [-1, 1, 3, 40]) mut(`udhl${d > 0 ? '+' : ''}${d}`, (c) => ((c[L.ud] = c[L.ud]! + d), c));
    mut('ieLen+1', (c) => ((c[L.ud + 2] = c[L.ud + 2]! + 1), c));
    mut('ieLen-1', (c) => ((c[L.ud + 2] = c[L.ud + 2]! - 1), c));
    const refLen = b[L.ud + 1] === 0 ? 1 : 2;
    mut('total0', (c) => ((c[L.ud + 3 + refLen] = 0), c));
    mut('part0', (c) => ((c[L.ud + 4 + refLen] = 0), c));
    mut('part>total', (c) => ((c[L.ud + 4 + refLen] = 9), c));
    mut('udhi-off', (c) => ((c[L.first] = c[L.first]! & ~0x40), c));
  } else {
    mut('udhi-on', (c) => ((c[L.first] = c[L.first]! | 0x40), c));
  }
  // odd UCS-2 length
  mut('dcs-ucs2', (c) => ((c[L.udl - 8] = 0x08), c));
  mut('dcs-8bit', (c) => ((c[L.udl - 8] = 0x04), c));
}

describe('PDUs with lying lengths, against python3-gammu', () => {
  it('are never read by ours when gammu refuses them, and read alike when both read them', () => {
    const python = findPythonWithGammu();
    // Two processes: libgammu reads the sender of a PDU whose address length lies from stale memory, so
    // its reading differs from run to run. A reading that is not of the PDU's bytes counts as a refusal.
    const batch = { decode: variants.map((v) => ({ hex: v.hex })), encode: [] };
    const [theirs, again] = [runGammu(python, batch).decoded, runGammu(python, batch).decoded];
    const ofThePdu = (a: GammuView | Failure, b: GammuView | Failure) =>
      'error' in a || 'error' in b || JSON.stringify([a.number, a.text, a.concat]) === JSON.stringify([b.number, b.text, b.concat]);
    let both = 0;
    for (const [i, v] of variants.entries()) {
      let ours: DeliverPart | null = null;
      try {
        ours = decodePdu(v.hex) as DeliverPart;
      } catch (e) {
        expect(e, v.name).toBeInstanceOf(PduError);
      }
      const gammu = theirs[i]!;
      if ('error' in gammu || !ofThePdu(gammu, again[i]!)) {
        expect(ours, `${v.name}: gammu refuses it, or reads it from stale memory`).toBeNull();
        continue;
      }
      if (!ours) continue;
      both++;
      const view = gammu as GammuView;
      expect([ours.number, ours.text], v.name).toEqual([view.number, view.text]);
      const numbered = view.concat && view.concat.total > 0 && view.concat.part > 0 && view.concat.part <= view.concat.total;
      expect(ours.concat && { ref: ours.concat.ref, part: ours.concat.part, total: ours.concat.total }, v.name).toEqual(
        numbered ? { ref: view.concat!.ref, part: view.concat!.part, total: view.concat!.total } : null,
      );
    }
    // The seeds' harmless variants (bytes after the user data, a coding that fits) are read by both.
    expect(both).toBeGreaterThan(30);
  });

  it('are read leniently (a refused part, to mask it) only where gammu reads them, and as gammu reads them (review46)', () => {
    const python = findPythonWithGammu();
    const batch = { decode: variants.map((v) => ({ hex: v.hex })), encode: [] };
    const [theirs, again] = [runGammu(python, batch).decoded, runGammu(python, batch).decoded];
    let onlyLeniently = 0;
    for (const [i, v] of variants.entries()) {
      let ours: DeliverPart | null = null;
      try {
        ours = decodePdu(v.hex, { lenient: true }) as DeliverPart;
      } catch (e) {
        expect(e, v.name).toBeInstanceOf(PduError);
      }
      const gammu = theirs[i]!;
      const stale = !('error' in gammu) && !('error' in again[i]!) && JSON.stringify(gammu) !== JSON.stringify(again[i]);
      if ('error' in gammu || stale) {
        expect(ours, `${v.name}: gammu refuses it, or reads it from stale memory`).toBeNull();
        continue;
      }
      if (!ours) continue;
      // The text only: gammu reads a sender whose length lies from memory past it (its number differs from ours).
      expect(ours.text, v.name).toBe(gammu.text);
      try {
        decodePdu(v.hex);
      } catch {
        onlyLeniently++;
      }
    }
    // The variants with a stray odd UCS-2 octet or a UDL above 140 whose data are there, refused strictly.
    expect(onlyLeniently).toBeGreaterThan(0);
  });
});
