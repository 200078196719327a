// From a sheet source to a SheetTable: header row, unique headers, data rows with merged areas filled, trailing blanks dropped.
import type { Cell, FileFormat, SheetInfo, SheetRow, SheetTable } from './types'
import { fitWidth, isBlankCell, nonEmptyCount, type SheetSource } from './source'
import { buildHeaders, detectHeaderIndex } from './header'
import { fail } from './errors'

const INSTRUCTION_NAMES =
  /說明|使用方式|注意事項|範例說明|封面|instruction|readme|read me|notes?$|help|about|cover|guide/i

/** The sheet that holds the data: most rows × columns, skipping instruction-like sheets unless nothing else has data. */
export function pickSheet(sources: SheetSource[]): SheetSource {
  const score = (s: SheetSource) => s.rowCount * Math.max(1, s.width)
  const data = sources.filter((s) => s.rowCount > 0 && !INSTRUCTION_NAMES.test(s.name.trim()))
  const pool = data.length ? data : sources.filter((s) => s.rowCount > 0)
  if (!pool.length) return sources[0]
  return pool.reduce((best, s) => (score(s) > score(best) ? s : best))
}

export interface BuildTableInput {
  file: string
  format: FileFormat
  encoding: string | null
  delimiter: string | null
  sheets: SheetInfo[]
  source: SheetSource
  headerRow?: number
  maxRows?: number
  maxDataRows: number
}

/** For each header-row merge: the columns it spans other than its top-left, filled with the top-left text. */
function headerMergeFill(source: SheetSource, headerIndex: number): Map<number, string> {
  const fill = new Map<number, string>()
  for (const m of source.merges) {
    if (m.s.r > headerIndex || m.e.r < headerIndex) continue
    const anchor = source.row(m.s.r)?.[m.s.c]
    if (!anchor || isBlankCell(anchor)) continue
    for (let c = m.s.c; c <= m.e.c; c++) if (!(m.s.r === headerIndex && c === m.s.c)) fill.set(c, anchor.w.trim())
  }
  return fill
}

/** Vertical merges in the data area: each covered cell below the top-left takes its value (e.g. an order number over its item rows). */
function fillDataMerges(
  source: SheetSource,
  headerIndex: number,
  rowsByIndex: Map<number, Cell[]>,
  width: number
): void {
  for (const m of source.merges) {
    if (m.s.r <= headerIndex || m.e.r === m.s.r || m.s.c >= width) continue
    const anchor = rowsByIndex.get(m.s.r)?.[m.s.c]
    if (!anchor || isBlankCell(anchor)) continue
    for (let r = m.s.r + 1; r <= m.e.r; r++) {
      const cells = rowsByIndex.get(r)
      if (cells && isBlankCell(cells[m.s.c])) cells[m.s.c] = anchor
    }
  }
}

export function buildTable(input: BuildTableInput): SheetTable {
  const { source } = input
  if (source.rowCount === 0) fail('empty', input.file)
  let headerIndex: number
  if (input.headerRow !== undefined) {
    headerIndex = Math.floor(input.headerRow) - 1
    if (!(headerIndex >= 0) || headerIndex >= source.length || nonEmptyCount(source.row(headerIndex)) === 0) {
      fail('bad_header_row', input.file, { headerRow: input.headerRow })
    }
  } else {
    headerIndex = detectHeaderIndex(source, source.width)
  }
  const limit = input.maxRows !== undefined && input.maxRows >= 0 ? input.maxRows : Infinity
  const rows: SheetRow[] = []
  const rowsByIndex = new Map<number, Cell[]>()
  const needMerges = source.merges.some((m) => m.s.r > headerIndex && m.e.r > m.s.r)
  let lastNonEmpty = -1
  let lastFilledIndex = headerIndex
  let width = nonEmptyWidth(source.row(headerIndex))
  let dataRows = 0
  for (let r = headerIndex + 1; r < source.length; r++) {
    const slot = source.row(r)
    if (!slot && source.skipMissingRows) continue
    const cells = slot ?? []
    const filled = nonEmptyCount(cells) > 0
    if (filled) {
      dataRows++
      lastFilledIndex = r
    }
    if (dataRows > input.maxDataRows)
      fail('too_many_rows', input.file, { limit: input.maxDataRows, rows: source.fullLength - headerIndex - 1 })
    if (rows.length >= limit) {
      if (filled) lastNonEmpty = rows.length
      continue
    }
    if (filled) {
      width = Math.max(width, nonEmptyWidth(cells))
      lastNonEmpty = rows.length
    }
    rows.push({ rowNumber: r + 1, cells })
    if (needMerges) rowsByIndex.set(r, cells)
  }
  const truncated = lastNonEmpty >= rows.length
  if (!truncated) rows.length = lastNonEmpty + 1
  if (needMerges) fillDataMerges(source, headerIndex, rowsByIndex, width)
  const mergeFill = headerMergeFill(source, headerIndex)
  for (const c of mergeFill.keys()) if (c + 1 > width) width = c + 1
  const headers = buildHeaders(source.row(headerIndex), width, mergeFill)
  for (const row of rows) row.cells = fitWidth(row.cells, width)
  // parsing stopped early (preview): the sheet's dimension is the best estimate of its size
  const totalRows =
    source.fullLength > source.length ? source.fullLength - headerIndex - 1 : lastFilledIndex - headerIndex
  return {
    file: input.file,
    format: input.format,
    encoding: input.encoding,
    delimiter: input.delimiter,
    sheets: input.sheets,
    sheet: source.name,
    headerRow: headerIndex + 1,
    headers,
    rows,
    truncated: truncated || source.fullLength > source.length,
    totalRows
  }
}

function nonEmptyWidth(cells: Cell[] | undefined): number {
  if (!cells) return 0
  for (let c = cells.length - 1; c >= 0; c--) if (!isBlankCell(cells[c])) return c + 1
  return 0
}
