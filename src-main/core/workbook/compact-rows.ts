// Rows kept compactly: per cell a type code and the raw value, plus the displayed text only where it differs from
// the raw value's own text (dates, formatted numbers). Chunks cross the worker boundary as a few flat arrays, not
// one object per cell, and pages are turned back into Cells only when asked for.
import type { Cell, SheetRow } from './types'
import { EMPTY_CELL } from './source'

const TYPES = ['z', 's', 'n', 'b', 'd', 'e'] as const
const CODE: Record<Cell['t'], number> = { z: 0, s: 1, n: 2, b: 3, d: 4, e: 5 }

export interface CompactChunk {
  width: number
  rowNumbers: Int32Array
  /** rows × width type codes, row-major. */
  types: Uint8Array
  /** rows × width raw values (null for empty cells). */
  values: (string | number | boolean | null)[]
  /** Displayed text where it is not the raw value's own text, by cell index. */
  display: Map<number, string>
}

function ownText(t: Cell['t'], v: Cell['v']): string {
  if (t === 'z') return ''
  if (t === 'b') return v ? 'TRUE' : 'FALSE'
  return String(v)
}

export function packRows(rows: SheetRow[], width: number): CompactChunk {
  const n = rows.length
  const types = new Uint8Array(n * width)
  const values = new Array<string | number | boolean | null>(n * width).fill(null)
  const display = new Map<number, string>()
  const rowNumbers = new Int32Array(n)
  for (let r = 0; r < n; r++) {
    rowNumbers[r] = rows[r].rowNumber
    const cells = rows[r].cells
    for (let c = 0; c < width; c++) {
      const cell = cells[c]
      if (!cell || cell.t === 'z') continue
      const i = r * width + c
      types[i] = CODE[cell.t]
      values[i] = cell.v
      if (cell.w !== ownText(cell.t, cell.v)) display.set(i, cell.w)
    }
  }
  return { width, rowNumbers, types, values, display }
}

export function chunkLength(chunk: CompactChunk): number {
  return chunk.rowNumbers.length
}

/** Rows [from, to) of a chunk as SheetRows (fresh Cells; empty cells share one frozen Cell). */
export function unpackRows(chunk: CompactChunk, from = 0, to = chunk.rowNumbers.length): SheetRow[] {
  const { width, types, values, display } = chunk
  const out: SheetRow[] = []
  for (let r = from; r < to; r++) {
    const cells = new Array<Cell>(width)
    for (let c = 0; c < width; c++) {
      const i = r * width + c
      const code = types[i]
      if (code === 0) {
        cells[c] = EMPTY_CELL
        continue
      }
      const t = TYPES[code]
      const v = values[i]
      cells[c] = { t, v, w: display.get(i) ?? ownText(t, v) }
    }
    out.push({ rowNumber: chunk.rowNumbers[r], cells })
  }
  return out
}

/** The rows of one table as the chunks they arrived in; pages are read across chunk boundaries. */
export class CompactRowStore {
  private readonly chunks: CompactChunk[] = []
  private readonly starts: number[] = []
  private total = 0
  /** The table's width once known: pages are padded or cut to it (streamed chunks may be narrower or wider). */
  private width: number | null = null

  setWidth(width: number): void {
    this.width = width
  }

  /** A streamed read started over: drop what arrived. */
  clear(): void {
    this.chunks.length = 0
    this.starts.length = 0
    this.total = 0
    this.width = null
  }

  push(chunk: CompactChunk): void {
    this.chunks.push(chunk)
    this.starts.push(this.total)
    this.total += chunkLength(chunk)
  }

  get length(): number {
    return this.total
  }

  page(offset: number, limit: number): SheetRow[] {
    const out: SheetRow[] = []
    const end = Math.min(this.total, offset + limit)
    for (let k = 0; k < this.chunks.length && offset < end; k++) {
      const start = this.starts[k]
      const len = chunkLength(this.chunks[k])
      if (offset >= start + len) continue
      const from = offset - start
      const to = Math.min(len, end - start)
      for (const row of unpackRows(this.chunks[k], from, to)) out.push(this.fit(row))
      offset = start + to
    }
    return out
  }

  private fit(row: SheetRow): SheetRow {
    const width = this.width
    if (width === null || row.cells.length === width) return row
    if (row.cells.length > width) row.cells.length = width
    while (row.cells.length < width) row.cells.push(EMPTY_CELL)
    return row
  }

  toRows(): SheetRow[] {
    return this.page(0, this.total)
  }
}
