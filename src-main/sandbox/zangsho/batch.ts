// The three 帳獸 batch endpoints: 1–100 items, on_conflict skip|update, per-item results without rollback.
import { type Handler, type SandboxResponse, isPlainObject } from '../http'
import type { SandboxStore } from '../state'
import {
  createCustomer,
  createOrder,
  createSubscription,
  findCustomerByExternalId,
  updateCustomer,
  updateOrder,
  updateSubscription
} from './records'
import { type FieldErrors, addError, joinMessages, laravel422 } from './rules'
import { identifierOf, validateCustomer, validateOrder, validateSubscription } from './validate'

type Outcome =
  | { kind: 'created' | 'updated'; id: number; identifier: string | null }
  | { kind: 'skipped'; reason: string; identifier: string | null }
  | { kind: 'failed'; reason: string; message: string; identifier: string | null }

type ItemProcessor = (store: SandboxStore, raw: unknown, onConflict: 'skip' | 'update', nowMs: number) => Outcome

const MAX_ITEMS = 100

/** Shared envelope: check the list and on_conflict, run each item, count. Empty result lists are left out (the documents allow it). */
function batchHandler(key: string, defaultConflict: 'skip' | 'update', process: ItemProcessor): Handler {
  return (req, _params, ctx): SandboxResponse => {
    const body = isPlainObject(req.body) ? req.body : {}
    const errors: FieldErrors = {}
    const items = body[key]
    if (items === undefined || items === null) addError(errors, key, `${key} 欄位為必填`)
    else if (!Array.isArray(items)) addError(errors, key, `${key} 必須是陣列`)
    else if (items.length < 1) addError(errors, key, `${key} 至少需要 1 筆資料`)
    else if (items.length > MAX_ITEMS)
      addError(errors, key, `${key} 最多 ${MAX_ITEMS} 筆資料（收到 ${items.length} 筆），請分批送出`)
    const conflict = body.on_conflict ?? defaultConflict
    if (conflict !== 'skip' && conflict !== 'update')
      addError(errors, 'on_conflict', 'on_conflict 必須是 skip 或 update')
    if (Object.keys(errors).length) return laravel422(errors)

    const results: Record<'created' | 'updated' | 'skipped' | 'failed', unknown[]> = {
      created: [],
      updated: [],
      skipped: [],
      failed: []
    }
    const nowMs = ctx.now()
    ;(items as unknown[]).forEach((raw, index) => {
      const { kind, ...rest } = process(ctx.store, raw, conflict as 'skip' | 'update', nowMs)
      results[kind].push({ index, ...rest })
    })
    const listed = Object.fromEntries(Object.entries(results).filter(([, list]) => list.length > 0))
    return {
      status: 200,
      body: {
        data: {
          total: (items as unknown[]).length,
          created: results.created.length,
          updated: results.updated.length,
          skipped: results.skipped.length,
          failed: results.failed.length,
          results: listed
        }
      }
    }
  }
}

function failed(errors: FieldErrors, identifier: string | null): Outcome {
  return { kind: 'failed', reason: 'validation_error', message: joinMessages(errors), identifier }
}

const processCustomer: ItemProcessor = (store, raw, onConflict, nowMs) => {
  const checked = validateCustomer(raw)
  const identifier = identifierOf(raw, 'email')
  if (!checked.ok) return failed(checked.errors, identifier)
  const input = checked.value
  const existing = store.findCustomerByEmail(input.email)
  if (input.external_id !== null) {
    const holder = findCustomerByExternalId(store, input.external_id)
    if (holder && holder.id !== existing?.id)
      return failed({ external_id: ['external_id 已被其他客戶使用'] }, identifier)
  }
  if (existing) {
    if (onConflict === 'skip') return { kind: 'skipped', reason: 'duplicate_email', identifier: input.email }
    updateCustomer(existing, input, nowMs)
    return { kind: 'updated', id: existing.id, identifier: input.email }
  }
  return { kind: 'created', id: createCustomer(store, input, nowMs).id, identifier: input.email }
}

const processOrder: ItemProcessor = (store, raw, onConflict, nowMs) => {
  const checked = validateOrder(raw)
  const identifier = identifierOf(raw, 'order_no')
  if (!checked.ok) return failed(checked.errors, identifier)
  const input = checked.value
  const existing = store.orders.get(input.order_no)
  if (existing) {
    if (onConflict === 'skip') return { kind: 'skipped', reason: 'duplicate_order_no', identifier: input.order_no }
    updateOrder(store, existing, input, nowMs)
    return { kind: 'updated', id: existing.id, identifier: input.order_no }
  }
  return { kind: 'created', id: createOrder(store, input, nowMs).id, identifier: input.order_no }
}

/** One subscription per customer: the conflict key is customer_id (skip → reason "duplicate_customer"). */
const processSubscription: ItemProcessor = (store, raw, onConflict, nowMs) => {
  const checked = validateSubscription(raw)
  const identifier = identifierOf(raw, 'customer_id')
  if (!checked.ok) return failed(checked.errors, identifier)
  const input = checked.value
  if (!store.customers.has(input.customer_id)) return failed({ customer_id: ['customer_id 不存在'] }, identifier)
  const existingId = store.subscriptionIdByCustomer.get(input.customer_id)
  const existing = existingId === undefined ? undefined : store.subscriptions.get(existingId)
  if (existing) {
    if (onConflict === 'skip') return { kind: 'skipped', reason: 'duplicate_customer', identifier }
    updateSubscription(existing, input, nowMs)
    return { kind: 'updated', id: existing.id, identifier }
  }
  return { kind: 'created', id: createSubscription(store, input, nowMs).id, identifier }
}

export const customersBatch = batchHandler('customers', 'skip', processCustomer)
export const ordersBatch = batchHandler('orders', 'update', processOrder)
export const subscriptionsBatch = batchHandler('subscriptions', 'skip', processSubscription)
