// validate and push hold every row's state and record until they finish. After a full collection V8 lets the old
// generation grow to up to ~4× what was live before the next one, so at 100k rows the main heap peaked at ~190 MB with
// ~85 MB live. Growing by 1.6× keeps validate's peak RSS ~35 MB lower at the cost of two more full collections on the
// main thread (~20 ms of pauses); the parse worker's collections are the same (`npm run bench validate`).
// The flag is read at each collection, so setting it at startup takes effect.
import { setFlagsFromString } from 'node:v8'

const HEAP_GROWING_PERCENT = 60

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}
