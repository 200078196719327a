// One source row → normalized field values plus the row's own issues (B0's normalizers do the parsing).
import type Decimal from 'decimal.js'
import type { Cell, SheetRow } from '../workbook/types'
import type { FieldDef, FieldValue, Target } from '../targets/types'
import type { ValueMatches } from '../mapping/types'
import type { Normalized } from '../mapping/normalized'
import { parseMoney } from '../mapping/money'
import { parseDateTime, type DateOrder } from '../mapping/dates'
import { cleanText, parseEmail, parsePhone } from '../mapping/text'
import { parseCurrency } from '../mapping/currency'
import { cellText, suggestEnumValue } from '../mapping/values'
import { M, makeIssue } from './messages'
import type { Issue } from './types'

export interface FieldSource {
  field: FieldDef
  /** Column index in the sheet, or -1 for a constant. */
  ci: number
  column: string | null
  constant?: Cell
  /** Day/month order for a date column (chosen or detected). */
  order?: DateOrder
  /** The column's day/month order is ambiguous and not chosen: its rows are blocked, one column issue asks. */
  unresolvedOrder?: boolean
}

export interface RowPlan {
  target: Target
  sources: FieldSource[]
  timezone: string
  valueMatches: ValueMatches
  metadata: { ci: number; column: string }[]
}

export interface RowState {
  rowNumber: number
  values: Record<string, FieldValue>
  /** What the cell showed, per field (for messages). */
  texts: Record<string, string>
  issues: Issue[]
  /** Cannot be sent yet for a reason reported once elsewhere (an ambiguous date column). */
  blocked: boolean
  metadata?: Record<string, string>
}

export function isBlankRow(row: SheetRow): boolean {
  for (const c of row.cells) if (c && c.t !== 'z' && cellText(c) !== '') return false
  return true
}

function parseInteger(cell: Cell, text: string): Normalized<number> {
  const n = cell.t === 'n' && typeof cell.v === 'number' ? cell.v : /^\d+(?:\.0+)?$/.test(text) ? Number(text) : NaN
  if (Number.isInteger(n) && n > 0 && n <= 1_000_000) return { ok: true, value: n }
  return { ok: false, code: 'integer_invalid', message: M.integerInvalid(text) }
}

function normalizeCell(src: FieldSource, cell: Cell, text: string, plan: RowPlan): Normalized<FieldValue> {
  const f = src.field
  switch (f.type) {
    case 'money': return parseMoney(cell.t === 'n' && typeof cell.v === 'number' ? cell.v : text) as Normalized<Decimal>
    case 'email': return parseEmail(text)
    case 'phone': return parsePhone(cell.t === 'n' && typeof cell.v === 'number' ? cell.v : text)
    case 'currency': return parseCurrency(text)
    case 'integer': return parseInteger(cell, text)
    case 'datetime': {
      const input = (cell.t === 'n' || cell.t === 'd') && cell.v !== null && typeof cell.v !== 'boolean' ? cell.v : text
      return parseDateTime(input, { timezone: plan.timezone, order: src.order, kind: cell.t === 'n' || cell.t === 'd' ? cell.t : 's' })
    }
    case 'enum': {
      const chosen = plan.valueMatches[f.key]?.[text]
      const value = chosen !== undefined && (f.enumValues ?? []).includes(chosen) ? chosen : suggestEnumValue(f, text)
      return value !== null ? { ok: true, value } : { ok: false, code: 'value_unmatched', message: M.valueUnmatched(f, text) }
    }
    default: return { ok: true, value: text }
  }
}

/** Normalize every mapped field of a row. Grouped targets check order-level "required" per order, not per row. */
export function normalizeRow(plan: RowPlan, row: SheetRow): RowState {
  const state: RowState = { rowNumber: row.rowNumber, values: {}, texts: {}, issues: [], blocked: false }
  const grouped = plan.target.groupBy !== undefined
  for (const src of plan.sources) {
    const f = src.field
    const cell = src.ci >= 0 ? row.cells[src.ci] : src.constant
    const text = cell ? cellText(cell) : ''
    const requiredHere = f.required && (!grouped || f.perLine === true || f.key === plan.target.groupBy)
    if (text === '') {
      if (requiredHere) state.issues.push(makeIssue(row.rowNumber, f, src.column, 'error', 'required_missing', M.requiredMissing(f)))
      continue
    }
    state.texts[f.key] = text
    if (cell!.t === 'e') {
      state.issues.push(makeIssue(row.rowNumber, f, src.column, 'error', 'cell_error',
        { en: `the cell shows the error ${text}. Fix the formula in the sheet.`, 'zh-TW': `儲存格顯示錯誤 ${text}。請修正試算表中的公式。` }, text))
      continue
    }
    const r = f.type === 'string' ? ({ ok: true, value: cleanText(text) } as const) : normalizeCell(src, cell!, text, plan)
    if (r.ok) {
      state.values[f.key] = r.value
    } else if (r.code === 'date_ambiguous' && src.unresolvedOrder) {
      state.blocked = true
    } else if (r.code === 'empty') {
      if (requiredHere) state.issues.push(makeIssue(row.rowNumber, f, src.column, 'error', 'required_missing', M.requiredMissing(f)))
    } else {
      state.issues.push(makeIssue(row.rowNumber, f, src.column, 'error', r.code, r.message, text))
    }
  }
  if (plan.metadata.length > 0) {
    const meta: Record<string, string> = {}
    for (const m of plan.metadata) {
      const t = cellText(row.cells[m.ci])
      if (t !== '') meta[m.column] = t
    }
    state.metadata = meta
  }
  return state
}
