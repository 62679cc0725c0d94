import { defineConfig } from 'vitest/config';

// Browser tests: a real server (packages/server/dist) serving the built app, driven through
// Debian's Chromium. Node environment; one file at a time, since each starts its own server.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
