/**
 * Splits an AT parameter list (`"SM",3` or `,23` or `1,"2540","0F5A"`) on the commas outside double
 * quotes. Fields keep their quotes so a caller can tell a quoted string from a bare number.
 */
export function splitParams(text: string): string[] {
  const fields: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      fields.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  fields.push(text.slice(start).trim());
  return fields;
}

export function isQuoted(field: string): boolean {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"');
}

export function unquote(field: string): string {
  return isQuoted(field) ? field.slice(1, -1) : field;
}

/** A non-negative decimal integer field, or null (AT numbers never carry signs or fractions). */
export function parseCount(field: string | undefined): number | null {
  return field !== undefined && /^\d{1,9}$/.test(field) ? Number(field) : null;
}
