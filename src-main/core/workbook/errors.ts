// Errors as data, in zh-TW and English, naming the file, the problem and what to do.
import type { WorkbookError } from './types'

type Code = WorkbookError['code']

function baseName(file: string): string {
  const parts = file.split(/[\\/]/)
  return parts[parts.length - 1] || file
}

function mb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
}

export interface ErrorDetails {
  size?: number
  limit?: number
  rows?: number
  sheet?: string
  sheets?: string[]
  headerRow?: number
  encoding?: string
  encodings?: string[]
  detail?: string
  seconds?: number
  /** too_large: size is what the file would inflate to (a zip bomb), not the file itself. */
  unzipped?: boolean
}

function texts(code: Code, f: string, d: ErrorDetails): [zh: string, en: string] {
  switch (code) {
    case 'not_found':
      return [
        `找不到檔案「${f}」。請確認路徑，或重新選擇檔案。`,
        `File "${f}" was not found. Check the path or choose the file again.`
      ]
    case 'empty':
      return [
        `「${f}」是空的，沒有可讀取的資料。請確認選對檔案，或在 Excel 中另存後再試。`,
        `"${f}" is empty: there is no data to read. Check that this is the right file, or save it again from Excel and retry.`
      ]
    case 'too_large':
      if (d.unzipped) {
        return [
          `「${f}」解壓縮後太大（${d.detail ? `${d.detail}：` : ''}${mb(d.size ?? 0)}，上限 ${mb(d.limit ?? 0)}），已拒絕讀取。這可能是損毀或惡意的檔案；請用 Excel 另存後再試，或分成較小的檔案。`,
          `"${f}" is too large once unzipped (${d.detail ? `${d.detail}: ` : ''}${mb(d.size ?? 0)}; the limit is ${mb(d.limit ?? 0)}) and was refused before inflating. It may be damaged or hostile; save a new copy from Excel, or split it into smaller files.`
        ]
      }
      return [
        `「${f}」太大（${mb(d.size ?? 0)}，上限 ${mb(d.limit ?? 0)}）。請分成較小的檔案後再匯入。`,
        `"${f}" is too large (${mb(d.size ?? 0)}; the limit is ${mb(d.limit ?? 0)}). Split it into smaller files and import them one by one.`
      ]
    case 'too_many_rows':
      return [
        `「${f}」的資料列太多（${d.rows ? `約 ${d.rows.toLocaleString('en')} 列，` : ''}上限 ${(d.limit ?? 0).toLocaleString('en')} 列）。請分成較小的檔案。`,
        `"${f}" has too many rows (${d.rows ? `about ${d.rows.toLocaleString('en')}; ` : ''}the limit is ${(d.limit ?? 0).toLocaleString('en')}). Split it into smaller files.`
      ]
    case 'corrupt':
      return [
        `「${f}」已損毀或不完整，無法讀取${d.detail ? `（${d.detail}）` : ''}。請用 Excel 開啟後另存新檔，或重新匯出。`,
        `"${f}" is damaged or incomplete and cannot be read${d.detail ? ` (${d.detail})` : ''}. Open it in Excel and save a new copy, or export it again.`
      ]
    case 'encrypted':
      return [
        `「${f}」有密碼保護。請在 Excel 中移除密碼（檔案 → 資訊 → 保護活頁簿）後另存，再試一次。`,
        `"${f}" is password-protected. Remove the password in Excel (File → Info → Protect Workbook), save, and try again.`
      ]
    case 'unsupported':
      return [
        `「${f}」不是支援的試算表格式${d.detail ? `（看起來是 ${d.detail}）` : ''}。請使用 .xlsx、.xlsm、.xls、.ods、.csv 或 .tsv。`,
        `"${f}" is not a supported spreadsheet${d.detail ? ` (it looks like ${d.detail})` : ''}. Use .xlsx, .xlsm, .xls, .ods, .csv or .tsv.`
      ]
    case 'timeout':
      return [
        `讀取「${f}」超過 ${d.seconds ?? 0} 秒，已停止。檔案可能太複雜或已損毀；請另存為較小的檔案或 CSV 後再試。`,
        `Reading "${f}" took longer than ${d.seconds ?? 0} s and was stopped. The file may be too complex or damaged; save it as a smaller file or as CSV and retry.`
      ]
    case 'out_of_memory':
      return [
        `讀取「${f}」需要的記憶體超過上限，已停止。請分成較小的檔案或另存為 CSV。`,
        `Reading "${f}" needed more memory than allowed and was stopped. Split it into smaller files or save it as CSV.`
      ]
    case 'bad_sheet':
      return [
        `「${f}」中沒有名為「${d.sheet ?? ''}」的工作表。可用的工作表：${(d.sheets ?? []).join('、')}。`,
        `"${f}" has no sheet named "${d.sheet ?? ''}". Sheets in the file: ${(d.sheets ?? []).join(', ')}.`
      ]
    case 'bad_header_row':
      return [
        `「${f}」的標題列 ${d.headerRow ?? ''} 不存在或是空白。請選擇有欄位名稱的那一列。`,
        `Header row ${d.headerRow ?? ''} of "${f}" does not exist or is blank. Choose the row that holds the column names.`
      ]
    case 'bad_encoding':
      return [
        `不支援文字編碼「${d.encoding ?? ''}」（檔案「${f}」）。可用：${(d.encodings ?? []).join('、')}。`,
        `Text encoding "${d.encoding ?? ''}" is not supported (file "${f}"). Use one of: ${(d.encodings ?? []).join(', ')}.`
      ]
  }
}

export function workbookError(code: Code, file: string, details: ErrorDetails = {}): WorkbookError {
  const [zh, en] = texts(code, baseName(file), details)
  return { code, file, message: `${zh} / ${en}`, messageZh: zh, messageEn: en }
}

/** Thrown inside the reader and turned into data at its edge. */
export class WorkbookFailure extends Error {
  constructor(readonly error: WorkbookError) {
    super(error.messageEn ?? error.message)
  }
}

export function fail(code: Code, file: string, details?: ErrorDetails): never {
  throw new WorkbookFailure(workbookError(code, file, details))
}
