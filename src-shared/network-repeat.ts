/*
 * The network's repeat of a single SMS, told by the store that holds its texts (journal24).
 *
 * An SMSC that missed the handset's acknowledgement hands the same SMS-DELIVER over again: the same originator,
 * the same service-centre stamp (SCTS: written once, when the SMSC took the message, to the second with its zone)
 * and the same text. Nothing in it tells the repeat from a second identical message written in that very second
 * (3GPP TS 23.040 §9.2.2.1: no message reference), so such a pair is shown as one message that came twice, both
 * copies kept. A second reply 10086 writes later carries a stamp of its own: another message.
 *
 * The journal names the repeat (`sameTextAs`) only while it remembers the first's text (within one run, minutes):
 * the page, which keeps every text it was handed, names it itself from this rule after a restart of the core.
 */

/**
 * How long after the first the network's repeat is still taken for one: an SMSC retries an unacknowledged
 * message until its validity period runs out, commonly a few days. A later identical message (same stamp!)
 * is shown as a message of its own: nothing is lost, it is only shown twice.
 */
export const NETWORK_REPEAT_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

/** What the rule compares of a single SMS: where it came (SIM), from whom, the SMSC's stamp, its text and when it came here. */
export interface SingleSmsSeen {
  simId: string;
  from: string;
  /** The SCTS as decoded, ISO 8601 to the second with its zone offset. */
  timestamp: string;
  text: string;
  /** This computer's clock, epoch ms. */
  receivedAt: number;
}

/**
 * Whether `again` may be the network handing `first` over again: the same SIM, the same sender as written, the very
 * same stamp (its zone included: another SMSC's clock is another message) and text, and it came after `first`, within
 * NETWORK_REPEAT_WINDOW_MS. An empty or unreadable stamp tells nothing: never a repeat.
 */
export function mayBeNetworkRepeat(first: SingleSmsSeen, again: SingleSmsSeen): boolean {
  if (!hasSecond(first.timestamp)) return false;
  const gap = again.receivedAt - first.receivedAt;
  return (
    first.simId === again.simId &&
    first.from === again.from &&
    first.timestamp === again.timestamp &&
    first.text === again.text &&
    gap >= 0 &&
    gap <= NETWORK_REPEAT_WINDOW_MS
  );
}

/** A stamp to the second with a zone (`2026-12-06T09:00:07+08:00`, or `Z`): one the SMSC wrote, not a placeholder. */
function hasSecond(timestamp: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:?\d{2}|Z)$/.test(timestamp);
}
