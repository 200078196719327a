// SHOPLINE specifics: the request body, and reconciling an order whose request ended ambiguously (no idempotency key exists).
import Decimal from 'decimal.js'

export const UNKNOWN_MESSAGE = 'unknown: check SHOPLINE before retrying'
/** Clock skew allowed between us and SHOPLINE when searching for an order we may have created. */
export const RECONCILE_SKEW_MS = 60_000

/** The payload with the chosen delivery option and payment method filled in where the sheet left them out. */
export function shoplineBody(
  payload: Record<string, unknown>,
  ids: { deliveryOptionId?: string; paymentMethodId?: string }
): Record<string, unknown> {
  const order = { ...((payload.order as Record<string, unknown>) ?? {}) }
  if (ids.deliveryOptionId && order.delivery_option_id == null) order.delivery_option_id = ids.deliveryOptionId
  if (ids.paymentMethodId && order.payment_method_id == null) order.payment_method_id = ids.paymentMethodId
  return { ...payload, order }
}

/** A money value as SHOPLINE may show it: a number, a string, or {cents, dollars}. */
export function moneyValue(value: unknown): Decimal | null {
  try {
    if (typeof value === 'number' || typeof value === 'string') return new Decimal(value)
    if (value && typeof value === 'object') {
      const m = value as { dollars?: unknown; cents?: unknown }
      if (m.dollars != null) return new Decimal(m.dollars as number | string)
      if (m.cents != null) return new Decimal(m.cents as number | string).div(100)
    }
  } catch {
    // not a number
  }
  return null
}

export function searchPath(email: string, createdAfterMs: number): string {
  const q = new URLSearchParams({
    customer_email: email,
    created_after: new Date(createdAfterMs).toISOString(),
    per_page: '50'
  })
  return `/orders/search?${q.toString()}`
}

export type ReconcileVerdict =
  { kind: 'created'; id: string | number } | { kind: 'absent' } | { kind: 'undecidable'; why: string }

/**
 * Decide from a search answer whether our order exists: candidates are orders of that customer created after the attempt
 * (minus skew) with the same total that no other row of this job already claimed.
 */
export function judgeSearch(body: unknown, payload: Record<string, unknown>, claimed: Set<string>): ReconcileVerdict {
  const items = (body as { items?: unknown })?.items
  if (!Array.isArray(items)) return { kind: 'undecidable', why: 'the search answer had no items list' }
  const order = (payload.order as Record<string, unknown>) ?? {}
  const total = moneyValue(order.total)
  const email = String(order.customer_email ?? '').toLowerCase()
  const candidates = (items as Record<string, unknown>[]).filter((o) => {
    const id = o?.id
    if (id == null || claimed.has(String(id))) return false
    const oEmail = o.customer_email
    if (typeof oEmail === 'string' && email && oEmail.toLowerCase() !== email) return false
    const oTotal = moneyValue(o.total)
    return total == null || oTotal == null ? false : oTotal.eq(total)
  })
  if (candidates.length === 1) return { kind: 'created', id: candidates[0].id as string | number }
  if (candidates.length === 0) return { kind: 'absent' }
  return {
    kind: 'undecidable',
    why: `${candidates.length} orders of this customer with the same total were created meanwhile`
  }
}

export function customerEmailOfShopline(payload: Record<string, unknown>): string | undefined {
  const e = (payload.order as Record<string, unknown> | undefined)?.customer_email
  return typeof e === 'string' && e ? e : undefined
}
