// 帳獸 subscription events (api §8), written from the documents, not from core/targets.
// Documented: the list GET /v1/subscriptions/events (page, per_page ≤ 100, a customer filter, an event_type filter, and the
// item fields), the create's labels and method (POST) and the five event types.
// INFERRED here (the documents do not say): the create path is the list's path; the create body uses the list's field names
// plus customer_email (the guide keys events by email); the customer filter is called customer_id; event_type is required;
// occurred_at defaults to now; amount_change may be negative and is new − old when left out; an unknown customer is a 422;
// the create answers 201 {data: event}.
import Decimal from 'decimal.js'
import type { Handler } from '../http'
import { isPlainObject } from '../http'
import { serverTime, type ZangshoSubscriptionEvent } from '../state'
import {
  type FieldErrors,
  addError,
  checkDateTime,
  checkEmail,
  checkEnum,
  checkMoney,
  checkString,
  hasErrors,
  laravel422,
  requireField
} from './rules'

export const SUBSCRIPTION_EVENT_TYPES = ['created', 'upgrade', 'downgrade', 'cancel', 'reactivated'] as const
const EVENT_FIELDS = [
  'customer_email',
  'event_type',
  'occurred_at',
  'amount_change',
  'old_amount',
  'new_amount',
  'old_plan',
  'new_plan'
]
const SIGNED_MONEY = /^-?\d+(\.\d{1,2})?$/

function checkSignedMoney(value: unknown, errors: FieldErrors): string | null | undefined {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string' || !SIGNED_MONEY.test(value)) {
    addError(errors, 'amount_change', 'amount_change 必須是字串形式的金額(可為負數),例如 "490.00" 或 "-490.00"')
    return undefined
  }
  return new Decimal(value).toFixed(2)
}

export const createSubscriptionEvent: Handler = (req, _params, { store, now }) => {
  const body = req.body
  if (!isPlainObject(body)) return laravel422({ customer_email: ['customer_email 欄位為必填'] })
  const errors: FieldErrors = {}
  for (const key of Object.keys(body)) if (!EVENT_FIELDS.includes(key)) addError(errors, key, `${key} 不是可接受的欄位`)
  const email = requireField(body, 'customer_email', errors)
    ? checkEmail(body.customer_email, 'customer_email', errors)
    : undefined
  const type = requireField(body, 'event_type', errors)
    ? checkEnum(body.event_type, 'event_type', SUBSCRIPTION_EVENT_TYPES, errors)
    : undefined
  const occurred = checkDateTime(body.occurred_at, 'occurred_at', errors)
  const oldAmount = body.old_amount == null ? null : checkMoney(body.old_amount, 'old_amount', errors)
  const newAmount = body.new_amount == null ? null : checkMoney(body.new_amount, 'new_amount', errors)
  let change = checkSignedMoney(body.amount_change, errors)
  const oldPlan = checkString(body.old_plan, 'old_plan', errors)
  const newPlan = checkString(body.new_plan, 'new_plan', errors)
  const customer = email ? store.findCustomerByEmail(email) : undefined
  if (email && !customer)
    addError(
      errors,
      'customer_email',
      `找不到 Email 為 ${email} 的客戶(No customer with this email; import customers first.)`
    )
  if (hasErrors(errors) || !customer || !type) return laravel422(errors)
  if (change == null && oldAmount != null && newAmount != null)
    change = new Decimal(newAmount).minus(oldAmount).toFixed(2)
  const at = serverTime(now())
  const event: ZangshoSubscriptionEvent = {
    id: store.nextId('event'),
    customer_id: customer.id,
    event_type: type,
    source: 'api',
    old_amount: oldAmount ?? null,
    new_amount: newAmount ?? null,
    amount_change: change ?? null,
    old_plan: oldPlan ?? null,
    new_plan: newPlan ?? null,
    occurred_at: occurred ?? at,
    created_at: at
  }
  store.subscriptionEvents.push(event)
  return { status: 201, body: { data: event } }
}

export const listSubscriptionEvents: Handler = (req, _params, { store }) => {
  const errors: FieldErrors = {}
  const page = Number(req.query.get('page') ?? '1')
  const perPage = Number(req.query.get('per_page') ?? '20')
  if (!Number.isInteger(page) || page < 1) addError(errors, 'page', 'page 必須是不小於 1 的整數')
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
    addError(errors, 'per_page', 'per_page 必須是 1 到 100 之間的整數')
  const type = req.query.get('event_type')
  if (type && !(SUBSCRIPTION_EVENT_TYPES as readonly string[]).includes(type))
    addError(errors, 'event_type', `event_type 必須是下列其中之一:${SUBSCRIPTION_EVENT_TYPES.join(', ')}`)
  if (hasErrors(errors)) return laravel422(errors)
  const customerId = req.query.get('customer_id')
  const all = store.subscriptionEvents.filter(
    (e) => (!customerId || String(e.customer_id) === customerId) && (!type || e.event_type === type)
  )
  const start = (page - 1) * perPage
  const slice = all.slice(start, start + perPage)
  return {
    status: 200,
    body: {
      data: slice,
      meta: {
        current_page: page,
        last_page: Math.max(1, Math.ceil(all.length / perPage)),
        per_page: perPage,
        total: all.length,
        from: slice.length ? start + 1 : null,
        to: slice.length ? start + slice.length : null
      }
    }
  }
}
