// Reading spreadsheets: xlsx/xlsm/xls/ods/csv/tsv into a SheetTable, off the main thread, with limits; errors are data.
export { DEFAULT_LIMITS } from './limits'
export type { OpenResult, WorkbookSource } from './open-result'
export {
  keepParseWorkerWarm,
  openWorkbook,
  openWorkbookCompact,
  type CompactTable,
  type CompactOpenResult,
  type OpenHooks
} from './open'
export { readWorkbook, type ReadHooks, type ReadProgress } from './read-stream'
export { CompactRowStore } from './compact-rows'
export { readWorkbookBytes } from './read'
export { ENCODINGS, normalizeEncoding } from './encoding'
export { columnLetter } from './columns'
export type * from './types'
