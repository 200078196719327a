// Spreadsheet keys in the grid: arrows move a roving focus between cells (scrolling the virtual list as needed),
// F8 / Shift+F8 (or Alt+↓ / Alt+↑) jump to the next / previous row with an error.
import type { Virtualizer } from '@tanstack/react-virtual'
import type { KeyboardEvent, RefObject } from 'react'
import type { PrepareRow } from '../../../../src-main/ipc/contract'

interface GridKeysDeps {
  scroller: RefObject<HTMLDivElement | null>
  virtual: Virtualizer<HTMLDivElement, Element>
  total: number
  headers: string[]
  rowAt(index: number): PrepareRow | undefined
  ensure(first: number, last: number): void
}

const hasError = (row: PrepareRow | undefined) =>
  !!row && !row.excluded && row.issues.some((i) => i.severity === 'error')

export function useGridKeys({ scroller, virtual, total, headers, rowAt, ensure }: GridKeysDeps) {
  /** Scroll a cell into the rendered window, then focus it (it exists only once the virtualizer has drawn it). */
  const focusCell = (index: number, column: string, tries = 30) => {
    virtual.scrollToIndex(index, { align: 'auto' })
    const el = scroller.current?.querySelector<HTMLElement>(
      `[data-index="${index}"] [data-column="${CSS.escape(column)}"]`
    )
    if (el) el.focus()
    else if (tries > 0) requestAnimationFrame(() => focusCell(index, column, tries - 1))
  }

  /** The next (step 1) or previous (step -1) row with an error among the rows read so far; pages are asked for on the way. */
  const nextError = (from: number, step: 1 | -1, tries = 20): void => {
    for (let i = from + step; i >= 0 && i < total; i += step) {
      const row = rowAt(i)
      if (!row) {
        ensure(Math.min(i, i + 100 * step), Math.max(i, i + 100 * step))
        if (tries > 0) setTimeout(() => nextError(from, step, tries - 1), 50)
        return
      }
      if (hasError(row)) {
        // the leftmost cell with an error, as one reads the row
        const column =
          headers.find((h) => row.issues.some((x) => x.severity === 'error' && x.column === h)) ?? headers[0]
        focusCell(i, column)
        return
      }
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement
    if (target.tagName === 'INPUT' || target.tagName === 'SELECT') return
    const cell = target.closest<HTMLElement>('[data-column]')
    const rowEl = target.closest<HTMLElement>('[data-index]')
    if (!cell || !rowEl) return
    const index = Number(rowEl.dataset.index)
    const col = headers.indexOf(cell.dataset.column ?? '')
    const errorStep =
      e.key === 'F8'
        ? e.shiftKey
          ? -1
          : 1
        : e.altKey && e.key === 'ArrowDown'
          ? 1
          : e.altKey && e.key === 'ArrowUp'
            ? -1
            : 0
    if (errorStep) {
      e.preventDefault()
      nextError(index, errorStep)
      return
    }
    const move: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1]
    }
    const delta = move[e.key]
    if (!delta) return
    e.preventDefault()
    const nextIndex = Math.min(total - 1, Math.max(0, index + delta[0]))
    const nextCol = Math.min(headers.length - 1, Math.max(0, col + delta[1]))
    focusCell(nextIndex, headers[nextCol])
  }

  return { onKeyDown }
}
