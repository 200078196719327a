// One source row → normalized field values plus the row's own issues (B0's normalizers do the parsing).
import type Decimal from 'decimal.js'
import type { Cell, SheetRow } from '../workbook/types'
import type { FieldDef, FieldValue, Target } from '../targets/types'
import type { ValueMatches } from '../mapping/types'
import type { Normalized } from '../mapping/normalized'
import { parseMoney } from '../mapping/money'
import { parseDateTime, type DateOrder } from '../mapping/dates'
import { cleanText, parseEmail, parsePhone } from '../mapping/text'
import { isPlaceholder } from '../mapping/placeholders'
import { parseCurrency } from '../mapping/currency'
import { suggestEnumMatch, suggestEnumValue } from '../mapping/values'
import { unmatchedReason } from '../mapping/value-match'
import { M, makeIssue } from './messages'
import type { Derivation } from '../mapping/derivation-types'
import { deriveValue, type RowReader } from '../mapping/derive'
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
  /** Precomputed: an empty cell is an error on this row (grouped targets check order-level fields per order). */
  requiredHere?: boolean
  /** Parse-result cache (every type but integer). */
  memo?: SourceMemo
  /** A constant goes only into rows with this status (a status date such as refunded_at). */
  constantStatus?: string
  /** A derived field: computed from these columns (header → column index) per row. */
  derive?: { derivation: Derivation; cols: Map<string, number> }
}

export interface RowPlan {
  target: Target
  sources: FieldSource[]
  timezone: string
  valueMatches: ValueMatches
  metadata: { ci: number; column: string }[]
  /** field key → its column index (columns only). */
  columnIndex: Map<string, number>
}

/** What a field's cell showed in this row ('' for constants or unmapped fields). */
export function fieldText(plan: RowPlan, st: RowState, field: string): string {
  const ci = plan.columnIndex.get(field)
  return ci === undefined ? '' : rawText(st.cells[ci])
}

export interface RowState {
  rowNumber: number
  values: Record<string, FieldValue>
  /** The row's cells: fieldText() reads what a field's cell showed, for messages. */
  readonly cells: Cell[]
  issues: Issue[]
  /** Cannot be sent yet for a reason reported once elsewhere (an ambiguous date column). */
  blocked: boolean
  metadata?: Record<string, string>
}

/** Where a row's cells are found again by row number (a preparation that keeps its rows compact). */
export interface CellsSource {
  cellsOf(rowNumber: number): Cell[]
}

/** A row state that does not hold its row's Cells: messages, rarely needed, look them up again. */
class LookedUpCellsState implements RowState {
  values: Record<string, FieldValue> = {}
  issues: Issue[] = []
  blocked = false
  declare metadata?: Record<string, string>

  constructor(
    readonly rowNumber: number,
    private readonly source: CellsSource
  ) {}

  get cells(): Cell[] {
    return this.source.cellsOf(this.rowNumber)
  }
}

// Anything but whitespace and the invisible characters cleanText strips: a cheap "not blank" test.
const VISIBLE = /[^\s\u200B-\u200D\u2060\uFEFF\u00AD]/

/** The cell's text as Excel shows it, not cleaned (B0's parsers clean it themselves). */
export function rawText(cell: Cell | undefined): string {
  if (!cell || cell.t === 'z') return ''
  return cell.w !== '' ? cell.w : cell.v === null ? '' : String(cell.v)
}

export function isBlankRow(row: SheetRow): boolean {
  for (const c of row.cells) if (c && c.t !== 'z' && VISIBLE.test(rawText(c))) return false
  return true
}

const MEMO_LIMIT = 20_000
// Printable ASCII with no space at either end is already what cleanText would return (most order numbers).
const PLAIN_ASCII = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/

/** Per-source caches of parse results by what the cell holds: text, number (serials, amounts) or Excel date. */
export interface SourceMemo {
  s: Map<string, Normalized<FieldValue>>
  n: Map<number, Normalized<FieldValue>>
  d: Map<string, Normalized<FieldValue>>
}

export function newSourceMemo(): SourceMemo {
  return { s: new Map(), n: new Map(), d: new Map() }
}

/**
 * The parsers are pure, and sheets repeat themselves (the same customer's e-mail, "已付款" 80,000 times, NT$1,990),
 * so each source remembers results by cell content, up to MEMO_LIMIT distinct values per kind.
 */
function normalizeMemo(src: FieldSource, cell: Cell, text: string, plan: RowPlan): Normalized<FieldValue> {
  const memo = src.memo
  if (!memo) return normalizeCell(src, cell, text, plan)
  if (cell.t === 'n' && typeof cell.v === 'number') {
    const hit = memo.n.get(cell.v)
    if (hit) return hit
    const r = normalizeCell(src, cell, text, plan)
    if (memo.n.size < MEMO_LIMIT) memo.n.set(cell.v, r)
    return r
  }
  const map = cell.t === 'd' ? memo.d : memo.s
  const key = cell.t === 'd' && typeof cell.v === 'string' ? cell.v : text
  const hit = map.get(key)
  if (hit) return hit
  const r = normalizeCell(src, cell, text, plan)
  if (map.size < MEMO_LIMIT) map.set(key, r)
  return r
}

function matchEnum(plan: RowPlan, f: FieldDef, text: string): Normalized<FieldValue> {
  const key = cleanText(text)
  const chosen = plan.valueMatches[f.key]?.[key]
  const value = chosen !== undefined && (f.enumValues ?? []).includes(chosen) ? chosen : suggestEnumValue(f, key)
  if (value !== null) return { ok: true, value }
  // Say "no equivalent at the destination" or "two values tie" when that is why, else the generic message.
  const match = suggestEnumMatch(f, key)
  // An optional field whose value the destination cannot record (貨到付款): sent without it, with a warning.
  if (match.how === 'no_equivalent' && !f.required)
    return { ok: false, code: 'value_no_equivalent', message: M.valueNoEquivalent(f, key, f.enumValues ?? []) }
  const why = unmatchedReason(match, key, f.label, f.enumValues ?? [])
  return { ok: false, code: 'value_unmatched', message: why ?? M.valueUnmatched(f, key) }
}

function parseInteger(cell: Cell, raw: string): Normalized<number> {
  const text = cleanText(raw)
  const n = cell.t === 'n' && typeof cell.v === 'number' ? cell.v : /^\d+(?:\.0+)?$/.test(text) ? Number(text) : NaN
  if (Number.isInteger(n) && n > 0 && n <= 1_000_000) return { ok: true, value: n }
  return { ok: false, code: 'integer_invalid', message: M.integerInvalid(text) }
}

function normalizeCell(src: FieldSource, cell: Cell, text: string, plan: RowPlan): Normalized<FieldValue> {
  const f = src.field
  switch (f.type) {
    case 'money':
      return parseMoney(cell.t === 'n' && typeof cell.v === 'number' ? cell.v : text) as Normalized<Decimal>
    case 'email':
      return parseEmail(text)
    case 'phone':
      return parsePhone(cell.t === 'n' && typeof cell.v === 'number' ? cell.v : text)
    case 'currency':
      return parseCurrency(text)
    case 'integer':
      return parseInteger(cell, text)
    case 'datetime': {
      const input = (cell.t === 'n' || cell.t === 'd') && cell.v !== null && typeof cell.v !== 'boolean' ? cell.v : text
      return parseDateTime(input, {
        timezone: plan.timezone,
        order: src.order,
        kind: cell.t === 'n' || cell.t === 'd' ? cell.t : 's'
      })
    }
    case 'enum':
      return matchEnum(plan, f, text)
    default:
      return { ok: true, value: PLAIN_ASCII.test(text) ? text : cleanText(text) }
  }
}

/** Normalize every mapped field of a row. Grouped targets check order-level "required" per order, not per row. */
export function normalizeRow(plan: RowPlan, row: SheetRow, source?: CellsSource): RowState {
  const state: RowState = source
    ? new LookedUpCellsState(row.rowNumber, source)
    : { rowNumber: row.rowNumber, values: {}, cells: row.cells, issues: [], blocked: false }
  let later: FieldSource[] | null = null
  for (const src of plan.sources) {
    if (src.derive) {
      deriveInto(state, src, row)
      continue
    }
    let cell = src.ci >= 0 ? row.cells[src.ci] : src.constant
    if (src.constant && src.ci >= 0 && isEmptyText(rawText(cell))) cell = src.constant // fills only empty cells
    // a status date's constant waits until the row's status is known
    if (cell === src.constant && src.constantStatus) (later ??= []).push(src)
    else normalizeSource(plan, src, row, cell, state)
  }
  for (const src of later ?? []) {
    if (state.values.status === src.constantStatus) normalizeSource(plan, src, row, src.constant, state)
    else if (src.ci >= 0) normalizeSource(plan, src, row, row.cells[src.ci], state)
  }
  if (plan.metadata.length > 0) {
    const meta: Record<string, string> = {}
    for (const m of plan.metadata) {
      const t = cleanText(rawText(row.cells[m.ci]))
      if (t !== '') meta[m.column] = t
    }
    state.metadata = meta
  }
  return state
}

/** "-", "N/A", "無": an export's way of writing an empty cell. */
function isEmptyText(text: string): boolean {
  return !VISIBLE.test(text) || isPlaceholder(text)
}

function normalizeSource(
  plan: RowPlan,
  src: FieldSource,
  row: SheetRow,
  cell: Cell | undefined,
  state: RowState
): void {
  const f = src.field
  const text = rawText(cell)
  const requiredHere = src.requiredHere === true
  if (isEmptyText(text)) {
    if (requiredHere)
      state.issues.push(makeIssue(row.rowNumber, f, src.column, 'error', 'required_missing', M.requiredMissing(f)))
    return
  }
  if (cell!.t === 'e') {
    state.issues.push(
      makeIssue(
        row.rowNumber,
        f,
        src.column,
        'error',
        'cell_error',
        {
          en: `the cell shows the error ${text}. Fix the formula in the sheet.`,
          'zh-TW': `儲存格顯示錯誤 ${text}。請修正試算表中的公式。`
        },
        text
      )
    )
    return
  }
  const r =
    f.type === 'string' && PLAIN_ASCII.test(text)
      ? ({ ok: true, value: text } as const)
      : normalizeMemo(src, cell!, text, plan)
  if (r.ok) {
    state.values[f.key] = r.value
  } else if ((r.code === 'date_ambiguous' && src.unresolvedOrder) || r.code === 'timezone_invalid') {
    state.blocked = true // said once for the whole column / sheet
  } else if (r.code === 'value_no_equivalent') {
    state.issues.push(makeIssue(row.rowNumber, f, src.column, 'warning', r.code, r.message, text))
  } else if (r.code === 'empty') {
    if (requiredHere)
      state.issues.push(makeIssue(row.rowNumber, f, src.column, 'error', 'required_missing', M.requiredMissing(f)))
  } else {
    state.issues.push(makeIssue(row.rowNumber, f, src.column, 'error', r.code, r.message, text))
  }
}

/** Read a row by column header, for the derivation engine. */
export function rowReader(cols: Map<string, number>, cells: Cell[]): RowReader {
  return {
    text: (column) => rawText(cells[cols.get(column) ?? -1]),
    number: (column) => {
      const c = cells[cols.get(column) ?? -1]
      return c && c.t === 'n' && typeof c.v === 'number' ? c.v : undefined
    }
  }
}

/** A derived field: its value, or an issue naming the row, the source columns and their values. */
function deriveInto(state: RowState, src: FieldSource, row: SheetRow): void {
  const f = src.field
  const out = deriveValue(src.derive!.derivation, rowReader(src.derive!.cols, row.cells))
  if (out.ok) {
    state.values[f.key] = out.value
  } else if (out.code !== 'empty') {
    state.issues.push(makeIssue(row.rowNumber, f, out.column, 'error', out.code, out.message, out.value))
  } else if (src.requiredHere) {
    state.issues.push(
      makeIssue(row.rowNumber, f, out.column, 'error', 'required_missing', {
        en: `${out.message.en} ${M.requiredMissing(f).en}`,
        'zh-TW': `${out.message['zh-TW']}${M.requiredMissing(f)['zh-TW']}`
      })
    )
  }
}
