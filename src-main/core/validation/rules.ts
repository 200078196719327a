// Row warnings and cross-row rules that depend on the destination.
import type { FieldDef, Target, UniqueRule } from '../targets/types'
import { M, makeIssue } from './messages'
import { fieldText, type RowPlan, type RowState } from './row'
import type { Issue } from './types'

/** The field whose value must be unique across rows: each destination declares it (Target.unique). */
export type DuplicateRule = UniqueRule

/** Key used by the duplicate index: e-mails compare case-insensitively (parseEmail lower-cases them already). */
export function duplicateKey(rule: DuplicateRule, state: RowState): string | null {
  const v = state.values[rule.field]
  if (typeof v !== 'string' || v === '') return null
  return rule.ignoreCase ? v.toLowerCase() : v
}

export function duplicateIssue(
  target: Target,
  rule: DuplicateRule,
  row: number,
  column: string | null,
  value: string,
  others: number[]
): Issue {
  const f = target.fields.find((x) => x.key === rule.field) as FieldDef
  const msg =
    rule.message === 'one_per_customer' ? M.duplicateSubscription(value, others) : M.duplicate(f, value, others)
  return makeIssue(row, f, column, 'error', rule.code, msg, value)
}

/** The destination stamps the API call time when a row's status has no matching date (Target.stampedDates): warn, history would lie. */
export function stampWarnings(
  target: Target,
  state: RowState,
  columnOf: (field: string) => string | null,
  plan: RowPlan
): Issue[] {
  const stamps = target.stampedDates ?? []
  if (stamps.length === 0) return []
  const status = state.values.status
  const out: Issue[] = []
  for (const s of stamps) {
    if (status !== s.status || state.values[s.field] !== undefined) continue
    if (state.issues.some((i) => i.field === s.field)) continue // already an error on that date
    const def = target.fields.find((f) => f.key === s.field) as FieldDef
    const column = columnOf(s.field) ?? columnOf('status')
    out.push(
      makeIssue(
        state.rowNumber,
        s.field,
        column,
        'warning',
        s.code,
        M.stampWarning(s.status, { en: def.label.en, 'zh-TW': def.label['zh-TW'] }),
        fieldText(plan, state, 'status')
      )
    )
  }
  return out
}

/**
 * Grouped destinations: the stamp warning looks at the whole order. The order's status (its first row giving one)
 * without the matching date on ANY of its rows warns once, on the row that gave the status; a date on a sibling row is enough.
 */
export function orderStampWarnings(
  target: Target,
  rows: RowState[],
  columnOf: (field: string) => string | null,
  plan: RowPlan
): Issue[] {
  const from = rows.find((r) => r.values.status !== undefined)
  if (!from) return []
  const dated = new Set<string>()
  for (const r of rows)
    for (const s of target.stampedDates ?? [])
      if (r.values[s.field] !== undefined || r.issues.some((i) => i.field === s.field)) dated.add(s.field)
  return stampWarnings(target, from, columnOf, plan).filter((w) => !dated.has(w.field))
}
