// Order-level money beyond the lines (OrderLinesRule.adjustments, SHOPLINE): shipping and discount columns, and the check
// of items + shipping − discounts against a mapped order total, with a message that shows the whole sum.
import Decimal from 'decimal.js'
import type { FieldValue, Localized, OrderLinesRule } from '../targets/types'

export interface OrderAdjustments {
  shipping?: Decimal
  discounts: { name: string; amount: Decimal }[]
}

/** Shipping and discounts of one order (row checks keep amounts ≥ 0). A discount line is named after its column. */
export function readAdjustments(
  rule: OrderLinesRule,
  order: Record<string, FieldValue>,
  nameOf: (field: string) => string
): OrderAdjustments | undefined {
  const adj = rule.adjustments
  if (!adj) return undefined
  const shipping = order[adj.shippingField]
  const discounts: OrderAdjustments['discounts'] = []
  for (const key of adj.discountFields) {
    const v = order[key]
    if (Decimal.isDecimal(v) && !(v as Decimal).isZero()) discounts.push({ name: nameOf(key), amount: v as Decimal })
  }
  return {
    ...(Decimal.isDecimal(shipping) && !(shipping as Decimal).isZero() ? { shipping: shipping as Decimal } : {}),
    discounts
  }
}

/** items + shipping − discounts. */
export function expectedTotal(items: Decimal, adj: OrderAdjustments): Decimal {
  return adj.discounts.reduce((sum, d) => sum.minus(d.amount), items.plus(adj.shipping ?? 0))
}

/** 1200 → "1,200"; 1200.5 → "1,200.5" (what a shop owner reads on a receipt). */
export function moneyText(d: Decimal): string {
  const [int, frac] = d.abs().toFixed().split('.')
  return (d.isNegative() ? '−' : '') + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? '.' + frac : '')
}

/** 「訂單 S-1 的商品 1,200 + 運費 60 − 折扣 100 = 1,160，但訂單總額欄是 1,500，差 340」 and its English twin. */
export function totalMismatchMessage(
  orderNo: string,
  rows: number[],
  items: Decimal,
  adj: OrderAdjustments,
  given: Decimal
): Localized {
  const expected = expectedTotal(items, adj)
  const discount = adj.discounts.reduce((sum, d) => sum.plus(d.amount), new Decimal(0))
  const zhSum = ['商品 ' + moneyText(items)]
  const enSum = ['items ' + moneyText(items)]
  if (adj.shipping) {
    zhSum.push('+ 運費 ' + moneyText(adj.shipping))
    enSum.push('+ shipping ' + moneyText(adj.shipping))
  }
  if (!discount.isZero()) {
    zhSum.push('− 折扣 ' + moneyText(discount))
    enSum.push('− discounts ' + moneyText(discount))
  }
  const diff = moneyText(given.minus(expected).abs())
  const only = zhSum.length === 1 // no shipping, no discount: "items add up to 1,200"
  const zh = only ? `商品合計 ${moneyText(items)}` : `${zhSum.join(' ')} = ${moneyText(expected)}`
  const en = only ? `the items add up to ${moneyText(items)}` : `${enSum.join(' ')} = ${moneyText(expected)}`
  return {
    'zh-TW': `訂單 ${orderNo} 的${zh}，但訂單總額欄是 ${moneyText(given)}，差 ${diff}（第 ${rows.join('、')} 列）。請確認運費與折扣欄都已對應，或修正金額。`,
    en: `order ${orderNo}: ${en}, but the order total column says ${moneyText(given)}, a difference of ${diff} (rows ${rows.join(', ')}). Check that the shipping and discount columns are mapped, or correct the amounts.`
  }
}

/** Discounts larger than what they are taken from: SHOPLINE's total cannot go below 0. */
export function negativeTotalMessage(
  orderNo: string,
  rows: number[],
  subtotal: Decimal,
  total: Decimal,
  inRemarks: boolean
): Localized {
  const why = inRemarks
    ? {
        zh: '運費寫在備註時不計入小計；可改成「運費成為明細」。',
        en: 'Shipping kept in the remarks is not part of the subtotal; choose shipping as a line instead.'
      }
    : { zh: '請修正折扣金額。', en: 'Correct the discount amounts.' }
  return {
    'zh-TW': `訂單 ${orderNo}（第 ${rows.join('、')} 列）的折扣超過小計 ${moneyText(subtotal)}，總額會是 ${moneyText(total)}。${why.zh}`,
    en: `order ${orderNo} (rows ${rows.join(', ')}): the discounts exceed the subtotal ${moneyText(subtotal)}, so the total would be ${moneyText(total)}. ${why.en}`
  }
}
