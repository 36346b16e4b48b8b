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
  },
});
