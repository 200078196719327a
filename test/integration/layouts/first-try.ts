// Shared by the layout tests: open a built export through the CLI's path (prepareFile: real reader, recognition,
// layout mapping, preparation) and collect one table line per layout → destination for the summary printout.
import { prepareFile } from '../../../src-main/cli/prepare-file'
import { getTarget } from '../../../src-main/core/targets'
import type { TargetId } from '../../../src-main/core/targets/types'
import { mapWithSource, SOURCE_LAYOUTS } from '../../../src-main/core/sources'
import { CAREFUL, score } from '../../../src-main/core/sources/__test__/careful-mappings'
import { isColumnEntry, isDeriveEntry, type Mapping } from '../../../src-main/core/mapping/types'

/** Settings a user picks once per SHOPLINE connection (not data from the file). */
export const SHOPLINE_IDS = { deliveryOptionId: 'dlv-home', paymentMethodId: 'pay-card' }

export async function openExport(file: string, target: TargetId, noSourceLayout = false) {
  const out = await prepareFile({
    file,
    target,
    shopline: target === 'shopline.orders' ? SHOPLINE_IDS : undefined,
    noSourceLayout
  })
  if (!out.ok) throw new Error(`${file}: ${out.error.code} ${out.error.message}`)
  const sourced = mapWithSource(getTarget(target)!, out.table.headers, SOURCE_LAYOUTS, !noSourceLayout)
  return { ...out, matches: sourced.matches, lacks: sourced.source?.lacks ?? [] }
}
export type Opened = Awaited<ReturnType<typeof openExport>>

/** field → the column it reads; a derivation counts as reading its main column (status from 訂單狀態 + 付款方式 → 訂單狀態). */
export function columnsOf(mapping: Mapping): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [field, e] of Object.entries(mapping)) {
    if (isColumnEntry(e)) out[field] = e.column
    else if (isDeriveEntry(e)) {
      const d = e.derive
      out[field] =
        d.kind === 'sum'
          ? d.add[0]
          : d.kind === 'status_by_payment'
            ? d.statusColumn
            : d.kind === 'monthly_amount'
              ? d.amountColumn
              : d.unitColumn
    }
  }
  return out
}

export function carefulFor(layout: string, target: TargetId): Record<string, string> | undefined {
  return CAREFUL.find((c) => c.layout === layout && c.target === target)?.expected
}

export interface TableLine {
  layout: string
  target: string
  mapped: string
  wordsOnly: string
  rows: number
  records: string
  note: string
}
export const TABLE: TableLine[] = []

/** One table line: columns auto-mapped vs the careful choice (with and without recognition), records valid of total. */
export async function tableLine(
  file: string,
  layout: string,
  target: TargetId,
  opened: Opened,
  note = ''
): Promise<TableLine> {
  const careful = carefulFor(layout.split(' ')[0], target)
  const words = await openExport(file, target, true)
  const rate = (m: Mapping) => {
    if (!careful) return '—'
    const s = score(careful, columnsOf(m))
    return `${s.correct}/${s.total}${s.wrong.length > s.total - s.correct ? ` (+${s.wrong.length - (s.total - s.correct)} more)` : ''}`
  }
  const sum = opened.preparation.summary()
  const line = {
    layout,
    target,
    mapped: rate(opened.mapping),
    wordsOnly: rate(words.mapping),
    rows: sum.rows,
    records: `${sum.valid}/${sum.valid + sum.invalid}`,
    note
  }
  TABLE.push(line)
  return line
}

export function printTable(title: string): string {
  const head =
    '| Layout | Destination | Columns mapped = careful (recognized) | (header words only) | Rows | Records valid on the first try | Why not all |'
  const lines = TABLE.map(
    (l) => `| ${l.layout} | ${l.target} | ${l.mapped} | ${l.wordsOnly} | ${l.rows} | ${l.records} | ${l.note} |`
  )
  const text = [`${title}`, head, '|---|---|---|---|---|---|---|', ...lines].join('\n')
  console.log(text)
  return text
}

/** [rows, valid] per record, and the issues as [row, severity, code, field]. */
export const recordsOf = (o: Opened) => o.preparation.records.map((r) => [r.rows, r.valid])
export const issuesOf = (o: Opened) => o.preparation.issues.map((i) => [i.row, i.severity, i.code, i.field])
export const payloads = (o: Opened) => o.preparation.records.map((r) => r.payload)
