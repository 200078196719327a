// A process that holds every row's state and record (validate, push, the app's main process) grows its heap in steps:
// after a full collection V8 lets the old generation grow to up to ~4× what was live before the next one, so at 100k
// rows validate's main heap peaked at ~190 MB with ~85 MB live. Growing by 1.6× keeps validate's peak RSS ~35 MB lower,
// and the app's main side ~120 MB lower with four 50k-row files opened in turn, at the cost of a few more full
// collections (~10 ms pauses each); the parse worker's collections are the same (`npm run bench validate`).
// The flag is read at each collection, so setting it at startup takes effect; it applies to the whole process.
import { setFlagsFromString } from 'node:v8'

const HEAP_GROWING_PERCENT = 60

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}
