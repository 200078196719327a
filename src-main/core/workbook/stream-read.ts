// The worker's streaming read of one .xlsx/.xlsm sheet: rows go to the table builder (stream-table.ts) as they are
// parsed, so the caller validates while the file is still being inflated. Only when the sheet to read is known up
// front (one sheet, or --sheet); anything else is 'not-streamed' and read the ordinary way (read-stream.ts).
import type { ReadLimits, ReadOptions, SheetInfo } from './types'
import type { OpenResult } from './open-result'
import { WorkbookFailure } from './errors'
import { byteKind, zipFormat } from './detect'
import { listZip, zipRead, zipSize, type ZipBytes, type ZipEntry } from './zip'
import { checkZipEntries } from './zip-guard'
import { HEADER_SLACK, sheetRowsFor } from './read'
import { sharedStrings, styleFormats, workbookParts, type PartReader, type WorkbookParts } from './ooxml-parts'
import { maxPendingString, readSheet, resolveSharedStrings, type SheetContext } from './stream-sheet'
import { DEFAULT_XML_PARSER } from './xml-events'
import { StreamTableBuilder, type StreamSink } from './stream-table'
import type { MergeRange } from './source'
import type { ReadProgress } from './stream-xlsx'

export type StreamOutcome =
  | { kind: 'done'; result: OpenResult; dataMerges: MergeRange[] }
  /** Nothing was streamed: read the ordinary way. */
  | { kind: 'not-streamed' }
  /** Rows were streamed, then the read could not go on this way: the caller drops them and reads the ordinary way. */
  | { kind: 'restart' }

/** Sheet parts above this compressed size post their first rows before the shared strings are read whole. */
const BIG_PART = 256 * 1024
/** Rows read first: title rows, the header scan and a first chunk of data rows. */
const HEAD_SLOTS = 200

/** The sheet's first rows, with only the shared strings they use, into the table builder. */
async function feedHead(
  reader: PartReader,
  entry: ZipEntry,
  name: string,
  parts: WorkbookParts,
  formats: SheetContext['formats'],
  slots: number,
  table: StreamTableBuilder
): Promise<void> {
  const ctx: SheetContext = { date1904: parts.date1904, formats, strings: null }
  const head = await readSheet(reader, entry, name, ctx, { sheetRows: slots, stopEarly: true })
  const max = maxPendingString([head])
  const [rows] = max < 0 ? [head] : resolveSharedStrings([head], await sharedStrings(reader, parts.sstPath, max + 1))
  for (let r = 0; r < rows.length; r++) {
    const cells = rows.row(r)
    if (cells) table.row(r, cells)
  }
}

export interface StreamChunks {
  firstChunk: number
  chunk: number
  /** Tests: the compressed size above which the first rows go out before the shared strings (default BIG_PART). */
  headAbove?: number
}

export async function streamWorkbookRows(
  name: string,
  bytes: ZipBytes,
  options: ReadOptions,
  limits: ReadLimits,
  sink: StreamSink,
  sizes: StreamChunks,
  onProgress?: (p: ReadProgress) => void
): Promise<StreamOutcome> {
  const size = zipSize(bytes)
  if (options.maxRows !== undefined || size === 0 || size > limits.maxFileBytes) return { kind: 'not-streamed' }
  if (byteKind(zipRead(bytes, 0, Math.min(size, 4096))) !== 'zip') return { kind: 'not-streamed' }
  const entries = listZip(bytes)
  const format = entries
    ? zipFormat(
        entries.map((e) => e.name),
        name
      )
    : null
  if (!entries || (format !== 'xlsx' && format !== 'xlsm')) return { kind: 'not-streamed' }
  let builder: StreamTableBuilder | null = null
  let started = false
  try {
    checkZipEntries(name, entries, limits)
    const byName = new Map<string, ZipEntry>()
    for (const e of entries) {
      byName.set(e.name, e)
      if (!byName.has(e.name.toLowerCase())) byName.set(e.name.toLowerCase(), e)
    }
    const reader: PartReader = { file: name, bytes, limits, parser: DEFAULT_XML_PARSER, byName }
    const parts = await workbookParts(reader)
    const wanted = options.sheet
    const chosen =
      wanted === undefined
        ? parts.sheets.length === 1
          ? parts.sheets[0]
          : undefined
        : (parts.sheets.find((s) => s.name === wanted) ??
          parts.sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase()))
    if (!chosen) return { kind: 'not-streamed' }
    const formats = await styleFormats(reader, parts.stylesPath)
    const sheetRows = sheetRowsFor(options, limits)
    const table = new StreamTableBuilder(
      {
        file: name,
        format,
        encoding: null,
        delimiter: null,
        headerRow: options.headerRow,
        maxDataRows: limits.maxRows,
        firstChunk: sizes.firstChunk,
        chunk: sizes.chunk
      },
      chosen.name,
      {
        start: (t) => {
          started = true
          sink.start(t)
        },
        rows: (rows, width) => sink.rows(rows, width)
      }
    )
    builder = table
    const chosenEntry = byName.get(chosen.path) ?? byName.get(chosen.path.toLowerCase())!
    // a big sheet's first rows go out before the shared strings are read whole (most of a big file's text is there)
    const headSlots = chosenEntry.compressedSize > (sizes.headAbove ?? BIG_PART) ? Math.min(HEAD_SLOTS, sheetRows) : 0
    if (headSlots) await feedHead(reader, chosenEntry, chosen.name, parts, formats, headSlots, table)
    const ctx = { date1904: parts.date1904, formats, strings: await sharedStrings(reader, parts.sstPath) }
    const sheets: SheetInfo[] = []
    let chosenSource: { fullLength: number; estimated: boolean; merges: MergeRange[] } | null = null
    for (const sheet of parts.sheets) {
      const entry = byName.get(sheet.path) ?? byName.get(sheet.path.toLowerCase())!
      const isChosen = sheet === chosen
      const source = await readSheet(reader, entry, sheet.name, ctx, {
        sheetRows,
        stopEarly: false,
        onRows: onProgress
          ? (rowsRead, inflated) => onProgress({ sheet: sheet.name, rowsRead, inflated, declared: entry.size })
          : undefined,
        onRow: isChosen ? (index0, cells) => index0 >= headSlots && table.row(index0, cells) : undefined
      })
      if (isChosen) {
        chosenSource = { fullLength: source.fullLength, estimated: source.estimated ?? false, merges: source.merges }
        const rowCount = table.rowCountSoFar()
        sheets.push({
          name: sheet.name,
          rowCount: source.fullLength > table.lengthSoFar() ? source.fullLength : rowCount
        })
      } else {
        sheets.push({
          name: sheet.name,
          rowCount: source.fullLength > source.length ? source.fullLength : source.rowCount
        })
      }
    }
    const end = table.end(sheets, chosenSource!, limits.maxRows, HEADER_SLACK)
    if (end.kind === 'restart') return end
    return { kind: 'done', result: { ok: true, table: end.table }, dataMerges: end.dataMerges }
  } catch (err) {
    if (err instanceof WorkbookFailure) return { kind: 'done', result: { ok: false, error: err.error }, dataMerges: [] }
    // not ours to judge (unsupported feature, or damage): the ordinary read decides
    return started || builder?.hasStarted() ? { kind: 'restart' } : { kind: 'not-streamed' }
  }
}
