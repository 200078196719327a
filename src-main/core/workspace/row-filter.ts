// Which rows a grid filter shows: all, rows with errors, rows with warnings, or excluded rows.
import type { Preparation } from '../validation/types'
import type { EditedRow } from './apply-edits'

export type RowFilter = 'all' | 'errors' | 'warnings' | 'excluded'

/** Indexes into rows that pass the filter, in sheet order. Excluded rows count only under 'excluded' (and 'all'). */
export function filterRows(rows: readonly EditedRow[], filter: RowFilter, prep: Preparation | null): number[] {
  const out: number[] = []
  const severity = filter === 'errors' ? 'error' : 'warning'
  rows.forEach((row, i) => {
    if (filter === 'all') out.push(i)
    else if (filter === 'excluded') {
      if (row.excluded) out.push(i)
    } else if (!row.excluded && prep?.issuesForRow(row.rowNumber).some((x) => x.severity === severity)) out.push(i)
  })
  return out
}
