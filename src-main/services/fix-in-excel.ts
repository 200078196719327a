// "Fix in Excel and bring it back" behind the contract: the error rows go to an xlsx the user picks (harness: <dataDir>/reports);
// a fixed copy comes back as bytes, is matched to the session's rows and, once the user agreed to the summary, merged as edits.
import { join } from 'node:path'
import type { z } from 'zod'
import { isColumnEntry } from '../core/mapping/types'
import { getTarget } from '../core/targets'
import { writeReport } from '../core/report'
import type { ImportSession } from '../core/workspace/import-session'
import { buildErrorRowsReport } from '../core/workspace/error-rows-export'
import { planMergeBack } from '../core/workspace/merge-back'
import type { Language } from '../ipc/contract'
import type { FixInExcelMethodResults, fixInExcelMethodArgs } from '../ipc/fix-in-excel-contract'
import { ServiceError } from './errors'
import { readTable } from './workbook-reader'

const LISTED_UNMATCHED = 200
const SAMPLE_CHANGES = 20
const EMPTY_SUMMARY = { rows: 0, valid: 0, invalid: 0, warnings: 0 }

type Args<M extends keyof typeof fixInExcelMethodArgs> = z.output<(typeof fixInExcelMethodArgs)[M]>
export type FixInExcelMethods = {
  [M in keyof FixInExcelMethodResults]: (args: Args<M>) => Promise<FixInExcelMethodResults[M]>
}

/** The source column of the business key (order number / e-mail) the rows can be matched by, when it is mapped. */
export function keyColumnOf(session: ImportSession): { column: string | null; ignoreCase: boolean } {
  const target = session.state.target ? getTarget(session.state.target) : undefined
  const fields = [target?.unique?.field, 'order_no', 'source_order_no', 'email', 'customer_email'].filter(
    (f): f is string => Boolean(f)
  )
  for (const field of fields) {
    const entry = session.state.mapping[field]
    if (isColumnEntry(entry))
      return {
        column: entry.column,
        ignoreCase: field === target?.unique?.field ? target.unique.ignoreCase : /email/.test(field)
      }
  }
  return { column: null, ignoreCase: false }
}

export function createFixInExcelServices(deps: {
  dataDir: string
  now: () => Date
  preparations: Map<string, ImportSession>
  language: () => Language
  pickSavePath?: (defaultName: string, format: 'xlsx' | 'csv') => Promise<string | null>
}): FixInExcelMethods {
  const get = (prepId: string): ImportSession => {
    const session = deps.preparations.get(prepId)
    if (!session?.preparation)
      throw new ServiceError(
        'no_session',
        `This preparation is no longer open (${prepId.slice(0, 8)}). Open the file again.`
      )
    return session
  }

  return {
    'prepare.exportErrors': async ({ prepId }) => {
      const session = get(prepId)
      const prep = session.preparation
      const errorRows = new Set(session.rowNumbers('errors'))
      if (!prep || errorRows.size === 0) {
        throw new ServiceError('no_errors', 'No row has an error: there is nothing to export.', undefined, {
          'zh-TW': '沒有任何一列有錯誤，不需要匯出。',
          en: 'No row has an error: there is nothing to export.'
        })
      }
      const table = session.editedTable
      const language = deps.language()
      const report = buildErrorRowsReport(
        { headers: table.headers, rows: table.rows, errorRows, issuesForRow: (n) => prep.issuesForRow(n) },
        language
      )
      const base = session.state.source.name.replace(/\.[^.]+$/, '') || 'orderdock'
      const defaultName = `${base}-${language === 'en' ? 'rows-to-fix' : '待修正'}.xlsx`
      let path = deps.pickSavePath
        ? await deps.pickSavePath(defaultName, 'xlsx')
        : join(deps.dataDir, 'reports', `${deps.now().getTime()}-${defaultName}`)
      if (!path) return { path: null, rows: errorRows.size }
      if (!path.toLowerCase().endsWith('.xlsx')) path = `${path}.xlsx`
      await writeReport(path, report)
      return { path, rows: report.rows.length }
    },

    'prepare.mergeBack': async ({ prepId, name, bytes, apply }) => {
      const session = get(prepId)
      const read = await readTable({ name, bytes }, {})
      if (!read.ok) {
        const { code, message, file, messageZh, messageEn } = read.error
        throw new ServiceError(
          code,
          message,
          file,
          messageZh && messageEn ? { 'zh-TW': messageZh, en: messageEn } : undefined
        )
      }
      const table = session.editedTable
      const key = keyColumnOf(session)
      const plan = planMergeBack({
        headers: table.headers,
        rows: table.rows,
        keyColumn: key.column,
        keyIgnoreCase: key.ignoreCase,
        fixed: read.table
      })
      if (apply) {
        // each change is an ordinary edit: the row is re-validated and the session autosaved
        for (const update of plan.updates)
          for (const change of update.changes) session.editCell(update.row, change.column, change.to)
      }
      const changes = plan.updates.flatMap((u) => u.changes.map((c) => ({ row: u.row, ...c })))
      return {
        applied: apply,
        rows: plan.updates.length,
        cells: changes.length,
        matchedByRow: plan.updates.filter((u) => u.matchedBy === 'row').length,
        matchedByKey: plan.updates.filter((u) => u.matchedBy === 'key').length,
        unchanged: plan.unchanged,
        unmatched: plan.unmatched.slice(0, LISTED_UNMATCHED),
        unmatchedCount: plan.unmatched.length,
        columns: plan.columns,
        ignoredColumns: plan.ignoredColumns,
        sample: changes.slice(0, SAMPLE_CHANGES),
        summary: session.summary() ?? EMPTY_SUMMARY
      }
    }
  }
}
