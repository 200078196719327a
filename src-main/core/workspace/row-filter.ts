// Which rows a grid filter shows: all, rows with errors, rows with warnings, or excluded rows.
import type { Preparation } from '../validation/types'
import type { RowList } from '../validation/row-list'

export type RowFilter = 'all' | 'errors' | 'warnings' | 'excluded'

/**
 * Indexes into rows that pass the filter, in sheet order. Excluded rows count only under 'excluded' (and 'all').
 * Only row numbers are read: the rows' cells are never made.
 */
export function filterRows(
  rows: Pick<RowList, 'length' | 'rowNumberAt'>,
  filter: RowFilter,
  prep: Preparation | null,
  excluded: ReadonlySet<number>
): number[] {
  const out: number[] = []
  const severity = filter === 'errors' ? 'error' : 'warning'
  for (let i = 0; i < rows.length; i++) {
    const rowNumber = rows.rowNumberAt(i)
    if (filter === 'all') out.push(i)
    else if (filter === 'excluded') {
      if (excluded.has(rowNumber)) out.push(i)
    } else if (!excluded.has(rowNumber) && prep?.issuesForRow(rowNumber).some((x) => x.severity === severity))
      out.push(i)
  }
  return out
}
