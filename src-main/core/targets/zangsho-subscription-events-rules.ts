// Rules of the subscription-events destination: derive amount_change and event_type, and check each customer's chain.
import Decimal from 'decimal.js'
import { parseMoney } from '../mapping/money'
import { cleanText } from '../mapping/text'
import { makeIssue } from '../validation/messages'
import type { Issue } from '../validation/types'
import type { FieldDef, FieldValue } from './types'
import { ZangshoSubscriptionEventsTarget } from './zangsho-subscription-events'

/** What the rules need from a normalized row (validation's RowState has these). */
export interface EventRowState {
  rowNumber: number
  values: Record<string, FieldValue>
  issues: Issue[]
}

const field = (key: string): FieldDef => ZangshoSubscriptionEventsTarget.fields.find((f) => f.key === key)!
const fmt = (d: Decimal): string => d.toFixed(2)

/** A change may be negative: "-490", "(490)", "NT$-490" (parseMoney rejects negatives, so strip the sign first). */
export function parseSignedMoney(text: string): { ok: true; value: Decimal } | { ok: false } {
  let t = cleanText(text).normalize('NFKC')
  let negative = false
  const paren = /^\((.*)\)$/.exec(t)
  if (paren) {
    negative = true
    t = paren[1]
  }
  const sign = /^([+\-−])\s*(.*)$/.exec(t) ?? /^(?:NT\$|\$|TWD)\s*([+\-−])\s*(.*)$/i.exec(t)
  if (sign) {
    negative = negative || sign[1] !== '+'
    t = sign[2]
  }
  const r = parseMoney(t)
  if (!r.ok) return { ok: false }
  return { ok: true, value: negative ? (r.value as Decimal).negated() : (r.value as Decimal) }
}

/**
 * Fill in what the sheet leaves out, in place: amount_change = new − old; event_type from the sign of the change.
 * A mapped change that disagrees with old and new is an error naming the three values.
 */
export function deriveEventRow(st: EventRowState, columnOf: (field: string) => string | null): void {
  const v = st.values
  const raw = v.amount_change
  let change: Decimal | undefined
  if (typeof raw === 'string' && raw !== '') {
    const parsed = parseSignedMoney(raw)
    if (!parsed.ok) {
      delete v.amount_change
      st.issues.push(
        makeIssue(
          st.rowNumber,
          field('amount_change'),
          columnOf('amount_change'),
          'error',
          'money_invalid',
          {
            en: `"${raw}" is not an amount. Write the change like 490 or -490.`,
            'zh-TW': `「${raw}」不是金額。請寫成 490 或 -490。`
          },
          raw
        )
      )
      return
    }
    change = parsed.value
    v.amount_change = change
  }
  const oldA = v.old_amount instanceof Decimal ? v.old_amount : undefined
  const newA = v.new_amount instanceof Decimal ? v.new_amount : undefined
  if (oldA && newA) {
    const diff = newA.minus(oldA)
    if (change && !change.eq(diff)) {
      const shown = `${fmt(change)} / ${fmt(oldA)} → ${fmt(newA)}`
      st.issues.push(
        makeIssue(
          st.rowNumber,
          field('amount_change'),
          columnOf('amount_change'),
          'error',
          'amount_change_mismatch',
          {
            en: `the MRR change ${fmt(change)} disagrees with the old amount ${fmt(oldA)} and the new amount ${fmt(newA)} (new − old = ${fmt(diff)}). Fix one of the three.`,
            'zh-TW': `MRR 變化金額 ${fmt(change)} 與變更前金額 ${fmt(oldA)}、變更後金額 ${fmt(newA)} 不符(變更後 − 變更前 = ${fmt(diff)})。請修正其中一個。`
          },
          shown
        )
      )
      return
    }
    change ??= diff
    v.amount_change = change
  }
  if (v.event_type !== undefined || st.issues.some((i) => i.field === 'event_type')) return
  if (change && !change.isZero()) {
    v.event_type = change.isPositive() ? 'upgrade' : 'downgrade'
    return
  }
  st.issues.push(
    makeIssue(st.rowNumber, field('event_type'), columnOf('event_type'), 'error', 'event_type_missing', {
      en: 'the event type is missing and cannot be told from the amounts (no change, or old/new not given). Map 事件類型 (Event type) or fill it in: created, upgrade, downgrade, cancel, reactivated.',
      'zh-TW':
        '沒有事件類型,也無法從金額判斷(金額沒有變化,或缺少變更前/變更後金額)。請對應「事件類型」欄位或填入:created、upgrade、downgrade、cancel、reactivated。'
    })
  )
}

/** One event as the chain check sees it. */
export interface ChainEvent {
  rowNumber: number
  email: string
  occurredAt: string
  oldAmount?: Decimal
  newAmount?: Decimal
}

/**
 * Each customer's events in time order must chain: one event's new amount is the next event's old amount.
 * A break is a warning on the later row (history may be missing an event, or an amount is mistyped).
 */
export function chainWarnings(events: ChainEvent[], columnOf: (field: string) => string | null): Issue[] {
  const byCustomer = new Map<string, ChainEvent[]>()
  for (const e of events) {
    const key = e.email.toLowerCase()
    const list = byCustomer.get(key)
    if (list) list.push(e)
    else byCustomer.set(key, [e])
  }
  const out: Issue[] = []
  for (const list of byCustomer.values()) {
    list.sort((a, b) =>
      a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.rowNumber - b.rowNumber
    )
    for (let k = 1; k < list.length; k++) {
      const prev = list[k - 1]
      const cur = list[k]
      if (!prev.newAmount || !cur.oldAmount || prev.newAmount.eq(cur.oldAmount)) continue
      out.push(
        makeIssue(
          cur.rowNumber,
          field('old_amount'),
          columnOf('old_amount'),
          'warning',
          'event_chain_break',
          {
            en: `${cur.email}'s old amount ${fmt(cur.oldAmount)} does not continue from row ${prev.rowNumber}, whose new amount is ${fmt(prev.newAmount)} (the customer's previous event in time). An event may be missing, or an amount or date is wrong.`,
            'zh-TW': `${cur.email} 的變更前金額 ${fmt(cur.oldAmount)} 與第 ${prev.rowNumber} 列(該客戶時間上的前一個事件)的變更後金額 ${fmt(prev.newAmount)} 接不上。可能少了一個事件,或金額、日期有誤。`
          },
          fmt(cur.oldAmount)
        )
      )
    }
  }
  return out
}

/** The chain event of a row's normalized values, or null when the row lacks an email or a time. */
export function chainEventOf(st: EventRowState): ChainEvent | null {
  const { customer_email: email, occurred_at: at, old_amount: o, new_amount: n } = st.values
  if (typeof email !== 'string' || typeof at !== 'string') return null
  return {
    rowNumber: st.rowNumber,
    email,
    occurredAt: at,
    oldAmount: o instanceof Decimal ? o : undefined,
    newAmount: n instanceof Decimal ? n : undefined
  }
}
