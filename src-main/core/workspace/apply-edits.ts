// Overlay the user's sparse cell edits (and exclusions) onto the rows read from the file; the file itself never changes.
import type { Cell, SheetRow, SheetTable } from '../workbook/types'
import type { SessionState } from './session-schema'

/** A row after edits: excluded rows are marked, edited columns listed. Still a SheetRow for everything downstream. */
export interface EditedRow extends SheetRow {
  excluded?: boolean
  edited?: string[]
}

const BLANK: Cell = { t: 'z', v: null, w: '' }

/** The cell a typed text becomes: text as typed ({t:'s'}); an emptied cell becomes a blank cell. */
export function editedCell(text: string): Cell {
  return text === '' ? { ...BLANK } : { t: 's', v: text, w: text }
}

/**
 * A new table whose edited rows carry the typed text in place of the original cells. Rows without edits are the
 * same objects (cheap on 100k rows). Edits for a column the table does not have are ignored.
 */
export function applyEdits<T extends Pick<SheetTable, 'headers' | 'rows'>>(
  table: T,
  edits: SessionState['edits'],
  excluded: readonly number[] = []
): T {
  const out = new Set(excluded)
  const columnIndex = new Map(table.headers.map((h, i) => [h, i]))
  const rows = table.rows.map((row): EditedRow => {
    const rowEdits = edits[String(row.rowNumber)]
    const isExcluded = out.has(row.rowNumber)
    if (!rowEdits && !isExcluded) return row
    const copy: EditedRow = { rowNumber: row.rowNumber, cells: row.cells }
    if (rowEdits) {
      const cells = [...row.cells]
      const edited: string[] = []
      for (const [column, text] of Object.entries(rowEdits)) {
        const index = columnIndex.get(column)
        if (index === undefined) continue
        while (cells.length <= index) cells.push({ ...BLANK })
        cells[index] = editedCell(text)
        edited.push(column)
      }
      copy.cells = cells
      if (edited.length) copy.edited = edited
    }
    if (isExcluded) copy.excluded = true
    return copy
  })
  return { ...table, rows }
}
