// validate's read: the worker streams rows while it reads the file, and each chunk is normalized and validated as
// it arrives (core/validation/stream-prepare.ts), so checking overlaps reading. When the end of the file shows the
// streamed header was not the final one (a merged header, a wider row) or the read started over, the whole table is
// prepared the ordinary way instead: same output either way.
import { openWorkbookCompact } from '../core/workbook'
import type { ReadLimits, ReadOptions, SheetRow, SheetTable, WorkbookError } from '../core/workbook/types'
import { EMPTY_CELL as EMPTY } from '../core/workbook/source'
import { fillMergesInRows } from '../core/workbook/stream-merges'
import { startPreparation, type StreamPreparation } from '../core/validation/stream-prepare'
import type { Preparation, PrepareSettings } from '../core/validation/types'

export type StreamOpenResult =
  | { ok: false; error: WorkbookError }
  /** preparation: the streamed one, finished (its settings came from settingsFor); null: prepare table yourself. */
  | { ok: true; table: SheetTable; preparation: Preparation | null }

export interface StreamOpenHooks {
  /** The first rows are validated (a first page): how many. */
  onFirstRows?: (preparation: Preparation, rows: number) => void
  /** Read limits other than the defaults (the benchmarks' 1M-row files get a longer timeout). */
  limits?: Partial<ReadLimits>
}

export async function openAndPrepare(
  path: string,
  options: ReadOptions,
  settingsFor: (headers: string[]) => PrepareSettings,
  hooks: StreamOpenHooks = {}
): Promise<StreamOpenResult> {
  let started: SheetTable | null = null
  let settings: PrepareSettings | null = null
  let prep: StreamPreparation | null = null
  let consumed = 0
  const opened = await openWorkbookCompact({ path }, options, hooks.limits, {
    onStart: (table) => {
      started = table
      settings = settingsFor(table.headers)
      prep = null
      consumed = 0
    },
    onRestart: () => {
      started = null
      prep = null
      consumed = 0
    },
    onChunk: (store, received) => {
      const start = started as SheetTable | null
      if (!start || !settings) return // an ordinary read: its rows are prepared whole below
      // padded, never cut here: a wider row late in the file widens the final table (then it is prepared afresh)
      const rows = fit(store.page(consumed, received - consumed), start.headers.length, false)
      consumed = received
      store.release(received) // the preparation keeps these rows: the compact copy can go
      const current = prep as StreamPreparation | null
      if (current) current.add(rows)
      else {
        prep = startPreparation({ ...start, rows }, settings)
        hooks.onFirstRows?.(prep.current, rows.length)
      }
    }
  })
  if (!opened.ok) return opened
  const { rows: store, dataMerges, ...meta } = opened.table
  const start = started as SheetTable | null
  const streamed = prep as StreamPreparation | null
  if (start && streamed) {
    const rows = streamed.rows()
    if (!sameList(start.headers, meta.headers)) {
      // the final header is not the streamed one: prepare the whole table afresh (same rows, final width)
      const whole = fit(rows, meta.headers.length)
      fillMergesInRows(whole, dataMerges ?? [])
      return { ok: true, table: { ...meta, rows: whole }, preparation: null }
    }
    // merged cells are read at the sheet's end: the rows they fill are checked again with their filled cells
    fit(rows, meta.headers.length)
    const filled = fillMergesInRows(rows, dataMerges ?? [])
    const table: SheetTable = { ...meta, rows }
    const preparation = streamed.finish(table)
    for (const rowNumber of filled) {
      const idx = indexOfRow(rows, rowNumber)
      if (idx >= 0) preparation.updateRow(rowNumber, rows[idx].cells)
    }
    return { ok: true, table, preparation }
  }
  // not streamed (CSV, several sheets …): the rows as Cells, each compact chunk let go once turned into them
  const rows: SheetRow[] = []
  for (let at = 0; at < store.length; at += 5000) {
    for (const row of store.page(at, 5000)) rows.push(row)
    store.release(at + 5000)
  }
  fillMergesInRows(rows, dataMerges ?? [])
  return { ok: true, table: { ...meta, rows }, preparation: null }
}

/** Streamed chunks are as wide as the table so far: pad (and cut) to the header's width, as the whole read does. */
function fit(rows: SheetRow[], width: number, cut = true): SheetRow[] {
  for (const row of rows) {
    if (cut && row.cells.length > width) row.cells.length = width
    while (row.cells.length < width) row.cells.push(EMPTY)
  }
  return rows
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function indexOfRow(rows: SheetRow[], rowNumber: number): number {
  let lo = 0
  let hi = rows.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const n = rows[mid].rowNumber
    if (n === rowNumber) return mid
    if (n < rowNumber) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}
