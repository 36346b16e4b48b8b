/**
 * Which SIM a connection is, for threads, retries, the saved sending SIM and the fleet board.
 *
 * The ICCID (printed on the card) or else the IMSI names a SIM wherever it is inserted. A modem that answers
 * neither leaves nothing on the card to tell one SIM from the next: the port path is the same for every SIM
 * a clerk puts into that modem in turn, so it must not be the id (two customers' messages in one thread, one's
 * Retry going out from the other's SIM). Such a connection gets an id of its own, never given again: its
 * history does not follow the card to the next insertion, and nothing of anybody else's is ever shown for it.
 */
export interface SimIdentity {
  simId: string;
  /** False when the card gave neither ICCID nor IMSI: the id is this insertion's only. */
  identified: boolean;
}

/** The prefix of every id given to an unidentified insertion (never the form of an ICCID or IMSI, all digits). */
export const UNIDENTIFIED_PREFIX = 'unidentified:';

const SIM_ID_MAX = 64;

/** `fresh` gives a value never given before (a random UUID): the insertion's own part of the id. */
export function simIdentity(ids: { iccid?: string | undefined; imsi?: string | undefined; path: string }, fresh: () => string): SimIdentity {
  const known = ids.iccid || ids.imsi;
  if (known) return { simId: known, identified: true };
  // The insertion's own part first: places that shorten an id (an MQTT topic level keeps 64 characters) keep it.
  // At most 64 characters, what the API takes as a SIM id (a label, a schedule): the port is only a hint.
  return { simId: unidentifiedId(fresh().slice(0, 8), ids.path), identified: false };
}

function unidentifiedId(tag: string, path: string): string {
  return `${UNIDENTIFIED_PREFIX}${tag}@${path}`.slice(0, SIM_ID_MAX);
}

/**
 * Whether `simId` is an unidentified insertion made in the modem on `path` (the port as cut into its id): what the
 * fleet board forgets when that modem shows another insertion, for nothing else can be told of its card.
 */
export function insertedIn(simId: string, path: string): boolean {
  const tag = insertionTag(simId);
  return tag !== null && simId === unidentifiedId(tag, path);
}

export function isUnidentifiedSim(simId: string): boolean {
  return simId.startsWith(UNIDENTIFIED_PREFIX);
}

/** The insertion's own part of an unidentified SIM's id (what tells it from the next card), or null. */
export function insertionTag(simId: string): string | null {
  if (!isUnidentifiedSim(simId)) return null;
  const rest = simId.slice(UNIDENTIFIED_PREFIX.length);
  return rest.slice(0, rest.indexOf('@') >>> 0);
}

/**
 * A SIM named briefly, as every view of the app and the extension's popup name it: the end of its ICCID / IMSI
 * (what is printed on the card), never the whole id.
 */
export function simLabel(simId: string): string {
  // An insertion that gave no ICCID nor IMSI: named by its own part, never by the port.
  const tag = insertionTag(simId);
  if (tag !== null) return `SIM ? #${tag}`;
  // An ICCID is kept as printed, F padding too (iccidOf): its digits' end, or the popup got the whole ICCID (review39).
  const digits = simId.replace(/F+$/i, '');
  return /^\d{10,}$/.test(digits) ? `SIM …${digits.slice(-6)}` : simId;
}

/**
 * The ICCID from the answer to `AT+CRSM=176,12258,0,0,10` (READ BINARY of EF_ICCID, 3GPP TS 27.007 §8.18),
 * with the `+CRSM:` prefix removed: `144,0,"98684011325476981032"`. The card keeps the digits
 * nibble-swapped and F-padded (TS 102.221 §13.2); some modems leave the data unquoted. Null unless the status
 * words say the read worked (144/145) and the data is an ICCID's 18 to 20 digits.
 */
export function iccidFromCrsm(answer: string): string | null {
  const m = /^\s*(\d+)\s*,\s*(\d+)\s*,\s*"?([0-9A-Fa-f]+)"?\s*$/.exec(answer);
  if (!m || !['144', '145'].includes(m[1]!)) return null;
  return iccidOf(unswapNibbles(m[3]!));
}

/**
 * The ICCID a modem printed, when it is one: 18 to 20 digits (ITU-T E.118), F-padded as some modems print a 19-digit
 * one, returned as printed (the id a SIM has had). Null for anything else: an unread card's `FFFF…` or zeros, a line
 * that is no answer (a vendor's unsolicited line wedged into the answer, a misread echo), which would give every
 * card in that modem one id (review25).
 */
export function iccidOf(value: string): string | null {
  const digits = value.replace(/F+$/i, '');
  return /^\d{18,20}$/.test(digits) && value.length <= 20 && !/^0+$/.test(digits) ? value : null;
}

/** The IMSI a modem printed, when it is one (at most 15 digits: MCC, MNC, MSIN), else null, as for iccidOf. */
export function imsiOf(value: string): string | null {
  return /^\d{6,15}$/.test(value) && !/^0+$/.test(value) ? value : null;
}

/** EF_ICCID as stored on the card (each byte's digits swapped, F-padded) back to the printed ICCID. */
export function unswapNibbles(raw: string): string {
  return raw.replace(/(.)(.)/g, '$2$1').replace(/F+$/i, '');
}
