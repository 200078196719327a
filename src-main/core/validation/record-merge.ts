// Grouped per-row destinations (Target.mergeRows: 帳獸 customers from an order export, the buyer repeated on every item
// row): the rows sharing one key (e-mail) become one record. Disagreeing rows warn, naming every value and its rows.
import Decimal from 'decimal.js'
import type { FieldDef, FieldValue, MergeRowsRule, PreparedRecord, Target } from '../targets/types'
import { makeIssue, short } from './messages'
import { fieldText, type RowPlan, type RowState } from './row'
import type { Issue } from './types'
import { schemaIssue } from './schema-check'

export interface MergeContext {
  target: Target
  plan: RowPlan
  columnOf(field: string): string | null
  /** Settings-level errors exist (an unmapped required field): no record can be valid. */
  globallyBlocked: boolean
}

/** The group key of a row's key value: e-mails ignore case and surrounding spaces. */
export function mergeKey(rule: MergeRowsRule, value: FieldValue | undefined): string | null {
  if (typeof value !== 'string') return null
  const k = rule.ignoreCase ? value.trim().toLowerCase() : value.trim()
  return k === '' ? null : k
}

function text(v: FieldValue): string {
  return Decimal.isDecimal(v) ? (v as Decimal).toString() : String(v)
}

/** Rows most recent first when the rule's date field is mapped (undated rows last), else in sheet order. */
function preferredOrder(rule: MergeRowsRule, rows: RowState[]): RowState[] {
  const by = rule.latestBy
  if (!by || !rows.some((r) => typeof r.values[by] === 'string')) return rows
  const dated = rows.filter((r) => typeof r.values[by] === 'string')
  // ISO 8601 UTC strings of one shape sort as text; a stable sort keeps sheet order between equal dates.
  dated.sort((a, b) =>
    String(a.values[by]) < String(b.values[by]) ? 1 : String(a.values[by]) > String(b.values[by]) ? -1 : 0
  )
  return dated.concat(rows.filter((r) => typeof r.values[by] !== 'string'))
}

/** One warning per field whose rows disagree: every distinct value with its rows, and the one kept. */
function conflictWarning(
  ctx: MergeContext,
  f: FieldDef,
  key: string,
  kept: { value: FieldValue; row: RowState },
  byValue: Map<string, number[]>,
  latest: boolean
): Issue {
  const listEn = [...byValue].map(([v, rows]) => `"${short(v)}" (row ${rows.join(', ')})`).join(', ')
  const listZh = [...byValue].map(([v, rows]) => `「${short(v)}」(第 ${rows.join('、')} 列)`).join('、')
  const loser = [...byValue].find(([v]) => v !== text(kept.value))!
  const keptText = short(text(kept.value))
  const date = latest ? String(kept.row.values[ctx.target.mergeRows!.latestBy!]).slice(0, 10) : ''
  const why = latest
    ? {
        en: `the most recent order's value is kept ("${keptText}", row ${kept.row.rowNumber}, ${date}).`,
        'zh-TW': `採用最近一筆訂單的值「${keptText}」(第 ${kept.row.rowNumber} 列,${date})。`
      }
    : {
        en: `the first value is kept ("${keptText}", row ${kept.row.rowNumber}); map an order date column to keep the most recent one instead.`,
        'zh-TW': `採用第一個值「${keptText}」(第 ${kept.row.rowNumber} 列);若對應「訂單日期」欄,會改用最近一筆訂單的值。`
      }
  const row = loser[1][0]
  return makeIssue(
    row,
    f,
    ctx.columnOf(f.key),
    'warning',
    'customer_value_differs',
    {
      en: `customer ${key} has different ${f.label.en} values: ${listEn}; ${why.en} Make them equal if another one is right.`,
      'zh-TW': `顧客 ${key} 的「${f.label['zh-TW']}」不一致:${listZh};${why['zh-TW']}若應採用其他值,請改成相同。`
    },
    loser[0]
  )
}

/** A row without the key but with its stand-in (a phone): say why that cannot identify the record. */
function standInIssue(ctx: MergeContext, rule: MergeRowsRule, row: RowState): Issue | null {
  const standIn = rule.keyStandIn
  const v = standIn ? row.values[standIn.field] : undefined
  if (!standIn || v === undefined || v === '') return null
  const keyField = ctx.target.fields.find((f) => f.key === ctx.target.groupBy)!
  return makeIssue(
    row.rowNumber,
    keyField,
    ctx.columnOf(keyField.key),
    'error',
    'customer_key_missing',
    {
      en: `this row has a phone (${short(text(v))}) but no e-mail. ${standIn.why.en}`,
      'zh-TW': `這一列有電話(${short(text(v))})但沒有 Email。${standIn.why['zh-TW']}`
    },
    fieldText(ctx.plan, row, standIn.field) || text(v)
  )
}

/** Build one record from its rows (in sheet order). Returns the record and the issues found while merging. */
export function buildMergedRecord(
  ctx: MergeContext,
  key: string,
  rows: RowState[]
): { record: PreparedRecord; issues: Issue[] } {
  const rule = ctx.target.mergeRows!
  const issues: Issue[] = []
  const ordered = preferredOrder(rule, rows)
  const latest = ordered !== rows
  const values: Record<string, FieldValue> = {}
  for (const src of ctx.plan.sources) {
    const f = src.field
    if (f.key in values) continue
    const holders = ordered.filter((r) => r.values[f.key] !== undefined && r.values[f.key] !== '')
    if (holders.length === 0) continue
    values[f.key] = holders[0].values[f.key]
    if (f.key === ctx.target.groupBy || f.key === rule.latestBy) continue // the key is one by definition; dates differ
    const byValue = new Map<string, number[]>()
    for (const r of rows) {
      const v = r.values[f.key]
      if (v === undefined || v === '') continue
      const t = text(v)
      byValue.set(t, [...(byValue.get(t) ?? []), r.rowNumber])
    }
    if (byValue.size > 1)
      issues.push(conflictWarning(ctx, f, key, { value: values[f.key], row: holders[0] }, byValue, latest))
  }
  const keyColumn = ctx.columnOf(ctx.target.groupBy!)
  if (rows.length === 1 && keyColumn !== null && fieldText(ctx.plan, rows[0], ctx.target.groupBy!).trim() === '') {
    const missing = standInIssue(ctx, rule, rows[0])
    if (missing) issues.push(missing)
  }
  const metadata: Record<string, string> = {}
  for (const r of rows) for (const [k, v] of Object.entries(r.metadata ?? {})) metadata[k] ??= v
  const payload = ctx.target.buildPayload!(values, Object.keys(metadata).length > 0 ? metadata : undefined)
  const rowErrors = rows.some((r) => r.blocked || r.issues.some((i) => i.severity === 'error'))
  let valid = !ctx.globallyBlocked && !rowErrors && !issues.some((i) => i.severity === 'error')
  if (valid) {
    const bad = schemaIssue(ctx.target, payload, rows[0].rowNumber)
    if (bad) {
      issues.push(bad)
      valid = false
    }
  }
  const record: PreparedRecord = {
    row: rows[0].rowNumber,
    rows: rows.map((r) => r.rowNumber),
    valid,
    payload,
    key: ctx.target.naturalKey(payload)
  }
  return { record, issues }
}
