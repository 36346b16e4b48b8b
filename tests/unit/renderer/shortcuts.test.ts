import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../../src-renderer/i18n';
import { SHORTCUTS, viewKey, type KeyPress, type Shortcut } from '../../../src-renderer/shell/shortcuts';

const RENDERER = resolve(import.meta.dirname, '../../../src-renderer');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const press = (key: string, o: Partial<KeyPress> = {}): KeyPress => ({ key, altKey: false, ctrlKey: false, metaKey: false, ...o });

describe('the shortcut table', () => {
  it('is the only place that compares keys: a handler asking e.key itself would be missing from the shortcuts page', () => {
    const own = sources(RENDERER)
      .filter((f) => !f.endsWith(join('shell', 'shortcuts.ts')))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${relative(RENDERER, f)}:${i + 1}`, line }))
          .filter(({ line }) => /\b(e|ev|event|nativeEvent)\.(key|code|altKey|ctrlKey|metaKey)\b/.test(line)),
      )
      .map(({ where, line }) => `${where} ${line.trim()}`);
    expect(own).toEqual([]);
  });

  it('names every shortcut in every language', () => {
    for (const place of Object.values(SHORTCUTS)) for (const s of Object.values(place) as Shortcut[]) for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) expect(STRINGS[lang][s.what], s.what).toBeTruthy();
  });

  it('reads the keys the handlers are asked about', () => {
    expect(viewKey(press('1', { altKey: true, code: 'Digit1' }))).toBe(0);
    expect(viewKey(press('¥', { altKey: true, code: 'Numpad5' }))).toBeNull();
    expect(SHORTCUTS.instruction.send.is(press('Enter', { ctrlKey: true }))).toBe(true);
    expect(SHORTCUTS.instruction.send.is(press('Enter'))).toBe(false);
    expect(SHORTCUTS.anywhere.help.is(press('?'))).toBe(true);
    expect(SHORTCUTS.catalog.clear.is(press('Escape', { altKey: true }))).toBe(false);
  });
});
