// Worker entry: parses one file off the main thread so a huge or hostile file cannot freeze or crash the app.
// Posts progress while reading, the rows in compact chunks, then the table (see parse-job.ts WorkerMessage).
import { parentPort, workerData } from 'node:worker_threads'
import { runParseJobStreaming, type ParseJob } from './parse-job'
import { workbookError } from './errors'

export type { ParseJob } from './parse-job'

if (parentPort && workerData) {
  const port = parentPort
  const job = workerData as ParseJob
  runParseJobStreaming(job, (message, transfer) => port.postMessage(message, transfer)).catch((err: unknown) => {
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
