import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Where a rule inside another style rule opens: the stylesheet writes no nested rules, so one is a
 * brace left out above it. CSS nesting then makes every later rule apply only inside the unclosed one
 * (a `}` missing after button[aria-pressed='true'] left the "maybe" badge, the MQTT warning, the port
 * field and everything after them unstyled), and no browser or build reports it.
 */
export function nestedRules(css: string): { line: number; selector: string }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const stack: ('at' | 'style')[] = [];
  const found: { line: number; selector: string }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') {
      const selector = text.slice(start, i).split(/[;}]/).pop()!.trim();
      if (stack.at(-1) === 'style') found.push({ line: text.slice(0, i).split('\n').length, selector });
      stack.push(selector.startsWith('@') ? 'at' : 'style');
      start = i + 1;
    } else if (ch === '}') {
      stack.pop();
      start = i + 1;
    } else if (ch === ';') start = i + 1;
  }
  if (stack.length) found.push({ line: text.split('\n').length, selector: `${stack.length} block(s) never closed` });
  return found;
}

describe('the stylesheet', () => {
  it('finds a rule left open above another', () => {
    expect(nestedRules('a {\n  color: red;\n.b {\n  color: blue;\n}\n')).toEqual([
      { line: 3, selector: '.b' },
      { line: 6, selector: '1 block(s) never closed' },
    ]);
    expect(nestedRules('@media (max-width: 40rem) {\n  .a { color: red; }\n}\n/* { */ .b { color: blue; }')).toEqual([]);
  });

  it('closes every rule (no rule nested in another)', () => {
    const css = readFileSync(resolve(import.meta.dirname, '../../../src-renderer/styles.css'), 'utf8');
    expect(nestedRules(css)).toEqual([]);
  });
});
