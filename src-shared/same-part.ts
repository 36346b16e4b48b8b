import { SECRET_MASK } from './catalog/secrets';

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
  return a === b || readsAsMasked(a, b) || readsAsMasked(b, a);
}

function readsAsMasked(clear: string, masked: string): boolean {
  const literal = masked.split(SECRET_MASK).map((piece) => piece.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`^${SECRET_PIECE}${literal.join(SECRET_PIECE)}$`, 'u').test(clear);
}
