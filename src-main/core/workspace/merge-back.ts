// "Bring it back": a fixed copy of the exported error rows is matched to the session's rows (by the exported sheet-row
// column, else by the business key) and its changed cells become ordinary edits. Pure: the service applies the plan.
import type { Cell, SheetRow } from '../workbook/types'
import { MESSAGES_COLUMN, ROW_COLUMN } from './error-rows-export'

export interface MergeBackInput {
  /** The session's edited table. */
  headers: string[]
  rows: Iterable<SheetRow>
  /** Source column holding the business key (order number / e-mail), or null when none is mapped. */
  keyColumn: string | null
  keyIgnoreCase?: boolean
  /** The fixed file as read back. */
  fixed: { headers: string[]; rows: SheetRow[] }
}

export interface CellChange {
  column: string
  from: string
  to: string
}

export interface RowUpdate {
  /** Session sheet row the changes go to. */
  row: number
  /** Row of the fixed file they came from. */
  fileRow: number
  matchedBy: 'row' | 'key'
  changes: CellChange[]
}

export type UnmatchedReason = 'row_not_found' | 'no_key' | 'key_not_found' | 'key_ambiguous' | 'conflict'

export interface UnmatchedRow {
  fileRow: number
  reason: UnmatchedReason
  /** The sheet row or key the file row named. */
  row?: number
  key?: string
}

export interface MergePlan {
  updates: RowUpdate[]
  /** File rows matched to a session row whose cells are all the same already. */
  unchanged: number
  unmatched: UnmatchedRow[]
  /** Columns of the file that are session columns (the only ones merged). */
  columns: string[]
  /** Columns of the file the session does not have (ignored). */
  ignoredColumns: string[]
}

const ROW_HEADERS = new Set(Object.values(ROW_COLUMN))
const MESSAGE_HEADERS = new Set(Object.values(MESSAGES_COLUMN))

/** The text a cell stands for (what an edit would type): the shown text, or the value when nothing is shown. */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.t === 'z' || cell.v === null) return cell?.w ?? ''
  if (cell.w !== undefined && cell.w !== '') return cell.w
  return String(cell.v)
}

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  // 1990 shown as "1,990" in the session and "1990" in Excel's copy is the same number
  if (a?.t === 'n' && b?.t === 'n') return a.v === b.v
  return cellText(a).trim() === cellText(b).trim()
}

function rowNumberIn(cell: Cell | undefined): number | null {
  const n = typeof cell?.v === 'number' ? cell.v : Number(cellText(cell).trim())
  return Number.isInteger(n) && n > 0 ? n : null
}

export function planMergeBack(input: MergeBackInput): MergePlan {
  const fixedHeaders = input.fixed.headers.map((h) => h.trim())
  const rowCol = fixedHeaders.findIndex((h) => ROW_HEADERS.has(h))
  const sessionCol = new Map(input.headers.map((h, i) => [h.trim(), i]))
  const shared: { file: number; session: number; name: string }[] = []
  const ignoredColumns: string[] = []
  fixedHeaders.forEach((h, i) => {
    if (i === rowCol || MESSAGE_HEADERS.has(h)) return
    const s = sessionCol.get(h)
    if (s === undefined) ignoredColumns.push(input.fixed.headers[i])
    else shared.push({ file: i, session: s, name: input.headers[s] })
  })

  const byNumber = new Map(Array.from(input.rows, (r) => [r.rowNumber, r]))
  const fold = (text: string): string => (input.keyIgnoreCase ? text.trim().toLowerCase() : text.trim())
  const keySession = input.keyColumn === null ? -1 : input.headers.indexOf(input.keyColumn)
  const keyFile = input.keyColumn === null ? -1 : fixedHeaders.indexOf(input.keyColumn.trim())
  const byKey = new Map<string, number[]>()
  if (keySession >= 0 && keyFile >= 0) {
    for (const r of input.rows) {
      const k = fold(cellText(r.cells[keySession]))
      if (k) byKey.set(k, [...(byKey.get(k) ?? []), r.rowNumber])
    }
  }

  const unmatched: UnmatchedRow[] = []
  const matched = new Map<number, RowUpdate[]>()
  for (const fileRow of input.fixed.rows) {
    if (fileRow.cells.every((c) => cellText(c).trim() === '')) continue
    let target: SheetRow | undefined
    let matchedBy: RowUpdate['matchedBy'] = 'row'
    const named = rowCol >= 0 ? rowNumberIn(fileRow.cells[rowCol]) : null
    if (named !== null) target = byNumber.get(named)
    if (!target) {
      const key = keyFile >= 0 ? fold(cellText(fileRow.cells[keyFile])) : ''
      const found = key ? (byKey.get(key) ?? []) : []
      if (found.length === 1) {
        target = byNumber.get(found[0])
        matchedBy = 'key'
      } else {
        const reason: UnmatchedReason =
          named !== null && !key
            ? 'row_not_found'
            : !key
              ? 'no_key'
              : found.length > 1
                ? 'key_ambiguous'
                : 'key_not_found'
        unmatched.push({
          fileRow: fileRow.rowNumber,
          reason,
          ...(named !== null ? { row: named } : {}),
          ...(key ? { key: cellText(fileRow.cells[keyFile]).trim() } : {})
        })
        continue
      }
    }
    const current = target as SheetRow
    const changes: CellChange[] = []
    for (const c of shared) {
      const before = current.cells[c.session]
      const after = fileRow.cells[c.file]
      if (!sameCell(before, after))
        changes.push({
          column: c.name,
          from: cellText(before),
          to: cellText(after).trim() === '' ? '' : cellText(after)
        })
    }
    const update: RowUpdate = { row: current.rowNumber, fileRow: fileRow.rowNumber, matchedBy, changes }
    matched.set(current.rowNumber, [...(matched.get(current.rowNumber) ?? []), update])
  }

  const updates: RowUpdate[] = []
  let unchanged = 0
  for (const [row, list] of [...matched].sort((a, b) => a[0] - b[0])) {
    const signature = (u: RowUpdate): string => JSON.stringify(u.changes.map((c) => [c.column, c.to]))
    // two file rows for one session row that disagree: neither is applied, both are listed
    if (new Set(list.map(signature)).size > 1) {
      for (const u of list) unmatched.push({ fileRow: u.fileRow, reason: 'conflict', row })
      continue
    }
    if (list[0].changes.length) updates.push(list[0])
    else unchanged++
  }
  unmatched.sort((a, b) => a.fileRow - b.fileRow)
  return { updates, unchanged, unmatched, columns: shared.map((c) => c.name), ignoredColumns }
}
