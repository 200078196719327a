// Opened spreadsheets held by the main process. The renderer gets a summary and the first rows; more rows come by pages.
import { randomUUID } from 'node:crypto'
import type { ReadOptions, SheetTable, WorkbookError } from '../core/workbook/types'
import type { CompactTable } from '../core/workbook'
import type { RowPage, WorkbookView } from '../ipc/contract'
import { ServiceError } from './errors'
import { encodingChoices, readCompactTable, readTable, type WorkbookSource } from './workbook-reader'

export const PREVIEW_ROWS = 100
/** Oldest sessions are dropped beyond this, so repeated opens cannot grow memory without bound. */
export const MAX_OPEN_WORKBOOKS = 8

interface OpenWorkbook {
  source: WorkbookSource
  options: ReadOptions
  view: WorkbookView
  /** The whole table for the current options, read on the first page request past the preview; rows kept compact. */
  full?: Promise<CompactTable>
}

export interface PreviewChange {
  sheet?: string
  headerRow?: number
  encoding?: string
}

export function sourceName(source: WorkbookSource): string {
  return 'path' in source ? source.path : source.name
}

function fail(error: WorkbookError): never {
  const messages = error.messageZh && error.messageEn ? { 'zh-TW': error.messageZh, en: error.messageEn } : undefined
  throw new ServiceError(error.code, error.message, error.file, messages)
}

function toView(sessionId: string, table: SheetTable): WorkbookView {
  const isText = table.format === 'csv' || table.format === 'tsv'
  return {
    sessionId,
    file: table.file,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheets: table.sheets,
    sheet: table.sheet,
    headerRow: table.headerRow,
    headers: table.headers,
    preview: table.rows.slice(0, PREVIEW_ROWS),
    previewLimit: PREVIEW_ROWS,
    totalRows: table.totalRows ?? (table.truncated ? null : table.rows.length),
    encodings: isText ? encodingChoices() : []
  }
}

export class WorkbookSessions {
  private readonly open = new Map<string, OpenWorkbook>()

  /** pinned: the sheet / header row / encoding to use instead of detecting them (a restored session). */
  async openSource(source: WorkbookSource, pinned: ReadOptions = {}): Promise<WorkbookView> {
    const result = await readTable(source, { ...pinned, maxRows: PREVIEW_ROWS })
    if (!result.ok) fail(result.error)
    const sessionId = randomUUID()
    // pin what was detected so later pages read exactly what the preview showed
    const options: ReadOptions = {
      sheet: result.table.sheet,
      headerRow: result.table.headerRow,
      ...(result.table.encoding ? { encoding: result.table.encoding } : {})
    }
    const view = toView(sessionId, result.table)
    this.open.set(sessionId, { source, options, view })
    this.evictOldest()
    return view
  }

  async preview(sessionId: string, change: PreviewChange): Promise<WorkbookView> {
    const entry = this.get(sessionId)
    const options: ReadOptions = { ...entry.options }
    if (change.encoding !== undefined) options.encoding = change.encoding
    if (change.sheet !== undefined && change.sheet !== entry.options.sheet) {
      options.sheet = change.sheet
      // a different sheet has its own title rows: detect its header again unless the user gave one
      delete options.headerRow
    }
    if (change.encoding !== undefined && change.encoding !== entry.options.encoding) delete options.headerRow
    if (change.headerRow !== undefined) options.headerRow = change.headerRow
    const result = await readTable(entry.source, { ...options, maxRows: PREVIEW_ROWS })
    if (!result.ok) fail(result.error)
    entry.options = { ...options, sheet: result.table.sheet, headerRow: result.table.headerRow }
    if (result.table.encoding) entry.options.encoding = result.table.encoding
    entry.view = toView(sessionId, result.table)
    entry.full = undefined
    return entry.view
  }

  async page(sessionId: string, offset: number, limit: number): Promise<RowPage> {
    const entry = this.get(sessionId)
    const table = await this.fullTable(entry)
    return { sessionId, offset, total: table.rows.length, rows: table.rows.page(offset, limit) }
  }

  /** What was opened and with which sheet / header row / encoding (a prepare session starts from exactly this). */
  sourceOf(sessionId: string): { source: WorkbookSource; options: ReadOptions } {
    const entry = this.get(sessionId)
    return { source: entry.source, options: { ...entry.options } }
  }

  /**
   * The preview's rows as a table: the first rows a full read with sourceOf's options gives (a first page at once).
   * Undefined when the preview is the whole sheet: reading it all again is as quick, and then nothing is left pending.
   */
  headOf(sessionId: string): SheetTable | undefined {
    const { view } = this.get(sessionId)
    if (view.totalRows !== null && view.preview.length >= view.totalRows) return undefined
    const { file, format, encoding, delimiter, sheets, sheet, headerRow, headers, preview } = view
    return { file, format, encoding, delimiter, sheets, sheet, headerRow, headers, rows: preview, truncated: true }
  }

  close(sessionId: string): boolean {
    return this.open.delete(sessionId)
  }

  get size(): number {
    return this.open.size
  }

  private fullTable(entry: OpenWorkbook): Promise<CompactTable> {
    if (!entry.full) {
      const reading = readCompactTable(entry.source, entry.options).then((result) =>
        result.ok ? result.table : fail(result.error)
      )
      // a failed read is not cached: the next request tries again
      reading.catch(() => {
        if (entry.full === reading) entry.full = undefined
      })
      entry.full = reading
    }
    return entry.full
  }

  private get(sessionId: string): OpenWorkbook {
    const entry = this.open.get(sessionId)
    if (!entry)
      throw new ServiceError(
        'no_session',
        `This spreadsheet is no longer open (${sessionId.slice(0, 8)}). Open it again.`
      )
    return entry
  }

  private evictOldest(): void {
    while (this.open.size > MAX_OPEN_WORKBOOKS) {
      const oldest = this.open.keys().next().value
      if (oldest === undefined) return
      this.open.delete(oldest)
    }
  }
}
