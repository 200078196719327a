// One parse worker started ahead of need (the app keeps one): a dropped file's read then skips the worker's start
// (~0.2 s loading SheetJS, the XML parser, iconv) and runs on warmed-up code (a cold first read is ~4× slower).
import { Worker } from 'node:worker_threads'

export type WorkerEntry = { file: string; eval: false } | { code: string; eval: true }

/** How a worker is made: its code and heap caps. A spare is used only for a job that wants exactly these. */
export interface WorkerSpec {
  entry: WorkerEntry
  heapMb: number
  youngMb: number
}

/** workerData of a spare: it warms up (unless told not to), then takes its jobs as messages, one at a time (parse.worker.ts). */
export interface SpareWorkerData {
  spare: true
  warmUp: boolean
}

interface Spare {
  worker: Worker
  key: string
}

let spare: Spare | null = null
let wanted: (() => WorkerSpec) | null = null
/** A spare lent to a read: it comes back (or is replaced) when that read finishes, so no second one starts meanwhile. */
let lent = false

const keyOf = (spec: WorkerSpec) =>
  `${spec.heapMb}/${spec.youngMb}/${spec.entry.eval ? spec.entry.code : spec.entry.file}`

function makeWorker(spec: WorkerSpec, workerData: unknown, pipeOutput: boolean): Worker {
  const worker = new Worker(spec.entry.eval ? spec.entry.code : spec.entry.file, {
    eval: spec.entry.eval,
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: spec.heapMb, maxYoungGenerationSizeMb: spec.youngMb },
    // SheetJS prints notes about odd records ("Missing Info for XLS Record"): keep them out of the app's and CLI's
    // output. A piped stream would keep the process alive, so a spare is not piped: it silences its console itself.
    stdout: pipeOutput,
    stderr: pipeOutput
  })
  worker.stdout?.resume()
  worker.stderr?.resume()
  return worker
}

/** Idle: listens only for its own death, and never keeps the process alive. */
function park(worker: Worker, key: string): void {
  worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit')
  worker.unref()
  const mine: Spare = { worker, key }
  const drop = () => {
    if (spare === mine) spare = null
  }
  worker.once('error', drop)
  worker.once('exit', drop)
  spare = mine
}

function startSpare(): void {
  if (!wanted || spare || lent) return
  const spec = wanted()
  park(makeWorker(spec, { spare: true, warmUp: true } satisfies SpareWorkerData, false), keyOf(spec))
}

/**
 * Keeps one spare worker ready for the spec `spec()` gives (asked again for each new spare), or stops keeping one.
 * The first one starts after `delayMs`, so it does not compete with the app's own start.
 */
export function keepSpareWorker(spec: (() => WorkerSpec) | null, delayMs = 0): void {
  wanted = spec
  if (!spec && spare) {
    void spare.worker.terminate()
    spare = null
  }
  if (spec) setTimeout(startSpare, delayMs).unref()
}

/**
 * One worker started now for a read about to come (the CLI, before it loads the rest of itself): its start overlaps
 * the process's own. No warm-up (the job follows at once) and no replacement after use.
 */
export function startWorkerEarly(spec: WorkerSpec): void {
  if (!spare) park(makeWorker(spec, { spare: true, warmUp: false } satisfies SpareWorkerData, false), keyOf(spec))
}

export interface LentWorker {
  worker: Worker
  /**
   * The caller is done. recycle: the job was small and ended normally, so the worker (its code warm, its heap small)
   * becomes the spare again; otherwise it is terminated and a fresh spare starts.
   */
  finish(recycle: boolean): void
}

/** A worker running `job`: the spare when it fits (warm), else a new one that takes the job as its workerData. */
export function workerFor(spec: WorkerSpec, job: unknown): LentWorker {
  const key = keyOf(spec)
  let worker: Worker
  let fromSpare = false
  if (spare && spare.key === key) {
    worker = spare.worker
    spare = null
    fromSpare = true
    lent = true
    worker.removeAllListeners('error').removeAllListeners('exit')
    worker.ref()
    worker.postMessage(job)
  } else {
    worker = makeWorker(spec, job, true)
  }
  return {
    worker,
    finish(recycle) {
      if (fromSpare) lent = false
      if (recycle && fromSpare && !spare && wanted && keyOf(wanted()) === key) return park(worker, key)
      void worker.terminate().finally(() => setImmediate(startSpare))
    }
  }
}

/** Tests: the spare's thread id (which worker would serve the next read), or null when there is none. */
export function spareThreadId(): number | null {
  return spare?.worker.threadId ?? null
}
