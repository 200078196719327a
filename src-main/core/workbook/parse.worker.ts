// Worker entry: parses one file off the main thread so a huge or hostile file cannot freeze or crash the app.
// Posts progress while reading, the rows in compact chunks, then the table (see parse-job.ts WorkerMessage).
import { parentPort, workerData } from 'node:worker_threads'
import { runParseJobStreaming, type ParseJob } from './parse-job'
import { workbookError } from './errors'
import { warmUpReader } from './warm-up'
import type { SpareWorkerData } from './spare-worker'

export type { ParseJob } from './parse-job'

function run(port: NonNullable<typeof parentPort>, job: ParseJob): Promise<void> {
  return runParseJobStreaming(job, (message, transfer) => port.postMessage(message, transfer)).catch((err: unknown) => {
    port.postMessage({
      type: 'done',
      result: {
        ok: false,
        error: workbookError('corrupt', job.name, {
          detail: err instanceof Error ? err.message.slice(0, 120) : undefined
        })
      }
    })
  })
}

if (parentPort && workerData) {
  const port = parentPort
  // a spare started ahead (spare-worker.ts) warms up, then takes its jobs as messages, one at a time (a job posted
  // during the warm-up cuts it short); otherwise the one job is the workerData
  const spare = workerData as Partial<SpareWorkerData>
  if (spare.spare) {
    // its output is not piped (spare-worker.ts): SheetJS's notes on odd records must not reach the app's output
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) console[level] = () => undefined
    let waiting = 0
    let queue = spare.warmUp ? warmUpReader(() => waiting > 0) : Promise.resolve()
    port.on('message', (job: ParseJob) => {
      waiting++
      queue = queue.then(() => {
        waiting--
        return run(port, job)
      })
    })
  } else void run(port, workerData as ParseJob)
}
