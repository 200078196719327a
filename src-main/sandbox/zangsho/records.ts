// Creating, updating and presenting 帳獸 records (the JSON shapes of the reference pages).
import Decimal from 'decimal.js'
import {
  type SandboxStore,
  type ZangshoCustomer,
  type ZangshoOrder,
  type ZangshoSubscription,
  serverTime
} from '../state'
import type { CustomerInput, OrderInput, SubscriptionInput } from './validate'

export function createCustomer(
  store: SandboxStore,
  fields: Pick<CustomerInput, 'email' | 'name' | 'phone' | 'external_id' | 'metadata'>,
  nowMs: number
): ZangshoCustomer {
  const at = serverTime(nowMs)
  const customer: ZangshoCustomer = {
    id: store.nextId('customer'),
    email: fields.email,
    name: fields.name,
    phone: fields.phone,
    external_id: fields.external_id,
    metadata: fields.metadata,
    created_at: at,
    updated_at: at
  }
  store.customers.set(customer.id, customer)
  store.customerIdByEmail.set(customer.email.toLowerCase(), customer.id)
  return customer
}

/** `update` for customers overwrites the fields the item carried (email is the key, so it stays). */
export function updateCustomer(customer: ZangshoCustomer, input: CustomerInput, nowMs: number): void {
  for (const key of ['name', 'phone', 'external_id', 'metadata'] as const) {
    if (input.given.includes(key)) (customer as unknown as Record<string, unknown>)[key] = input[key]
  }
  customer.updated_at = serverTime(nowMs)
}

export function findCustomerByExternalId(store: SandboxStore, externalId: string): ZangshoCustomer | undefined {
  for (const c of store.customers.values()) if (c.external_id === externalId) return c
  return undefined
}

/** Customer object with the values the server computes from orders (ltv, order_count, first/last payment). */
export function customerJson(store: SandboxStore, c: ZangshoCustomer): Record<string, unknown> {
  let ltv = new Decimal(0)
  let count = 0
  let first: string | null = null
  let last: string | null = null
  for (const o of store.orders.values()) {
    if (o.customer_id !== c.id) continue
    count++
    if (o.status !== 'paid' || !o.paid_at) continue
    ltv = ltv.plus(o.amount)
    if (!first || o.paid_at < first) first = o.paid_at
    if (!last || o.paid_at > last) last = o.paid_at
  }
  return { ...c, ltv: ltv.toFixed(2), order_count: count, first_payment_at: first, last_payment_at: last }
}

/** Paid/refunded/failed without their time: the server stamps the time of the call (as documented). */
function stampStatusTime(order: ZangshoOrder, nowMs: number): void {
  if (order.status === 'paid' && !order.paid_at) order.paid_at = serverTime(nowMs)
  if (order.status === 'refunded' && !order.refunded_at) order.refunded_at = serverTime(nowMs)
  if (order.status === 'failed' && !order.failed_at) order.failed_at = serverTime(nowMs)
}

/** Find the order's customer by email, creating it (with customer_name) when unknown. */
function ensureCustomer(store: SandboxStore, input: OrderInput, nowMs: number): ZangshoCustomer {
  return (
    store.findCustomerByEmail(input.customer_email) ??
    createCustomer(
      store,
      { email: input.customer_email, name: input.customer_name, phone: null, external_id: null, metadata: null },
      nowMs
    )
  )
}

export function createOrder(store: SandboxStore, input: OrderInput, nowMs: number): ZangshoOrder {
  const customer = ensureCustomer(store, input, nowMs)
  const at = serverTime(nowMs)
  const order: ZangshoOrder = {
    id: store.nextId('order'),
    order_no: input.order_no,
    amount: input.amount,
    currency: input.currency ?? 'TWD',
    status: input.status ?? 'pending',
    payment_method: input.payment_method,
    source: 'api',
    billing_cycle: input.billing_cycle,
    paid_at: input.paid_at,
    refunded_at: input.refunded_at,
    failed_at: input.failed_at,
    metadata: input.metadata,
    customer_id: customer.id,
    created_at: at,
    updated_at: at
  }
  stampStatusTime(order, nowMs)
  store.orders.set(order.order_no, order)
  return order
}

function isNonEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false
  if (typeof value === 'object' && Object.keys(value as object).length === 0) return false
  return true
}

/** Orders `update`: fill only the non-empty incoming fields (idempotent: sending the same item twice changes nothing). */
export function updateOrder(store: SandboxStore, order: ZangshoOrder, input: OrderInput, nowMs: number): void {
  const fields = [
    'amount',
    'status',
    'currency',
    'payment_method',
    'billing_cycle',
    'paid_at',
    'refunded_at',
    'failed_at',
    'metadata'
  ] as const
  const target = order as unknown as Record<string, unknown>
  for (const key of fields) if (isNonEmpty(input[key])) target[key] = input[key]
  if (input.customer_email.toLowerCase() !== store.customers.get(order.customer_id)?.email.toLowerCase()) {
    order.customer_id = ensureCustomer(store, input, nowMs).id
  }
  stampStatusTime(order, nowMs)
  order.updated_at = serverTime(nowMs)
}

export function orderJson(store: SandboxStore, o: ZangshoOrder): Record<string, unknown> {
  const customer = store.customers.get(o.customer_id)
  const { customer_id: _unused, ...rest } = o
  return { ...rest, customer_email: customer?.email ?? null, customer_name: customer?.name ?? null }
}

export function createSubscription(store: SandboxStore, input: SubscriptionInput, nowMs: number): ZangshoSubscription {
  const at = serverTime(nowMs)
  const sub: ZangshoSubscription = {
    id: store.nextId('subscription'),
    customer_id: input.customer_id,
    status: 'active',
    plan_name: input.plan_name,
    mrr: input.mrr,
    billing_cycle: input.billing_cycle,
    source: 'api',
    started_at: input.started_at,
    current_period_start: input.current_period_start,
    cancelled_at: null,
    created_at: at,
    updated_at: at
  }
  store.subscriptions.set(sub.id, sub)
  store.subscriptionIdByCustomer.set(sub.customer_id, sub.id)
  return sub
}

/** Subscriptions `update` overwrites the customer's subscription with the incoming values. */
export function updateSubscription(sub: ZangshoSubscription, input: SubscriptionInput, nowMs: number): void {
  sub.mrr = input.mrr
  sub.billing_cycle = input.billing_cycle
  sub.started_at = input.started_at
  sub.current_period_start = input.current_period_start
  if (input.given.includes('plan_name')) sub.plan_name = input.plan_name
  sub.updated_at = serverTime(nowMs)
}
