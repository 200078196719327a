// Rows kept compactly: per cell a type code and the raw value, plus the displayed text only where it differs from
// the raw value's own text (dates, formatted numbers). Chunks cross the worker boundary as a few flat arrays, not
// one object per cell, and pages are turned back into Cells only when asked for.
import type { Cell, SheetRow } from './types'
import { EMPTY_CELL, fitWidth } from './source'

const TYPES = ['z', 's', 'n', 'b', 'd', 'e'] as const
const CODE: Record<Cell['t'], number> = { z: 0, s: 1, n: 2, b: 3, d: 4, e: 5 }

export interface CompactChunk {
  width: number
  rowNumbers: Int32Array
  /** rows × width type codes, row-major. */
  types: Uint8Array
  /**
   * rows × width raw values: an index into strings (a text), NONE (null), FALSE/TRUE, or NUM0 - k (the number nums[k]).
   * Each distinct text crosses the worker boundary once per chunk, not once per cell.
   */
  refs: Int32Array
  /** The chunk's numbers, in cell order: only as many as it has number values. */
  nums: Float64Array
  /** The chunk's distinct texts: raw values and displayed texts. */
  strings: string[]
  /** Ascending cell indexes (row × width + column) whose displayed text is not the raw value's own text. */
  shownAt: Int32Array
  /** For each shownAt: its displayed text, an index into strings. */
  shown: Int32Array
}

const NONE = -1
const FALSE = -3
const TRUE = -4
/** refs at or below NUM0 are numbers: nums[NUM0 - ref]. */
const NUM0 = -8

function ownText(t: Cell['t'], v: Cell['v']): string {
  if (t === 'z') return ''
  if (t === 'b') return v ? 'TRUE' : 'FALSE'
  return String(v)
}

export function packRows(rows: SheetRow[], width: number): CompactChunk {
  const n = rows.length
  const types = new Uint8Array(n * width)
  const refs = new Int32Array(n * width).fill(NONE)
  const nums: number[] = []
  const shownAt: number[] = []
  const shown: number[] = []
  const strings: string[] = []
  const index = new Map<string, number>()
  const ref = (text: string) => {
    let k = index.get(text)
    if (k === undefined) {
      k = strings.length
      strings.push(text)
      index.set(text, k)
    }
    return k
  }
  const rowNumbers = new Int32Array(n)
  for (let r = 0; r < n; r++) {
    rowNumbers[r] = rows[r].rowNumber
    const cells = rows[r].cells
    for (let c = 0; c < width; c++) {
      const cell = cells[c]
      if (!cell || cell.t === 'z') continue
      const i = r * width + c
      types[i] = CODE[cell.t]
      const v = cell.v
      if (typeof v === 'string') refs[i] = ref(v)
      else if (typeof v === 'number') refs[i] = NUM0 - nums.push(v) + 1
      else if (typeof v === 'boolean') refs[i] = v ? TRUE : FALSE
      if (cell.w !== ownText(cell.t, v)) {
        shownAt.push(i)
        shown.push(ref(cell.w))
      }
    }
  }
  return {
    width,
    rowNumbers,
    types,
    refs,
    nums: Float64Array.from(nums),
    strings,
    shownAt: Int32Array.from(shownAt),
    shown: Int32Array.from(shown)
  }
}

/** The buffers to transfer (not copy) when posting a chunk. */
export function chunkBuffers(chunk: CompactChunk): ArrayBuffer[] {
  return [chunk.rowNumbers, chunk.types, chunk.refs, chunk.nums, chunk.shownAt, chunk.shown].map(
    (a) => a.buffer as ArrayBuffer
  )
}

export function chunkLength(chunk: CompactChunk): number {
  return chunk.rowNumbers.length
}

function valueAt(chunk: CompactChunk, i: number): Cell['v'] {
  const k = chunk.refs[i]
  return k >= 0 ? chunk.strings[k] : k <= NUM0 ? chunk.nums[NUM0 - k] : k === TRUE ? true : k === FALSE ? false : null
}

/** Never written: cells are shared only when several rows are made at once. */
const NO_CELLS = new Map<number, Cell>()

/** The first position in shownAt at or after cell index i. */
function shownFrom(chunk: CompactChunk, i: number): number {
  let lo = 0
  let hi = chunk.shownAt.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (chunk.shownAt[mid] < i) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * A chunk's cells as Cells, shared where the value and the text are the same (Cells are immutable): repeated texts
 * and amounts cost one object, not one per row. Without sharing (one row being validated), each is its own.
 */
class ChunkCells {
  private readonly byText: Map<number, Cell>
  private readonly byNumber: Map<number, Cell>

  constructor(
    private readonly chunk: CompactChunk,
    private readonly share: boolean
  ) {
    this.byText = share ? new Map() : NO_CELLS
    this.byNumber = share ? new Map() : NO_CELLS
  }

  /** The cell at index i (not empty), whose shown text is strings[w], or its value's own text (NONE). */
  at(i: number, w: number): Cell {
    const { chunk } = this
    const code = chunk.types[i]
    const t = TYPES[code]
    const k = chunk.refs[i]
    if (!this.share || w !== NONE) {
      const v = valueAt(chunk, i)
      return { t, v, w: w === NONE ? ownText(t, v) : chunk.strings[w] }
    }
    if (k > NUM0 && code !== CODE.n) {
      const key = k * 8 + code
      let cell = this.byText.get(key)
      if (!cell) {
        const v = valueAt(chunk, i)
        cell = { t, v, w: ownText(t, v) }
        this.byText.set(key, cell)
      }
      return cell
    }
    if (k <= NUM0 && code === CODE.n) {
      const v = chunk.nums[NUM0 - k]
      // -0 and 0 are one Map key: -0 (rare) gets its own Cell
      let cell = Object.is(v, -0) ? undefined : this.byNumber.get(v)
      if (!cell) {
        cell = { t, v, w: ownText(t, v) }
        if (!Object.is(v, -0)) this.byNumber.set(v, cell)
      }
      return cell
    }
    const v = valueAt(chunk, i)
    return { t, v, w: ownText(t, v) }
  }
}

/** Rows [from, to) of a chunk as SheetRows, repeated cells shared within the call. width pads or cuts the rows. */
export function unpackRows(
  chunk: CompactChunk,
  from = 0,
  to = chunk.rowNumbers.length,
  width = chunk.width
): SheetRow[] {
  const { types, shownAt, shown } = chunk
  const made = new ChunkCells(chunk, to - from > 1) // one row (a row being validated): nothing to share
  const out: SheetRow[] = []
  const kept = Math.min(width, chunk.width)
  let s = shownFrom(chunk, from * chunk.width)
  for (let r = from; r < to; r++) {
    const cells = new Array<Cell>(width)
    for (let c = 0; c < kept; c++) {
      const i = r * chunk.width + c
      if (types[i] === 0) {
        cells[c] = EMPTY_CELL
        continue
      }
      let w = NONE
      if (s < shownAt.length && shownAt[s] === i) w = shown[s++]
      cells[c] = made.at(i, w)
    }
    // a row's cells past the chunk's width are empty
    for (let c = kept; c < width; c++) cells[c] = EMPTY_CELL
    // shown texts of cut-off cells are skipped
    while (s < shownAt.length && shownAt[s] < (r + 1) * chunk.width) s++
    out.push({ rowNumber: chunk.rowNumbers[r], cells })
  }
  return out
}

/** One column of a chunk's rows as Cells, repeated ones shared (a grid's value list), without making the rows. */
export function unpackColumn(chunk: CompactChunk, col: number): Cell[] {
  const n = chunk.rowNumbers.length
  const out = new Array<Cell>(n)
  if (col >= chunk.width) return out.fill(EMPTY_CELL)
  const { types, shownAt, shown, width } = chunk
  const made = new ChunkCells(chunk, true)
  let s = 0
  for (let r = 0; r < n; r++) {
    const i = r * width + col
    while (s < shownAt.length && shownAt[s] < i) s++
    out[r] = types[i] === 0 ? EMPTY_CELL : made.at(i, s < shownAt.length && shownAt[s] === i ? shown[s] : NONE)
  }
  return out
}

/** A chunk whose rows were let go: only its length stays (rowNumbers keeps it; 4 bytes a row). */
function releasedChunk(length: number): CompactChunk {
  return {
    width: 0,
    rowNumbers: new Int32Array(length),
    types: new Uint8Array(0),
    refs: new Int32Array(0),
    nums: new Float64Array(0),
    strings: [],
    shownAt: new Int32Array(0),
    shown: new Int32Array(0)
  }
}

/** Chunks in arrival order and where each starts: finds the chunk holding a row (mostly read in order). */
export class ChunkIndex {
  readonly chunks: CompactChunk[] = []
  private readonly starts: number[] = []
  private total = 0
  /** The chunk last found. */
  private at = 0

  get length(): number {
    return this.total
  }

  push(chunk: CompactChunk): void {
    this.chunks.push(chunk)
    this.starts.push(this.total)
    this.total += chunkLength(chunk)
  }

  clear(): void {
    this.chunks.length = 0
    this.starts.length = 0
    this.total = 0
    this.at = 0
  }

  startOf(k: number): number {
    return this.starts[k]
  }

  /** The chunk holding row idx (the last one starting at or before it, so empty chunks are passed over). */
  find(idx: number): number {
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

  /** The chunks from row offset on, which must be where a chunk starts. */
  from(offset: number): CompactChunk[] {
    const k = this.starts.indexOf(offset)
    if (k < 0 && offset !== this.total) throw new RangeError(`row ${offset} is not where a chunk starts`)
    return k < 0 ? [] : this.chunks.slice(k)
  }
}

/** The rows of one table as the chunks they arrived in; pages are read across chunk boundaries. */
export class CompactRowStore {
  private readonly index = new ChunkIndex()
  /** The table's width once known: pages are padded or cut to it (streamed chunks may be narrower or wider). */
  private width: number | null = null
  private released = 0

  setWidth(width: number): void {
    this.width = width
  }

  /** A streamed read started over: drop what arrived. */
  clear(): void {
    this.index.clear()
    this.width = null
    this.released = 0
  }

  /** A consumer that keeps the rows itself lets go of the chunks it has taken (their rows can no longer be paged). */
  release(upTo: number): void {
    const { chunks } = this.index
    for (let k = 0; k < chunks.length; k++) {
      const len = chunkLength(chunks[k])
      const end = this.index.startOf(k) + len
      if (end > upTo) break
      if (chunks[k].strings.length || chunks[k].types.length) chunks[k] = releasedChunk(len)
      this.released = Math.max(this.released, end)
    }
  }

  /** The chunks from row offset on (a chunk boundary), as they arrived: a consumer keeping them takes these. */
  chunksFrom(offset: number): CompactChunk[] {
    return this.index.from(offset)
  }

  push(chunk: CompactChunk): void {
    this.index.push(chunk)
  }

  get length(): number {
    return this.index.length
  }

  page(offset: number, limit: number): SheetRow[] {
    if (offset < this.released) throw new RangeError(`rows before ${this.released} were released`)
    const out: SheetRow[] = []
    const end = Math.min(this.index.length, offset + limit)
    while (offset < end) {
      const k = this.index.find(offset)
      const start = this.index.startOf(k)
      const to = Math.min(chunkLength(this.index.chunks[k]), end - start)
      for (const row of unpackRows(this.index.chunks[k], offset - start, to)) {
        if (this.width !== null) fitWidth(row.cells, this.width)
        out.push(row)
      }
      offset = start + to
    }
    return out
  }

  toRows(): SheetRow[] {
    return this.page(0, this.index.length)
  }
}
