// 帳獸 read endpoints: lists with page/per_page/meta, and single records (404 in Laravel's words).
import type { Handler, SandboxResponse } from '../http'
import { customerJson, findCustomerByExternalId, orderJson } from './records'
import { type FieldErrors, addError, laravel422 } from './rules'
import { ORDER_STATUSES } from './validate'

function notFound(model: string): SandboxResponse {
  return { status: 404, body: { message: `No query results for model [App\\Models\\${model}].` } }
}

function intParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
  errors: FieldErrors
): number {
  const text = query.get(name)
  if (text === null || text === '') return fallback
  const n = Number(text)
  if (!/^\d+$/.test(text) || n < min || n > max) {
    addError(
      errors,
      name,
      max === Infinity ? `${name} 必須是不小於 ${min} 的整數` : `${name} 必須是 ${min} 到 ${max} 之間的整數`
    )
  }
  return n
}

/** Paginate a list Laravel-style: `{data, meta:{current_page,last_page,per_page,total,from,to}}`. */
function paginate<T>(
  query: URLSearchParams,
  items: T[],
  present: (item: T) => unknown,
  extraErrors: FieldErrors = {}
): SandboxResponse {
  const errors: FieldErrors = { ...extraErrors }
  const page = intParam(query, 'page', 1, 1, Infinity, errors)
  const perPage = intParam(query, 'per_page', 20, 1, 100, errors)
  if (Object.keys(errors).length) return laravel422(errors)
  const start = (page - 1) * perPage
  const slice = items.slice(start, start + perPage)
  return {
    status: 200,
    body: {
      data: slice.map(present),
      meta: {
        current_page: page,
        last_page: Math.max(1, Math.ceil(items.length / perPage)),
        per_page: perPage,
        total: items.length,
        from: slice.length ? start + 1 : null,
        to: slice.length ? start + slice.length : null
      }
    }
  }
}

/** `search` matches part of the email or the name, ignoring case. */
export const listCustomers: Handler = (req, _params, { store }) => {
  const term = (req.query.get('search') ?? '').trim().toLowerCase()
  const all = [...store.customers.values()].filter(
    (c) => !term || c.email.toLowerCase().includes(term) || (c.name ?? '').toLowerCase().includes(term)
  )
  return paginate(req.query, all, (c) => customerJson(store, c))
}

/** The path takes the internal id or the external_id. */
export const getCustomer: Handler = (_req, params, { store }) => {
  const key = params.id
  const byId = /^\d+$/.test(key) ? store.customers.get(Number(key)) : undefined
  const customer = byId ?? findCustomerByExternalId(store, key)
  return customer ? { status: 200, body: { data: customerJson(store, customer) } } : notFound('Customer')
}

export const listOrders: Handler = (req, _params, { store }) => {
  const errors: FieldErrors = {}
  const status = req.query.get('status')
  if (status && !(ORDER_STATUSES as readonly string[]).includes(status))
    addError(errors, 'status', `status 必須是下列其中之一：${ORDER_STATUSES.join(', ')}`)
  const customerId = req.query.get('customer_id')
  const [start, end] = ['start_date', 'end_date'].map((name) => {
    const text = req.query.get(name)
    if (text && !/^\d{4}-\d{2}-\d{2}$/.test(text)) addError(errors, name, `${name} 必須是 YYYY-MM-DD 日期`)
    return text || null
  })
  // Which timestamp the date filters use is not documented: here, created_at (UTC date), both ends inclusive.
  const all = [...store.orders.values()]
    .filter((o) => !status || o.status === status)
    .filter((o) => !customerId || String(o.customer_id) === customerId)
    .filter((o) => (!start || o.created_at.slice(0, 10) >= start) && (!end || o.created_at.slice(0, 10) <= end))
    .sort((a, b) => a.id - b.id)
  return paginate(req.query, all, (o) => orderJson(store, o), errors)
}

export const getOrder: Handler = (_req, params, { store }) => {
  const order = store.orders.get(params.orderNo)
  return order ? { status: 200, body: { data: orderJson(store, order) } } : notFound('Order')
}

export const listSubscriptions: Handler = (req, _params, { store }) => {
  const status = req.query.get('status')
  const customerId = req.query.get('customer_id')
  const all = [...store.subscriptions.values()]
    .filter((s) => !status || s.status === status)
    .filter((s) => !customerId || String(s.customer_id) === customerId)
  return paginate(req.query, all, (s) => s)
}

export const getSubscription: Handler = (_req, params, { store }) => {
  const sub = /^\d+$/.test(params.id) ? store.subscriptions.get(Number(params.id)) : undefined
  return sub ? { status: 200, body: { data: sub } } : notFound('Subscription')
}
