// Item validation for 帳獸 customers, orders and subscriptions, per the reference pages (unknown fields are refused).
import { isPlainObject } from '../http'
import {
  type FieldErrors,
  addError,
  checkCurrency,
  checkDateTime,
  checkEmail,
  checkEnum,
  checkInteger,
  checkMoney,
  checkObject,
  checkString,
  hasErrors,
  requireField
} from './rules'

export const ORDER_STATUSES = ['pending', 'paid', 'failed', 'refunded', 'cancelled'] as const
export const PAYMENT_METHODS = ['credit_card', 'atm', 'cvs', 'line_pay', 'jkopay', 'apple_pay'] as const
export const ORDER_BILLING_CYCLES = ['monthly', 'quarterly', 'semi-annual', 'yearly', 'one-time'] as const
export const SUBSCRIPTION_BILLING_CYCLES = ['monthly', 'quarterly', 'semi-annual', 'yearly'] as const

export const CUSTOMER_FIELDS = ['email', 'name', 'phone', 'external_id', 'metadata'] as const
export const ORDER_FIELDS = [
  'order_no',
  'amount',
  'customer_email',
  'status',
  'customer_name',
  'currency',
  'payment_method',
  'billing_cycle',
  'paid_at',
  'refunded_at',
  'failed_at',
  'metadata'
] as const
export const SUBSCRIPTION_FIELDS = [
  'customer_id',
  'mrr',
  'billing_cycle',
  'started_at',
  'current_period_start',
  'plan_name'
] as const

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors }

export interface CustomerInput {
  email: string
  name: string | null
  phone: string | null
  external_id: string | null
  metadata: Record<string, unknown> | null
  /** keys the item carried (an update overwrites exactly these) */
  given: string[]
}

export interface OrderInput {
  order_no: string
  amount: string
  customer_email: string
  status: string | null
  customer_name: string | null
  currency: string | null
  payment_method: string | null
  billing_cycle: string | null
  paid_at: string | null
  refunded_at: string | null
  failed_at: string | null
  metadata: Record<string, unknown> | null
}

export interface SubscriptionInput {
  customer_id: number
  mrr: string
  billing_cycle: string
  started_at: string
  current_period_start: string
  plan_name: string | null
  given: string[]
}

function asItem(item: unknown, errors: FieldErrors, allowed: readonly string[]): Record<string, unknown> | null {
  if (!isPlainObject(item)) {
    addError(errors, 'item', '每筆資料必須是 JSON 物件')
    return null
  }
  for (const key of Object.keys(item)) {
    if (!allowed.includes(key)) addError(errors, key, `${key} 不是可接受的欄位（可用：${allowed.join(', ')}）`)
  }
  return item
}

export function validateCustomer(raw: unknown): Validated<CustomerInput> {
  const errors: FieldErrors = {}
  const item = asItem(raw, errors, CUSTOMER_FIELDS)
  if (!item) return { ok: false, errors }
  const email = requireField(item, 'email', errors) ? checkEmail(item.email, 'email', errors) : undefined
  const name = checkString(item.name, 'name', errors)
  const phone = checkString(item.phone, 'phone', errors, 50)
  const externalId = checkString(item.external_id, 'external_id', errors)
  const metadata = checkObject(item.metadata, 'metadata', errors)
  if (hasErrors(errors)) return { ok: false, errors }
  return {
    ok: true,
    value: {
      email: email!,
      name: name ?? null,
      phone: phone ?? null,
      external_id: externalId ?? null,
      metadata: metadata ?? null,
      given: Object.keys(item)
    }
  }
}

export function validateOrder(raw: unknown): Validated<OrderInput> {
  const errors: FieldErrors = {}
  const item = asItem(raw, errors, ORDER_FIELDS)
  if (!item) return { ok: false, errors }
  const orderNo = requireField(item, 'order_no', errors) ? checkString(item.order_no, 'order_no', errors) : undefined
  const amount = requireField(item, 'amount', errors) ? checkMoney(item.amount, 'amount', errors) : undefined
  const email = requireField(item, 'customer_email', errors)
    ? checkEmail(item.customer_email, 'customer_email', errors)
    : undefined
  const value = {
    order_no: orderNo!,
    amount: amount!,
    customer_email: email!,
    status: checkEnum(item.status, 'status', ORDER_STATUSES, errors),
    customer_name: checkString(item.customer_name, 'customer_name', errors),
    currency: checkCurrency(item.currency, 'currency', errors),
    payment_method: checkEnum(item.payment_method, 'payment_method', PAYMENT_METHODS, errors),
    billing_cycle: checkEnum(item.billing_cycle, 'billing_cycle', ORDER_BILLING_CYCLES, errors),
    paid_at: checkDateTime(item.paid_at, 'paid_at', errors),
    refunded_at: checkDateTime(item.refunded_at, 'refunded_at', errors),
    failed_at: checkDateTime(item.failed_at, 'failed_at', errors),
    metadata: checkObject(item.metadata, 'metadata', errors)
  }
  if (hasErrors(errors)) return { ok: false, errors }
  return { ok: true, value: value as OrderInput }
}

export function validateSubscription(raw: unknown): Validated<SubscriptionInput> {
  const errors: FieldErrors = {}
  const item = asItem(raw, errors, SUBSCRIPTION_FIELDS)
  if (!item) return { ok: false, errors }
  const customerId = requireField(item, 'customer_id', errors)
    ? checkInteger(item.customer_id, 'customer_id', errors)
    : undefined
  const mrr = requireField(item, 'mrr', errors) ? checkMoney(item.mrr, 'mrr', errors) : undefined
  const cycle = requireField(item, 'billing_cycle', errors)
    ? checkEnum(item.billing_cycle, 'billing_cycle', SUBSCRIPTION_BILLING_CYCLES, errors)
    : undefined
  const startedAt = requireField(item, 'started_at', errors)
    ? checkDateTime(item.started_at, 'started_at', errors)
    : undefined
  const periodStart = requireField(item, 'current_period_start', errors)
    ? checkDateTime(item.current_period_start, 'current_period_start', errors)
    : undefined
  const planName = checkString(item.plan_name, 'plan_name', errors)
  if (hasErrors(errors)) return { ok: false, errors }
  return {
    ok: true,
    value: {
      customer_id: customerId!,
      mrr: mrr!,
      billing_cycle: cycle!,
      started_at: startedAt!,
      current_period_start: periodStart!,
      plan_name: planName ?? null,
      given: Object.keys(item)
    }
  }
}

/** The natural key a batch result names for an item, even an invalid one (null when there is none). */
export function identifierOf(raw: unknown, field: string): string | null {
  if (!isPlainObject(raw)) return null
  const value = raw[field]
  if (typeof value === 'string' && value !== '') return value
  if (typeof value === 'number') return String(value)
  return null
}
