// One parse job: what the worker is given, and how it is read (in the worker, or in-process when the worker cannot start).
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

export function runParseJob(job: ParseJob): OpenResult {
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
