import type { ReactNode } from 'react';

/** Where the marker stands in a translated sentence: the link goes there, so each language puts it where its grammar wants. */
const LINK_AT = '\u0001';

/** A sentence with one control in it (a link, a button), the words around it from `say({ link })`. */
export function LinkedSentence({ say, className, children }: { say(link: string): string; className?: string; children: ReactNode }) {
  const [before, after] = say(LINK_AT).split(LINK_AT);
  return (
    <p className={className}>
      {before}
      {children}
      {after}
    </p>
  );
}
