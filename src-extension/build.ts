import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'vite';
import { builtinCatalog } from '../src-shared/catalog/builtin';
import { createSearch } from '../src-shared/search';
import { searchSnapshot } from '../src-shared/search/snapshot';
import { iconPng } from './icon';
import { CHROME_LOCALES, LANGS, MANIFEST_KEYS, STRINGS } from './i18n';
import { ICON_SIZES, manifest } from './manifest';
import { PREBUILT_INDEX } from './prebuilt-index';
import { zip } from './zip';

/**
 * `npm run build:extension`: the Vite build, then what Vite does not make — manifest.json, the
 * `_locales` messages and the icons. out/extension/ is the development build (its manifest has
 * `key`, so an unpacked copy gets the fixed ID); the zip is the store build (the same files, its
 * manifest without `key`).
 */
const ROOT = resolve(import.meta.dirname, '..');
export const EXTENSION_DIR = join(ROOT, 'out/extension');
export const EXTENSION_ZIP = join(ROOT, 'out/hall10086-extension.zip');

function write(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]))
    .sort();
}

export async function buildExtension(): Promise<{ zipBytes: number }> {
  await build({ configFile: join(import.meta.dirname, 'vite.config.ts') });
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  write(join(EXTENSION_DIR, 'manifest.json'), JSON.stringify(manifest(version, { withKey: true }), null, 2));
  for (const lang of LANGS) {
    const messages = Object.fromEntries(MANIFEST_KEYS.map((key) => [key, { message: STRINGS[key][lang] }]));
    write(join(EXTENSION_DIR, '_locales', CHROME_LOCALES[lang], 'messages.json'), JSON.stringify(messages, null, 2));
  }
  for (const size of ICON_SIZES) write(join(EXTENSION_DIR, `icons/icon-${size}.png`), iconPng(size));
  // The bundled catalog's search index, built once here rather than in every worker and popup start.
  const { instructions } = builtinCatalog();
  write(join(EXTENSION_DIR, PREBUILT_INDEX), searchSnapshot(createSearch(instructions), instructions));
  // The folder is for loading unpacked (with `key`: the ID the app allows); the zip is for the store, which refuses `key`.
  const storeManifest = new TextEncoder().encode(JSON.stringify(manifest(version, { withKey: false }), null, 2));
  const archive = zip(
    filesUnder(EXTENSION_DIR).map((file) => {
      const name = relative(EXTENSION_DIR, file).split('\\').join('/');
      return { name, data: name === 'manifest.json' ? storeManifest : readFileSync(file) };
    }),
  );
  write(EXTENSION_ZIP, archive);
  return { zipBytes: archive.length };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  buildExtension().then(
    ({ zipBytes }) => console.log(`${relative(ROOT, EXTENSION_DIR)}/ and ${relative(ROOT, EXTENSION_ZIP)} (${zipBytes} bytes)`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
