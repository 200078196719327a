// "Fix in Excel": the rows with errors, as the sheet has them now (edits included), plus their sheet row and their messages.
// Written with the results report's writer (text as string cells, never a formula), so a fixed copy can come back (merge-back.ts).
import type { Issue } from '../validation/types'
import type { SheetRow, Cell } from '../workbook/types'
import type { Report, ReportLanguage } from '../report/report'
import type { ReportValue } from '../report/escape'

/** Header of the sheet-row column, per language; merge-back recognises either. */
export const ROW_COLUMN: Record<ReportLanguage, string> = { 'zh-TW': '原始列號', en: 'Sheet row' }
/** Header of the messages column, per language; merge-back ignores it. */
export const MESSAGES_COLUMN: Record<ReportLanguage, string> = { 'zh-TW': '問題說明', en: 'Problems' }

export interface ErrorRowsSource {
  headers: string[]
  /** Rows in sheet order (the edited table). */
  rows: Iterable<SheetRow>
  /** The rows to export (those with errors), by sheet row number. */
  errorRows: ReadonlySet<number>
  issuesForRow(rowNumber: number): Issue[]
}

/** What the cell shows: numbers stay numbers (so Excel can sum them), everything else the displayed text. */
export function exportCellValue(cell: Cell | undefined): ReportValue {
  if (!cell || cell.t === 'z') return null
  if (cell.t === 'n' && typeof cell.v === 'number') return cell.v
  if (cell.t === 'b' && typeof cell.v === 'boolean') return cell.v
  return cell.w ?? (cell.v == null ? null : String(cell.v))
}

/** One line per issue: errors first, "column: message" in the chosen language. */
export function issueText(issues: Issue[], language: ReportLanguage): string {
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
  return sorted
    .map((i) => {
      const text = language === 'en' ? i.message : i.messageZh
      const mark = i.severity === 'error' ? '' : language === 'en' ? '(warning) ' : '（提醒）'
      return `${mark}${i.column ? `${i.column}: ` : ''}${text}`
    })
    .join('\n')
}

/** Sheet row first, then the original columns, then the messages. */
export function buildErrorRowsReport(source: ErrorRowsSource, language: ReportLanguage): Report {
  const header = [ROW_COLUMN[language], ...source.headers, MESSAGES_COLUMN[language]]
  const rows: ReportValue[][] = []
  for (const row of source.rows) {
    if (!source.errorRows.has(row.rowNumber)) continue
    const cells = source.headers.map((_, i) => exportCellValue(row.cells[i]))
    rows.push([row.rowNumber, ...cells, issueText(source.issuesForRow(row.rowNumber), language)])
  }
  return { header, rows }
}
