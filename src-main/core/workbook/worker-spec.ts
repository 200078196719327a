// Which code a parse worker runs and with what heap: shared by open.ts and the workers started ahead (spare-worker.ts),
// and light to import, so the CLI can start its worker before it loads the rest of itself.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import type { WorkerEntry, WorkerSpec } from './spare-worker'

const WORKER_NAME = 'parse.worker'

let entryOverride: WorkerEntry | null = null

/** Tests only: start workers from another entry (e.g. a missing file, to prove the in-process fallback). */
export function setWorkerEntryForTests(entry: WorkerEntry | null): void {
  entryOverride = entry
}

/** How to start the worker in this runtime: the built bundle's parse.worker.js, or the TypeScript source through tsx. */
export function workerEntry(): WorkerEntry {
  if (entryOverride) return entryOverride
  const here = fileURLToPath(import.meta.url)
  const dir = dirname(here)
  if (here.endsWith('.ts')) {
    // source (vitest, tsx CLI): register tsx's require hook inside the worker, then load the .ts entry
    const tsxApi = createRequire(import.meta.url).resolve('tsx/cjs/api')
    const entry = join(dir, `${WORKER_NAME}.ts`)
    return { eval: true, code: `require(${JSON.stringify(tsxApi)}).register();require(${JSON.stringify(entry)})` }
  }
  // built: electron-vite emits out/main/parse.worker.js next to index.js (this code may sit in a chunk one level down)
  for (const candidate of [
    join(dir, `${WORKER_NAME}.js`),
    join(dir, '..', `${WORKER_NAME}.js`),
    join(dir, `${WORKER_NAME}.mjs`)
  ]) {
    if (existsSync(candidate)) return { eval: false, file: candidate }
  }
  return { eval: false, file: join(dir, `${WORKER_NAME}.js`) }
}

/**
 * The worker a job runs in. A small young generation: measured at 100k rows, peak RSS 344 → 288 MB for ~3 % more CPU
 * (npm run bench workbook); a streamed read (rows posted as parsed) keeps little, so 8 MB (validate's peak RSS
 * ~348 → ~328 MB, one run each).
 */
export function specFor(heapMb: number, stream: boolean): WorkerSpec {
  return { entry: workerEntry(), heapMb, youngMb: stream ? 8 : Math.min(16, Math.max(8, heapMb / 64)) }
}
