// Row warnings and cross-row rules that depend on the destination.
import type { FieldDef, Target, TargetId } from '../targets/types'
import { M, makeIssue } from './messages'
import { fieldText, type RowPlan, type RowState } from './row'
import type { Issue } from './types'

/** The field whose value must be unique across rows, per destination. */
export interface DuplicateRule { field: string; code: string; subscription: boolean }

export const DUPLICATE_RULES: Partial<Record<TargetId, DuplicateRule>> = {
  'zangsho.orders': { field: 'order_no', code: 'duplicate_order_no', subscription: false },
  'zangsho.customers': { field: 'email', code: 'duplicate_email', subscription: false },
  'zangsho.subscriptions': { field: 'customer_email', code: 'duplicate_subscription_customer', subscription: true }
}

/** Key used by the duplicate index: e-mails compare case-insensitively (parseEmail lower-cases them already). */
export function duplicateKey(rule: DuplicateRule, state: RowState): string | null {
  const v = state.values[rule.field]
  if (typeof v !== 'string' || v === '') return null
  return rule.field === 'order_no' ? v : v.toLowerCase()
}

export function duplicateIssue(target: Target, rule: DuplicateRule, row: number, column: string | null, value: string, others: number[]): Issue {
  const f = target.fields.find((x) => x.key === rule.field) as FieldDef
  const msg = rule.subscription ? M.duplicateSubscription(value, others) : M.duplicate(f, value, others)
  return makeIssue(row, f, column, 'error', rule.code, msg, value)
}

const STAMPS: { status: string; field: string; code: string }[] = [
  { status: 'paid', field: 'paid_at', code: 'paid_without_paid_at' },
  { status: 'refunded', field: 'refunded_at', code: 'refunded_without_refunded_at' },
  { status: 'failed', field: 'failed_at', code: 'failed_without_failed_at' }
]

/** 帳獸 stamps the API call time when a paid/refunded/failed order has no matching date: warn, history would lie. */
export function stampWarnings(target: Target, state: RowState, columnOf: (field: string) => string | null, plan: RowPlan): Issue[] {
  if (target.id !== 'zangsho.orders') return []
  const status = state.values.status
  const out: Issue[] = []
  for (const s of STAMPS) {
    if (status !== s.status || state.values[s.field] !== undefined) continue
    if (state.issues.some((i) => i.field === s.field)) continue // already an error on that date
    const def = target.fields.find((f) => f.key === s.field) as FieldDef
    const column = columnOf(s.field) ?? columnOf('status')
    out.push(makeIssue(state.rowNumber, s.field, column, 'warning', s.code,
      M.stampWarning(s.status, { en: def.label.en, 'zh-TW': def.label['zh-TW'] }), fieldText(plan, state, 'status')))
  }
  return out
}
