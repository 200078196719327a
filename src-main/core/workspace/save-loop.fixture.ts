// Test helper run as a child process: saves one session over and over until it is killed (crash-safety test).
import { createSessionStore } from './session-store'

const [dataDir, id] = process.argv.slice(2)
const store = createSessionStore(dataDir)
const state = await store.load(id)
if (!state) process.exit(3)
const bigRow = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`column ${i}`, 'x'.repeat(100)]))
for (let n = 1; n <= 10_000; n++) {
  state.edits = { '2': { counter: String(n) }, '3': bigRow }
  await store.save(state)
  process.stdout.write(`${n}\n`)
}
