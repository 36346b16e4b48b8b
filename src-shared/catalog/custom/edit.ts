/**
 * A user's text edited in one language: the other languages keep their own wording, except those
 * that were only a copy of the edited one (filled in when it was written), which follow the edit.
 * Undefined when no language has any text left.
 */
export function editedText(before: Partial<Record<string, string>> | undefined, lang: string, now: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [other, text] of Object.entries(before ?? {})) {
    if (text !== undefined) out[other] = other !== lang && text !== before![lang] ? text : now;
  }
  out[lang] = now;
  for (const key of Object.keys(out)) if (!out[key]) delete out[key];
  return Object.keys(out).length ? out : undefined;
}
