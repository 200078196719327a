// "Retry failed": a new job over only the rows that failed or were never sent (and rows fixed since); created rows never go again.
import type { PreparedRecord } from '../targets/types'
import { startJob } from './job'
import { summarize } from './state'
import type { JobEnvironment, JobHandle, JobOptions, JobResult, RowResult } from './types'

/** Outcomes that a retry sends again: failed, invalid (if now valid) and, on request, unknown. */
export function selectRetryRecords(
  previous: RowResult[],
  records: PreparedRecord[],
  opts: { includeUnknown?: boolean } = {}
): PreparedRecord[] {
  const byRow = new Map(previous.map((r) => [r.row, r]))
  return records.filter((rec) => {
    const before = byRow.get(rec.row)
    if (!before) return true
    if (before.outcome === 'failed' || before.outcome === 'not_sent' || before.outcome === 'invalid') return true
    return before.outcome === 'unknown' && !!opts.includeUnknown
  })
}

/** The previous results with every row the retry answered replaced by its new answer. */
export function mergeResults(previous: RowResult[], retry: RowResult[]): RowResult[] {
  const fresh = new Map(retry.map((r) => [r.row, r]))
  const merged = previous.map((r) => fresh.get(r.row) ?? r)
  const known = new Set(previous.map((r) => r.row))
  for (const r of retry) if (!known.has(r.row)) merged.push(r)
  return merged.sort((a, b) => a.row - b.row)
}

export interface RetryFailedInput {
  previous: JobResult
  /** The options of the previous job (its journal header has them). */
  options: JobOptions
  /** All records as they are now (after the user's fixes). */
  records: PreparedRecord[]
  env: JobEnvironment
  includeUnknown?: boolean
  jobId?: string
}

/** Starts the retry job; `done` resolves to the merged results (jobId is the new job's). */
export function retryFailed(input: RetryFailedInput): JobHandle {
  const subset = selectRetryRecords(input.previous.results, input.records, { includeUnknown: input.includeUnknown })
  // Webhooks-mode keys stay those of the first job, so a row that was in flight is replayed, not duplicated.
  // Rows whose batch went out without an answer may already be in the shop: report them as created when found there.
  // So may rows created before their cancel (close-after-create) did not finish: the retry finds them and cancels them once.
  const lostRows = input.previous.results
    .filter((r) => r.reason === 'interrupted' || r.reason === 'not_cancelled' || r.reason === 'cancel_failed')
    .flatMap((r) => r.rows)
  const options: JobOptions = {
    ...input.options,
    idempotencyScope: input.options.idempotencyScope ?? input.previous.jobId,
    lostRows
  }
  const handle = startJob({ records: subset, options, env: input.env, jobId: input.jobId })
  const done = handle.done.then((res) => {
    const results = mergeResults(input.previous.results, res.results)
    const requests = res.requests
    return { ...res, results, summary: summarize(results), requests }
  })
  return { ...handle, done }
}

/** Fill each invalid row's message with its validation errors (what to fix), from the preparation's issues. */
export function explainInvalid(
  results: RowResult[],
  issuesForRow: (
    row: number
  ) => { severity: string; column: string | null; field: string; message: string; messageZh: string }[],
  language: 'zh-TW' | 'en' = 'en'
): RowResult[] {
  return results.map((r) => {
    if (r.outcome !== 'invalid') return r
    const issues = r.rows.flatMap((n) => issuesForRow(n)).filter((i) => i.severity === 'error')
    if (!issues.length) return r
    return {
      ...r,
      message: issues.map((i) => `${i.column ?? i.field}: ${language === 'zh-TW' ? i.messageZh : i.message}`).join('; ')
    }
  })
}
