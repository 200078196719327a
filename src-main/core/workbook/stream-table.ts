// The table built while the sheet is still being read: header row decided from the first rows, data rows handed on
// in chunks as they arrive (blank rows held back until a filled row follows, so trailing blanks never go out).
// What only the end can tell (the sheet's real width, merged cells, the row cap) is checked in end(): when it
// disagrees with what was streamed, the caller is told (restart, or merges to apply to the rows it holds).
import type { Cell, FileFormat, SheetInfo, SheetRow, SheetTable } from './types'
import { isBlankCell, nonEmptyCount, type MergeRange, type SheetSource } from './source'
import { buildHeaders, detectHeaderIndex } from './header'
import { fail } from './errors'

/** Rows kept from the top of the sheet: the header scan (30) plus its look-ahead, with room to spare. */
const KEEP_ROWS = 40

export interface StreamTableInput {
  file: string
  format: FileFormat
  encoding: string | null
  delimiter: string | null
  headerRow?: number
  maxDataRows: number
  /** CSV: a missing slot continues a multi-line record; it is not a blank row. */
  skipMissingRows?: boolean
  /** The first chunk is small (a first page soon), the rest big (cheap to post). */
  firstChunk: number
  chunk: number
}

export interface StreamSink {
  /** The header is known: the table so far (no rows). */
  start(table: SheetTable): void
  rows(rows: SheetRow[], width: number): void
}

/** What the end of the sheet says about the streamed rows. */
export type StreamEnd =
  | { kind: 'done'; table: SheetTable; dataMerges: MergeRange[] }
  /** The header row decided early is not the one the whole sheet gives: read again the ordinary way. */
  | { kind: 'restart' }

export class StreamTableBuilder {
  private readonly head: (Cell[] | undefined)[] = []
  private readonly keep: number
  private headerIndex = -1
  private sheetWidth = 0
  private width = 0
  private length = 0
  private rowCount = 0
  private nextIndex = 0
  private dataRows = 0
  private lastFilledIndex = -1
  private overflow = false
  private pendingBlank: SheetRow[] = []
  private out: SheetRow[] = []
  private outWidth = 0
  private sentChunks = 0
  private started: SheetTable | null = null

  constructor(
    private readonly input: StreamTableInput,
    private readonly sheetName: string,
    private readonly sink: StreamSink
  ) {
    this.keep = Math.max(KEEP_ROWS, (input.headerRow ?? 0) + 8)
  }

  rowCountSoFar(): number {
    return this.rowCount
  }

  lengthSoFar(): number {
    return this.length
  }

  hasStarted(): boolean {
    return this.started !== null
  }

  /** One parsed row (0-based sheet index, ascending); rows with no cells may be skipped by the reader. */
  row(index0: number, cells: Cell[]): void {
    const last = lastNonBlank(cells)
    if (last >= 0) {
      this.rowCount++
      if (last + 1 > this.sheetWidth) this.sheetWidth = last + 1
    }
    this.length = index0 + 1
    if (this.headerIndex < 0) {
      this.head[index0] = cells
      if (index0 + 1 >= this.keep) this.decide()
      return
    }
    this.data(index0, cells)
  }

  private decide(): void {
    const h = this.detect(this.sheetWidth)
    this.headerIndex = h
    this.width = nonEmptyWidth(this.head[h])
    for (let r = h + 1; r < this.head.length; r++) {
      const cells = this.head[r]
      if (cells && nonEmptyCount(cells) > 0) this.width = Math.max(this.width, nonEmptyWidth(cells))
    }
    this.started = this.tableMeta(buildHeaders(this.head[h], this.width, new Map()), h, [], 0)
    this.sink.start(this.started)
    this.nextIndex = h + 1
    for (let r = h + 1; r < this.head.length; r++) {
      const cells = this.head[r]
      if (cells || !this.input.skipMissingRows) this.data(r, cells ?? [])
    }
  }

  private detect(width: number): number {
    const source = this.headSource(width)
    if (this.input.headerRow === undefined) return detectHeaderIndex(source, width)
    const h = Math.floor(this.input.headerRow) - 1
    if (!(h >= 0) || h >= this.length || nonEmptyCount(this.head[h]) === 0)
      fail('bad_header_row', this.input.file, { headerRow: this.input.headerRow })
    return h
  }

  private headSource(width: number): SheetSource {
    const head = this.head
    return {
      name: this.sheetName,
      length: Math.min(head.length, this.length),
      fullLength: this.length,
      rowCount: this.rowCount,
      width,
      merges: [],
      row: (i) => head[i]
    }
  }

  private data(index0: number, cells: Cell[]): void {
    // the gap before this row: blank rows (xlsx), or the rest of a multi-line record (CSV)
    if (!this.input.skipMissingRows)
      for (let r = this.nextIndex; r < index0; r++) this.pendingBlank.push({ rowNumber: r + 1, cells: [] })
    this.nextIndex = index0 + 1
    const row = { rowNumber: index0 + 1, cells }
    if (nonEmptyCount(cells) === 0) {
      this.pendingBlank.push(row)
      return
    }
    this.dataRows++
    this.lastFilledIndex = index0
    if (this.dataRows > this.input.maxDataRows) this.overflow = true
    if (this.overflow) return
    this.width = Math.max(this.width, nonEmptyWidth(cells))
    for (const blank of this.pendingBlank) this.out.push(blank)
    this.pendingBlank = []
    this.out.push(row)
    if (cells.length > this.outWidth) this.outWidth = cells.length
    if (this.out.length >= (this.sentChunks === 0 ? this.input.firstChunk : this.input.chunk)) this.flush()
  }

  private flush(): void {
    if (!this.out.length) return
    this.sink.rows(this.out, Math.max(this.width, this.outWidth))
    this.sentChunks++
    this.out = []
    this.outWidth = 0
  }

  /** The sheet is read: its merges, the rows it states (fullLength) and whether the read was cut at the row cap. */
  end(
    sheets: SheetInfo[],
    sheet: { fullLength: number; estimated: boolean; merges: MergeRange[] },
    maxRows: number,
    slack: number
  ): StreamEnd {
    const file = this.input.file
    if (this.rowCount === 0) fail('empty', file)
    if (sheet.estimated) fail('too_many_rows', file, { limit: maxRows, rows: sheet.fullLength })
    if (sheet.fullLength > maxRows + slack) fail('too_many_rows', file, { limit: maxRows, rows: sheet.fullLength })
    if (this.headerIndex < 0) this.decide()
    else if (this.detect(this.sheetWidth) !== this.headerIndex) return { kind: 'restart' }
    const h = this.headerIndex
    if (this.overflow) fail('too_many_rows', file, { limit: this.input.maxDataRows, rows: sheet.fullLength - h - 1 })
    this.flush()
    this.pendingBlank = []
    // the header's merged areas, as buildTable fills them
    const fill = new Map<number, string>()
    for (const m of sheet.merges) {
      if (m.s.r > h || m.e.r < h) continue
      const anchor = this.head[m.s.r]?.[m.s.c]
      if (!anchor || isBlankCell(anchor)) continue
      for (let c = m.s.c; c <= m.e.c; c++) if (!(m.s.r === h && c === m.s.c)) fill.set(c, anchor.w.trim())
    }
    let width = this.width
    for (const c of fill.keys()) if (c + 1 > width) width = c + 1
    const dataMerges = sheet.merges.filter((m) => m.s.r > h && m.e.r > m.s.r && m.s.c < width)
    const totalRows = this.lastFilledIndex < 0 ? 0 : this.lastFilledIndex - h
    const table = this.tableMeta(buildHeaders(this.head[h], width, fill), h, sheets, totalRows)
    return { kind: 'done', table, dataMerges }
  }

  private tableMeta(headers: string[], h: number, sheets: SheetInfo[], totalRows: number): SheetTable {
    const { file, format, encoding, delimiter } = this.input
    return {
      file,
      format,
      encoding,
      delimiter,
      sheets,
      sheet: this.sheetName,
      headerRow: h + 1,
      headers,
      rows: [],
      truncated: false,
      totalRows
    }
  }
}

function lastNonBlank(cells: Cell[]): number {
  for (let c = cells.length - 1; c >= 0; c--) if (!isBlankCell(cells[c])) return c
  return -1
}

function nonEmptyWidth(cells: Cell[] | undefined): number {
  return cells ? lastNonBlank(cells) + 1 : 0
}
