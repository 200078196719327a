// The rows a preparation validates and an import session shows: as given (SheetRows), or compact as the reader sent
// them, turned into Cells only for the rows being validated, paged or quoted in a message. At 100k rows the compact
// form is ~10 MB where SheetRows with their Cells are ~34 MB.
import type { Cell, SheetRow, SheetTable } from '../workbook/types'
import { EMPTY_CELL, fitWidth } from '../workbook/source'
import {
  ChunkIndex,
  chunkLength,
  packRows,
  unpackColumn,
  unpackRows,
  type CompactChunk
} from '../workbook/compact-rows'

export interface RowList extends Iterable<SheetRow> {
  readonly length: number
  rowNumberAt(idx: number): number
  rowAt(idx: number): SheetRow
  /** Rows [from, to) at once (a page): cheaper than rowAt one by one, and their repeated cells are shared. */
  slice(from: number, to: number): SheetRow[]
  /** One column's cells in row order, without making the rows (a value list over every row). */
  column(col: number): Iterable<Cell | undefined>
  /** An edited row (its cells replace the stored ones). */
  set(idx: number, row: SheetRow): void
}

/** A table whose rows are a RowList (compact or not), as the workspace keeps it. */
export type ListTable = Omit<SheetTable, 'rows'> & { rows: RowList }

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

  slice(from: number, to: number): SheetRow[] {
    return this.rows.slice(from, to)
  }

  column(col: number): Iterable<Cell | undefined> {
    return this.rows.map((r) => r.cells[col])
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
  private readonly index = new ChunkIndex()
  private readonly edited = new Map<number, SheetRow>()
  /** Rows are padded to width; cut to it too once it is final (streamed rows may be wider than the first header). */
  private width: number
  private exact = false

  constructor(width: number) {
    this.width = width
  }

  get length(): number {
    return this.index.length
  }

  add(chunk: CompactChunk): void {
    if (chunkLength(chunk) > 0) this.index.push(chunk)
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
    for (const row of this.edited.values()) fitWidth(row.cells, width)
  }

  rowNumberAt(idx: number): number {
    const k = this.index.find(idx)
    return this.index.chunks[k].rowNumbers[idx - this.index.startOf(k)]
  }

  rowAt(idx: number): SheetRow {
    const edited = this.edited.get(idx)
    if (edited) return edited
    const k = this.index.find(idx)
    const r = idx - this.index.startOf(k)
    return unpackRows(this.index.chunks[k], r, r + 1, this.widthOf(k))[0]
  }

  slice(from: number, to: number): SheetRow[] {
    const end = Math.min(this.length, to)
    const out: SheetRow[] = []
    for (let idx = Math.max(0, from); idx < end;) {
      const k = this.index.find(idx)
      const start = this.index.startOf(k)
      const upTo = Math.min(end, start + chunkLength(this.index.chunks[k]))
      const rows = unpackRows(this.index.chunks[k], idx - start, upTo - start, this.widthOf(k))
      for (let r = 0; r < rows.length; r++) out.push(this.edited.get(idx + r) ?? rows[r])
      idx = upTo
    }
    return out
  }

  *column(col: number): Iterable<Cell | undefined> {
    const cut = this.exact && col >= this.width
    const { chunks } = this.index
    for (let k = 0; k < chunks.length; k++) {
      const cells = unpackColumn(chunks[k], col)
      for (let r = 0; r < cells.length; r++) {
        const edited = this.edited.get(this.index.startOf(k) + r)
        yield edited ? edited.cells[col] : cut ? EMPTY_CELL : cells[r]
      }
    }
  }

  set(idx: number, row: SheetRow): void {
    if (idx < 0 || idx >= this.length) throw new RangeError(`no row at ${idx}`)
    this.edited.set(idx, row)
  }

  *[Symbol.iterator](): Iterator<SheetRow> {
    const { chunks } = this.index
    for (let k = 0; k < chunks.length; k++) {
      // a chunk's rows at a time: their repeated texts share Cells
      const rows = unpackRows(chunks[k], 0, chunkLength(chunks[k]), this.widthOf(k))
      for (let r = 0; r < rows.length; r++) yield this.edited.get(this.index.startOf(k) + r) ?? rows[r]
    }
  }

  /** The width chunk k's rows are made at. */
  private widthOf(k: number): number {
    return this.exact ? this.width : Math.max(this.width, this.index.chunks[k].width)
  }
}

/** Rows of another list with rows of its own in front (edits, exclusions): the list below never changes. */
export class OverlayRowList implements RowList {
  private readonly over = new Map<number, SheetRow>()

  constructor(private readonly under: RowList) {}

  get length(): number {
    return this.under.length
  }

  rowNumberAt(idx: number): number {
    return this.under.rowNumberAt(idx)
  }

  rowAt(idx: number): SheetRow {
    return this.over.get(idx) ?? this.under.rowAt(idx)
  }

  slice(from: number, to: number): SheetRow[] {
    const start = Math.max(0, from)
    const rows = this.under.slice(start, to)
    if (this.over.size) for (let r = 0; r < rows.length; r++) rows[r] = this.over.get(start + r) ?? rows[r]
    return rows
  }

  *column(col: number): Iterable<Cell | undefined> {
    let idx = 0
    for (const cell of this.under.column(col)) {
      const row = this.over.get(idx++)
      yield row ? row.cells[col] : cell
    }
  }

  set(idx: number, row: SheetRow): void {
    if (idx < 0 || idx >= this.under.length) throw new RangeError(`no row at ${idx}`)
    this.over.set(idx, row)
  }

  /** The row is the one below again. */
  reset(idx: number): void {
    this.over.delete(idx)
  }

  *[Symbol.iterator](): Iterator<SheetRow> {
    let idx = 0
    for (const row of this.under) yield this.over.get(idx++) ?? row
  }
}

/** Every row's number, in order (without making the rows). */
export function rowNumbersOf(rows: Pick<RowList, 'length' | 'rowNumberAt'>): number[] {
  const out = new Array<number>(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = rows.rowNumberAt(i)
  return out
}

/** The index of the row numbered rowNumber, or -1: a binary search (sheet rows ascend), else a scan. */
export function findRowIndex(rows: Pick<RowList, 'length' | 'rowNumberAt'>, rowNumber: number): number {
  let lo = 0
  let hi = rows.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const n = rows.rowNumberAt(mid)
    if (n === rowNumber) return mid
    if (n < rowNumber) lo = mid + 1
    else hi = mid - 1
  }
  for (let i = 0; i < rows.length; i++) if (rows.rowNumberAt(i) === rowNumber) return i
  return -1
}
