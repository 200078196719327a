// The row count on a grid filter tab: the same numbers as the chips, taken from the same summary.
import type { PrepareView, RowFilter } from '../../../../src-main/ipc/contract'
import { formatNumber } from '../../i18n/number-format'

export function filterCount(view: PrepareView, filter: RowFilter): number | null {
  const { summary } = view
  if (filter === 'errors') return summary.errorRows ?? null
  if (filter === 'warnings') return summary.warningRows ?? null
  if (filter === 'all') return view.totalRows
  return null
}

export function FilterCount({ view, filter }: { view: PrepareView; filter: RowFilter }) {
  const count = filterCount(view, filter)
  if (count === null) return null
  return (
    <>
      {' '}
      <span className="tab-count" data-testid={`filter-count-${filter}`}>
        {formatNumber(count)}
      </span>
    </>
  )
}
