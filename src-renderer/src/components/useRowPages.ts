// Rows for the virtual grid, fetched from main a page at a time (large tables never cross IPC whole).
// A new data version (an edit, an exclusion, new matches) reloads the pages on screen and swaps them in at once:
// every cell always shows the current validation, and the grid never blanks or loses its scroll position meanwhile.
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

interface Loaded {
  /** prepId|filter|version the pages were read for. */
  key: string
  /** prepId|filter: pages of an older version of the same list stay on screen until fresh ones arrive. */
  list: string
  total: number
  pages: Map<number, PrepareRow[]>
}

export function useRowPages(prepId: string, filter: RowFilter, version: number, issue: string | null = null): RowPages {
  const list = `${prepId}|${filter}|${issue ?? ''}`
  const key = `${list}|${version}`
  const [loaded, setLoaded] = useState<Loaded>({ key, list, total: 0, pages: new Map() })
  const requested = useRef(new Set<number>())
  const currentKey = useRef(key)
  const shown = useRef(loaded)
  // declared before the reload effect, so that effect reads what is on screen now
  useEffect(() => {
    shown.current = loaded
  }, [loaded])
  const pages = loaded.list === list ? loaded.pages : EMPTY
  const total = loaded.list === list ? loaded.total : 0

  const fetchPage = useCallback(
    (page: number) =>
      call('prepare.rows', { prepId, offset: page * PAGE_SIZE, limit: PAGE_SIZE, filter, ...(issue ? { issue } : {}) }),
    [prepId, filter, issue]
  )

  const load = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return
      requested.current.add(page)
      const forKey = currentKey.current
      void fetchPage(page).then(
        (result) => {
          if (currentKey.current !== forKey) return
          setLoaded((old) => ({
            key: forKey,
            list,
            total: result.total,
            pages: new Map(old.key === forKey ? old.pages : []).set(page, result.rows)
          }))
        },
        () => requested.current.delete(page)
      )
    },
    [fetchPage, list]
  )

  useEffect(() => {
    currentKey.current = key
    requested.current = new Set()
    const before = shown.current
    if (before.list !== list || before.pages.size === 0) {
      load(0) // another list: start over from the first page
      return
    }
    // same list, newer data: read the pages on screen again, then show them all together
    const wanted = [...before.pages.keys()]
    for (const page of wanted) requested.current.add(page)
    void Promise.all(wanted.map((page) => fetchPage(page).then((result) => [page, result] as const))).then(
      (answers) => {
        if (currentKey.current !== key) return
        const total = answers[answers.length - 1][1].total
        setLoaded({ key, list, total, pages: new Map(answers.map(([page, result]) => [page, result.rows])) })
      },
      () => {
        requested.current = new Set()
        if (currentKey.current === key) load(0)
      }
    )
  }, [key, list, load, fetchPage])

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
          if (i >= 0)
            next.set(
              page,
              rows.map((r, j) => (j === i ? row : r))
            )
        }
        return { ...old, pages: next }
      })
    }
  }
}
