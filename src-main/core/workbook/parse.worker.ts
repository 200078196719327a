// Worker entry: parses one file off the main thread so a huge or hostile file cannot freeze or crash the app.
import { parentPort, workerData } from 'node:worker_threads'
import { readFileSync } from 'node:fs'
import { readWorkbookBytes } from './read'
import { workbookError } from './errors'
import type { ReadLimits, ReadOptions } from './types'
import type { OpenResult } from './open-result'

export interface ParseJob {
  name: string
  path?: string
  bytes?: Uint8Array
  options: ReadOptions
  limits: ReadLimits
}

function run(job: ParseJob): OpenResult {
  let bytes = job.bytes
  if (!bytes) {
    try {
      bytes = readFileSync(job.path!)
    } catch {
      return { ok: false, error: workbookError('not_found', job.name) }
    }
  }
  return readWorkbookBytes(job.name, bytes, job.options, job.limits)
}

if (parentPort && workerData) parentPort.postMessage(run(workerData as ParseJob))
