/**
 * Drawn over the composer's text line while what is typed holds a secret (`MMXG#123456#654321`, an
 * ID number): the same text in the same font and place, each secret covered by a bar of its own
 * width. The line's own text is then transparent; its caret, selection and editing are untouched,
 * and since the characters are the same the caret stays where they are. Hidden from screen readers:
 * the line's note tells them it holds a password.
 */
export function SecretMask({ text, spans, scrollLeft }: { text: string; spans: Array<[number, number]>; scrollLeft: number }) {
  const pieces: Array<{ text: string; secret: boolean }> = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) pieces.push({ text: text.slice(at, start), secret: false });
    pieces.push({ text: text.slice(start, end), secret: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), secret: false });
  return (
    <div className="composer-mask" aria-hidden="true">
      <span style={{ transform: `translateX(${-scrollLeft}px)` }}>
        {pieces.map((p, i) =>
          p.secret ? (
            <span key={i} className="composer-secret">
              {p.text}
            </span>
          ) : (
            p.text
          ),
        )}
      </span>
    </div>
  );
}
