// The prepare grid's rows: pages of one (preparation, filter, issue group), refreshed when the rows change in main.
import type { PrepareRow, PreparePage, RowFilter } from '../../../src-main/ipc/contract'
import { call } from '../api'
import { keys } from './keys'
import { usePagedQuery, type PagedRows } from './pages'

export const PAGE_SIZE = 100

export function useRowPages(prepId: string, filter: RowFilter, issue: string | null = null): PagedRows<PrepareRow> {
  return usePagedQuery<PrepareRow>({
    pageSize: PAGE_SIZE,
    key: (page) => keys.rowPage(prepId, filter, issue, page),
    fetch: (page): Promise<PreparePage> =>
      call('prepare.rows', { prepId, offset: page * PAGE_SIZE, limit: PAGE_SIZE, filter, ...(issue ? { issue } : {}) })
  })
}
