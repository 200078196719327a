// Everything a running job's phases share: options, clients, pacers, journal, state, control signals and counters.
import { getTarget } from '../targets'
import type { Localized, PreparedRecord, Target } from '../targets/types'
import type { ApiClient } from './http'
import type { Journal, JournalEntry } from './journal'
import type { Pacer } from './pacer'
import type { RetryPolicy } from './send'
import type { JobState } from './state'
import type { JobOptions, OnConflict, RequestCounts } from './types'

export interface JobContext {
  jobId: string
  records: PreparedRecord[]
  options: JobOptions
  onConflict: OnConflict | undefined
  batchSize: number
  client: ApiClient
  pacer: Pacer
  policy: RetryPolicy
  journal: Journal
  state: JobState
  counts: RequestCounts
  now: () => number
  reconcileDelayMs: number
  /** Cancels waiting; set by cancel(). */
  stop: AbortController
  /** Aborts the request in flight; set by cancel({abortInFlight}). */
  abortInFlight: AbortController
  /** Resolves immediately unless paused; returns false when the job was cancelled. */
  gate: () => Promise<boolean>
  /** Failures that are not journaled (lookups): shown in this run's results, redone on resume. */
  transient: Map<number, { reason: string; message: string }>
  /** Set when the job must stop (401/403). */
  stopMessage?: Localized
  /** Set when the job stopped because its journal could not be written. */
  stopCode?: 'disk_full' | 'journal_write_failed'
  phase: 'customers' | 'lookup' | 'main'
  progress: () => void
}

export async function record(ctx: JobContext, entry: JournalEntry): Promise<void> {
  await ctx.journal.append(entry)
  ctx.state.apply(entry)
}

/** Indexes of records that are valid, not excluded, and (on resume) still without a final answer. */
export function sendableIndexes(ctx: JobContext): number[] {
  const excluded = new Set(ctx.options.excludedRows ?? [])
  const out: number[] = []
  ctx.records.forEach((r, i) => {
    if (!r.valid || excluded.has(r.row) || r.rows.some((x) => excluded.has(x))) return
    out.push(i)
  })
  return out
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** 'stop' ends the job (auth), 'cancel' ends it because the user asked; 'next' carries on. */
export type StepResult = 'next' | 'stop' | 'cancel'

/** The destination of a job (its journal names it by id): pacing, paths and capabilities are read from it. */
export function jobTarget(options: JobOptions): Target {
  const target = getTarget(options.target)
  if (!target) throw new Error(`Unknown destination "${options.target}" in the job options.`)
  return target
}
