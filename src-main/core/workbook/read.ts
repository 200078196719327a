// readWorkbookBytes: the whole reading logic, in-process. The worker calls it; tests and benchmarks call it directly.
import type { ReadLimits, ReadOptions, SheetInfo, FileFormat } from './types'
import type { OpenResult } from './open-result'
import { resolveLimits } from './limits'
import { WorkbookFailure, fail, workbookError } from './errors'
import { byteKind, extensionOf, foreignKind, oleKind, zipFormat } from './detect'
import { ENCODINGS, decodeText, normalizeEncoding } from './encoding'
import { detectDelimiter, parseCsv } from './csv'
import { EMPTY_CELL, arraySource, type SheetSource } from './source'
import { TextCellCache, readWorkbook } from './sheetjs'
import { previewXlsxBytes } from './xlsx-preview'
import { listZip, type ZipEntry } from './zip'
import { checkZipEntries, largestInflate } from './zip-guard'
import { buildTable, pickSheet } from './table'
import type { Cell } from './types'
import { basename } from 'node:path'

/** Title rows above the header that a preview reads in addition to maxRows. */
const HEADER_SLACK = 31

/** Title rows above the header that a read takes in addition to its row cap. */
export { HEADER_SLACK }

export function readWorkbookBytes(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
  limits?: Partial<ReadLimits>
): OpenResult {
  try {
    return { ok: true, table: readOrThrow(name, bytes, options, resolveLimits(limits)) }
  } catch (err) {
    if (err instanceof WorkbookFailure) return { ok: false, error: err.error }
    const message = err instanceof Error ? err.message : String(err)
    if (/password|encrypt/i.test(message)) return { ok: false, error: workbookError('encrypted', name) }
    return { ok: false, error: workbookError('corrupt', name, { detail: message.slice(0, 120) }) }
  }
}

function readOrThrow(name: string, bytes: Uint8Array, options: ReadOptions, limits: ReadLimits) {
  if (bytes.byteLength > limits.maxFileBytes)
    fail('too_large', name, { size: bytes.byteLength, limit: limits.maxFileBytes })
  if (bytes.byteLength === 0) fail('empty', name)
  const kind = byteKind(bytes)
  const ext = extensionOf(name)
  if (kind === 'binary') fail('unsupported', name, { detail: foreignKind(bytes) ?? undefined })
  if (kind === 'text') return readDelimited(name, bytes, ext === 'tsv' ? 'tsv' : 'csv', options, limits)
  let format: FileFormat
  let entries: ZipEntry[] | null = null
  if (kind === 'zip') {
    entries = listZip(bytes)
    if (!entries) fail('corrupt', name, { detail: 'zip directory not found' })
    const zf = zipFormat(
      entries.map((e) => e.name),
      name
    )
    if (zf === 'not-spreadsheet')
      fail('unsupported', name, { detail: ext === 'docx' || ext === 'pptx' ? ext.toUpperCase() : 'ZIP' })
    format = zf
  } else if (kind === 'ole') {
    const ok = safe(() => oleKind(bytes), name)
    if (ok === 'encrypted') fail('encrypted', name)
    if (ok === 'not-spreadsheet') fail('unsupported', name, { detail: 'OLE (Word/PowerPoint?)' })
    format = 'xls'
  } else {
    format = 'xls' // Excel 2003 XML or an HTML table saved as .xls
  }
  const preview = options.maxRows !== undefined
  const sheetRows = sheetRowsFor(options, limits)
  if (entries) checkZipEntries(name, entries, limits)
  const small = preview && (format === 'xlsx' || format === 'xlsm') ? safePreview(bytes, sheetRows) : null
  const maxInflate = entries ? largestInflate(entries, limits) : undefined
  const parsed =
    (small && safeParse(small, sheetRows)) ?? readSheetJS(name, bytes, sheetRows, maxInflate, entries, limits)
  return finish(name, format, null, null, parsed.sheets, options, limits)
}

/** SheetJS's bounded inflate throws when an entry's real size passes its bound: that is a size refusal, not damage. */
function readSheetJS(
  name: string,
  bytes: Uint8Array,
  sheetRows: number,
  maxInflate: number | undefined,
  entries: ZipEntry[] | null,
  limits: ReadLimits
) {
  try {
    return readWorkbook(bytes, sheetRows, maxInflate)
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' && entries) {
      const biggest = entries.reduce((a, b) => (b.compressedSize > a.compressedSize ? b : a))
      fail('too_large', name, {
        unzipped: true,
        size: maxInflate,
        limit: Math.min(maxInflate ?? 0, limits.maxUnzippedBytes),
        detail: biggest.name
      })
    }
    throw err
  }
}

/** Rows a read parses: a preview's rows plus title rows; a full read one past the cap, so a sheet over it is seen. */
export function sheetRowsFor(options: ReadOptions, limits: ReadLimits): number {
  const full = limits.maxRows + HEADER_SLACK + 1
  return options.maxRows !== undefined
    ? Math.min(options.maxRows + HEADER_SLACK + (options.headerRow ?? 0), full)
    : full
}

/** The fast preview is an optimisation: any surprise falls back to the full parse. */
function safePreview(bytes: Uint8Array, rows: number): Buffer | null {
  try {
    return previewXlsxBytes(bytes, rows)
  } catch {
    return null
  }
}

function safeParse(bytes: Uint8Array, sheetRows: number) {
  try {
    return readWorkbook(bytes, sheetRows)
  } catch {
    return null
  }
}

/** SheetJS errors on a zip/OLE container mean a damaged file, never a crash. */
function safe<T>(fn: () => T, name: string): T {
  try {
    return fn()
  } catch (err) {
    fail('corrupt', name, { detail: err instanceof Error ? err.message.slice(0, 120) : undefined })
  }
}

function readDelimited(
  name: string,
  bytes: Uint8Array,
  format: 'csv' | 'tsv',
  options: ReadOptions,
  limits: ReadLimits
) {
  let forced: string | null = null
  if (options.encoding) {
    forced = normalizeEncoding(options.encoding)
    if (!forced) fail('bad_encoding', name, { encoding: options.encoding, encodings: ENCODINGS.map((e) => e.id) })
  }
  const { text, encoding } = decodeText(bytes, forced)
  const delimiter = format === 'tsv' ? '\t' : detectDelimiter(text)
  const cap =
    options.maxRows !== undefined
      ? options.maxRows + HEADER_SLACK + (options.headerRow ?? 0)
      : limits.maxRows + HEADER_SLACK
  const records = parseCsv(text, delimiter, cap + 1)
  const slots: (Cell[] | undefined)[] = []
  // memory follows the data: repeated texts share one Cell per column, empty fields one frozen Cell, and each
  // parsed record is let go once converted (a 1,000,000-row CSV has to fit the worker's heap cap)
  const interned = new TextCellCache()
  for (let k = 0; k < records.length; k++) {
    const rec = records[k]
    const cells = new Array<Cell>(rec.fields.length)
    for (let c = 0; c < rec.fields.length; c++) {
      const f = rec.fields[c]
      cells[c] = f === '' ? EMPTY_CELL : interned.get(c, f)
    }
    slots[rec.line - 1] = cells
    if (k > 0) records[k - 1] = undefined as never
  }
  const recordCount = records.length
  const source = arraySource(basename(name).replace(/\.[^.]+$/, '') || basename(name), slots)
  if (recordCount > cap) {
    if (options.maxRows === undefined) fail('too_many_rows', name, { limit: limits.maxRows })
    source.fullLength = estimateLines(text) // preview: the line count stands in for the row count
  }
  return finish(name, format, encoding, delimiter, [source], options, limits)
}

function estimateLines(text: string): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

export function finish(
  name: string,
  format: FileFormat,
  encoding: string | null,
  delimiter: string | null,
  sources: SheetSource[],
  options: ReadOptions,
  limits: ReadLimits
) {
  const sheets: SheetInfo[] = sources.map((s) => ({
    name: s.name,
    rowCount: s.fullLength > s.length ? s.fullLength : s.rowCount
  }))
  if (!sources.length || sources.every((s) => s.rowCount === 0)) fail('empty', name)
  let source: SheetSource
  if (options.sheet !== undefined && format !== 'csv' && format !== 'tsv') {
    const found =
      sources.find((s) => s.name === options.sheet) ??
      sources.find((s) => s.name.trim().toLowerCase() === options.sheet!.trim().toLowerCase())
    if (!found) fail('bad_sheet', name, { sheet: options.sheet, sheets: sources.map((s) => s.name) })
    source = found
    if (source.rowCount === 0) fail('empty', name)
  } else {
    source = pickSheet(sources)
  }
  // the cap applies to rows actually present: a full read that reached its row bound has too many; an estimate never refuses
  if (options.maxRows === undefined && source.estimated)
    fail('too_many_rows', name, { limit: limits.maxRows, rows: source.fullLength })
  if (!source.estimated && source.fullLength > limits.maxRows + HEADER_SLACK)
    fail('too_many_rows', name, { limit: limits.maxRows, rows: source.fullLength })
  return buildTable({
    file: name,
    format,
    encoding,
    delimiter,
    sheets,
    source,
    headerRow: options.headerRow,
    maxRows: options.maxRows,
    maxDataRows: limits.maxRows
  })
}
