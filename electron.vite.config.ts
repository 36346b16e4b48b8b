import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { searchIndexPlugin } from './scripts/search-index-plugin';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The native-messaging host is a second program: Chrome starts it, with the app's executable as Node.
        input: { index: resolve(__dirname, 'src-main/electron/main.ts'), 'native-host': resolve(__dirname, 'src-main/native-host/main.ts') },
      },
      externalizeDeps: true,
    },
  },
  preload: {
    // A sandboxed preload cannot be an ES module: CommonJS, as out/preload/index.js.
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src-main/electron/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].js' } } },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    build: { minify: true, rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } } },
    plugins: [react(), searchIndexPlugin()],
  },
});
