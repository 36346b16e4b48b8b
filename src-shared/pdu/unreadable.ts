/**
 * How a part the decoder refused is kept (journal, log): its error code and every byte it came with, so
 * that nothing is lost. A stored one that fills the memory, or one handed over directly, exists nowhere else.
 */
export function unreadableText(raw: string, code: string): string {
  return `[PDU ${code}] ${raw}`;
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
