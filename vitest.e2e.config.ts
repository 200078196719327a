import { defineConfig } from 'vitest/config'

// Browser end-to-end: the built renderer in Debian's Chromium over the loopback bridge.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false
  }
})
