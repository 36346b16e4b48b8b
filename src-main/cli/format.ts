/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Rows aligned in columns by display width; the last column is not padded. */
export function table(rows: readonly (readonly string[])[], gap = 2): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : padDisplay(cell, widths[i]! + gap))).join(''))
    .join('\n');
}

/**
 * `text` broken into lines of at most `width` columns, each after the first starting with `indent`
 * spaces. Lines break at spaces, and anywhere between two wide (CJK) characters; a single word
 * longer than a line stays whole.
 */
export function wrap(text: string, width: number, indent = 0): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(indent);
  let line = '';
  for (const word of breakable(text)) {
    const candidate = line === '' ? word.trimStart() : line + word;
    const limit = lines.length === 0 ? width : width - indent;
    if (line !== '' && displayWidth(candidate.trimEnd()) > limit) {
      lines.push(line.trimEnd());
      line = word.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines.map((l, i) => (i === 0 ? l : pad + l));
}

/** Pieces a line may break between: a word with the spaces before it, or one wide character with the closing marks after it. */
function breakable(text: string): string[] {
  return text.match(/\s*[^\s\u2e80-\ua4cf\uff00-\uff60]+[、。，）：；！？」』]*|\s*[\u2e80-\ua4cf\uff00-\uff60][、。，）：；！？」』]*|\s+$/gu) ?? [];
}
