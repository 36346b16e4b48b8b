import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const POPUP = resolve(here, 'popup.ts');

type ModuleInfo = { importers: readonly string[] } | null;

/** Whether `from` imports `id` statically, directly or through other modules. */
function reachable(id: string, from: string, info: (id: string) => ModuleInfo, seen = new Set<string>()): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  return (info(id)?.importers ?? []).some((importer) => importer === from || reachable(importer, from, info, seen));
}

/** Three entries: the popup page, the options page and the service worker (an ES module, at a fixed name the manifest names). */
export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  // The catalog and its tables as JSON.parse("…") rather than object literals: V8 reads JSON text
  // faster than it compiles and runs a literal that size, in the popup and in the worker alike.
  json: { stringify: true, namedExports: false },
  build: {
    outDir: resolve(here, '../out/extension'),
    emptyOutDir: true,
    target: 'chrome120',
    // The HTML names every chunk its entry imports (<link rel="modulepreload">), so they load
    // together rather than one after another; Chrome needs no polyfill for it.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { popup: resolve(here, 'popup.html'), options: resolve(here, 'options.html'), background: resolve(here, 'background.ts') },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
        // The popup's first paint needs no search code (an awake worker searches; an asleep one
        // leaves it to page-search.ts, loaded beside the paint): one file, the rest comes after.
        chunkFileNames: 'assets/chunk-[hash].js',
        manualChunks: (id, { getModuleInfo }) => (id !== POPUP && reachable(id, POPUP, getModuleInfo) ? 'popup-start' : undefined),
      },
    },
  },
});
