// Rows for the virtual grid, fetched from main a page at a time (large tables never cross IPC whole).
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PrepareRow, RowFilter } from '../../../src-main/ipc/contract'
import { call } from '../api'

export const PAGE_SIZE = 100
const EMPTY = new Map<number, PrepareRow[]>()

export interface RowPages {
  total: number
  rowAt(index: number): PrepareRow | undefined
  ensure(first: number, last: number): void
  replace(row: PrepareRow): void
}

export function useRowPages(prepId: string, filter: RowFilter, version: number): RowPages {
  const key = `${prepId}|${filter}|${version}`
  // pages belong to one key (prepId, filter, data version); pages of an older key read as empty
  const [loaded, setLoaded] = useState<{ key: string; total: number; pages: Map<number, PrepareRow[]> }>({ key, total: 0, pages: new Map() })
  const requested = useRef(new Set<number>())
  const currentKey = useRef(key)
  const pages = loaded.key === key ? loaded.pages : EMPTY
  const total = loaded.key === key ? loaded.total : 0

  const load = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return
      requested.current.add(page)
      const forKey = currentKey.current
      void call('prepare.rows', { prepId, offset: page * PAGE_SIZE, limit: PAGE_SIZE, filter }).then(
        (result) => {
          if (currentKey.current !== forKey) return
          setLoaded((old) => ({ key: forKey, total: result.total, pages: new Map(old.key === forKey ? old.pages : []).set(page, result.rows) }))
        },
        () => requested.current.delete(page)
      )
    },
    [prepId, filter]
  )

  useEffect(() => {
    // a new filter or changed data: start over from the first page
    currentKey.current = key
    requested.current = new Set()
    load(0)
  }, [key, load])

  return {
    total,
    rowAt: (index) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensure(first, last) {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) load(page)
    },
    replace(row) {
      setLoaded((old) => {
        const next = new Map(old.pages)
        for (const [page, rows] of next) {
          const i = rows.findIndex((r) => r.rowNumber === row.rowNumber)
          if (i >= 0) next.set(page, rows.map((r, j) => (j === i ? row : r)))
        }
        return { ...old, pages: next }
      })
    }
  }
}
