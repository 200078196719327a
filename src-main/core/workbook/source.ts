// A sheet as the table builder sees it: row slots indexed from 0 (row number − 1), converted to Cells on demand.
import type { Cell } from './types'

export interface MergeRange {
  s: { r: number; c: number }
  e: { r: number; c: number }
}

export interface SheetSource {
  name: string
  /** Number of row slots (last row index + 1) that were parsed. */
  length: number
  /** Non-empty rows among those parsed. */
  rowCount: number
  /** Widest non-empty extent (last non-empty column + 1). */
  width: number
  /** Rows in the whole sheet per its dimension, when parsing stopped early; else equals length. */
  fullLength: number
  /** fullLength is an estimate (a preview stopped early), so the row cap is not judged on it. */
  estimated?: boolean
  merges: MergeRange[]
  /** CSV: a missing slot is the continuation of a multi-line record, not a blank row. */
  skipMissingRows?: boolean
  row(index0: number): Cell[] | undefined
}

export const EMPTY_CELL: Cell = Object.freeze({ t: 'z', v: null, w: '' }) as Cell

/** Pads or trims a row's cells in place to width (row arrays are fresh per read, so no copy is needed). */
export function fitWidth(cells: Cell[], width: number): Cell[] {
  if (cells.length > width) cells.length = width
  while (cells.length < width) cells.push(EMPTY_CELL)
  return cells
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return !cell || cell.t === 'z' || (cell.t === 's' && (cell.v as string).trim() === '')
}

export function nonEmptyCount(cells: Cell[] | undefined): number {
  if (!cells) return 0
  let n = 0
  for (let i = 0; i < cells.length; i++) if (!isBlankCell(cells[i])) n++
  return n
}

/** Sheet source over rows already converted (CSV). */
export function arraySource(name: string, rows: (Cell[] | undefined)[]): SheetSource {
  let rowCount = 0
  let width = 0
  for (const cells of rows) {
    if (!cells) continue
    let last = -1
    for (let c = cells.length - 1; c >= 0; c--) {
      if (!isBlankCell(cells[c])) {
        last = c
        break
      }
    }
    if (last >= 0) {
      rowCount++
      if (last + 1 > width) width = last + 1
    }
  }
  return {
    name,
    length: rows.length,
    fullLength: rows.length,
    rowCount,
    width,
    merges: [],
    skipMissingRows: true,
    row: (i) => rows[i]
  }
}
