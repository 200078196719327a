// Data types shared by the workbook reader and everything downstream. Plain data: safe to clone across threads and IPC.

/** One cell: the raw value and the text Excel shows. Treat as immutable: the reader shares one Cell between rows with the same text. */
export interface Cell {
  /** s: text, n: number, b: boolean, d: date/time, e: error, z: empty */
  t: 's' | 'n' | 'b' | 'd' | 'e' | 'z'
  /**
   * Raw value. For 'd' it is the wall-clock time with no zone, as 'YYYY-MM-DDTHH:mm:ss(.sss)':
   * a spreadsheet date has no offset, so the mapping layer reads it in the session's time zone.
   */
  v: string | number | boolean | null
  /** The text Excel shows (formatted); for CSV the field text as written. */
  w: string
}

/** One data row under the header. rowNumber is the row number Excel shows (the CSV line number for CSV). */
export interface SheetRow {
  rowNumber: number
  cells: Cell[]
}

export type FileFormat = 'xlsx' | 'xlsm' | 'xls' | 'ods' | 'csv' | 'tsv'

export interface SheetInfo {
  name: string
  /** Non-empty rows in the sheet. */
  rowCount: number
}

/** A sheet as a table: unique readable headers and the data rows below the header row. */
export interface SheetTable {
  file: string
  format: FileFormat
  /** Text encoding used for CSV/TSV (e.g. 'utf-8', 'big5'); null for workbooks. */
  encoding: string | null
  delimiter: string | null
  sheets: SheetInfo[]
  sheet: string
  /** 1-based row number of the header row, as Excel shows it. */
  headerRow: number
  /** Unique, readable header names (blank → "Column F", duplicates → "金額 (2)"). */
  headers: string[]
  /** Data rows below the header, trailing empty rows removed; blank rows inside are kept so numbering stays true. */
  rows: SheetRow[]
  /** True when rows were cut by options.maxRows (preview). */
  truncated?: boolean
  /** Data rows in the whole sheet (exact for a full read; estimated from the sheet's dimension for a preview). */
  totalRows?: number
}

export interface ReadOptions {
  sheet?: string
  headerRow?: number
  encoding?: string
  /** Only the first N data rows (preview). */
  maxRows?: number
}

export interface ReadLimits {
  maxFileBytes: number
  maxRows: number
  timeoutMs: number
  maxHeapMb: number
  /** Largest size one zip entry may inflate to (declared or actual). */
  maxUnzippedBytes: number
  /** Largest inflated ÷ compressed ratio for an entry over 8 MB inflated (real sheets stay far below; zip bombs far above). */
  maxZipRatio: number
}

/** A problem opening a file, as data. code is stable; message names the file and what to do. */
export interface WorkbookError {
  code:
    | 'not_found'
    | 'empty'
    | 'too_large'
    | 'too_many_rows'
    | 'corrupt'
    | 'encrypted'
    | 'unsupported'
    | 'timeout'
    | 'out_of_memory'
    | 'bad_sheet'
    | 'bad_header_row'
    | 'bad_encoding'
  /** zh-TW first, then English: "中文… / English…". */
  message: string
  file: string
  /** The same message in one language (for a UI or CLI that shows only one). */
  messageZh?: string
  messageEn?: string
}
