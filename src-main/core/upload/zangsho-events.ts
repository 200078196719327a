// 帳獸 subscription events, sending side: time order, and deciding from the events list whether an ambiguous create landed.
// No idempotency key is documented for events, so a create is never resent before the list shows it is absent.
import Decimal from 'decimal.js'
import type { PreparedRecord } from '../targets/types'
import type { Localized } from '../targets/types'

export const EVENTS_UNKNOWN_MESSAGE = "unknown: check the customer's subscription events in 帳獸 before retrying"

/** Send order: by occurred_at (so each customer's history goes out in time order), then by row. */
export function eventSendOrder(records: PreparedRecord[], indexes: number[]): number[] {
  const at = (i: number) => String(records[i].payload.occurred_at ?? '')
  return [...indexes].sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : records[a].row - records[b].row))
}

export function eventsListPath(customerId: number, eventType: string, page: number): string {
  const q = new URLSearchParams({
    customer_id: String(customerId),
    event_type: eventType,
    per_page: '100',
    page: String(page)
  })
  return `/subscriptions/events?${q.toString()}`
}

function sameMoney(a: unknown, b: unknown): boolean {
  if (a == null || b == null) return true // one side does not say: not a difference
  try {
    return new Decimal(a as string).eq(new Decimal(b as string))
  } catch {
    return false
  }
}

/**
 * The events on one list page that are ours: same customer, event type, instant and amounts, not claimed by another row.
 * Filters are applied here too, in case the server ignores the (inferred) query parameter names.
 */
export function matchingEvents(
  body: unknown,
  payload: Record<string, unknown>,
  customerId: number,
  claimed: Set<string>
): { ids: (string | number)[]; lastPage: number } | null {
  const b = body as { data?: unknown; meta?: { last_page?: unknown } }
  if (!Array.isArray(b?.data)) return null
  const at = Date.parse(String(payload.occurred_at))
  const ids: (string | number)[] = []
  for (const e of b.data as Record<string, unknown>[]) {
    const id = e?.id
    if ((typeof id !== 'number' && typeof id !== 'string') || claimed.has(String(id))) continue
    if (String(e.customer_id) !== String(customerId) || e.event_type !== payload.event_type) continue
    if (Date.parse(String(e.occurred_at)) !== at) continue
    if (
      !sameMoney(e.old_amount, payload.old_amount) ||
      !sameMoney(e.new_amount, payload.new_amount) ||
      !sameMoney(e.amount_change, payload.amount_change)
    )
      continue
    ids.push(id)
  }
  return { ids, lastPage: Number(b.meta?.last_page) || 1 }
}

/** A 404/405 on the first create: the endpoint is not where the documents suggest. */
export function endpointMissingMessage(status: number, path: string): Localized {
  return {
    'zh-TW': `帳獸在 ${path} 回應 HTTP ${status}:訂閱事件的建立端點不在文件推測的位置(文件只寫了方法 POST 與列表路徑)。沒有送出其他資料。請向帳獸確認正確路徑,然後在「連線設定 → 速度與進階設定 → 訂閱事件路徑」修改(命令列:orderdock profile set --events-path /正確/路徑),再重新開始。`,
    en: `帳獸 answered HTTP ${status} at ${path}: the subscription-events create endpoint is not where the documents suggest (they give only the method, POST, and the list path). Nothing else was sent. Ask 帳獸 for the right path, set it in Connections → Pacing and advanced settings → Subscription events path (CLI: orderdock profile set --events-path /the/path), then start again.`
  }
}
