// Finding the header row below title rows, and turning header cells into unique readable names.
import type { Cell } from './types'
import { columnLetter } from './columns'
import { isBlankCell, nonEmptyCount, type SheetSource } from './source'

const SCAN_ROWS = 30

function looksLikeHeader(cells: Cell[], width: number): boolean {
  const filled = cells.filter((c) => !isBlankCell(c))
  if (filled.length === 0) return false
  // a header spans (nearly) the whole table; a title or "匯出時間: …" line holds one or two cells
  const needed = width <= 2 ? width : Math.max(2, Math.ceil(width * 0.6))
  if (filled.length < needed) return false
  const textual = filled.filter((c) => c.t === 's' && c.w.trim().length <= 60).length
  const distinct = new Set(filled.map((c) => c.w.trim())).size
  return textual >= filled.length * 0.8 && distinct >= filled.length * 0.6
}

/** 0-based index of the header row: the first row in the top ~30 that spans the table with short distinct text and has data below. */
export function detectHeaderIndex(source: SheetSource, width: number): number {
  const limit = Math.min(source.length, SCAN_ROWS)
  let firstNonEmpty = -1
  for (let r = 0; r < limit; r++) {
    const cells = source.row(r)
    if (!cells || nonEmptyCount(cells) === 0) continue
    if (firstNonEmpty < 0) firstNonEmpty = r
    if (!looksLikeHeader(cells, width)) continue
    // data-like rows under it: the next non-empty row is not a lone title cell (or there is none)
    let next: Cell[] | undefined
    for (let k = r + 1; k < Math.min(source.length, r + 6); k++) {
      const candidate = source.row(k)
      if (candidate && nonEmptyCount(candidate) > 0) {
        next = candidate
        break
      }
    }
    if (!next || nonEmptyCount(next) >= Math.min(2, width)) return r
  }
  return Math.max(0, firstNonEmpty)
}

/** Header text per column: merged header areas fill every spanned column; blanks → "Column F"; duplicates → "金額 (2)". */
export function buildHeaders(cells: Cell[] | undefined, width: number, mergedFill: Map<number, string>): string[] {
  const raw: string[] = []
  for (let c = 0; c < width; c++) {
    const cell = cells?.[c]
    let text = cell && !isBlankCell(cell) ? cell.w.replace(/\s+/g, ' ').trim() : ''
    if (!text && mergedFill.has(c)) text = mergedFill.get(c) ?? ''
    raw.push(text)
  }
  const used = new Set<string>()
  const counts = new Map<string, number>()
  const out: string[] = []
  for (let c = 0; c < width; c++) {
    const base = raw[c] || `Column ${columnLetter(c)}`
    let name = base
    let n = counts.get(base) ?? 1
    while (used.has(name)) {
      n++
      name = `${base} (${n})`
    }
    counts.set(base, n)
    used.add(name)
    out.push(name)
  }
  return out
}
