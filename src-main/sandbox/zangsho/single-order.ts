// Single creates: POST /v1/orders (X-Idempotency-Key replayed for 24 hours) and POST /v1/customers.
import type { Handler, SandboxResponse } from '../http'
import { createCustomer, createOrder, customerJson, findCustomerByExternalId, orderJson } from './records'
import { laravel422 } from './rules'
import { validateCustomer, validateOrder } from './validate'

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

/**
 * Same key + same body (key order ignored) within 24 h → the stored answer again, with `Idempotent-Replayed: true`.
 * Same key + another body → 422. Only successful answers are stored, so a corrected retry with the same key can succeed.
 */
export const createSingleOrder: Handler = (req, _params, ctx) => {
  const header = req.headers['x-idempotency-key']
  const key = Array.isArray(header) ? header[0] : header
  const nowMs = ctx.now()
  const storeKey = key ? `${req.token}\u0000${key}` : undefined
  if (storeKey) {
    const stored = ctx.store.idempotency.get(storeKey)
    if (stored && nowMs - stored.storedAt >= IDEMPOTENCY_TTL_MS) ctx.store.idempotency.delete(storeKey)
    else if (stored && stored.fingerprint !== req.canonicalBody) {
      const message =
        'X-Idempotency-Key 已用於內容不同的請求（The idempotency key was already used with a different request body.）'
      return { status: 422, body: { message, errors: { 'X-Idempotency-Key': [message] } } }
    } else if (stored) {
      return { status: stored.status, body: structuredClone(stored.body), headers: { 'Idempotent-Replayed': 'true' } }
    }
  }
  const answer = createOnce(req.body, ctx)
  if (storeKey && answer.status < 300) {
    ctx.store.idempotency.set(storeKey, {
      fingerprint: req.canonicalBody,
      status: answer.status,
      body: structuredClone(answer.body),
      storedAt: nowMs
    })
  }
  return answer
}

const createOnce = (body: unknown, ctx: Parameters<Handler>[2]): SandboxResponse => {
  const checked = validateOrder(body)
  if (!checked.ok) return laravel422(checked.errors)
  if (ctx.store.orders.has(checked.value.order_no)) {
    return { status: 422, body: { message: 'order_no 已存在', errors: { order_no: ['order_no 已存在'] } } }
  }
  const order = createOrder(ctx.store, checked.value, ctx.now())
  return { status: 201, body: { data: orderJson(ctx.store, order) } }
}

/** POST /v1/customers: one customer; a taken email is a 422 (the documents do not say; Laravel's unique rule would). */
export const createSingleCustomer: Handler = (req, _params, ctx) => {
  const checked = validateCustomer(req.body)
  if (!checked.ok) return laravel422(checked.errors)
  if (ctx.store.findCustomerByEmail(checked.value.email)) {
    return { status: 422, body: { message: 'email 已存在', errors: { email: ['email 已存在'] } } }
  }
  const externalId = checked.value.external_id
  if (externalId !== null && findCustomerByExternalId(ctx.store, externalId)) {
    return {
      status: 422,
      body: { message: 'external_id 已被其他客戶使用', errors: { external_id: ['external_id 已被其他客戶使用'] } }
    }
  }
  const customer = createCustomer(ctx.store, checked.value, ctx.now())
  return { status: 201, body: { data: customerJson(ctx.store, customer) } }
}
