// The prepare grid's rows: pages of one (preparation, filter, issue group), refreshed when the rows change in main.
import type { PrepareRow, PreparePage, RowFilter } from '../../../src-main/ipc/contract'
import { call } from '../api'
import { queryClient } from './client'
import { keys } from './keys'
import { usePagedQuery, type PageAnswer, type PagedRows } from './pages'

export const PAGE_SIZE = 100

export function useRowPages(prepId: string, filter: RowFilter, issue: string | null = null): PagedRows<PrepareRow> {
  return usePagedQuery<PrepareRow>({
    pageSize: PAGE_SIZE,
    key: (page) => keys.rowPage(prepId, filter, issue, page),
    fetch: (page): Promise<PreparePage> =>
      call('prepare.rows', { prepId, offset: page * PAGE_SIZE, limit: PAGE_SIZE, filter, ...(issue ? { issue } : {}) })
  })
}

/** An edited row, as main re-validated it: every cached page holding it shows it at once (before the refetch). */
export function putRow(prepId: string, row: PrepareRow): void {
  queryClient.setQueriesData<PageAnswer<PrepareRow>>({ queryKey: [...keys.prep(prepId), 'rows'] }, (old) =>
    old && old.rows.some((r) => r.rowNumber === row.rowNumber)
      ? { ...old, rows: old.rows.map((r) => (r.rowNumber === row.rowNumber ? row : r)) }
      : old
  )
}
