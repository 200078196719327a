// SHOPLINE money beyond items (reference 003, Create Order): subtotal = the sum of Product/CustomProduct line totals;
// total = subtotal minus discounts; a discount is a CustomDiscount line with a POSITIVE item_price = total and no quantity.
// Delivery fees are not supported by the API, so shipping is either a CustomProduct line named 運費 or a note in the remarks.
import Decimal from 'decimal.js'
import type { GroupedOrderInput, ShippingChoice } from './types'

export const DEFAULT_SHIPPING_LINE_NAME = '運費'
export const DEFAULT_SHIPPING_CHOICE: ShippingChoice = { mode: 'as-line' }

export interface ShoplineMoney {
  items: Record<string, unknown>[]
  subtotal: Decimal
  total: Decimal
  /** Shipping kept out of the lines (mode in-remarks): the note order_remarks carries. */
  remarksNote?: string
}

function customProduct(name: string, price: Decimal, quantity: number, total: Decimal): Record<string, unknown> {
  return {
    item_type: 'CustomProduct',
    item_price: price.toNumber(),
    quantity,
    total: total.toNumber(),
    item_data: { name, price: price.toString() }
  }
}

/** The items array, subtotal and total of one order, exactly as the documented body wants them. */
export function shoplineMoney(
  g: Pick<GroupedOrderInput, 'lines' | 'shipping' | 'discounts' | 'shippingChoice'>
): ShoplineMoney {
  const items = g.lines.map((l) => customProduct(l.name, l.price, l.quantity, l.total))
  let subtotal = g.lines.reduce((sum, l) => sum.plus(l.total), new Decimal(0))
  const choice = g.shippingChoice ?? DEFAULT_SHIPPING_CHOICE
  const shipping = g.shipping && !g.shipping.isZero() ? g.shipping : null
  let remarksNote: string | undefined
  if (shipping && choice.mode === 'as-line') {
    items.push(customProduct(choice.lineName?.trim() || DEFAULT_SHIPPING_LINE_NAME, shipping, 1, shipping))
    subtotal = subtotal.plus(shipping)
  } else if (shipping) {
    remarksNote = `運費 Shipping: ${shipping.toString()}`
  }
  let total = subtotal
  for (const d of g.discounts ?? []) {
    if (d.amount.isZero()) continue
    items.push({
      item_type: 'CustomDiscount',
      item_price: d.amount.toNumber(),
      total: d.amount.toNumber(),
      item_data: { name: d.name }
    })
    total = total.minus(d.amount)
  }
  return { items, subtotal, total, ...(remarksNote ? { remarksNote } : {}) }
}
