import { SECRET_MASK } from './catalog/secrets';
import { SPLIT_ESCAPE } from './pdu/gsm7';

/** What a mask may stand for, and what a part kept masked may have lost at its start (the rest of a secret the part before began). */
const SECRET_PIECE = String.raw`[\p{N}\p{Lu}\p{Ll} \-]*`;

/**
 * Whether two texts of a long message's part that share its key fields (sender, second, reference,
 * total, number) are the same part: equal, or one is the other as kept at rest (secrets masked as
 * SECRET_MASK, a piece of a secret cut off at the part's start dropped; SecretDetector.maskParts).
 * Part keys carry no checksum of the text, so this is what tells the network delivering a
 * part twice, or a store's part handed out again masked, from another message under the same fields.
 */
export function samePartText(a: string, b: string): boolean {
  const [x, y] = [withoutSplitEscape(a), withoutSplitEscape(b)];
  return x === y || readsAsMasked(x, y) || readsAsMasked(y, x);
}

/** Whether two reads of a part are the very same text, but for a trailing SPLIT_ESCAPE (withoutSplitEscape). */
export function sameReadText(a: string, b: string): boolean {
  return withoutSplitEscape(a) === withoutSplitEscape(b);
}

/**
 * A part's text without a trailing SPLIT_ESCAPE: a build before mend64 dropped a GSM 7-bit part's lone final escape, so a
 * part journaled then as `A` and read again from its slot after the upgrade (a crash between journaling and the delete)
 * reads `A\u001b`; it is the same part (review50 F2). A UCS-2 part ending in the unit 001B compares so too.
 */
export function withoutSplitEscape(text: string): string {
  return text.endsWith(SPLIT_ESCAPE) ? text.slice(0, -1) : text;
}

function readsAsMasked(clear: string, masked: string): boolean {
  const literal = masked.split(SECRET_MASK).map((piece) => piece.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`^${SECRET_PIECE}${literal.join(SECRET_PIECE)}$`, 'u').test(clear);
}
