// 帳獸 subscription history: the status and cancelled-at fields, and the cancel step (api §7.3 PUT /v1/subscriptions/{id}/cancel).
// The batch create has no status or cancelled_at (§7.2), so a cancelled row is created, then cancelled with its own date.
import { z } from 'zod'
import { isoUtc } from './common'
import type { CancelAfterCreate, FieldDef, FieldValues, StampedDate } from './types'

/**
 * Row statuses. 帳獸 knows active / cancelled / paused (§7.3). Decisions:
 * - 'completed' (執行完成: every charge was made) is not active any more at 帳獸: it is cancelled at its last charge / end date.
 * - paused (暫停) has no documented API to set it, so it matches nothing and the row needs a decision (help says so).
 */
export const SUBSCRIPTION_ROW_STATUSES = ['active', 'cancelled', 'completed'] as const

/** Cancel body exactly as §7.3 documents it: cancelled_at optional (the server stamps now without it), reason a string. */
export const zangshoSubscriptionCancelSchema = z.strictObject({
  cancelled_at: isoUtc.optional(),
  reason: z.string().min(1).optional()
})

/** Sent as `reason` for 執行完成 rows so 帳獸 can tell them from real cancellations (the documents show free strings). */
export const COMPLETED_REASON = 'completed'

/** The cancel body for a row, or null when it stays active. A cancelled-at date without a status column means cancelled. */
export function subscriptionCancelBody(values: FieldValues): Record<string, unknown> | null {
  const status = values.status
  const at = typeof values.cancelled_at === 'string' && values.cancelled_at !== '' ? values.cancelled_at : undefined
  const ended = status === 'cancelled' || status === 'completed' || (status === undefined && at !== undefined)
  if (!ended) return null
  return { ...(at ? { cancelled_at: at } : {}), ...(status === 'completed' ? { reason: COMPLETED_REASON } : {}) }
}

export const ZANGSHO_SUBSCRIPTION_CANCEL: CancelAfterCreate = {
  method: 'PUT',
  path: '/subscriptions/{id}/cancel',
  readPath: '/subscriptions/{id}',
  listPath: '/subscriptions?customer_id={parent}&per_page=100',
  parentField: 'customer_id',
  body: subscriptionCancelBody,
  requestSchema: zangshoSubscriptionCancelSchema,
  readClosed(record) {
    const r = record as { status?: unknown; cancelled_at?: unknown } | null
    return { closed: r?.status === 'cancelled', at: typeof r?.cancelled_at === 'string' ? r.cancelled_at : null }
  }
}

/** Without a date the server records the call time as cancelled_at: warn, like orders' paid_at. */
export const SUBSCRIPTION_STAMPED_DATES: readonly StampedDate[] = [
  { status: 'cancelled', field: 'cancelled_at', code: 'cancelled_at_will_be_stamped' },
  { status: 'completed', field: 'cancelled_at', code: 'cancelled_at_will_be_stamped' }
]

export const SUBSCRIPTION_HISTORY_FIELDS: FieldDef[] = [
  {
    key: 'status',
    type: 'enum',
    required: false,
    enumValues: SUBSCRIPTION_ROW_STATUSES,
    valueKind: 'subscription_status',
    label: { 'zh-TW': '訂閱狀態', en: 'Subscription status' },
    help: {
      'zh-TW':
        '執行中 → 建立為有效訂閱。已取消/停用/終止 → 先建立,再以原本的取消時間取消。執行完成(所有期數都已扣款)→ 在帳獸不再是有效訂閱:一樣建立後取消,取消時間請對應最後一次扣款或結束日期(理由記為 completed)。暫停:帳獸 API 沒有暫停的方法,請改成執行中或已取消,或排除該列。',
      en: "Active → created as an active subscription. Cancelled / disabled / terminated → created, then cancelled at its original cancel time. Completed (執行完成, every charge made) is no longer active at 帳獸: it is also created then cancelled; map its last charge or end date as the cancelled-at date (reason sent: completed). Paused: 帳獸's API cannot pause; choose active or cancelled, or exclude the row."
    },
    synonyms: [
      '訂閱狀態',
      '狀態',
      '扣款狀態',
      '委託狀態',
      '定期定額狀態',
      '執行狀態',
      '授權狀態',
      'Status',
      'Subscription Status',
      'status',
      'State'
    ]
  },
  {
    key: 'cancelled_at',
    type: 'datetime',
    required: false,
    label: { 'zh-TW': '取消時間', en: 'Cancelled at' },
    help: {
      'zh-TW':
        '已取消或執行完成的訂閱在帳獸的取消時間(執行完成請用最後一次扣款或結束日期)。空白時帳獸會記成匯入當下,歷史就不正確。沒有對應狀態欄時,有取消時間的列視為已取消。',
      en: 'When a cancelled or completed subscription ended (for completed ones, the last charge or end date). Left empty, 帳獸 records the time of the import, which falsifies history. Without a status column, a row with a cancelled-at date counts as cancelled.'
    },
    // Not 結束日期 / 最後扣款日 / End Date: active rows fill those too, and without a status column they would read as cancelled.
    synonyms: [
      '取消時間',
      '取消日期',
      '終止日期',
      '終止時間',
      '停用日期',
      '停用時間',
      'Cancelled At',
      'Canceled At',
      'cancelled_at',
      'Cancel Date',
      'Cancellation Date',
      'Ended At'
    ]
  }
]
