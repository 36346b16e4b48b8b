/**
 * A reply's text cut where it names an instruction of the catalog by its code ("退订请发QXCL", "可发送
 * MMHF#证件号码"), so the thread can link each code to its page: its explanation, its parameters and a
 * Send that asks first where the catalog says so. Only whole codes the catalog has, in capitals with a
 * letter first: 4G, APP and a figure never link.
 */
export type TextPiece = { text: string } | { code: string };

const CODE = /(?<![A-Za-z0-9])[A-Z][A-Z0-9]{1,11}(?![A-Za-z0-9])/g;

export function codeLinks(text: string, isCode: (code: string) => boolean): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(CODE)) {
    if (!isCode(m[0])) continue;
    if (m.index > at) pieces.push({ text: text.slice(at, m.index) });
    pieces.push({ code: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}
