// SHOPLINE: rows sharing an order number → one Create Order body with CustomProduct lines (decimal.js sums).
import Decimal from 'decimal.js'
import type { FieldDef, FieldValue, GroupedOrderInput, PreparedRecord, Target } from '../targets/types'
import { makeIssue, short } from './messages'
import { fieldText, type RowPlan, type RowState } from './row'
import type { Issue } from './types'
import { schemaIssue } from './schema-check'
import { SHOPLINE_FIELDS } from '../targets/shopline-fields'

export interface GroupContext {
  target: Target
  plan: RowPlan
  columnOf(field: string): string | null
  deliveryOptionId: string
  paymentMethodId: string
  /** Settings-level errors exist (missing ids, unmapped required): no record can be valid. */
  globallyBlocked: boolean
}

const LINE_TOTAL = SHOPLINE_FIELDS.find((f) => f.key === 'items.total') as FieldDef
const orderFieldCache = new WeakMap<RowPlan, FieldDef[]>()

/** The mapped order-level fields (unmapped required ones are reported once for the sheet). */
function orderFieldsOf(ctx: GroupContext): FieldDef[] {
  let list = orderFieldCache.get(ctx.plan)
  if (!list) {
    list = ctx.plan.sources.map((s) => s.field).filter((f) => !f.perLine && f.key !== ctx.target.groupBy)
    orderFieldCache.set(ctx.plan, list)
  }
  return list
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Decimal.isDecimal(a) && Decimal.isDecimal(b)) return (a as Decimal).equals(b as Decimal)
  return String(a) === String(b)
}

function fmt(v: FieldValue | undefined): string {
  return v === undefined ? '' : Decimal.isDecimal(v) ? (v as Decimal).toFixed(2) : short(String(v))
}

/** Build one order from its rows (in sheet order). Returns the record and the order-level issues (row-indexed). */
export function buildShoplineGroup(ctx: GroupContext, orderNo: string, rows: RowState[]): { record: PreparedRecord; issues: Issue[] } {
  const issues: Issue[] = []
  const first = rows[0]
  const order: Record<string, FieldValue> = {}
  for (const f of orderFieldsOf(ctx)) {
    let from: RowState | undefined
    for (const r of rows) {
      const v = r.values[f.key]
      if (v === undefined) continue
      if (!from) {
        order[f.key] = v
        from = r
      } else if (!sameValue(order[f.key], v)) {
        issues.push(makeIssue(r.rowNumber, f, ctx.columnOf(f.key), 'error', 'group_conflict', {
          en: `order ${orderNo} has "${fmt(order[f.key])}" in row ${from.rowNumber} but "${fmt(v)}" here. One order takes one value: make them equal or leave this cell empty.`,
          'zh-TW': `訂單 ${orderNo} 在第 ${from.rowNumber} 列是「${fmt(order[f.key])}」,這裡卻是「${fmt(v)}」。一張訂單只能有一個值:請改成相同或留空。`
        }, fieldText(ctx.plan, r, f.key)))
      }
    }
    if (f.required && !from) {
      issues.push(makeIssue(first.rowNumber, f, ctx.columnOf(f.key), 'error', 'required_missing', {
        en: `order ${orderNo} has no ${f.label.en} in any of its rows (${rows.map((r) => r.rowNumber).join(', ')}). Fill it in on its first row.`,
        'zh-TW': `訂單 ${orderNo} 的所有列(第 ${rows.map((r) => r.rowNumber).join('、')} 列)都沒有「${f.label['zh-TW']}」。請在第一列填入。`
      }))
    }
  }
  const lines: GroupedOrderInput['lines'] = []
  let subtotal = new Decimal(0)
  const lineTotalField = LINE_TOTAL
  for (const r of rows) {
    const name = r.values['items.name']
    const price = r.values['items.item_price']
    if (typeof name !== 'string' || !Decimal.isDecimal(price)) continue // row-level issues already say what is missing
    const quantity = typeof r.values['items.quantity'] === 'number' ? (r.values['items.quantity'] as number) : 1
    const total = (price as Decimal).times(quantity)
    const given = r.values['items.total']
    if (Decimal.isDecimal(given) && !(given as Decimal).equals(total)) {
      issues.push(makeIssue(r.rowNumber, lineTotalField, ctx.columnOf('items.total'), 'error', 'line_total_mismatch', {
        en: `the line total is ${fmt(given)} but unit price ${fmt(price)} × quantity ${quantity} = ${total.toFixed(2)}. Correct the price, the quantity or the line total.`,
        'zh-TW': `明細小計是 ${fmt(given)},但單價 ${fmt(price)} × 數量 ${quantity} = ${total.toFixed(2)}。請修正單價、數量或小計。`
      }, fieldText(ctx.plan, r, 'items.total')))
    }
    lines.push({ name, price: price as Decimal, quantity, total })
    subtotal = subtotal.plus(total)
  }
  const expected = order.order_total
  if (Decimal.isDecimal(expected) && lines.length === rows.length && !(expected as Decimal).equals(subtotal)) {
    const src = rows.find((r) => r.values.order_total !== undefined) ?? first
    const f = ctx.target.fields.find((x) => x.key === 'order_total') as FieldDef
    issues.push(makeIssue(src.rowNumber, f, ctx.columnOf('order_total'), 'error', 'order_total_mismatch', {
      en: `order ${orderNo} totals ${fmt(expected)} but its lines add up to ${subtotal.toFixed(2)}. SHOPLINE cannot import shipping, fees or discounts: fix the lines or the total.`,
      'zh-TW': `訂單 ${orderNo} 的總額是 ${fmt(expected)},但明細加總為 ${subtotal.toFixed(2)}。SHOPLINE 無法匯入運費、手續費或折扣:請修正明細或總額。`
    }, fieldText(ctx.plan, src, 'order_total')))
  }
  const payload = ctx.target.buildGroupPayload!({
    orderNo, order, lines, subtotal, total: subtotal, deliveryOptionId: ctx.deliveryOptionId, paymentMethodId: ctx.paymentMethodId
  })
  const rowErrors = rows.some((r) => r.blocked || r.issues.some((i) => i.severity === 'error'))
  let valid = !ctx.globallyBlocked && !rowErrors && !issues.some((i) => i.severity === 'error') && lines.length > 0
  if (valid) {
    const bad = schemaIssue(ctx.target, payload, first.rowNumber)
    if (bad) {
      issues.push(bad)
      valid = false
    }
  }
  return { record: { row: first.rowNumber, rows: rows.map((r) => r.rowNumber), valid, payload, key: orderNo }, issues }
}

