// One worksheet, streamed: rows and cells from the XML events as SheetJS would read them (same Cells, same rules).
import * as XLSX from 'xlsx'
import type { Cell } from './types'
import { EMPTY_CELL, isBlankCell, type MergeRange, type SheetSource } from './source'
import { TextCellCache, toCell } from './sheetjs'
import { StreamUnsupported, formulaText, own, parsePart, type PartReader } from './ooxml-parts'
import type { ZipEntry } from './zip'
import { TwoKeyCache } from '../bounded-cache'

/** Number cells remembered per (style, value): amounts repeat; most date-times do not. */
const NUMBER_CELLS_KEPT = 5000

export interface SheetContext {
  date1904: boolean
  /** null: a preview reads the sheet first and only the shared strings its rows use (see resolveSharedStrings). */
  strings: string[] | null
  formats: { id: number; code: string | undefined }[]
}

export interface SheetReadOptions {
  /** Rows (slots) to keep; rows past it are counted towards an estimate only. */
  sheetRows: number
  /** Stop inflating once sheetRows are in (a preview of a big part); else read to the end (merged cells come last). */
  stopEarly: boolean
  onRows?: (rowsRead: number, inflated: number) => void
  /** Streaming: each row with cells goes here (0-based index, ascending) instead of being kept. */
  onRow?: (index0: number, cells: Cell[]) => void
}

/** Column index from a cell reference's letters ("AB12" → 27), and its row (0-based) when digits follow. */
function decodeRef(ref: string): { c: number; r: number } {
  let c = 0
  let i = 0
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) - 64
    if (code < 1 || code > 26) break
    c = c * 26 + code
  }
  return { c: c - 1, r: i < ref.length ? parseInt(ref.slice(i), 10) - 1 : -1 }
}

const bool = (text: string | undefined) => text === '1' || text === 'true'

export async function readSheet(
  reader: PartReader,
  entry: ZipEntry,
  name: string,
  ctx: SheetContext,
  opts: SheetReadOptions
): Promise<SheetSource> {
  const slots: (Cell[] | undefined)[] = []
  const merges: MergeRange[] = []
  const interned = new TextCellCache()
  // style → value → Cell; bounded: date-times rarely repeat, and an unbounded cache held ~17 MB of the worker's heap
  const numberCells = new TwoKeyCache<number, number, Cell>(NUMBER_CELLS_KEPT)
  let dimensionRows = 0
  let rowIndex = -1
  let col = -1
  let cells: Cell[] = []
  let rowHasCells = false
  let cellType: string | undefined
  let cellStyle = -1
  let cellRow = -1
  let value: string | undefined
  let inline: string[] = []
  let capture: 'v' | 't' | null = null
  let inInline = false
  let phonetic = 0
  let reachedCap = false
  let rowsRead = 0
  let streamedLength = 0

  const format = (fmtIndex: number) => (fmtIndex >= 0 ? ctx.formats[fmtIndex] : undefined) ?? { id: 0, code: undefined }

  function numberCell(v: number, fmtIndex: number): Cell {
    const { id, code } = format(fmtIndex)
    // dates and amounts repeat: one Cell per (style, value)
    const known = numberCells.get(fmtIndex, v)
    if (known) return known
    let w: string
    try {
      w =
        id === 0
          ? (v | 0) === v
            ? v.toString(10)
            : XLSX.SSF.format('General', v)
          : XLSX.SSF.format(code ?? id, v, { date1904: ctx.date1904 })
    } catch {
      w = String(v)
    }
    const cell = toCell({ t: 'n', v, w, z: code }, ctx.date1904)
    numberCells.set(fmtIndex, v, cell)
    return cell
  }

  function finishCell(): Cell | null {
    const t = cellType
    if (t === undefined && value === undefined) return null
    switch (t ?? 'n') {
      case 'n': {
        if (value === undefined || value === '') return null
        return numberCell(parseFloat(value), cellStyle)
      }
      case 's': {
        if (value === undefined) return null
        const index = parseInt(value, 10)
        if (ctx.strings === null) return pendingString(index)
        const text = ctx.strings[index]
        if (text === undefined) throw new StreamUnsupported(`shared string ${value} missing`)
        return text === '' ? EMPTY_CELL : interned.get(col, text)
      }
      case 'str': {
        const text = value === undefined ? '' : formulaText(value)
        return text === '' ? EMPTY_CELL : interned.get(col, own(text))
      }
      case 'inlineStr': {
        const text = inlineText(inline)
        return text === '' ? EMPTY_CELL : interned.get(col, own(text))
      }
      case 'b': {
        const { id, code } = format(cellStyle)
        const v = bool(value)
        let w: string
        try {
          w = XLSX.SSF.format(id === 0 ? 'General' : (code ?? id), v)
        } catch {
          w = v ? 'TRUE' : 'FALSE'
        }
        return toCell({ t: 'b', v, w }, ctx.date1904)
      }
      case 'e':
        return toCell({ t: 'e', v: 0, w: value ? own(value) : undefined } as XLSX.CellObject, ctx.date1904)
      default:
        throw new StreamUnsupported(`cell type ${t}`)
    }
  }

  const inflated = await parsePart(
    reader,
    entry,
    {
      open(tag, attrs) {
        switch (tag) {
          case 'row':
            rowIndex = attrs.r !== undefined ? parseInt(attrs.r, 10) - 1 : rowIndex + 1
            col = -1
            cells = []
            rowHasCells = false
            if (rowIndex + 1 > opts.sheetRows) reachedCap = true
            break
          case 'c': {
            if (attrs.r !== undefined) {
              const ref = decodeRef(attrs.r)
              col = ref.c
              cellRow = ref.r
            } else {
              col++
              cellRow = rowIndex
            }
            cellType = attrs.t
            cellStyle = attrs.s !== undefined ? parseInt(attrs.s, 10) : -1
            value = undefined
            inline = []
            break
          }
          case 'v':
            capture = 'v'
            value = ''
            break
          case 'is':
            inInline = true
            break
          case 'rPh':
            phonetic++
            break
          case 't':
            if (inInline && phonetic === 0) capture = 't'
            break
          case 'mergeCell':
            if (attrs.ref) {
              const [a, b = a] = attrs.ref.split(':')
              const s = decodeRef(a)
              const e = decodeRef(b)
              merges.push({ s: { r: s.r, c: s.c }, e: { r: e.r, c: e.c } })
            }
            break
          case 'dimension':
            if (attrs.ref) dimensionRows = decodeRef(attrs.ref.split(':').pop() ?? '').r + 1
            break
        }
      },
      text(text) {
        if (capture === 'v') value += text
        else if (capture === 't') inline.push(text)
      },
      close(tag) {
        switch (tag) {
          case 'v':
          case 't':
            capture = null
            break
          case 'is':
            inInline = false
            break
          case 'rPh':
            phonetic--
            break
          case 'c': {
            if (reachedCap) break
            if (value === '') value = cellType === 'str' || cellType === 'e' ? '' : undefined
            const cell = finishCell()
            if (!cell) break
            if (cellRow !== rowIndex) throw new StreamUnsupported('cell outside its row')
            cells[col] = cell
            rowHasCells = true
            break
          }
          case 'row':
            if (reachedCap) break
            if (rowHasCells) {
              for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = EMPTY_CELL
              if (opts.onRow) {
                if (rowIndex < streamedLength) throw new StreamUnsupported('rows out of order')
                streamedLength = rowIndex + 1
                opts.onRow(rowIndex, cells)
              } else slots[rowIndex] = cells
            }
            rowsRead++
            if (opts.onRows && rowsRead % 2000 === 0) opts.onRows(rowsRead, 0)
            break
        }
      }
    },
    () => opts.stopEarly && reachedCap
  )
  opts.onRows?.(rowsRead, inflated)
  // cut as SheetJS judges it (its row bound filled), or rows past the bound exist (they were only skipped)
  const length = opts.onRow ? streamedLength : slots.length
  const cut = reachedCap || length >= opts.sheetRows
  // a read cut short estimates the rest from what the sheet states (as SheetJS does); a whole read counts
  const fullLength = cut ? Math.max(dimensionRows, length) : length
  return sheetSource(name, slots, merges, fullLength, cut)
}

/** A shared-string cell whose text is not read yet: its index, resolved once the strings are in. */
interface PendingString extends Cell {
  pending: number
}

function pendingString(index: number): Cell {
  return { t: 's', v: '', w: '', pending: index } as PendingString
}

/** The highest shared-string index the sheets' kept rows use (-1 when none). */
export function maxPendingString(sources: SheetSource[]): number {
  let max = -1
  for (const s of sources) {
    for (let r = 0; r < s.length; r++)
      for (const cell of s.row(r) ?? [])
        if ((cell as PendingString).pending > max) max = (cell as PendingString).pending
  }
  return max
}

/** Puts the shared strings' text into the pending cells, as the full read would have made them; then counts afresh. */
export function resolveSharedStrings(sources: SheetSource[], strings: string[]): SheetSource[] {
  return sources.map((s) => {
    const interned = new TextCellCache()
    const slots: (Cell[] | undefined)[] = []
    for (let r = 0; r < s.length; r++) {
      const cells = s.row(r)
      if (!cells) continue
      slots[r] = cells.map((cell, c) => {
        const index = (cell as PendingString).pending
        if (index === undefined) return cell
        const text = strings[index]
        if (text === undefined) throw new StreamUnsupported(`shared string ${index} missing`)
        return text === '' ? EMPTY_CELL : interned.get(c, text)
      })
    }
    return sheetSource(s.name, slots, s.merges, s.fullLength, s.estimated ?? false)
  })
}

/** An inline string's runs, decoded as SheetJS decodes shared strings. */
function inlineText(parts: string[]): string {
  const text = parts.join('')
  return text.indexOf('_x') >= 0 || text.indexOf('\r\n') >= 0
    ? text.replace(/_x([\da-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\r\n/g, '\n')
    : text
}

function sheetSource(
  name: string,
  slots: (Cell[] | undefined)[],
  merges: MergeRange[],
  fullLength: number,
  estimated: boolean
): SheetSource {
  let rowCount = 0
  let width = 0
  for (const cells of slots) {
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
  return { name, length: slots.length, fullLength, estimated, rowCount, width, merges, row: (i) => slots[i] }
}
