import { defineConfig } from 'vitest/config'

// Unit and integration tests: plain Node, real loopback HTTP, no Electron.
export default defineConfig({
  test: {
    include: ['src-main/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/**', '**/*.keychain.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks'
  }
})
