/**
 * What a part whose PDU did not fit its stated length is kept with, before its text (mend35): an octet said twice or
 * dropped on the line may have changed a character. In both languages, since the page shows it as it stands. It stays
 * where the part starts, so in a long message it may stand inside the joined text. Alone in its module so the secret
 * mask and the reply reader know it without the PDU decoder.
 */
export const MISFIT_MARK = '[PDU pdu.bad-length, 长度不符，字符可能有误 / length did not match; characters may be wrong]';

/** The mark as it stands before its part's text: where a marked part starts, also inside a joined message. */
export const MARKED_PART_START = `${MISFIT_MARK} `;
