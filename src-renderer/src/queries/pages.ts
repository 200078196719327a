// A long list read from main a page at a time: one query per page, so a page seen before is a cache hit, and a late
// answer lands in its own page's key and never over a newer one. The pages under the visible window are held by a
// few fixed observers with keepPreviousData: on a new filter or new data the rows on screen stay until the new ones
// arrive, so the grid never flashes empty.
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query'
import { useCallback, useState } from 'react'

export interface PageAnswer<R> {
  /** Which page this is (a placeholder from another list or page is shown only where its page sits). */
  page: number
  total: number
  rows: R[]
}

export interface PagedRows<R> {
  total: number
  rowAt(index: number): R | undefined
  /** The virtual list shows rows first..last: read the pages under them. */
  ensure(first: number, last: number): void
}

export interface PagedSpec<R> {
  pageSize: number
  key(page: number): QueryKey
  fetch(page: number): Promise<{ total: number; rows: R[] }>
  /** How long a page nobody shows stays cached (a scroll back is then a cache hit). */
  gcTime?: number
}

/** A screen of rows spans at most two pages; the third slot covers a tall window with overscan. */
const SLOTS = 3

function usePageSlot<R>(spec: PagedSpec<R>, page: number, enabled: boolean): PageAnswer<R> | undefined {
  return useQuery({
    queryKey: spec.key(page),
    queryFn: async (): Promise<PageAnswer<R>> => ({ page, ...(await spec.fetch(page)) }),
    enabled,
    placeholderData: keepPreviousData,
    gcTime: spec.gcTime ?? 60_000
  }).data
}

export function usePagedQuery<R>(spec: PagedSpec<R>): PagedRows<R> {
  const [span, setSpan] = useState({ first: 0, last: 0 })
  const slots: (PageAnswer<R> | undefined)[] = []
  // fixed number of hooks: slot i holds page first+i when the visible span reaches it
  /* eslint-disable react-hooks/rules-of-hooks -- SLOTS is a constant: the same hooks run on every render */
  for (let i = 0; i < SLOTS; i++) slots.push(usePageSlot(spec, span.first + i, span.first + i <= span.last || i === 0))
  /* eslint-enable react-hooks/rules-of-hooks */
  const { pageSize } = spec

  const ensure = useCallback(
    (first: number, last: number) => {
      const next = { first: Math.floor(first / pageSize), last: Math.floor(last / pageSize) }
      setSpan((old) => (old.first === next.first && old.last === next.last ? old : next))
    },
    [pageSize]
  )

  const total = slots.find((s) => s !== undefined)?.total ?? 0
  return {
    total,
    rowAt(index) {
      const page = Math.floor(index / pageSize)
      return slots.find((s) => s?.page === page)?.rows[index % pageSize]
    },
    ensure
  }
}
