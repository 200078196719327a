// A status date (帳獸 orders' paid_at, refunded_at, failed_at) belongs to rows of one status only: a constant for it
// fills only those rows. Kept apart from constant-scope.ts so the plan builder imports no cycle.
import type { Target } from '../targets/types'

const STATUS_OF_DATE: Record<string, Record<string, string>> = {
  'zangsho.orders': { paid_at: 'paid', refunded_at: 'refunded', failed_at: 'failed' }
}

/** The status a row needs before a constant may fill this field, or null when any row may take it. */
export function statusForConstant(target: Target, field: string): string | null {
  return STATUS_OF_DATE[target.id]?.[field] ?? null
}
