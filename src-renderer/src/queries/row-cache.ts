// Writes into the cached rows pages (no IPC here, so plain Node tests can check them too).
import type { PrepareRow } from '../../../src-main/ipc/contract'
import { queryClient } from './client'
import { keys } from './keys'
import type { PageAnswer } from './pages'

/** An edited row, as main re-validated it: every cached page holding it shows it at once (before the refetch). */
export function putRow(prepId: string, row: PrepareRow): void {
  queryClient.setQueriesData<PageAnswer<PrepareRow>>({ queryKey: [...keys.prep(prepId), 'rows'] }, (old) =>
    old && old.rows.some((r) => r.rowNumber === row.rowNumber)
      ? { ...old, rows: old.rows.map((r) => (r.rowNumber === row.rowNumber ? row : r)) }
      : old
  )
}
