// The result of opening a workbook: a table, or an error as data.
import type { SheetTable, WorkbookError } from './types'

export type OpenResult = { ok: true; table: SheetTable } | { ok: false; error: WorkbookError }

export type WorkbookSource = { path: string } | { name: string; bytes: Uint8Array }
