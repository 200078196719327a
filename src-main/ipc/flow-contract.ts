// The multi-file import part of the contract (issue 15 item 5): up to four files, or one workbook with a sheet per kind,
// pushed in 帳獸's guide order (customers → orders → subscriptions → events) as one resumable job. Every argument is zod-checked.
// Imports only zod and type-only shapes; the renderer reads the types. Each step is an ordinary push job: its results and
// report come from push.results / push.exportReport with the step's jobId.
import { z } from 'zod'
import type { Summary } from '../core/upload/types'
import type { WorkbookView } from './shared-contract'

interface Text {
  'zh-TW': string
  en: string
}

export type FlowKindName = 'customers' | 'orders' | 'subscriptions' | 'events'
export type FlowStepState = 'pending' | 'running' | 'paused' | 'finished' | 'failed' | 'stopped' | 'skipped'
export type FlowState = 'running' | 'finished' | 'failed' | 'stopped' | 'error'

/** One sheet of a workbook and the kind it looks like: by its name (訂單, Orders…) or by its column headers. */
export interface FlowSheetGuess {
  sheet: string
  rows: number
  kind: FlowKindName | null
  by: 'name' | 'headers' | null
}

export interface FlowStepView {
  kind: FlowKindName
  target: string
  jobId: string
  /** Customers taken from the other files (no customer file was given). */
  derived: boolean
  /** The file (and sheet) the step's rows come from; null for derived customers. */
  file: string | null
  state: FlowStepState
  done: number
  total: number
  counts: Summary
  /** Why this step stopped the flow (step name, cause, what to do). */
  message: Text | null
  /** The report can be exported (the step ran and its sheet is known). */
  hasResults: boolean
}

export interface FlowStatusView {
  flowId: string
  profileId: string
  state: FlowState
  steps: FlowStepView[]
  /** The step that stopped the flow, when one did. */
  stoppedAt: FlowKindName | null
  message: Text | null
}

/** A flow on disk that did not finish (interrupted, stopped or failed): it can be resumed from the step it reached. */
export interface FlowListing {
  flowId: string
  createdAt: string
  steps: { kind: FlowKindName; status: string; derived: boolean; file: string | null }[]
  running: boolean
  /** Started from the app (a CLI flow is resumed with orderdock push --resume). */
  resumable: boolean
}

const kind = z.enum(['customers', 'orders', 'subscriptions', 'events'])
const flowId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_-]+$/)
const id64 = z.string().min(1).max(64)

export const flowMethodArgs = {
  'flow.sheetKinds': z.object({ sessionId: id64 }).strict(),
  'flow.openSheet': z.object({ sessionId: id64, sheet: z.string().min(1).max(255) }).strict(),
  'flow.start': z
    .object({
      profileId: id64,
      steps: z
        .array(z.object({ kind, prepId: id64 }).strict())
        .min(1)
        .max(4)
        .refine((s) => new Set(s.map((x) => x.kind)).size === s.length, 'one file per kind')
    })
    .strict(),
  'flow.status': z.object({ flowId }).strict(),
  'flow.cancel': z.object({ flowId }).strict(),
  'flow.list': z.object({}).strict(),
  'flow.resume': z.object({ flowId }).strict(),
  'flow.exportReport': z.object({ flowId, kind, format: z.enum(['xlsx', 'csv']) }).strict()
}

export interface FlowMethodResults {
  'flow.sheetKinds': { sheets: FlowSheetGuess[] }
  /** The same workbook opened again on one sheet (its own session, so each sheet gets its own preparation). */
  'flow.openSheet': WorkbookView
  'flow.start': { flowId: string }
  'flow.status': FlowStatusView
  'flow.cancel': FlowStatusView
  'flow.list': FlowListing[]
  'flow.resume': { flowId: string }
  /** One step's results report (derived customers: their e-mail and name); path null: the save dialog was cancelled. */
  'flow.exportReport': { path: string | null }
}

export type FlowMethodName = keyof FlowMethodResults
