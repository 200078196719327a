// Per-step reports of a flow: one file per step (customers, orders, …), named after the report path the user gave.
import { basename, dirname, extname, join } from 'node:path'
import type { PreparedRecord } from '../targets/types'
import type { ReportSource } from './report'

/** `out/results.xlsx` → `out/results-2-orders.xlsx` (step number in the guide's order, then the kind). */
export function stepReportPath(path: string, stepNumber: number, kind: string): string {
  const ext = extname(path)
  return join(dirname(path), `${basename(path, ext)}-${stepNumber}-${kind}${ext}`)
}

/** Customers taken from the other files have no sheet of their own: the report shows their e-mail and name per row. */
export function derivedCustomersSource(records: readonly PreparedRecord[]): ReportSource {
  const text = (v: unknown) => {
    const w = typeof v === 'string' ? v : ''
    return { t: w ? ('s' as const) : ('z' as const), v: w || null, w }
  }
  return {
    headers: ['Email', 'Name'],
    rows: records.map((r) => ({ rowNumber: r.row, cells: [text(r.payload.email), text(r.payload.name)] }))
  }
}
