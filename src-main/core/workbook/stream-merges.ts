// Merged areas below the header, filled into rows that were streamed before the merges (at the sheet's end) were read:
// each covered cell below the top-left takes its value, as table.ts does for a whole read.
import type { SheetRow } from './types'
import { isBlankCell, type MergeRange } from './source'
import { CompactRowStore, packRows } from './compact-rows'

/** Fills the merges into rows (in place, rows in sheet order); returns the row numbers whose cells changed. */
export function fillMergesInRows(rows: SheetRow[], merges: MergeRange[]): number[] {
  if (!merges.length) return []
  const byIndex = new Map<number, SheetRow>()
  for (const row of rows) byIndex.set(row.rowNumber - 1, row)
  const changed = new Set<number>()
  for (const m of merges) {
    const anchor = byIndex.get(m.s.r)?.cells[m.s.c]
    if (!anchor || isBlankCell(anchor)) continue
    for (let r = m.s.r + 1; r <= m.e.r; r++) {
      const row = byIndex.get(r)
      if (row && isBlankCell(row.cells[m.s.c])) {
        row.cells[m.s.c] = anchor
        changed.add(row.rowNumber)
      }
    }
  }
  return [...changed].sort((a, b) => a - b)
}

/** The same on a store's rows (the store is packed again); returns the row numbers whose cells changed. */
export function fillStreamedMerges(store: CompactRowStore, merges: MergeRange[], width: number): number[] {
  store.setWidth(width)
  if (!merges.length) return []
  const rows = store.toRows()
  const changed = fillMergesInRows(rows, merges)
  store.clear()
  for (let at = 0; at < rows.length; at += 5000) store.push(packRows(rows.slice(at, at + 5000), width))
  store.setWidth(width)
  return changed
}
