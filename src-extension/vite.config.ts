import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

/** Three entries: the popup page, the options page and the service worker (an ES module, at a fixed name the manifest names). */
export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
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
        // A chunk per set of entries that share code: the popup does not load the search index
        // code, which only the worker runs (search-protocol.ts).
        chunkFileNames: 'assets/chunk-[hash].js',
      },
    },
  },
});
