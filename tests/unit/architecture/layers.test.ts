import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import rules ARCHITECTURE.md states, checked over the sources: each layer names what it may
 * not reach. A violation lists file → import, so the message says where to look.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Each import of a file as the rules see it: a package name, or a repository path for a relative one. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    return spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec;
  });
}

function breaches(folder: string, forbidden: RegExp): string[] {
  return sources(folder).flatMap((file) => importsOf(file).filter((spec) => forbidden.test(spec)).map((spec) => `${file} → ${spec}`));
}

describe('the layers keep their import rules', () => {
  it('src-shared is pure domain code: no Node, Electron, React, Dexie or serial port, nothing of src-main or the UI', () => {
    expect(breaches('src-shared', /^(node:|electron|react|react-dom|dexie|serialport|@serialport\/)|^src-(main|renderer|extension)\//)).toEqual([]);
  });

  it('the UI reaches the core only through the API contract: no Node, Electron, serial port or src-main', () => {
    expect(breaches('src-renderer', /^(node:|electron|serialport|@serialport\/)|^src-main\//)).toEqual([]);
  });

  it('services know no shell: nothing of the core, the CLI, the server, Electron or the native-messaging host', () => {
    expect(breaches('src-main/services', /^electron$|^src-main\/(core|cli|server|electron|native-host)\//)).toEqual([]);
  });

  it('the emulator is a device on a serial line: it drives none of the app’s services or shells', () => {
    expect(breaches('src-main/emulator', /^electron$|^src-main\/(services|core|cli|server|electron|native-host)\//)).toEqual([]);
  });

  it('can fail: a rule finds an import that breaks it', () => {
    expect(breaches('src-main/core', /^src-main\/services\//).length).toBeGreaterThan(0);
  });
});
