import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A recorded AT conversation (format in tests/fixtures/at/README.md). Consecutive lines of one direction
 * merge into one step, so a modem step may hold many lines and a scripted link can re-chunk it at will.
 */
export type Step =
  | { kind: 'modem'; bytes: string }
  | { kind: 'host'; bytes: string }
  | { kind: 'wait'; ms: number }
  | { kind: 'close' };

const FIXTURES = fileURLToPath(new URL('../../fixtures/at/', import.meta.url));

/** `\r`, `\n`, `\\` and `\xHH`; the result is a latin1 string, one character per byte. */
export function unescapeBytes(text: string): string {
  return text.replace(/\\(x[0-9A-Fa-f]{2}|[rn\\])/g, (_, esc: string) => {
    if (esc === 'r') return '\r';
    if (esc === 'n') return '\n';
    if (esc === '\\') return '\\';
    return String.fromCharCode(parseInt(esc.slice(1), 16));
  });
}

export function parseTranscript(source: string): Step[] {
  const steps: Step[] = [];
  source.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const marker = line.slice(0, 2);
    const rest = line.slice(3);
    const last = steps[steps.length - 1];
    if (marker === '<<' || marker === '>>') {
      const kind = marker === '<<' ? 'modem' : 'host';
      const bytes = unescapeBytes(rest);
      if (last?.kind === kind) last.bytes += bytes;
      else steps.push({ kind, bytes });
    } else if (marker === '~~' && /^\d+$/.test(rest)) {
      steps.push({ kind: 'wait', ms: Number(rest) });
    } else if (line === '!! close') {
      steps.push({ kind: 'close' });
    } else {
      throw new Error(`transcript line ${i + 1}: cannot read "${line}"`);
    }
  });
  return steps;
}

export function loadTranscript(name: string): Step[] {
  return parseTranscript(readFileSync(`${FIXTURES}${name}.txt`, 'utf8'));
}

export function toBytes(latin1: string): Uint8Array {
  return Uint8Array.from(latin1, (c) => c.charCodeAt(0));
}
