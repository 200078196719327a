// Preparation fed in chunks while the file is still being read: each chunk's rows are normalized and validated as
// they arrive, cross-row checks (duplicates, SHOPLINE orders) catch up as their rows come in, and finish() makes
// the whole-sheet decisions (dates' day/month order) with every row in. The result equals createPreparation on the
// whole table (stream-prepare.test.ts).
import type { SheetRow, SheetTable } from '../workbook/types'
import type { CompactChunk } from '../workbook/compact-rows'
import { PreparationImpl } from './prepare'
import type { Preparation, PrepareSettings } from './types'

export interface StreamPreparation {
  /** Rows given so far. */
  readonly rowCount: number
  /** The preparation as it stands: the rows so far, each with its own issues; cross-row issues may still grow. */
  readonly current: Preparation
  /** The next rows, in sheet order (rows of one table, continuing the previous chunk): as SheetRows or as the
   * reader's compact chunk, which is kept as it is. */
  add(rows: SheetRow[] | CompactChunk): void
  /** Before finish: fill merged areas into the rows they cover (fill: fillMergesInRows); returns the rows changed,
   * for updateRow after finish. */
  fillMerges(fill: (rows: SheetRow[]) => number[], rowNumbers: Iterable<number>): SheetRow[]
  /** Every row is in: table is the final table without rows (the rows given are the table's rows). */
  finish(table: Omit<SheetTable, 'rows'>): Preparation
  /** The rows given, in order, with the merges filled (the table's rows once finished), as SheetRows. */
  rows(): SheetRow[]
}

/** Starts with the first chunk: first.rows also settle the provisional plan (dates' order is checked again at the end). */
export function startPreparation(first: SheetTable, settings: PrepareSettings): StreamPreparation {
  const impl = new PreparationImpl(first, settings, 'streaming')
  impl.appendRows(first.rows)
  let finished = false
  return {
    get rowCount() {
      return impl.total
    },
    current: impl,
    add(rows) {
      if (finished) throw new Error('preparation already finished')
      if (!Array.isArray(rows) || rows.length) impl.appendRows(rows)
    },
    fillMerges(fill, rowNumbers) {
      if (finished) throw new Error('preparation already finished')
      return impl.fillMerges(fill, rowNumbers)
    },
    finish(table) {
      if (!finished) impl.finishRows(table)
      finished = true
      return impl
    },
    rows: () => impl.sheetRows()
  }
}
