// A status date (帳獸 orders' paid_at / refunded_at / failed_at, a subscription's cancelled_at) belongs to rows of one
// status only: a constant for it fills only those rows. The target's stampedDates say which status each date needs.
import type { Target } from '../targets/types'

/** The status a row needs before a constant may fill this field, or null when any row may take it. */
export function statusForConstant(target: Target, field: string): string | null {
  return target.stampedDates?.find((s) => s.field === field)?.status ?? null
}
