// The "review" part of the contract (issue 11 B): the issues panel's groups and fixes, and find & replace in a column.
import { z } from 'zod'
import type { PrepareSummary } from '../core/validation/types'

/** One group of the issues panel (core/review/issue-groups computes them in main). */
export interface IssueGroup {
  /** Stable key: severity|code|field|column. */
  key: string
  severity: 'error' | 'warning'
  code: string
  field: string
  column: string | null
  /** Sheet rows with this issue. */
  rows: number
  /** One example message (the first row's). */
  message: { 'zh-TW': string; en: string }
  /** Distinct values found, most frequent first (at most 5). */
  values: string[]
}

const prepId = z.string().min(1).max(64)
const groupKey = z.string().min(1).max(800)

export const reviewMethodArgs = {
  'review.issueGroups': z.object({ prepId }).strict(),
  'review.fixGroup': z
    .object({
      prepId,
      key: groupKey,
      fix: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('exclude') }).strict(),
        z.object({ kind: z.literal('keepFirst') }).strict(),
        z.object({ kind: z.literal('set'), value: z.string().max(10_000) }).strict(),
        z.object({ kind: z.literal('match'), match: z.string().min(1).max(100) }).strict()
      ])
    })
    .strict(),
  'review.findReplace': z
    .object({
      prepId,
      column: z.string().min(1).max(255),
      find: z.string().max(10_000),
      replace: z.string().max(10_000),
      mode: z.enum(['substring', 'whole']),
      /** false: only count the cells it would change. */
      apply: z.boolean()
    })
    .strict()
}

export interface ReviewMethodResults {
  'review.issueGroups': { groups: IssueGroup[]; truncated: boolean }
  /** rows: how many rows the fix changed (set, excluded or matched). */
  'review.fixGroup': { rows: number; summary: PrepareSummary }
  'review.findReplace': { cells: number; applied: boolean; summary: PrepareSummary }
}
