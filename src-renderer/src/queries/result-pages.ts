// Pages of per-row push results (a 50,000-row push never crosses IPC whole); reloaded when the job's answers change.
import type { PushResultFilter, PushResultRow } from '../../../src-main/ipc/contract'
import { call } from '../api'
import { keys } from './keys'
import { usePagedQuery, type PagedRows } from './pages'

const PAGE = 200

export function useResultPages(jobId: string, filter: PushResultFilter): PagedRows<PushResultRow> {
  return usePagedQuery<PushResultRow>({
    pageSize: PAGE,
    key: (page) => keys.resultPage(jobId, filter, page),
    fetch: (page) => call('push.results', { jobId, offset: page * PAGE, limit: PAGE, filter })
  })
}
