// Preparation fed in chunks while the file is still being read: each chunk's rows are normalized and validated as
// they arrive, cross-row checks (duplicates, SHOPLINE orders) catch up as their rows come in, and finish() makes
// the whole-sheet decisions (dates' day/month order) with every row in. The result equals createPreparation on the
// whole table (stream-prepare.test.ts).
import type { SheetRow, SheetTable } from '../workbook/types'
import { PreparationImpl } from './prepare'
import type { Preparation, PrepareSettings } from './types'

export interface StreamPreparation {
  /** Rows given so far. */
  readonly rowCount: number
  /** The preparation as it stands: the rows so far, each with its own issues; cross-row issues may still grow. */
  readonly current: Preparation
  /** The next rows, in sheet order (rows of one table, continuing the previous chunk). */
  add(rows: SheetRow[]): void
  /** Every row is in: table is the final table (its rows are ignored; the rows given are the table's rows). */
  finish(table: SheetTable): Preparation
  /** The rows given, in order (the table's rows once finished). */
  rows(): SheetRow[]
}

/** Starts with the first chunk: first.rows also settle the provisional plan (dates' order is checked again at the end). */
export function startPreparation(first: SheetTable, settings: PrepareSettings): StreamPreparation {
  const impl = new PreparationImpl(first, settings, 'streaming')
  impl.appendRows(first.rows)
  let finished = false
  return {
    get rowCount() {
      return impl.sheetRows().length
    },
    current: impl,
    add(rows) {
      if (finished) throw new Error('preparation already finished')
      if (rows.length) impl.appendRows(rows)
    },
    finish(table) {
      if (!finished) impl.finishRows(table)
      finished = true
      return impl
    },
    rows: () => impl.sheetRows()
  }
}
