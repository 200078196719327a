// Row selection in the grid, like a spreadsheet: click selects one row, shift-click a range, ctrl/⌘-click adds or
// removes one, and "select all" takes every row the filter lists (asked from main: pages only hold what is on screen).
import { useCallback, useRef, useState } from 'react'
import type { RowFilter } from '../../../../src-main/ipc/contract'
import { call } from '../../api'
import { queryClient } from '../../queries/client'
import { keys } from '../../queries/keys'

export interface Selection {
  rows: ReadonlySet<number>
  click(index: number, rowNumber: number, keys: { shift: boolean; toggle: boolean }): Promise<void>
  selectAll(): Promise<void>
  clear(): void
}

export function useSelection(prepId: string, filter: RowFilter): Selection {
  const [rows, setRows] = useState<ReadonlySet<number>>(new Set())
  const anchor = useRef<number | null>(null)

  // cached until the rows change (refreshPrep drops it with the pages)
  const rowNumbers = useCallback(
    async (): Promise<number[]> =>
      (
        await queryClient.fetchQuery({
          queryKey: keys.rowNumbers(prepId, filter),
          queryFn: () => call('prepare.rowNumbers', { prepId, filter })
        })
      ).rows,
    [prepId, filter]
  )

  return {
    rows,
    async click(index, rowNumber, { shift, toggle }) {
      if (shift && anchor.current !== null) {
        const all = await rowNumbers()
        const [from, to] = anchor.current < index ? [anchor.current, index] : [index, anchor.current]
        const range = all.slice(from, to + 1)
        setRows((old) => new Set(toggle ? [...old, ...range] : range))
        return
      }
      anchor.current = index
      if (toggle) {
        setRows((old) => {
          const next = new Set(old)
          if (next.has(rowNumber)) next.delete(rowNumber)
          else next.add(rowNumber)
          return next
        })
      } else setRows(new Set([rowNumber]))
    },
    async selectAll() {
      setRows(new Set(await rowNumbers()))
    },
    clear() {
      anchor.current = null
      setRows(new Set())
    }
  }
}
