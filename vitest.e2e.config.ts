import { defineConfig } from 'vitest/config';

// End-to-end: the built web workbench served locally, driven in Debian's Chromium via playwright-core.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ['test/e2e/globalSetup.ts'],
  },
});
