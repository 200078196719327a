import { defineConfig } from 'vitest/config'

// Real Electron (playwright-core's _electron): the built app (out/) and the packaged app (electron-builder --dir).
// Runs on GitHub's runners; where no Electron binary exists the suite is skipped with one line saying why.
export default defineConfig({
  test: {
    include: ['test/electron/**/*.electron.test.ts'],
    environment: 'node',
    globalSetup: ['test/electron/skip-notice.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false
  }
})
