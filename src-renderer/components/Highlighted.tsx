import { useMemo } from 'react';
import { highlightRanges } from '../catalog/highlight';

/** `text` with the characters the query matched in <mark>. */
export function Highlighted({ text, query, codeLike }: { text: string; query: string; codeLike?: boolean }) {
  const parts = useMemo(() => {
    const out: { text: string; hit: boolean }[] = [];
    let at = 0;
    for (const [start, end] of highlightRanges(text, query, { codeLike })) {
      if (start > at) out.push({ text: text.slice(at, start), hit: false });
      out.push({ text: text.slice(start, end), hit: true });
      at = end;
    }
    if (at < text.length) out.push({ text: text.slice(at), hit: false });
    return out;
  }, [text, query, codeLike]);
  // One inline box: inside a flex row (a suggestion), loose pieces would each become an item, spaced apart mid-word.
  return <span className="highlighted">{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</span>;
}
