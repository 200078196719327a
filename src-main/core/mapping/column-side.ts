// Which side of an order a column describes: the buyer/order itself, the gift recipient, or one line item.
// Where two columns could fill a buyer-side, order-level field, the buyer/order column wins (帳獸 customers are buyers).
import type { FieldDef, Localized } from '../targets/types'

export type ColumnSide = 'recipient' | 'line'

// "Shipping" alone is the fee; Shipping Name / Phone / Address … describe the recipient
const RECIPIENT =
  /收件|收貨|受贈|受禮|禮物|送禮|取件人|recipient|shipping[ _-]?(?:name|phone|address|addr|street|city|zip|postcode|province|country|company|first|last)|ship to|gift/i
const LINE =
  /小計|明細|lineitem|line item|line_item|line total|單品|商品價|商品單價|商品總價|商品金額|subtotal|item price|item total/i

/** 'recipient' for 收件人 / Shipping … columns, 'line' for 商品小計 / Lineitem … columns, null for buyer/order columns. */
export function columnSide(header: string): ColumnSide | null {
  const h = header.normalize('NFKC')
  if (RECIPIENT.test(h)) return 'recipient'
  if (LINE.test(h)) return 'line'
  return null
}

/** Fields about the buyer or the whole order (not the delivery address, not one line item). */
export function wantsBuyerSide(field: FieldDef): boolean {
  return !field.perLine && !field.key.startsWith('delivery_address.') && !field.key.startsWith('items.')
}

/** The reason shown next to a field whose buyer/order column beat a recipient or line column. */
export function preferredNote(chosen: string, other: string, side: ColumnSide): Localized {
  return side === 'recipient'
    ? {
        'zh-TW': `選「${chosen}」（訂購人）而非「${other}」（收件人）：帳獸的客戶是付款的買家。`,
        en: `"${chosen}" (the buyer) was chosen over "${other}" (the recipient): the customer is who paid.`
      }
    : {
        'zh-TW': `選「${chosen}」（整筆訂單）而非「${other}」（單一商品明細）。`,
        en: `"${chosen}" (the whole order) was chosen over "${other}" (one line item).`
      }
}
