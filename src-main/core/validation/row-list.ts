// The rows a preparation validates: as given (SheetRows), or compact as the reader sent them (streaming), turned into
// Cells one row at a time when it is normalized or a message quotes it. At 100k rows the compact form is ~10 MB where
// SheetRows with their Cells are ~34 MB.
import type { SheetRow } from '../workbook/types'
import { EMPTY_CELL } from '../workbook/source'
import { chunkLength, packRows, unpackRows, type CompactChunk } from '../workbook/compact-rows'

export interface RowList extends Iterable<SheetRow> {
  readonly length: number
  rowNumberAt(idx: number): number
  rowAt(idx: number): SheetRow
  /** An edited row (its cells replace the stored ones). */
  set(idx: number, row: SheetRow): void
}

export class ArrayRowList implements RowList {
  constructor(private readonly rows: SheetRow[]) {}

  get length(): number {
    return this.rows.length
  }

  rowNumberAt(idx: number): number {
    return this.rows[idx].rowNumber
  }

  rowAt(idx: number): SheetRow {
    return this.rows[idx]
  }

  set(idx: number, row: SheetRow): void {
    this.rows[idx] = row
  }

  [Symbol.iterator](): Iterator<SheetRow> {
    return this.rows[Symbol.iterator]()
  }
}

/** Rows kept as the chunks they arrived in, plus the rows edited since (kept whole). */
export class CompactRowList implements RowList {
  private readonly chunks: CompactChunk[] = []
  private readonly starts: number[] = []
  private readonly edited = new Map<number, SheetRow>()
  private total = 0
  /** Rows are padded to width; cut to it too once it is final (streamed rows may be wider than the first header). */
  private width: number
  private exact = false
  /** The chunk last looked in: rows are mostly read in order. */
  private at = 0

  constructor(width: number) {
    this.width = width
  }

  get length(): number {
    return this.total
  }

  add(chunk: CompactChunk): void {
    if (chunkLength(chunk) === 0) return
    this.chunks.push(chunk)
    this.starts.push(this.total)
    this.total += chunkLength(chunk)
  }

  addRows(rows: SheetRow[]): void {
    let width = this.width
    for (const row of rows) width = Math.max(width, row.cells.length)
    this.add(packRows(rows, width))
  }

  /** The table's final width: every row is padded or cut to it from now on. */
  setWidth(width: number): void {
    this.width = width
    this.exact = true
    for (const row of this.edited.values()) fitCells(row, width)
  }

  rowNumberAt(idx: number): number {
    const k = this.chunkOf(idx)
    return this.chunks[k].rowNumbers[idx - this.starts[k]]
  }

  rowAt(idx: number): SheetRow {
    const edited = this.edited.get(idx)
    if (edited) return edited
    const k = this.chunkOf(idx)
    const chunk = this.chunks[k]
    const r = idx - this.starts[k]
    return unpackRows(chunk, r, r + 1, this.exact ? this.width : Math.max(this.width, chunk.width))[0]
  }

  set(idx: number, row: SheetRow): void {
    if (idx < 0 || idx >= this.total) throw new RangeError(`no row at ${idx}`)
    this.edited.set(idx, row)
  }

  *[Symbol.iterator](): Iterator<SheetRow> {
    for (let k = 0; k < this.chunks.length; k++) {
      const chunk = this.chunks[k]
      const width = this.exact ? this.width : Math.max(this.width, chunk.width)
      // a chunk's rows at a time: their repeated texts share Cells
      const rows = unpackRows(chunk, 0, chunkLength(chunk), width)
      for (let r = 0; r < rows.length; r++) yield this.edited.get(this.starts[k] + r) ?? rows[r]
    }
  }

  private chunkOf(idx: number): number {
    if (idx < 0 || idx >= this.total) throw new RangeError(`no row at ${idx}`)
    const k = this.at
    if (this.starts[k] <= idx && idx < this.starts[k] + chunkLength(this.chunks[k])) return k
    let lo = 0
    let hi = this.chunks.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid] <= idx) lo = mid
      else hi = mid - 1
    }
    this.at = lo
    return lo
  }
}

function fitCells(row: SheetRow, width: number): void {
  if (row.cells.length > width) row.cells.length = width
  while (row.cells.length < width) row.cells.push(EMPTY_CELL)
}
