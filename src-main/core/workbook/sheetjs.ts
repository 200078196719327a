// Workbooks through SheetJS (dense mode): typed Cells with raw value and shown text, dates from number formats, cached formula values.
import * as XLSX from 'xlsx'
import * as zlib from 'node:zlib'
import type { Cell } from './types'
import { EMPTY_CELL, type MergeRange, type SheetSource } from './source'

type RawCell = XLSX.CellObject

/** The most one zip entry may inflate to in the current read (set by readWorkbook before SheetJS runs). */
let inflateLimit = 2 ** 31 - 1

/** SheetJS reads the deprecated `bytesRead`; `bytesWritten` is the same count (input consumed) without the warning. */
class InflateRawForSheetJS extends zlib.InflateRaw {
  constructor() {
    // bounded: an entry whose declared size lies cannot inflate past the read's limit (zlib throws ERR_BUFFER_TOO_LARGE)
    super({ maxOutputLength: inflateLimit })
  }

  override get bytesRead(): number {
    return this.bytesWritten
  }
}

// SheetJS's ESM build inflates zips in JavaScript, which can loop forever on damaged data; node:zlib fails fast and is faster
XLSX.CFB.utils.use_zlib({ InflateRaw: InflateRawForSheetJS, deflateRawSync: zlib.deflateRawSync })

const dateFormatCache = new Map<string, boolean>()

export function isDateFormat(z: string | number | undefined): boolean {
  if (z === undefined || z === 'General') return false
  const key = String(z)
  let known = dateFormatCache.get(key)
  if (known === undefined) {
    try {
      known = Boolean(XLSX.SSF.is_date(key))
    } catch {
      known = false
    }
    dateFormatCache.set(key, known)
  }
  return known === true
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** Excel serial → wall-clock 'YYYY-MM-DDTHH:mm:ss' (no zone), honouring the 1904 date system. */
export function serialToWallClock(serial: number, date1904: boolean): string | null {
  const p = XLSX.SSF.parse_date_code(serial, { date1904 })
  if (!p || p.y < 0 || p.y > 9999) return null
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}T${pad(p.H)}:${pad(p.M)}:${pad(p.S)}`
}

function dateToWallClock(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

export function toCell(raw: RawCell | undefined, date1904: boolean): Cell {
  if (!raw) return EMPTY_CELL
  const v = raw.v
  switch (raw.t) {
    case 's': {
      if (v === undefined || v === null || v === '') return EMPTY_CELL
      const text = String(v)
      return { t: 's', v: text, w: text }
    }
    case 'n': {
      if (typeof v !== 'number') return EMPTY_CELL
      if (isDateFormat(raw.z)) {
        const wall = serialToWallClock(v, date1904)
        if (wall) return { t: 'd', v: wall, w: raw.w ?? wall }
      }
      return { t: 'n', v, w: raw.w ?? String(v) }
    }
    case 'b':
      return { t: 'b', v: Boolean(v), w: raw.w ?? (v ? 'TRUE' : 'FALSE') }
    case 'd': {
      const date = v instanceof Date ? v : new Date(String(v))
      if (Number.isNaN(date.getTime())) return EMPTY_CELL
      const wall = dateToWallClock(date)
      return { t: 'd', v: wall, w: raw.w ?? wall }
    }
    case 'e': {
      const text = raw.w ?? '#ERROR!'
      return { t: 'e', v: text, w: text }
    }
    default:
      return EMPTY_CELL
  }
}

function rawBlank(raw: RawCell | undefined): boolean {
  return (
    !raw || raw.v === undefined || raw.v === null || raw.t === 'z' || (raw.t === 's' && String(raw.v).trim() === '')
  )
}

const PROBE = 2000

/**
 * Shares one Cell per distinct text in a column (statuses, currencies, payment methods repeat on every row): far fewer
 * objects kept alive on big sheets. A column whose texts barely repeat (order numbers) stops being cached.
 * Cells are plain data and never mutated, so sharing is safe.
 */
export class TextCellCache {
  private readonly columns: (Map<string, Cell> | null)[] = []
  private readonly lookups: number[] = []
  private readonly hits: number[] = []

  get(c: number, text: string): Cell {
    let map = this.columns[c]
    if (map === null) return { t: 's', v: text, w: text }
    if (map === undefined) {
      map = new Map()
      this.columns[c] = map
      this.lookups[c] = 0
      this.hits[c] = 0
    }
    this.lookups[c]++
    let cell = map.get(text)
    if (cell) this.hits[c]++
    else {
      cell = { t: 's', v: text, w: text }
      map.set(text, cell)
    }
    if (this.lookups[c] === PROBE && this.hits[c] < PROBE / 2) this.columns[c] = null
    return cell
  }
}

export interface ParsedWorkbook {
  sheets: SheetSource[]
}

/** maxInflate: the most one zip entry may inflate to in this read. */
export function readWorkbook(
  bytes: Uint8Array,
  sheetRows: number | undefined,
  maxInflate = 2 ** 31 - 1
): ParsedWorkbook {
  inflateLimit = maxInflate
  const wb = XLSX.read(bytes, {
    type: 'buffer',
    dense: true,
    cellNF: true,
    cellDates: false,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    sheetStubs: false,
    ...(sheetRows ? { sheetRows } : {})
  })
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904)
  return { sheets: wb.SheetNames.map((name) => sheetSource(name, wb.Sheets[name], date1904, sheetRows)) }
}

function sheetSource(
  name: string,
  ws: XLSX.WorkSheet | undefined,
  date1904: boolean,
  sheetRows: number | undefined
): SheetSource {
  const data: (RawCell[] | undefined)[] = (ws?.['!data'] as (RawCell[] | undefined)[] | undefined) ?? []
  let rowCount = 0
  let width = 0
  for (let r = 0; r < data.length; r++) {
    const row = data[r]
    if (!row) continue
    let last = -1
    for (let c = row.length - 1; c >= 0; c--) {
      if (!rawBlank(row[c])) {
        last = c
        break
      }
    }
    if (last >= 0) {
      rowCount++
      if (last + 1 > width) width = last + 1
    }
  }
  // rows are counted, not taken from the declared <dimension> (which may claim the whole grid); only a read cut
  // at sheetRows estimates the rest from it
  const cut = sheetRows !== undefined && data.length >= sheetRows
  const fullRef = cut ? ((ws?.['!fullref'] as string | undefined) ?? ws?.['!ref']) : undefined
  const fullLength = fullRef ? XLSX.utils.decode_range(fullRef).e.r + 1 : data.length
  const merges = ((ws?.['!merges'] ?? []) as MergeRange[]).map((m) => ({ s: { ...m.s }, e: { ...m.e } }))
  const interned = new TextCellCache()
  const row = (i: number): Cell[] | undefined => {
    const raw = data[i]
    if (!raw) return undefined
    const out = new Array<Cell>(raw.length)
    for (let c = 0; c < raw.length; c++) {
      const cell = raw[c]
      out[c] =
        cell && cell.t === 's' && typeof cell.v === 'string' && cell.v !== ''
          ? interned.get(c, cell.v)
          : toCell(cell, date1904)
    }
    return out
  }
  return {
    name,
    length: data.length,
    fullLength: Math.max(fullLength, data.length),
    estimated: cut,
    rowCount,
    width,
    merges,
    row
  }
}
