// Reading spreadsheets: xlsx/xlsm/xls/ods/csv/tsv into a SheetTable, off the main thread, with limits; errors are data.
export { DEFAULT_LIMITS } from './limits'
export type { OpenResult, WorkbookSource } from './open-result'
export { openWorkbook } from './open'
export { readWorkbookBytes } from './read'
export { ENCODINGS, normalizeEncoding } from './encoding'
export { columnLetter } from './columns'
export type * from './types'
