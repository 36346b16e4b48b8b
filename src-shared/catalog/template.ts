/** A template such as `MMXG#{oldPassword}#{newPassword}` split into literal text and parameter slots. */
export type TemplateSegment = { literal: string } | { param: string };

export function parseTemplate(template: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  const re = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > last) segments.push({ literal: template.slice(last, m.index) });
    segments.push({ param: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < template.length) segments.push({ literal: template.slice(last) });
  return segments;
}

export function templateParams(template: string): string[] {
  return parseTemplate(template).flatMap((s) => ('param' in s ? [s.param] : []));
}

/** The literal text before the first parameter: what a customer types first (`ZD`, `MMXG#`). */
export function templatePrefix(template: string): string {
  // Most templates (all but a few in a large catalog) have no parameter: the whole is the prefix.
  if (!template.includes('{')) return template;
  const first = parseTemplate(template)[0];
  return first && 'literal' in first ? first.literal : '';
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  return parseTemplate(template)
    .map((s) => ('literal' in s ? s.literal : (values[s.param] ?? '')))
    .join('');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A case-insensitive matcher for SMS text written from this template. Parameter slots capture
 * anything up to the next literal, so that a wrong value is still recognised as this
 * instruction and can be reported precisely instead of "unknown instruction".
 */
export function templateMatcher(template: string): RegExp {
  const body = parseTemplate(template)
    .map((s) => ('literal' in s ? escapeRegExp(s.literal) : '([^#]*)'))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}
