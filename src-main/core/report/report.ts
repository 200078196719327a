// The results report: the original columns of every source row plus outcome, id, reason and message; written as xlsx or csv.
import * as XLSX from 'xlsx'
import { extname } from 'node:path'
import type { SheetRow } from '../workbook/types'
import type { Outcome, RowResult } from '../upload/types'
import { localizeResult } from '../upload/result-messages'
import { writeFileAtomic } from '../fs/atomic-write'
import { csvField } from './escape'
import type { ReportValue } from './escape'

export type ReportLanguage = 'zh-TW' | 'en'

export interface ReportSource {
  headers: string[]
  rows: Iterable<SheetRow>
}

export interface Report {
  header: string[]
  rows: ReportValue[][]
}

export interface ReportOptions {
  language?: ReportLanguage
  /** 'problems': only rows that failed, were invalid or are unknown (what a user fixes before "retry failed"). */
  only?: 'all' | 'problems'
}

const EXTRA_HEADERS: Record<ReportLanguage, string[]> = {
  en: ['outcome', 'id', 'reason', 'message'],
  'zh-TW': ['匯入結果', '編號', '原因', '訊息']
}

export const OUTCOME_LABELS: Record<ReportLanguage, Record<Outcome, string>> = {
  en: {
    created: 'created',
    updated: 'updated',
    skipped: 'skipped',
    failed: 'failed',
    not_sent: 'not sent',
    invalid: 'invalid',
    unknown: 'unknown'
  },
  'zh-TW': {
    created: '已新增',
    updated: '已更新',
    skipped: '已略過',
    failed: '失敗',
    not_sent: '未送出',
    invalid: '資料有誤（未送出）',
    unknown: '不確定（請先到後台確認）'
  }
}

const PROBLEMS: ReadonlySet<Outcome> = new Set(['failed', 'not_sent', 'invalid', 'unknown'])

/** What the cell showed in the sheet: numbers stay numbers, everything else is the displayed text. */
function cellValue(cell: SheetRow['cells'][number] | undefined): ReportValue {
  if (!cell || cell.t === 'z') return null
  if (cell.t === 'n' && typeof cell.v === 'number') return cell.v
  if (cell.t === 'b' && typeof cell.v === 'boolean') return cell.v
  return cell.w ?? (cell.v == null ? null : String(cell.v))
}

/** Every source row in sheet order, each with the answer of the record it belongs to (several rows share a grouped order's). */
export function buildReport(source: ReportSource, results: RowResult[], options: ReportOptions = {}): Report {
  const language = options.language ?? 'en'
  const byRow = new Map<number, RowResult>()
  for (const r of results) for (const n of r.rows.length ? r.rows : [r.row]) byRow.set(n, r)
  const header = [...source.headers, ...EXTRA_HEADERS[language]]
  const rows: ReportValue[][] = []
  for (const row of source.rows) {
    const result = byRow.get(row.rowNumber)
    if (options.only === 'problems' && (!result || !PROBLEMS.has(result.outcome))) continue
    const original = source.headers.map((_, i) => cellValue(row.cells[i]))
    const extra: ReportValue[] = result
      ? [OUTCOME_LABELS[language][result.outcome], result.id, result.reason, localizeResult(result, language).message]
      : [null, null, null, null]
    rows.push([...original, ...extra])
  }
  return { header, rows }
}

/** UTF-8 with a BOM (so Excel reads Chinese correctly), CRLF line ends, every text cell formula-escaped. */
export function reportToCsv(report: Report): string {
  const lines = [report.header, ...report.rows].map((cells) => cells.map(csvField).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

/** Text goes in as string cells (t: 's', never a formula), exactly as it is: +886912345678 stays +886912345678. */
export function reportToXlsx(report: Report, sheetName = 'Results'): Uint8Array {
  const aoa = [report.header, ...report.rows].map((cells) =>
    cells.map((v) => (typeof v === 'string' ? { t: 's', v } : v))
  )
  const sheet = XLSX.utils.aoa_to_sheet(aoa)
  for (const cell of Object.values(sheet))
    if (cell && typeof cell === 'object' && 'f' in cell) delete (cell as { f?: string }).f
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, sheet, sheetName)
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array
}

/** Write the report as .xlsx or .csv (by the path's extension), atomically. */
export async function writeReport(path: string, report: Report): Promise<void> {
  const ext = extname(path).toLowerCase()
  if (ext === '.csv') return writeFileAtomic(path, reportToCsv(report))
  if (ext === '.xlsx') return writeFileAtomic(path, reportToXlsx(report))
  throw new Error(`Report file must end in .xlsx or .csv (got "${path}").`)
}
