import { defineConfig } from 'vitest/config'

// Real OS keychain round trips; run under dbus-run-session with an unlocked gnome-keyring.
export default defineConfig({
  test: {
    include: ['**/*.keychain.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    fileParallelism: false
  }
})
