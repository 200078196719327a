// Shapes shared by the upload engine, the CLI, the report writer and (through IPC) the UI.
import type { Localized, PreparedRecord, TargetId, TargetTransport } from '../targets/types'

/** not_sent: the job ended (cancelled, stopped, or ended first) before this row went out; failed: the server or network refused it. */
export type Outcome = 'created' | 'updated' | 'skipped' | 'failed' | 'not_sent' | 'invalid' | 'unknown'
export type OnConflict = 'skip' | 'update'
export type ApiName = 'zangsho' | 'shopline'

/** The final word on one record (one spreadsheet row, or several rows for a grouped SHOPLINE order). */
export interface RowResult {
  row: number
  rows: number[]
  outcome: Outcome
  id: number | string | null
  reason: string | null
  message: string | null
  /** The business key (order number, e-mail) from the prepared record, when the app knows it. */
  key?: string | null
}

export interface Summary {
  total: number
  created: number
  updated: number
  skipped: number
  failed: number
  /** Rows that never went out because the job ended first (cancel, stop): nothing was refused. */
  notSent: number
  invalid: number
  unknown: number
}

export interface RequestCounts {
  sent: number
  retried: number
  rateLimited: number
}

/** Everything that decides what is sent. Stored in the journal header (never the token). */
export interface JobOptions {
  target: TargetId
  transport: TargetTransport
  baseUrl: string
  /** Defaults to the endpoint's documented default. */
  onConflict?: OnConflict
  /** zangsho.orders: push the customers found in the order rows first (customers/batch, skip). */
  withCustomers?: boolean
  /** zangsho.orders: one POST /orders per row with an idempotency key (fires webhooks). */
  single?: boolean
  /** ≤ transport.maxBatch. */
  batchSize?: number
  /** Minimum gap between two requests to the same API. Default: the target's service.defaultMinIntervalMs (core/targets/api-services.ts). */
  minIntervalMs?: number
  /** Rows (Excel numbers) the user excluded: reported skipped/excluded, never sent. */
  excludedRows?: number[]
  /** SHOPLINE: filled into payload.order when the payload lacks them. */
  deliveryOptionId?: string
  paymentMethodId?: string
  /** Rows an earlier job sent without hearing back (retry failed after an interruption): found "already there" means created. */
  lostRows?: number[]
  /** Scope of webhooks-mode idempotency keys: a retry-failed job keeps its first job's scope. */
  idempotencyScope?: string
  /** Free data stored in the journal header so a later resume can rebuild the records (e.g. file path + validate options). */
  source?: Record<string, unknown>
}

/** Side effects and tuning, never stored. */
export interface JobEnvironment {
  fetch: typeof globalThis.fetch
  token: string
  journalDir: string
  now?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
  userAgent?: string
  requestTimeoutMs?: number
  maxAttempts?: number
  backoffBaseMs?: number
  backoffCapMs?: number
  /** SHOPLINE: wait before searching for an order whose request ended ambiguously. */
  reconcileDelayMs?: number
  onProgress?: (event: ProgressEvent) => void
  /** Throttle for progress events; default 100 ms (≤ 10/s). */
  progressIntervalMs?: number
  /** Opens the journal file (tests inject short writes and ENOSPC); default node:fs/promises open. */
  openJournalFile?: OpenJournalFile
}

export interface StartJobInput {
  records: PreparedRecord[]
  options: JobOptions
  env: JobEnvironment
  /** Continue this job from its journal instead of starting a new one. */
  resumeJobId?: string
  /** Use this id for a new job (tests, UI); default a random id. */
  jobId?: string
}

export type JobStatus = 'finished' | 'cancelled' | 'stopped'

export interface JobResult {
  jobId: string
  target: TargetId
  status: JobStatus
  /** Why a stopped job stopped (401/403, unreachable), in both languages. */
  stopMessage?: Localized
  /** disk_full: the journal could not be written (no space); free space and resume. */
  stopCode?: 'disk_full' | 'journal_write_failed'
  summary: Summary
  results: RowResult[]
  requests: RequestCounts
  /** Customers pushed ahead of orders/subscriptions. */
  customers?: { created: number; skipped: number; failed: number }
}

export interface ProgressEvent {
  jobId: string
  phase: 'customers' | 'lookup' | 'main'
  done: number
  total: number
  counts: Summary
  rowsPerSecond: number
  etaMs: number | null
  paused: boolean
}

export interface JobHandle {
  jobId: string
  pause(): void
  resume(): void
  /** Stop after the in-flight request (or abort it with abortInFlight; it stays unacknowledged and is resent on resume). */
  cancel(opts?: { abortInFlight?: boolean }): void
  done: Promise<JobResult>
}

/** The part of a FileHandle the journal uses; node's FileHandle satisfies it (see journal-file.ts). */
export interface JournalFile {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>
  sync(): Promise<void>
  truncate(len: number): Promise<void>
  stat(): Promise<{ size: number }>
  close(): Promise<void>
}

export type OpenJournalFile = (path: string, flags: 'a' | 'ax', mode: number) => Promise<JournalFile>
