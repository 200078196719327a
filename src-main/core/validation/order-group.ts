// Grouped destinations (帳獸 orders, SHOPLINE): rows sharing an order number → one order, its total in decimal.js.
// What differs per destination is data on the target: groupBy, orderLines (see OrderLinesRule) and buildGroupPayload.
import Decimal from 'decimal.js'
import type {
  FieldDef,
  FieldValue,
  GroupedOrderInput,
  OrderLinesRule,
  PreparedRecord,
  ShippingChoice,
  Target
} from '../targets/types'
import { makeIssue, short } from './messages'
import { fieldText, type RowPlan, type RowState } from './row'
import type { Issue } from './types'
import { schemaIssue } from './schema-check'
import { orderStampWarnings } from './rules'
import {
  type OrderAdjustments,
  expectedTotal,
  negativeTotalMessage,
  readAdjustments,
  totalMismatchMessage
} from './order-adjustments'

export interface GroupContext {
  target: Target
  plan: RowPlan
  columnOf(field: string): string | null
  deliveryOptionId: string
  paymentMethodId: string
  /** Settings-level errors exist (missing ids, unmapped required): no record can be valid. */
  globallyBlocked: boolean
  /** SHOPLINE: shipping as a line or in the remarks (prepare setting). */
  shipping?: ShippingChoice
}

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

function fieldOf(ctx: GroupContext, key: string): FieldDef {
  return ctx.target.fields.find((f) => f.key === key) as FieldDef
}

/** Order-level values: the first non-empty one per field; a different value on another row is an error naming both rows. */
function orderValues(
  ctx: GroupContext,
  orderNo: string,
  rows: RowState[],
  issues: Issue[]
): Record<string, FieldValue> {
  const order: Record<string, FieldValue> = {}
  const rowList = rows.map((r) => r.rowNumber)
  for (const f of orderFieldsOf(ctx)) {
    let from: RowState | undefined
    for (const r of rows) {
      const v = r.values[f.key]
      if (v === undefined) continue
      if (!from) {
        order[f.key] = v
        from = r
      } else if (!sameValue(order[f.key], v)) {
        issues.push(
          makeIssue(
            r.rowNumber,
            f,
            ctx.columnOf(f.key),
            'error',
            'group_conflict',
            {
              en: `order ${orderNo} (rows ${rowList.join(', ')}) has "${fmt(order[f.key])}" in row ${from.rowNumber} but "${fmt(v)}" in row ${r.rowNumber}. One order takes one value: make them equal or leave this cell empty.`,
              'zh-TW': `訂單 ${orderNo}（第 ${rowList.join('、')} 列）在第 ${from.rowNumber} 列是「${fmt(order[f.key])}」，第 ${r.rowNumber} 列卻是「${fmt(v)}」。一張訂單只能有一個值：請改成相同或留空。`
            },
            fieldText(ctx.plan, r, f.key) || fmt(v)
          )
        )
      }
    }
    if (f.required && !from && !rows.some((r) => r.issues.some((i) => i.field === f.key))) {
      // a bad cell already says so
      issues.push(
        makeIssue(rows[0].rowNumber, f, ctx.columnOf(f.key), 'error', 'required_missing', {
          en: `order ${orderNo} has no ${f.label.en} in any of its rows (${rowList.join(', ')}). Fill it in on its first row.`,
          'zh-TW': `訂單 ${orderNo} 的所有列（第 ${rowList.join('、')} 列）都沒有「${f.label['zh-TW']}」。請在第一列填入。`
        })
      )
    }
  }
  return order
}

/** One line per row with a unit price; a mapped line total must equal price × quantity. */
function orderLines(
  ctx: GroupContext,
  rule: OrderLinesRule,
  rows: RowState[],
  issues: Issue[]
): GroupedOrderInput['lines'] {
  const lines: GroupedOrderInput['lines'] = []
  for (const r of rows) {
    const name = rule.nameField ? r.values[rule.nameField] : ''
    const price = r.values[rule.priceField]
    if (typeof name !== 'string' || !Decimal.isDecimal(price)) continue // row-level issues already say what is missing
    const q = r.values[rule.quantityField]
    const quantity = typeof q === 'number' ? q : 1
    const total = (price as Decimal).times(quantity)
    const given = rule.lineTotalField ? r.values[rule.lineTotalField] : undefined
    if (rule.lineTotalField && Decimal.isDecimal(given) && !(given as Decimal).equals(total)) {
      issues.push(
        makeIssue(
          r.rowNumber,
          fieldOf(ctx, rule.lineTotalField),
          ctx.columnOf(rule.lineTotalField),
          'error',
          'line_total_mismatch',
          {
            en: `the line total is ${fmt(given)} but unit price ${fmt(price)} × quantity ${quantity} = ${total.toFixed(2)}. Correct the price, the quantity or the line total.`,
            'zh-TW': `明細小計是 ${fmt(given)}，但單價 ${fmt(price)} × 數量 ${quantity} = ${total.toFixed(2)}。請修正單價、數量或小計。`
          },
          fieldText(ctx.plan, r, rule.lineTotalField)
        )
      )
    }
    lines.push({ name, price: price as Decimal, quantity, total })
  }
  return lines
}

/** The order total: the mapped one (checked against the lines where the destination needs that), else the lines' sum. */
function orderTotal(
  ctx: GroupContext,
  rule: OrderLinesRule,
  orderNo: string,
  rows: RowState[],
  order: Record<string, FieldValue>,
  lines: GroupedOrderInput['lines'],
  subtotal: Decimal,
  issues: Issue[],
  adj?: OrderAdjustments
): Decimal | null {
  const mapped = ctx.plan.sources.some((s) => s.field.key === rule.totalField)
  const given = order[rule.totalField]
  const f = fieldOf(ctx, rule.totalField)
  if (mapped && !Decimal.isDecimal(given) && !rule.totalMustMatchLines) return null // required_missing / row issues say why
  if (mapped && Decimal.isDecimal(given)) {
    const expected = adj ? expectedTotal(subtotal, adj) : subtotal
    if (rule.totalMustMatchLines && lines.length === rows.length && adj && !(given as Decimal).equals(expected)) {
      const src = rows.find((r) => r.values[rule.totalField] !== undefined) ?? rows[0]
      issues.push(
        makeIssue(
          src.rowNumber,
          f,
          ctx.columnOf(rule.totalField),
          'error',
          'order_total_mismatch',
          totalMismatchMessage(
            orderNo,
            rows.map((r) => r.rowNumber),
            subtotal,
            adj,
            given as Decimal
          ),
          fieldText(ctx.plan, src, rule.totalField)
        )
      )
    } else if (
      rule.totalMustMatchLines &&
      lines.length === rows.length &&
      !adj &&
      !(given as Decimal).equals(subtotal)
    ) {
      const src = rows.find((r) => r.values[rule.totalField] !== undefined) ?? rows[0]
      issues.push(
        makeIssue(
          src.rowNumber,
          f,
          ctx.columnOf(rule.totalField),
          'error',
          'order_total_mismatch',
          {
            en: `order ${orderNo} totals ${fmt(given)} but its lines add up to ${subtotal.toFixed(2)}. SHOPLINE cannot import shipping, fees or discounts: fix the lines or the total.`,
            'zh-TW': `訂單 ${orderNo} 的總額是 ${fmt(given)}，但明細加總為 ${subtotal.toFixed(2)}。SHOPLINE 無法匯入運費、手續費或折扣：請修正明細或總額。`
          },
          fieldText(ctx.plan, src, rule.totalField)
        )
      )
    }
    return rule.totalMustMatchLines ? expected : (given as Decimal)
  }
  if (!ctx.plan.sources.some((s) => s.field.key === rule.priceField)) return null // the mapping problem is reported once
  const missing = rows.filter((r) => !Decimal.isDecimal(r.values[rule.priceField])).map((r) => r.rowNumber)
  if (missing.length > 0 && !rule.nameField) {
    const price = fieldOf(ctx, rule.priceField)
    issues.push(
      makeIssue(missing[0], price, ctx.columnOf(rule.priceField), 'error', 'line_price_missing', {
        en: `order ${orderNo} takes its ${f.label.en} from its lines, but row(s) ${missing.join(', ')} have no ${price.label.en}. Fill it in, or map an order total column.`,
        'zh-TW': `訂單 ${orderNo} 的「${f.label['zh-TW']}」由明細加總，但第 ${missing.join('、')} 列沒有「${price.label['zh-TW']}」。請填入，或對應訂單總額欄。`
      })
    )
    return null
  }
  return lines.length > 0 ? (adj ? expectedTotal(subtotal, adj) : subtotal) : null
}

/** What the destination's total becomes (shipping kept in the remarks is not part of it): below 0 is an error. */
function negativeTotal(
  ctx: GroupContext,
  orderNo: string,
  rows: RowState[],
  subtotal: Decimal,
  adj: OrderAdjustments,
  issues: Issue[]
): void {
  const inRemarks = ctx.shipping?.mode === 'in-remarks'
  const counted = inRemarks ? { discounts: adj.discounts } : adj
  const total = expectedTotal(subtotal, counted)
  if (!total.isNegative()) return
  const key =
    ctx.target.orderLines!.adjustments!.discountFields.find((k) => ctx.columnOf(k) !== null) ??
    ctx.target.orderLines!.totalField
  issues.push(
    makeIssue(
      rows[0].rowNumber,
      fieldOf(ctx, key),
      ctx.columnOf(key),
      'error',
      'order_total_negative',
      negativeTotalMessage(
        orderNo,
        rows.map((r) => r.rowNumber),
        subtotal.plus(inRemarks ? 0 : (adj.shipping ?? 0)),
        total,
        inRemarks
      )
    )
  )
}

/** Build one order from its rows (in sheet order). Returns the record and the order-level issues (row-indexed). */
export function buildOrderGroup(
  ctx: GroupContext,
  orderNo: string,
  rows: RowState[]
): { record: PreparedRecord; issues: Issue[] } {
  const issues: Issue[] = []
  const first = rows[0]
  const rule = ctx.target.orderLines!
  const order = orderValues(ctx, orderNo, rows, issues)
  issues.push(...orderStampWarnings(ctx.target, rows, ctx.columnOf, ctx.plan))
  const lines = orderLines(ctx, rule, rows, issues)
  const subtotal = lines.reduce((sum, l) => sum.plus(l.total), new Decimal(0))
  const adj = readAdjustments(rule, order, (k) => ctx.columnOf(k) ?? fieldOf(ctx, k).label['zh-TW'])
  const total = orderTotal(ctx, rule, orderNo, rows, order, lines, subtotal, issues, adj)
  if (adj && lines.length > 0) negativeTotal(ctx, orderNo, rows, subtotal, adj, issues)
  const metadata: Record<string, string> = {}
  for (const r of rows) for (const [k, v] of Object.entries(r.metadata ?? {})) metadata[k] ??= v
  const payload = ctx.target.buildGroupPayload!({
    orderNo,
    order,
    lines,
    subtotal,
    total: total ?? subtotal,
    ...(total === null ? { totalMissing: true } : {}),
    deliveryOptionId: ctx.deliveryOptionId,
    paymentMethodId: ctx.paymentMethodId,
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    ...(adj
      ? {
          ...(adj.shipping ? { shipping: adj.shipping } : {}),
          discounts: adj.discounts,
          ...(ctx.shipping ? { shippingChoice: ctx.shipping } : {})
        }
      : {})
  })
  const rowErrors = rows.some((r) => r.blocked || r.issues.some((i) => i.severity === 'error'))
  const needsLines = rule.nameField !== undefined
  let valid =
    !ctx.globallyBlocked &&
    !rowErrors &&
    !issues.some((i) => i.severity === 'error') &&
    total !== null &&
    (!needsLines || lines.length > 0)
  if (valid) {
    const bad = schemaIssue(ctx.target, payload, first.rowNumber)
    if (bad) {
      issues.push(bad)
      valid = false
    }
  }
  return { record: { row: first.rowNumber, rows: rows.map((r) => r.rowNumber), valid, payload, key: orderNo }, issues }
}
