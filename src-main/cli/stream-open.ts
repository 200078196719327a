// validate's read: the worker streams rows while it reads the file, and each chunk is normalized and validated as
// it arrives (core/validation/stream-prepare.ts), so checking overlaps reading. When the end of the file shows the
// streamed header was not the final one (a merged header, a wider row), the whole table is prepared the ordinary way
// instead. A file not streamed (CSV, several sheets, .xls) is read whole, then prepared from the same compact chunks.
// Same output every way; the preparation keeps the rows compact, as the reader sent them.
import { openWorkbookCompact } from '../core/workbook'
import { chunkLength } from '../core/workbook/compact-rows'
import type { ReadLimits, ReadOptions, SheetRow, SheetTable, WorkbookError } from '../core/workbook/types'
import type { MergeRange } from '../core/workbook/source'
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
      const current = prep as StreamPreparation | null
      // the preparation keeps the reader's compact chunks as they are: rows become Cells one at a time
      if (current) for (const chunk of store.chunksFrom(consumed)) current.add(chunk)
      else {
        // the first rows settle the plan. Padded, never cut: a wider row later widens the final table (prepared afresh)
        const rows = fit(store.page(consumed, received - consumed), start.headers.length, false)
        prep = startPreparation({ ...start, rows }, settings)
        hooks.onFirstRows?.(prep.current, rows.length)
      }
      consumed = received
      store.release(received) // the preparation holds these rows now
    }
  })
  if (!opened.ok) return opened
  const { rows: store, dataMerges, ...meta } = opened.table
  const start = started as SheetTable | null
  const streamed = prep as StreamPreparation | null
  if (start && streamed) {
    if (!sameList(start.headers, meta.headers)) {
      // the final header is not the streamed one: prepare the whole table afresh (same rows, final width)
      const whole = fit(streamed.rows(), meta.headers.length)
      fillMergesInRows(whole, dataMerges ?? [])
      return { ok: true, table: { ...meta, rows: whole }, preparation: null }
    }
    return finish(streamed, meta, dataMerges ?? [])
  }
  // not streamed (CSV, several sheets …): read whole, then prepared the same way from its compact chunks as they are
  const chunks = store.chunksFrom(0)
  const firstRows = chunks.length ? store.page(0, chunkLength(chunks[0])) : []
  const whole = startPreparation(
    { ...meta, rows: fit(firstRows, meta.headers.length, false) },
    settingsFor(meta.headers)
  )
  for (const chunk of chunks.slice(1)) whole.add(chunk)
  store.release(store.length)
  return finish(whole, meta, dataMerges ?? [])
}

/** Every row is in: merged cells fill their rows (read at the sheet's end), and those rows are checked again. */
function finish(
  prepared: StreamPreparation,
  meta: Omit<SheetTable, 'rows'>,
  merges: MergeRange[]
): StreamOpenResult & { ok: true } {
  const filled = prepared.fillMerges((rows) => fillMergesInRows(rows, merges), rowsUnder(merges))
  const preparation = prepared.finish(meta)
  for (const row of filled) preparation.updateRow(row.rowNumber, row.cells)
  // the rows become SheetRows only when asked for (push's report, --errors-out): validate alone never needs them
  let rows: SheetRow[] | undefined
  const table = Object.defineProperty({ ...meta }, 'rows', {
    enumerable: true,
    get: () => (rows ??= prepared.rows())
  }) as SheetTable
  return { ok: true, table, preparation }
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

/** The row numbers merged areas cover, their first row included. */
function* rowsUnder(merges: readonly MergeRange[]): Generator<number> {
  for (const m of merges) for (let r = m.s.r; r <= m.e.r; r++) yield r + 1
}
