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
    modulePreload: false,
    rollupOptions: {
      input: { popup: resolve(here, 'popup.html'), options: resolve(here, 'options.html'), background: resolve(here, 'background.ts') },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
        chunkFileNames: 'assets/shared-[hash].js',
        // One chunk of shared code, not one per combination of entries: the popup loads two files,
        // not a waterfall of small ones (modulePreload is off) before its first results.
        manualChunks: (id) => (/\/src-extension\/(popup|options|background)\.(ts|html)$/.test(id) ? undefined : 'shared'),
      },
    },
  },
});
