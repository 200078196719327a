// PUT /v1/subscriptions/{id}/cancel (api §7.3, Z17): body cancelled_at (optional, defaults to now) and reason; the server
// auto-creates a `cancel` subscription event. Inferred where the documents are silent: 404 in Laravel's words for an unknown id,
// 422 for a bad body, 422 for a subscription that is already cancelled, and the answer `{data: subscription}` (like GET).
import type { Handler } from '../http'
import { isPlainObject } from '../http'
import { serverTime } from '../state'
import { type FieldErrors, addError, checkDateTime, checkString, hasErrors, laravel422 } from './rules'

const CANCEL_FIELDS = ['cancelled_at', 'reason']

export const cancelSubscription: Handler = (req, params, { store, now }) => {
  const sub = /^\d+$/.test(params.id) ? store.subscriptions.get(Number(params.id)) : undefined
  if (!sub) return { status: 404, body: { message: 'No query results for model [App\\Models\\Subscription].' } }
  const body = isPlainObject(req.body) ? req.body : {}
  const errors: FieldErrors = {}
  for (const key of Object.keys(body))
    if (!CANCEL_FIELDS.includes(key))
      addError(errors, key, `${key} 不是可接受的欄位（可用：${CANCEL_FIELDS.join(', ')}）`)
  const at = checkDateTime(body.cancelled_at, 'cancelled_at', errors)
  const reason = checkString(body.reason, 'reason', errors)
  if (sub.status === 'cancelled')
    addError(errors, 'subscription', '此訂閱已取消（This subscription is already cancelled.）')
  if (hasErrors(errors)) return laravel422(errors)
  const nowMs = now()
  sub.status = 'cancelled'
  sub.cancelled_at = at ?? serverTime(nowMs)
  sub.updated_at = serverTime(nowMs)
  // The documents' event list item (§8.2): MRR goes from the plan's amount to 0 at the cancel time.
  store.subscriptionEvents.push({
    id: store.nextId('event'),
    customer_id: sub.customer_id,
    event_type: 'cancel',
    source: 'api',
    old_amount: sub.mrr,
    new_amount: '0.00',
    amount_change: `-${sub.mrr}`,
    old_plan: sub.plan_name,
    new_plan: null,
    occurred_at: sub.cancelled_at,
    created_at: serverTime(nowMs),
    reason: reason ?? null
  })
  return { status: 200, body: { data: { ...sub } } }
}
