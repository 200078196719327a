// Where a constant (固定值) may go: only into rows whose cell is empty, and for a status date (paid_at, refunded_at,
// failed_at) only into rows whose status calls for it, so a refund time is never stamped on a paid order.
import type { Mapping } from '../mapping/types'
import { isColumnEntry } from '../mapping/types'
import type { Target } from '../targets/types'
import { buildSheetPlan, type PlanTable } from './plan'
import { isBlankRow, normalizeRow, rawText } from './row'
import { statusForConstant } from './constant-status'
import type { PrepareSettings } from './types'

export interface ConstantReach {
  /** Rows the constant would fill. */
  rows: number
  /** Rows (not blank, not excluded) in the sheet. */
  total: number
  /** The status a row needs (a status date), else null. */
  status: string | null
}

/** How many rows a constant for this field would fill, counted before it is applied. */
export function constantReach(
  table: PlanTable,
  settings: PrepareSettings,
  target: Target,
  field: string
): ConstantReach {
  const status = statusForConstant(target, field)
  const entry = settings.mapping[field]
  const ci = isColumnEntry(entry) ? table.headers.indexOf(entry.column) : -1
  // only the status needs normalizing (value matches apply), and only when the field is a status date
  const mapping: Mapping = status && settings.mapping.status ? { status: settings.mapping.status } : {}
  const plan = status ? buildSheetPlan(table, { ...settings, mapping }, target).plan : null
  const excluded = new Set(settings.excludedRows ?? [])
  let rows = 0
  let total = 0
  for (const row of table.rows) {
    if (excluded.has(row.rowNumber) || isBlankRow(row)) continue
    total++
    const cell = ci >= 0 ? row.cells[ci] : undefined
    if (rawText(cell).trim() !== '') continue
    if (plan && normalizeRow(plan, row).values.status !== status) continue
    rows++
  }
  return { rows, total, status }
}
