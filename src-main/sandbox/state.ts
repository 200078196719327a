// In-memory data of the rehearsal server: what each fake API has stored, plus the request log.
import type { DeliveryOption, PaymentMethod, ShoplineProduct } from './shopline/seed'
import { seedDeliveryOptions, seedPayments, seedProducts } from './shopline/seed'

export interface ZangshoCustomer {
  id: number
  email: string
  name: string | null
  phone: string | null
  external_id: string | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export interface ZangshoOrder {
  id: number
  order_no: string
  amount: string
  currency: string
  status: string
  payment_method: string | null
  source: 'api'
  billing_cycle: string | null
  paid_at: string | null
  refunded_at: string | null
  failed_at: string | null
  metadata: Record<string, unknown> | null
  customer_id: number
  created_at: string
  updated_at: string
}

export interface ZangshoSubscription {
  id: number
  customer_id: number
  status: 'active' | 'cancelled' | 'paused'
  plan_name: string | null
  mrr: string
  billing_cycle: string
  source: 'api'
  started_at: string
  current_period_start: string
  cancelled_at: string | null
  created_at: string
  updated_at: string
}

/** A subscription event as the list endpoint shows it (api §8.2); the cancel endpoint's auto-created ones carry its reason. */
export interface ZangshoSubscriptionEvent {
  id: number
  customer_id: number
  event_type: string
  source: 'api'
  old_amount: string | null
  new_amount: string | null
  amount_change: string | null
  old_plan: string | null
  new_plan: string | null
  occurred_at: string
  created_at: string
  reason?: string | null
}

export interface ShoplineCustomer {
  id: string
  email: string
  created_at: string
}

/** A stored SHOPLINE order: the Order object returned to clients (see shopline/orders.ts). */
export type ShoplineOrder = Record<string, unknown> & {
  id: string
  order_number: string
  created_at: string
  customer_email: string | null
  customer_id: string
  order_remarks: string | null
  total: { cents: number; dollars: number }
}

export type FaultKind = '5xx' | 'drop' | 'slow' | 'storm'

export interface RequestLogEntry {
  api: 'zangsho' | 'shopline' | 'none'
  method: string
  path: string
  status: number
  /** ms since epoch by the sandbox clock, when the request arrived */
  time: number
  headers: Record<string, string>
  bodySize: number
  fault: FaultKind | null
}

export interface IdempotencyRecord {
  fingerprint: string
  status: number
  body: unknown
  storedAt: number
}

/** Read-only snapshots for tests (each getter returns a fresh copy). */
export interface SandboxState {
  readonly customers: ZangshoCustomer[]
  readonly orders: ZangshoOrder[]
  readonly subscriptions: ZangshoSubscription[]
  readonly subscriptionEvents: ZangshoSubscriptionEvent[]
  /** The `cancel` events (PUT /subscriptions/{id}/cancel creates one each). */
  readonly cancelEvents: ZangshoSubscriptionEvent[]
  readonly shoplineOrders: ShoplineOrder[]
  readonly shoplineCustomers: ShoplineCustomer[]
  readonly deliveryOptions: DeliveryOption[]
  readonly payments: PaymentMethod[]
  readonly products: ShoplineProduct[]
  readonly requestLog: RequestLogEntry[]
}

// Bounded: the newest entries, each with bounded headers (see request-guards.ts).
export const MAX_LOG_ENTRIES = 20_000

export class SandboxStore {
  readonly customers = new Map<number, ZangshoCustomer>()
  readonly customerIdByEmail = new Map<string, number>()
  readonly orders = new Map<string, ZangshoOrder>()
  readonly subscriptions = new Map<number, ZangshoSubscription>()
  readonly subscriptionIdByCustomer = new Map<number, number>()
  readonly idempotency = new Map<string, IdempotencyRecord>()
  readonly subscriptionEvents: ZangshoSubscriptionEvent[] = []
  readonly shoplineOrders: ShoplineOrder[] = []
  readonly shoplineCustomers = new Map<string, ShoplineCustomer>()
  readonly deliveryOptions = seedDeliveryOptions()
  readonly payments = seedPayments()
  readonly products = seedProducts()
  readonly requestLog: RequestLogEntry[] = []
  private nextIds = { customer: 1, order: 1, subscription: 1, shopline: 1, event: 1 }

  nextId(kind: keyof SandboxStore['nextIds']): number {
    return this.nextIds[kind]++
  }

  findCustomerByEmail(email: string): ZangshoCustomer | undefined {
    const id = this.customerIdByEmail.get(email.toLowerCase())
    return id === undefined ? undefined : this.customers.get(id)
  }

  log(entry: RequestLogEntry): void {
    this.requestLog.push(entry)
    // Drop in chunks: shifting one entry per request would copy the whole array every time.
    if (this.requestLog.length > MAX_LOG_ENTRIES)
      this.requestLog.splice(0, this.requestLog.length - MAX_LOG_ENTRIES + 1000)
  }

  view(): SandboxState {
    const copy = <T>(items: Iterable<T>): T[] => structuredClone([...items])
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const store = this
    return {
      get customers() {
        return copy(store.customers.values())
      },
      get orders() {
        return copy(store.orders.values())
      },
      get subscriptions() {
        return copy(store.subscriptions.values())
      },
      get subscriptionEvents() {
        return copy(store.subscriptionEvents)
      },
      /** The `cancel` events (PUT /subscriptions/{id}/cancel creates one each). */
      get cancelEvents() {
        return copy(store.subscriptionEvents.filter((e) => e.event_type === 'cancel'))
      },
      get shoplineOrders() {
        return copy(store.shoplineOrders)
      },
      get shoplineCustomers() {
        return copy(store.shoplineCustomers.values())
      },
      get deliveryOptions() {
        return copy(store.deliveryOptions)
      },
      get payments() {
        return copy(store.payments)
      },
      get products() {
        return copy(store.products)
      },
      get requestLog() {
        return copy(store.requestLog)
      }
    }
  }
}

/** ISO 8601 UTC with Z, without milliseconds when they are zero (the documents' style). */
export function isoUtc(ms: number): string {
  const iso = new Date(ms).toISOString()
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso
}

/** A server-made timestamp, whole seconds like the documents' samples ("2026-01-09T08:00:00Z"). */
export function serverTime(ms: number): string {
  return isoUtc(Math.floor(ms / 1000) * 1000)
}
