import { decodePdu } from './decode';
import { PduError } from './errors';
import { MARKED_PART_START } from './misfit-mark';

/**
 * How a part the decoder refused is kept (journal, log): its error code and every byte it came with, so
 * that nothing is lost. A stored one that fills the memory, or one handed over directly, exists nowhere else.
 * Save a secret: where the bytes read as UCS-2 (from either octet) hold one that `mask` hides, every UCS-2 digit of
 * that reading (`003X`) is kept as `****` (review46), since a password spelled in hex is as readable as in text.
 */
function unreadableText(raw: string, code: string, mask: (text: string) => string): string {
  return `[PDU ${code}] ${withoutSecretDigits(raw, mask)}`;
}

/** A UCS-2 digit, `0`–`9` (U+0030–U+0039), as 4 hex digits. */
const UCS2_DIGIT = /^003[0-9]$/i;

function withoutSecretDigits(raw: string, mask: (text: string) => string): string {
  let out = raw;
  for (const from of [0, 2]) {
    const units: string[] = [];
    for (let at = from; at + 4 <= raw.length; at += 4) units.push(raw.slice(at, at + 4));
    const read = units.map((u) => (/^[0-9a-f]{4}$/i.test(u) ? String.fromCharCode(parseInt(u, 16)) : '\ufffd')).join('');
    let hides: boolean;
    try {
      hides = mask(read) !== read;
    } catch {
      hides = true; // a detector that fails cannot say a secret is not there
    }
    if (!hides) continue;
    units.forEach((u, i) => {
      const at = from + i * 4;
      if (UCS2_DIGIT.test(u)) out = `${out.slice(0, at)}****${out.slice(at + 4)}`;
    });
  }
  return out;
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
 * save the UCS-2 digits of a reading of the bytes that holds a secret.
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

/** A part kept as its bytes (unreadableText): `[PDU code] <hex>`, its UCS-2 digits `****` where a reading holds a secret. */
const KEPT_BYTES = /^\[PDU ([a-z0-9.-]+)\] ((?:[0-9A-Fa-f*]{2})+)$/;

/**
 * A part's text kept at rest (journal, the page's log), when it is an unreadable part kept as its bytes, as this version
 * keeps it; null for any other text. One a version before MASKER_VERSION 5 kept as `[PDU code] <hex>`, every byte (a
 * reset password spelled `003900370035…`), is kept as keptUnreadableText keeps that PDU now: its text read leniently and
 * masked, or its bytes with the UCS-2 digits of a reading that holds a secret hidden. The same text a read of that PDU
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
