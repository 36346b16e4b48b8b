import { decodePdu } from './decode';
import { PduError } from './errors';
import { septetsOneByOne, unpackSeptets } from './gsm7';
import { MARKED_PART_START } from './misfit-mark';

/**
 * How a part the decoder refused is kept (journal, log): its error code and every byte it came with, so
 * that nothing is lost. Save a secret: where the text of the bytes, read as UCS-2 or as packed GSM 7-bit, holds one that
 * `mask` hides, the digits of that reading are kept as `*` (review46, review47), since a password spelled in hex is as
 * readable as in text.
 */
function unreadableText(raw: string, code: string, mask: (text: string) => string): string {
  return `[PDU ${code}] ${withoutSecretDigits(raw, mask)}`;
}

const FO_UDHI = 0x40;

/**
 * The octet where a PDU's text starts, after its fields and its user-data header (UDHL + 1 octets, when its elements
 * fill it exactly; else the user data's start), as far as they can be walked without checking them; 0 when the fields run past the bytes (nothing is known of where the text is).
 * Only digits from here on are hidden: an address, a timestamp (`…0030…` at 00:30) or a concatenation reference that
 * reads as a digit is no text.
 */
function textStart(bytes: Uint8Array): number {
  let at = 1 + (bytes[0] ?? 0);
  const fo = bytes[at++] ?? 0;
  const address = () => (at += 2 + Math.ceil((bytes[at] ?? 0) / 2));
  if ((fo & 0x03) === 0) {
    address();
    at += 2 + 7; // PID, DCS, SCTS
  } else if ((fo & 0x03) === 1) {
    at++; // TP-MR
    address();
    at += 2 + [0, 7, 1, 7][(fo >> 3) & 0x03]!; // PID, DCS, TP-VP
  } else return 0;
  const start = at + 1; // after TP-UDL
  if (start > bytes.length) return 0;
  if ((fo & FO_UDHI) === 0 || start === bytes.length) return start;
  const body = start + 1 + bytes[start]!;
  if (body > bytes.length) return start;
  // The header is trusted only when its information elements (IEI, length, data) fill it exactly: the strict decode may
  // have refused the part for its header, and a UDHI bit set on a part with none makes the text's first octet a "UDHL"
  // that would hide where the text is (review50 F1).
  let ie = start + 1;
  while (ie + 2 <= body) ie += 2 + bytes[ie + 1]!;
  return ie === body ? body : start;
}

/** A digit, `0`–`9`: U+0030–U+0039 in UCS-2 and septets 0x30–0x39 in the GSM default alphabet alike. */
const DIGIT = /[0-9]/;

/**
 * The bytes in hex with the digits of every reading of their text that holds a secret hidden: as UCS-2 from either
 * octet (`003X` → `****`) and as packed GSM 7-bit at each of the seven bit alignments (every octet holding a bit of a
 * digit septet → `**`), from where the text starts (textStart). The strict decode refused the part, so its coding and
 * alignment are not trusted: every reading is tried, and one whose `mask` hides nothing, or a reading of random
 * bytes with no secret, leaves its bytes alone.
 */
function withoutSecretDigits(raw: string, mask: (text: string) => string): string {
  const bytes = Uint8Array.from(raw.match(/.{2}/g) ?? [], (h) => (/^[0-9a-f]{2}$/i.test(h) ? parseInt(h, 16) : 0xff));
  const from = textStart(bytes);
  const hidden = new Set<number>();
  const hides = (read: string) => {
    try {
      return mask(read) !== read;
    } catch {
      // A detector that fails cannot say a secret is not there: a reading with four digits in a row may hold one (a
      // reading of random bytes seldom does, so the bytes of the other readings stay).
      return /[0-9]{4}/.test(read);
    }
  };
  for (const first of [from, from + 1]) {
    const units: number[] = [];
    for (let at = first; at + 2 <= bytes.length; at += 2) units.push(/^[0-9a-f]{4}$/i.test(raw.slice(2 * at, 2 * at + 4)) ? (bytes[at]! << 8) | bytes[at + 1]! : 0xfffd);
    const read = String.fromCharCode(...units);
    if (!hides(read)) continue;
    units.forEach((u, i) => {
      if (u >= 0x30 && u <= 0x39) hidden.add(first + 2 * i).add(first + 2 * i + 1);
    });
  }
  for (let shift = 0; shift < 7; shift++) {
    const count = Math.floor(((bytes.length - from) * 8 - shift) / 7);
    if (count <= 0) continue;
    const read = septetsOneByOne(unpackSeptets(bytes, from, shift, count));
    if (!hides(read)) continue;
    for (let i = 0; i < count; i++) {
      if (!DIGIT.test(read[i]!)) continue;
      const bit = from * 8 + shift + 7 * i;
      for (let octet = bit >> 3; octet <= (bit + 6) >> 3; octet++) hidden.add(octet);
    }
  }
  return raw.replace(/.{2}/g, (h, at: number) => (hidden.has(at / 2) ? '**' : h));
}

/** The mark of a part kept as its text read leniently, in both languages since the page shows it as it stands. */
const READ_LENIENTLY = '格式有误，宽松读出 / read leniently';

/** Why the strict decode refused a part: its error code and the field it stopped at (PduError). */
export interface Refusal {
  code: string;
  field: string;
}

/**
 * How a part the decoder refused is kept at rest (journal, and from there the page's IndexedDB). Its text read
 * leniently (decodePdu's `lenient`: the timestamp skipped, a compressed-text flag ignored, the user data read as libgammu
 * reads them: a trailing odd UCS-2 octet dropped, a malformed header skipped, a UDL above 140/160 whose data are there) is given to `mask`, the
 * product's secret mask: when that hides something (a 10086 reply with a reset password), the part is kept as that
 * masked text, marked as read leniently and why the strict decode refused it, since its hex spells the password as
 * plainly as the text does and cannot be masked (hex hides where the password lies). Its other bytes are then lost:
 * the service-centre address, first octet, sender's type, PID, DCS, UDL, a user-data header, and the secret itself. Otherwise (nothing
 * to hide, not even a lenient read, or a mask that fails) every byte is kept (unreadableText), so that nothing is lost,
 * save the digits of a reading of its text (UCS-2 or GSM 7-bit) that holds a secret.
 */
export function keptUnreadableText(raw: string, refusal: Refusal, mask: (text: string) => string): string {
  const read = readLeniently(raw);
  let masked: string | null = null;
  try {
    if (read !== null) masked = mask(read.text);
  } catch {
    // A detector that fails cannot say what to hide: the bytes are kept, as before there was a lenient read.
  }
  if (read === null || masked === null || masked === read.text) return unreadableText(raw, refusal.code, mask);
  // The sender and the timestamp's octets (no secret in them) are kept as they came: they tell two such parts apart,
  // whose masked texts may be alike, as the journal tells parts with an empty sender and time apart by their text.
  return `[PDU ${refusal.code} ${refusal.field}, ${READ_LENIENTLY}, from ${read.number}${read.sent ? `, sent ${read.sent}` : ''}] ${masked}`;
}

/**
 * How a part whose PDU did not fit its stated length but decoded is kept (journal, and the thread through it): the text
 * as it came, marked the way an unreadable part is (`[PDU code …]`), in both languages since the page shows it as it
 * stands. An octet said twice or dropped on the line may have changed a character; the message is kept rather than
 * refused, since nothing says the network would deliver it again (review34, mend35).
 */
export function misfitText(text: string): string {
  return MARKED_PART_START + text;
}

/** A part kept as its bytes (unreadableText): `[PDU code] <hex>`, its digits `*` where a reading of its text holds a secret. */
const KEPT_BYTES = /^\[PDU ([a-z0-9.-]+)\] ((?:[0-9A-Fa-f*]{2})+)$/;

/**
 * A part's text kept at rest (journal, the page's log), when it is an unreadable part kept as its bytes, as this version
 * keeps it; null for any other text. One a version before MASKER_VERSION 5 kept as `[PDU code] <hex>`, every byte (a
 * reset password spelled `003900370035…`), is kept as keptUnreadableText keeps that PDU now: its text read leniently and
 * masked, or its bytes with the digits of a reading that holds a secret hidden. The same text a read of that PDU
 * now gives, so a part read again from its slot is the part kept, not a second one. Why the strict decode refuses it is
 * asked again of it; one it reads, or refuses for another reason, was kept for a length not its header's (notItsLength:
 * the code kept, the field `hex`). One kept with digits hidden already is kept as it is: a mask of text read over its
 * hex would take the bytes around a `****` for a secret and drop them (`[PDU pdu.truncated] ******`). The journal's mask
 * at rest and at open, and the page's pass over its stored log, use it.
 */
export function rekeptUnreadableText(text: string, mask: (text: string) => string): string | null {
  const kept = KEPT_BYTES.exec(text);
  if (!kept) return null;
  const [, code, raw] = kept as unknown as [string, string, string];
  if (raw.includes('*')) return text;
  const refused = refusalOf(raw);
  return keptUnreadableText(raw, refused?.code === code ? refused : { code, field: 'hex' }, mask);
}

function refusalOf(raw: string): Refusal | null {
  try {
    decodePdu(raw);
    return null;
  } catch (e) {
    if (e instanceof PduError) return { code: e.code, field: e.field };
    throw e;
  }
}

function readLeniently(raw: string): { text: string; number: string; sent: string | null } | null {
  try {
    const part = decodePdu(raw, { lenient: true });
    if (part.type === 'status-report') return null;
    return { text: part.text, number: part.number, sent: part.type === 'deliver' ? part.timestamp : null };
  } catch (e) {
    if (e instanceof PduError) return null;
    throw e;
  }
}

const UNREADABLE = /^(\[PDU [^\]\s]+\] )\S+$/;

/**
 * Such a text with its bytes replaced by `mask`, for a copy that leaves the machine: the bytes may spell a
 * password or an ID number (a 10086 reply the decoder refused), which no masking can find in hex. Any other
 * text is returned as it is.
 */
export function hideUnreadableBytes(text: string, mask: string): string {
  const kept = UNREADABLE.exec(text);
  return kept ? `${kept[1]}${mask}` : text;
}
