// The push part of the contract (issue 4): plan, start, pause/resume/cancel, status, per-row results, retry failed, reports, jobs.
// No token ever appears in an argument, a result or an event. Imports only zod and type-only plain-data core types (the renderer reads the types).
import { z } from 'zod'
import type { OnConflict, Outcome, RowResult, Summary } from '../core/upload/types'

interface Text {
  'zh-TW': string
  en: string
}

// The engine's own shapes, under the names the UI uses.
export type PushOutcome = Outcome
export type PushState = 'running' | 'paused' | 'finished' | 'cancelled' | 'stopped' | 'error'
export type PushConflict = OnConflict
export type PushCounts = Summary

export interface PushOptionsView {
  onConflict?: PushConflict
  withCustomers?: boolean
  single?: boolean
  batchSize?: number
}

export interface PushPlanView {
  prepId: string
  profileId: string
  profileName: string
  /** Where the rows go (the API root); never the token. */
  baseUrl: string
  rehearsal: boolean
  target: string
  api: 'zangsho' | 'shopline'
  counts: {
    /** Records (one per row; one per order for SHOPLINE). */
    records: number
    valid: number
    invalid: number
    /** Rows the user excluded. */
    excluded: number
    /** Requests of the main phase (batches, or one per row/order). */
    batches: number
    /** Every request, customers first included (lookups not counted). */
    requests: number
    /** Unique customers pushed first (customers-first option or subscriptions). */
    customers: number
  }
  /** The strategy that will be used (null: the endpoint has none, e.g. SHOPLINE or webhooks mode). */
  onConflict: PushConflict | null
  /** The choices with their plain-words explanation; empty when there is no choice. */
  conflictChoices: { value: PushConflict; isDefault: boolean; explanation: Text }[]
  canWithCustomers: boolean
  canSingle: boolean
  options: PushOptionsView
  warnings: { code: string; count: number; rows: number[]; message: Text }[]
  /** Reasons the push cannot start now (fix first). */
  blockers: { code: string; message: Text }[]
}

export interface PushProgressView {
  jobId: string
  state: PushState
  phase: 'customers' | 'lookup' | 'main'
  done: number
  total: number
  counts: PushCounts
  rowsPerSecond: number
  etaMs: number | null
}

export interface PushStatusView {
  jobId: string
  prepId: string | null
  profileId: string
  target: string
  state: PushState
  progress: PushProgressView
  /** Set once the job ended. */
  summary: PushCounts | null
  requests: { sent: number; retried: number; rateLimited: number } | null
  /** Why a stopped job stopped (401/403…), or why it could not run. */
  message: Text | null
  /** The job this one retried (its results are merged in). */
  retryOf: string | null
}

/** reasonText: the reason in the user's language (the code stays in reason, for filters). */
export type PushResultRow = RowResult & { reasonText?: string }

export type PushResultFilter = 'all' | 'problems' | PushOutcome

export interface PushResultsPage {
  jobId: string
  offset: number
  total: number
  rows: PushResultRow[]
  counts: PushCounts
}

export interface PushJobView {
  jobId: string
  target: string
  createdAt: string
  status: string
  records: number
  answered: number
  file: string | null
  running: boolean
  /** Interrupted, stopped or cancelled: can be resumed (needs its preparation, kept on disk). */
  resumable: boolean
}

/** The summary before sending (push.preview): sizes, time at the profile's pace, money per currency and per month. */
export interface PushPreviewView {
  prepId: string
  profileId: string
  /** Sheet rows that will be sent (a grouped SHOPLINE order counts each of its rows). */
  rows: number
  /** Records that will be sent (one per row; one per order for SHOPLINE). */
  records: number
  batches: number
  requests: number
  /** At least this long at the profile's pacing (the target's service default unless the profile sets one). */
  estimatedMs: number
  /** The gap between two requests used for the estimate. */
  minIntervalMs: number
  /** Totals as decimal strings (decimal.js in main); currency null: the store's own currency (SHOPLINE). */
  currencies: { currency: string | null; total: string; records: number }[]
  /** Per month (yyyy-MM in the session's zone) and currency, oldest first. */
  months: { month: string; currency: string | null; total: string; records: number }[]
  /** Records with an amount but no date to place them in a month. */
  undated: number
  /** False when the destination carries no amount (customers). */
  hasAmounts: boolean
}

export type PushEvent =
  | ({ type: 'push.progress' } & PushProgressView)
  | { type: 'push.finished'; jobId: string; state: PushState; summary: PushCounts }
  | { type: 'push.stopped'; jobId: string; message: Text }

const prepId = z.string().min(1).max(64)
const profileId = z.string().min(1).max(64)
const jobId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_-]+$/)
const options = z
  .object({
    onConflict: z.enum(['skip', 'update']).optional(),
    withCustomers: z.boolean().optional(),
    single: z.boolean().optional(),
    batchSize: z.number().int().min(1).max(100).optional()
  })
  .strict()

export const pushMethodArgs = {
  'push.plan': z.object({ prepId, profileId, options: options.optional() }).strict(),
  'push.start': z.object({ prepId, profileId, options: options.optional() }).strict(),
  'push.pause': z.object({ jobId }).strict(),
  'push.resume': z.object({ jobId }).strict(),
  'push.cancel': z.object({ jobId }).strict(),
  'push.status': z.object({ jobId }).strict(),
  'push.results': z
    .object({
      jobId,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
      filter: z
        .enum(['all', 'problems', 'created', 'updated', 'skipped', 'failed', 'not_sent', 'invalid', 'unknown'])
        .optional()
    })
    .strict(),
  'push.retryFailed': z.object({ jobId }).strict(),
  'push.exportReport': z.object({ jobId, format: z.enum(['xlsx', 'csv']) }).strict(),
  'push.jobs': z.object({}).strict(),
  'push.preview': z.object({ prepId, profileId, options: options.optional() }).strict(),
  'push.resumeJob': z.object({ jobId }).strict()
}

export interface PushMethodResults {
  'push.plan': PushPlanView
  'push.start': { jobId: string }
  'push.pause': PushStatusView
  'push.resume': PushStatusView
  'push.cancel': PushStatusView
  'push.status': PushStatusView
  'push.results': PushResultsPage
  'push.retryFailed': { jobId: string }
  /** path null: the user cancelled the save dialog. */
  'push.exportReport': { path: string | null }
  'push.jobs': PushJobView[]
  'push.resumeJob': { jobId: string }
  'push.preview': PushPreviewView
}

export type PushMethodName = keyof PushMethodResults
