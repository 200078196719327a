// `validate --errors-out FILE.xlsx`: the rows with errors, with their sheet row and messages, to fix in Excel and re-open in the app.
import type { Preparation } from '../core/validation/types'
import type { SheetTable } from '../core/workbook/types'
import { writeReport } from '../core/report'
import { buildErrorRowsReport } from '../core/workspace/error-rows-export'

/** Writes the error rows; returns how many. Rows of an invalid record (a SHOPLINE order spans several) count as error rows. */
export async function writeErrorRows(
  path: string,
  table: SheetTable,
  preparation: Preparation,
  lang: 'en' | 'zh-TW'
): Promise<number> {
  if (!path.toLowerCase().endsWith('.xlsx')) throw new Error(`--errors-out must name an .xlsx file (got "${path}").`)
  const errorRows = new Set(preparation.issues.filter((i) => i.severity === 'error').map((i) => i.row))
  for (const record of preparation.records)
    if (!record.valid) for (const row of record.rows.length ? record.rows : [record.row]) errorRows.add(row)
  const report = buildErrorRowsReport(
    { headers: table.headers, rows: table.rows, errorRows, issuesForRow: (n) => preparation.issuesForRow(n) },
    lang
  )
  await writeReport(path, report)
  return report.rows.length
}
