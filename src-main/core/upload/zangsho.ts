// 帳獸 specifics: batch bodies, reading per-item batch results, customers derived from rows, email → customer_id lookups.
import type { PreparedRecord } from '../targets/types'
import type { ItemResult } from './journal'
import type { OnConflict, Outcome } from './types'

export interface DerivedCustomer {
  /** Lower-cased email: the conflict key. */
  key: string
  email: string
  name?: string
}

export function emailOf(payload: Record<string, unknown>): string | undefined {
  const e = payload.customer_email ?? payload.email
  return typeof e === 'string' && e.trim() !== '' ? e.trim() : undefined
}

/** Unique customers (by case-insensitive email, first-seen order) from order or subscription records. */
export function deriveCustomers(records: PreparedRecord[], indexes: number[]): DerivedCustomer[] {
  const seen = new Map<string, DerivedCustomer>()
  for (const i of indexes) {
    const p = records[i].payload
    const email = emailOf(p)
    if (!email) continue
    const key = email.toLowerCase()
    const name = typeof p.customer_name === 'string' && p.customer_name.trim() ? p.customer_name.trim() : undefined
    const known = seen.get(key)
    if (!known) seen.set(key, { key, email, ...(name ? { name } : {}) })
    else if (!known.name && name) known.name = name
  }
  return [...seen.values()]
}

export function batchBody(
  batchKey: string,
  items: unknown[],
  onConflict: OnConflict | undefined
): Record<string, unknown> {
  return onConflict ? { [batchKey]: items, on_conflict: onConflict } : { [batchKey]: items }
}

type RawItem = { index?: unknown; id?: unknown; identifier?: unknown; reason?: unknown; message?: unknown }

const DUPLICATE_REASON = /duplicate|exist|conflict/i

/**
 * Turn `{data:{results:{created,updated,skipped,failed}}}` into one ItemResult per member (index is 0-based in the batch).
 * resentAfterLoss: an earlier attempt of this same batch may have committed without us hearing back; a row that now comes back
 * "updated" or "skipped as duplicate" was then created by that attempt, and is reported as created (see README: resume).
 * lostMembers: the same, for single members an earlier job sent without hearing back (retry failed after an interruption).
 */
export function readBatchResult(
  body: unknown,
  memberCount: number,
  resentAfterLoss: boolean,
  lostMembers: ReadonlySet<number> = new Set()
): ItemResult[] {
  const results = ((body as { data?: { results?: Record<string, unknown> } })?.data?.results ?? {}) as Record<
    string,
    unknown
  >
  const byIndex = new Map<number, ItemResult>()
  const take = (list: unknown, outcome: Outcome) => {
    if (!Array.isArray(list)) return
    for (const raw of list as RawItem[]) {
      const index = Number(raw?.index)
      if (!Number.isInteger(index) || index < 0 || index >= memberCount) continue
      const id = typeof raw.id === 'number' || typeof raw.id === 'string' ? raw.id : null
      const reason = raw.reason == null ? null : String(raw.reason)
      const message = raw.message == null ? null : String(raw.message)
      byIndex.set(index, {
        member: index,
        outcome,
        id,
        reason: outcome === 'updated' || outcome === 'created' ? null : reason,
        message
      })
    }
  }
  take(results.created, 'created')
  take(results.updated, 'updated')
  take(results.skipped, 'skipped')
  take(results.failed, 'failed')
  const items: ItemResult[] = []
  for (let i = 0; i < memberCount; i++) {
    let item = byIndex.get(i)
    if (!item) {
      item = {
        member: i,
        outcome: 'failed',
        id: null,
        reason: 'missing_in_response',
        message: 'The server did not report this row; retry it.'
      }
    } else if (
      (resentAfterLoss || lostMembers.has(i)) &&
      (item.outcome === 'updated' || (item.outcome === 'skipped' && DUPLICATE_REASON.test(item.reason ?? '')))
    ) {
      item = { ...item, outcome: 'created', reason: null, message: null }
    }
    items.push(item)
  }
  return items
}

/** One page of GET /customers?search=… → the id of the exact (case-insensitive) email match, and whether more pages exist. */
export function readCustomerSearch(body: unknown, email: string): { id: number | null; lastPage: number } {
  const b = body as { data?: unknown; meta?: { last_page?: unknown } }
  const list = Array.isArray(b?.data) ? (b.data as { id?: unknown; email?: unknown }[]) : []
  const hit = list.find((c) => typeof c?.email === 'string' && c.email.toLowerCase() === email.toLowerCase())
  const lastPage = Number(b?.meta?.last_page) || 1
  return { id: hit && (typeof hit.id === 'number' || typeof hit.id === 'string') ? Number(hit.id) : null, lastPage }
}

/** The created order's id from a single POST /orders answer ({data:{id}}). */
export function readSingleCreate(body: unknown): number | string | null {
  const id = (body as { data?: { id?: unknown } })?.data?.id
  return typeof id === 'number' || typeof id === 'string' ? id : null
}
