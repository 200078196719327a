// A virtual list over rows fetched in pages: the virtualizer, and a fetch of the pages its visible window needs.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'

interface PagedRows {
  total: number
  ensure(first: number, last: number): void
}

export function useVirtualPages(pages: PagedRows, rowHeight: number) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({
    count: pages.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 6 // issue 14: fewer off-screen rows per render (each row is ~16 elements)
  })
  const items = virtual.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const { total, ensure } = pages

  useEffect(() => {
    if (total > 0) ensure(first, last)
  }, [first, last, total, ensure])

  return { scroller, virtual, items }
}
