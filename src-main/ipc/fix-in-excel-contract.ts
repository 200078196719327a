// "Fix in Excel and bring it back" (issue 11 B): export the rows with errors to xlsx; re-open a fixed copy into the session.
import { z } from 'zod'
import type { PrepareSummary } from '../core/validation/types'

/** Why a row of the fixed file was not merged (the same shape as core/workspace/merge-back.ts, kept plain for the renderer). */
export type UnmatchedReason = 'row_not_found' | 'no_key' | 'key_not_found' | 'key_ambiguous' | 'conflict'
export interface UnmatchedRow {
  fileRow: number
  reason: UnmatchedReason
  row?: number
  key?: string
}

const prepId = z.string().min(1).max(64)
const bytes = z.union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer).transform((b) => new Uint8Array(b))])

export const fixInExcelMethodArgs = {
  'prepare.exportErrors': z.object({ prepId }).strict(),
  /** apply false: only the summary ("12 rows will be updated, 2 not found"); apply true: the changes become edits. */
  'prepare.mergeBack': z.object({ prepId, name: z.string().min(1).max(255), bytes, apply: z.boolean() }).strict()
}

export interface MergeBackView {
  applied: boolean
  /** Session rows that get (or got) changed cells. */
  rows: number
  cells: number
  matchedByRow: number
  matchedByKey: number
  /** File rows already equal to the session. */
  unchanged: number
  /** File rows that could not be placed (first 200 listed; unmatchedCount has them all). */
  unmatched: UnmatchedRow[]
  unmatchedCount: number
  /** Columns merged / columns of the file the session does not have. */
  columns: string[]
  ignoredColumns: string[]
  /** The first changes, for the summary ("row 12 Email: bad → a@b.tw"). */
  sample: { row: number; column: string; from: string; to: string }[]
  summary: PrepareSummary
}

export interface FixInExcelMethodResults {
  /** path null: the save dialog was cancelled. rows: error rows written. */
  'prepare.exportErrors': { path: string | null; rows: number }
  'prepare.mergeBack': MergeBackView
}
