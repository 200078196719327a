// SHOPLINE orders: create (the Order object, a subset of the reference shape), search and get.
import Decimal from 'decimal.js'
import type { Handler, SandboxResponse } from '../http'
import type { SandboxStore, ShoplineOrder } from '../state'
import { type NewShoplineOrder, OrderRejected, checkCreateOrder } from './validate-order'

export interface Money {
  cents: number
  currency_iso: 'TWD'
  currency_symbol: 'NT$'
  dollars: number
  label: string
}

export function money(amount: Decimal): Money {
  const fixed = amount.decimalPlaces() > 0 ? amount.toFixed(2) : amount.toFixed(0)
  const [whole, frac] = fixed.split('.')
  const label = `NT$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? '.' + frac : ''}`
  return {
    cents: amount.times(100).toNumber(),
    currency_iso: 'TWD',
    currency_symbol: 'NT$',
    dollars: amount.toNumber(),
    label
  }
}

/** 24 hex digits, like the Mongo ObjectIds SHOPLINE uses; deterministic from a counter. */
function objectId(prefix: string, n: number): string {
  return prefix + n.toString(16).padStart(24 - prefix.length, '0')
}

/** SHOPLINE's timestamp style: milliseconds and +00:00. */
function shoplineTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00')
}

function customerIdFor(store: SandboxStore, input: NewShoplineOrder, nowMs: number): string {
  if (input.customerId) return input.customerId
  const email = input.customerEmail!.toLowerCase()
  for (const c of store.shoplineCustomers.values()) if (c.email === email) return c.id
  const id = objectId('65c', store.shoplineCustomers.size + 1)
  store.shoplineCustomers.set(id, { id, email, created_at: shoplineTime(nowMs) })
  return id
}

function buildOrder(store: SandboxStore, input: NewShoplineOrder, nowMs: number): ShoplineOrder {
  const n = store.nextId('shopline')
  const at = shoplineTime(nowMs)
  const customerId = customerIdFor(store, input, nowMs)
  const email = input.customerEmail ?? store.shoplineCustomers.get(customerId)?.email ?? null
  const line = (it: NewShoplineOrder['items'][number], k: number) => ({
    id: objectId('65b', n * 1000 + k),
    item_type: it.item_type,
    item_id: it.item_id,
    item_variation_id: it.variation_id ?? '',
    item_data: it.item_data,
    title_translations: { 'zh-hant': it.title },
    quantity: it.quantity,
    item_price: money(it.price),
    price: money(it.price),
    total: money(it.total)
  })
  const lines = input.items.map(line)
  return {
    id: objectId('65a', n),
    order_number: String(n).padStart(6, '0'),
    merchant_order_number: String(n).padStart(6, '0'),
    system_order_number: `${at.slice(0, 19).replace(/\D/g, '')}${String(n).padStart(3, '0')}`,
    status: 'pending',
    created_at: at,
    updated_at: at,
    created_by: 'openapi',
    created_from: 'admin_openapi',
    currency_iso: 'TWD',
    customer_id: customerId,
    customer_email: email,
    customer_name: input.customerName,
    customer_phone: input.customerPhone,
    delivery_address: input.deliveryAddress,
    order_delivery: {
      delivery_option_id: input.delivery.id,
      platform: input.delivery.region_type,
      status: 'pending',
      delivery_status: 'pending',
      name_translations: input.delivery.name_translations,
      total: money(new Decimal(0))
    },
    order_payment: {
      payment_method_id: input.payment.id,
      payment_type: input.payment.type,
      status: 'temp',
      paid_at: null,
      name_translations: input.payment.name_translations,
      total: money(input.total),
      payment_fee: money(new Decimal(0))
    },
    order_remarks: input.orderRemarks,
    subtotal: money(input.subtotal),
    total: money(input.total),
    order_discount: money(input.discount),
    user_credit: money(input.userCredit),
    subtotal_items: lines.filter((l) => l.item_type !== 'CustomDiscount'),
    custom_discount_items: lines.filter((l) => l.item_type === 'CustomDiscount')
  }
}

export const createShoplineOrder: Handler = (req, _params, { store, now }) => {
  try {
    const input = checkCreateOrder(store, req.body)
    const order = buildOrder(store, input, now())
    store.shoplineOrders.push(order)
    return { status: 200, body: structuredClone(order) }
  } catch (err) {
    if (err instanceof OrderRejected) return err.toResponse()
    throw err
  }
}

function badParam(field: string, english: string, zh: string): SandboxResponse {
  return { status: 422, body: { error: english, message: zh, code: 'InvalidParameter', extras: { field } } }
}

function intParam(query: URLSearchParams, name: string, fallback: number, max: number): number | SandboxResponse {
  const text = query.get(name)
  if (text === null || text === '') return fallback
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max)
    return badParam(name, `${name} must be an integer from 1 to ${max}`, `${name} 必須是 1 到 ${max} 的整數`)
  return Number(text)
}

function timeParam(query: URLSearchParams, name: string): number | null | SandboxResponse {
  const text = query.get(name)
  if (!text) return null
  // Open API times are UTC: a time without a zone is read as UTC (never as this machine's local time).
  const iso = text.trim().replace(' ', 'T')
  const ms = Date.parse(/T[\d:.]+$/.test(iso) ? `${iso}Z` : iso)
  if (Number.isNaN(ms)) return badParam(name, `${name} must be a date-time (UTC)`, `${name} 必須是日期時間（UTC）`)
  return ms
}

/** Paginate `{items, pagination:{current_page,per_page,total_count,total_pages}}` (per_page default 24, max 999). */
export function paginateItems(query: URLSearchParams, items: unknown[]): SandboxResponse {
  const page = intParam(query, 'page', 1, Number.MAX_SAFE_INTEGER)
  if (typeof page !== 'number') return page
  const perPage = intParam(query, 'per_page', 24, 999)
  if (typeof perPage !== 'number') return perPage
  const slice = items.slice((page - 1) * perPage, page * perPage)
  return {
    status: 200,
    body: {
      items: structuredClone(slice),
      pagination: {
        current_page: page,
        per_page: perPage,
        total_count: items.length,
        total_pages: Math.ceil(items.length / perPage)
      }
    }
  }
}

/** Search by customer_email / customer_id / order_number / status and created_after / created_before (UTC, inclusive). */
export const searchShoplineOrders: Handler = (req, _params, { store }) => {
  const q = req.query
  const after = timeParam(q, 'created_after')
  if (after !== null && typeof after !== 'number') return after
  const before = timeParam(q, 'created_before')
  if (before !== null && typeof before !== 'number') return before
  const email = q.get('customer_email')?.toLowerCase()
  const matches = store.shoplineOrders.filter((o) => {
    const created = Date.parse(o.created_at)
    if (email && o.customer_email?.toLowerCase() !== email) return false
    if (q.get('customer_id') && o.customer_id !== q.get('customer_id')) return false
    if (
      q.get('order_number') &&
      o.order_number !== q.get('order_number') &&
      o.merchant_order_number !== q.get('order_number')
    )
      return false
    if (q.get('status') && o.status !== q.get('status')) return false
    return (after === null || created >= after) && (before === null || created <= before)
  })
  const ascending = q.get('order_by') === 'asc'
  const sorted = matches
    .map((o, i) => ({ o, i }))
    .sort((a, b) => (ascending ? a.i - b.i : b.i - a.i))
    .map((x) => x.o)
  return paginateItems(q, sorted)
}

export const listShoplineOrders: Handler = (req, params, ctx) => searchShoplineOrders(req, params, ctx)

export const getShoplineOrder: Handler = (_req, params, { store }) => {
  const order = store.shoplineOrders.find((o) => o.id === params.id)
  return order
    ? { status: 200, body: structuredClone(order) }
    : { status: 404, body: { error: 'Order not found', code: 'NotFound' } }
}
