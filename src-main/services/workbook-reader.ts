// Adapter over the core workbook reader (core/workbook), so services depend on one small surface.
import {
  ENCODINGS,
  keepParseWorkerWarm,
  openWorkbook,
  openWorkbookCompact,
  type CompactOpenResult
} from '../core/workbook'
import type { ReadOptions, SheetTable, WorkbookError } from '../core/workbook/types'
import type { EncodingChoice } from '../ipc/contract'

export type WorkbookSource = { path: string } | { name: string; bytes: Uint8Array }
export type ReadResult = { ok: true; table: SheetTable } | { ok: false; error: WorkbookError }

export function readTable(source: WorkbookSource, options: ReadOptions): Promise<ReadResult> {
  return openWorkbook(source, options)
}

/** The whole table with its rows kept compact (pages are made into Cells on request). */
export function readCompactTable(source: WorkbookSource, options: ReadOptions): Promise<CompactOpenResult> {
  return openWorkbookCompact(source, options)
}

export { keepParseWorkerWarm }

/** Labels the user can pick for a CSV/TSV file. */
export function encodingChoices(): EncodingChoice[] {
  return ENCODINGS.map((entry) => ({ id: entry.id, label: { 'zh-TW': entry.label['zh-TW'], en: entry.label.en } }))
}
