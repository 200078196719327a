// The summary shown before sending: rows and batches, how long at the profile's pace, totals per currency and per month.
// Money is added with decimal.js and leaves main as strings; months are read in the session's zone (a misread date column
// or a wrong decimal point then shows as an odd bar).
import Decimal from 'decimal.js'
import { DateTime } from 'luxon'
import type { PreparedRecord, Target } from '../core/targets/types'
import type { PushPlanView, PushPreviewView } from '../ipc/push-contract'

export interface PreviewInput {
  plan: PushPlanView
  target: Target
  records: readonly PreparedRecord[]
  /** The profile's gap between requests; the target's service default when absent. */
  minIntervalMs?: number
  /** The session's zone (default Asia/Taipei). */
  timezone: string
}

/** At least how long `requests` take when starts keep `intervalMs` apart and stay under every sliding window. */
export function estimateDurationMs(
  requests: number,
  intervalMs: number,
  windows: readonly { max: number; windowMs: number }[]
): number {
  if (requests <= 1) return 0
  let ms = (requests - 1) * intervalMs
  for (const w of windows) ms = Math.max(ms, Math.floor((requests - 1) / w.max) * w.windowMs)
  return ms
}

/** yyyy-MM of an ISO time in the zone, or null when the text is not a date. */
export function monthOf(iso: string, zone: string): string | null {
  const at = DateTime.fromISO(iso, { zone: 'utc' })
  if (!at.isValid) return null
  const local = at.setZone(zone)
  return (local.isValid ? local : at).toFormat('yyyy-MM')
}

interface Bucket {
  currency: string | null
  total: Decimal
  records: number
}

function add(
  map: Map<string, Bucket & { month?: string }>,
  key: string,
  currency: string | null,
  amount: Decimal,
  month?: string
): void {
  const known = map.get(key)
  if (known) {
    known.total = known.total.plus(amount)
    known.records++
  } else {
    map.set(key, { currency, total: amount, records: 1, month })
  }
}

export function buildPreview(input: PreviewInput): PushPreviewView {
  const { plan, target, records } = input
  const sendable = records.filter((r) => r.valid)
  const interval = input.minIntervalMs ?? target.service.defaultMinIntervalMs
  const currencies = new Map<string, Bucket>()
  const months = new Map<string, Bucket & { month?: string }>()
  let undated = 0
  for (const record of sendable) {
    const facts = target.amountOf?.(record.payload)
    if (!facts) continue
    let amount: Decimal
    try {
      amount = new Decimal(facts.amount)
    } catch {
      continue
    }
    const currencyKey = facts.currency ?? ''
    add(currencies, currencyKey, facts.currency, amount)
    const month = facts.date ? monthOf(facts.date, input.timezone) : null
    if (month) add(months, `${month} ${currencyKey}`, facts.currency, amount, month)
    else undated++
  }
  return {
    prepId: plan.prepId,
    profileId: plan.profileId,
    rows: sendable.reduce((n, r) => n + r.rows.length, 0),
    records: sendable.length,
    batches: plan.counts.batches,
    requests: plan.counts.requests,
    estimatedMs: estimateDurationMs(plan.counts.requests, interval, target.service.rateWindows),
    minIntervalMs: interval,
    currencies: [...currencies.values()]
      .sort((a, b) => b.records - a.records)
      .map((c) => ({ currency: c.currency, total: c.total.toFixed(2), records: c.records })),
    months: [...months.values()]
      .sort(
        (a, b) => (a.month ?? '').localeCompare(b.month ?? '') || (a.currency ?? '').localeCompare(b.currency ?? '')
      )
      .map((m) => ({ month: m.month ?? '', currency: m.currency, total: m.total.toFixed(2), records: m.records })),
    undated,
    hasAmounts: target.amountOf !== undefined
  }
}
