import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A temporary HOME and XDG folders for the whole run: tests never write into the real home.
    globalSetup: ['tests/setup/private-home.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests open real pseudo-terminals and child processes; two cores, so keep it modest.
    maxWorkers: 2,
    // Chromium and pty tests race the loaded 2-core CI machine now and then (each full run of this
    // session failed a different one, each passing alone); one retry keeps a real failure failing.
    retry: 1,
  },
});
