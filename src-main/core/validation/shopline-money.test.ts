// SHOPLINE money beyond items: shipping (line or remarks), several discounts as CustomDiscount lines, and the check of
// items + shipping − discounts against a mapped order total, on a fixture table built here.
import { describe, expect, it } from 'vitest'
import { TARGETS } from '../targets/index'
import { shoplineMoney } from '../targets/shopline-money'
import Decimal from 'decimal.js'
import { createPreparation } from './prepare'
import { tableOf } from './test-table'
import type { Mapping } from '../mapping/types'
import type { ShippingChoice } from '../targets/types'

const IDS = { deliveryOptionId: 'd1', paymentMethodId: 'p1' }
const HEADERS = ['訂單編號', 'Email', '商品名稱', '單價', '數量', '運費', '優惠折抵', '蝦幣折抵', '訂單總額']
const MAPPING: Mapping = {
  order_no: { column: '訂單編號' },
  customer_email: { column: 'Email' },
  'items.name': { column: '商品名稱' },
  'items.item_price': { column: '單價' },
  'items.quantity': { column: '數量' },
  shipping_fee: { column: '運費' },
  discount: { column: '優惠折抵' },
  discount_points: { column: '蝦幣折抵' },
  order_total: { column: '訂單總額' }
}
const ROWS = [
  ['S-1', 'a@example.com', '茶葉', 600, 2, 60, 100, '', 1160], // 1,200 + 60 − 100 = 1,160
  ['S-2', 'b@example.com', '杯子', 0.1, 3, 0.2, '', 0.05, 0.45], // decimal: 0.3 + 0.2 − 0.05 = 0.45 exactly
  ['S-3', 'c@example.com', '壺', 1200, 1, '', '', '', 1500], // 1,500 total, items 1,200: must not pass silently
  ['S-4', 'd@example.com', '盤', 500, 1, 80, 30, 20, 530], // two discounts
  ['S-4', '', '碗', 0, 1, '', '', '', ''],
  ['S-5', 'e@example.com', '禮盒', 100, 1, 60, 150, '', 10] // discounts exceed items: fine as a line, not in remarks
]

function prepare(shipping?: ShippingChoice) {
  return createPreparation(tableOf(HEADERS, ROWS), {
    target: 'shopline.orders',
    mapping: MAPPING,
    timezone: 'Asia/Taipei',
    shopline: IDS,
    ...(shipping ? { shipping } : {})
  })
}
const orderOf = (p: ReturnType<typeof prepare>, key: string) =>
  p.records.find((r) => r.key === key)!.payload.order as Record<string, unknown>

describe('SHOPLINE shipping and discounts', () => {
  it('shipping as a 運費 line and a discount as a CustomDiscount line; subtotal and total as the documented body wants', () => {
    const p = prepare()
    const r = p.records.find((x) => x.key === 'S-1')!
    expect(r.valid).toBe(true)
    const order = orderOf(p, 'S-1')
    expect(order.items).toEqual([
      {
        item_type: 'CustomProduct',
        item_price: 600,
        quantity: 2,
        total: 1200,
        item_data: { name: '茶葉', price: '600' }
      },
      { item_type: 'CustomProduct', item_price: 60, quantity: 1, total: 60, item_data: { name: '運費', price: '60' } },
      { item_type: 'CustomDiscount', item_price: 100, total: 100, item_data: { name: '優惠折抵' } }
    ])
    expect(order.subtotal).toBe(1260)
    expect(order.total).toBe(1160)
    expect(order.order_remarks).not.toContain('Shipping')
    expect(TARGETS['shopline.orders'].payloadSchema.safeParse(r.payload).success).toBe(true)
  })

  it('shipping in the remarks: no shipping line, subtotal = items, total = items − discounts, the fee written in order_remarks', () => {
    const p = prepare({ mode: 'in-remarks' })
    const order = orderOf(p, 'S-1')
    expect((order.items as { item_type: string }[]).map((i) => i.item_type)).toEqual([
      'CustomProduct',
      'CustomDiscount'
    ])
    expect(order.subtotal).toBe(1200)
    expect(order.total).toBe(1100)
    expect(order.order_remarks).toBe('Original order no. 原訂單編號: S-1 | 運費 Shipping: 60')
    expect(p.records.find((x) => x.key === 'S-1')!.valid).toBe(true)
  })

  it('the user names the shipping line', () => {
    const items = orderOf(prepare({ mode: 'as-line', lineName: '宅配運費' }), 'S-1').items as {
      item_data: { name: string }
    }[]
    expect(items[1].item_data.name).toBe('宅配運費')
  })

  it('decimal sums are exact (0.1 × 3 + 0.2 − 0.05 = 0.45)', () => {
    const p = prepare()
    expect(p.records.find((x) => x.key === 'S-2')!.valid).toBe(true)
    const order = orderOf(p, 'S-2')
    expect(order.subtotal).toBe(0.5)
    expect(order.total).toBe(0.45)
  })

  it('several discounts become several lines, in column order', () => {
    const p = prepare()
    const r = p.records.find((x) => x.key === 'S-4')!
    expect(r.valid).toBe(true)
    const order = orderOf(p, 'S-4')
    expect((order.items as Record<string, unknown>[]).filter((i) => i.item_type === 'CustomDiscount')).toEqual([
      { item_type: 'CustomDiscount', item_price: 30, total: 30, item_data: { name: '優惠折抵' } },
      { item_type: 'CustomDiscount', item_price: 20, total: 20, item_data: { name: '蝦幣折抵' } }
    ])
    expect(order.subtotal).toBe(580)
    expect(order.total).toBe(530)
  })

  it('a mapped total that does not add up is an error naming the order, its rows, the sum and the difference', () => {
    const p = prepare()
    expect(p.records.find((x) => x.key === 'S-3')!.valid).toBe(false)
    const issue = p.issuesForRow(4).find((i) => i.code === 'order_total_mismatch')!
    expect(issue.column).toBe('訂單總額')
    expect(issue.messageZh).toContain('訂單 S-3 的商品合計 1,200，但訂單總額欄是 1,500，差 300（第 4 列）')
    expect(issue.message).toContain(
      'order S-3: the items add up to 1,200, but the order total column says 1,500, a difference of 300 (rows 4)'
    )
  })

  it('the message shows shipping and discounts in the sum', () => {
    const rows = [
      ['S-1', 'a@example.com', '茶葉', 600, 2, 60, 100, '', 1500],
      ['S-1', '', '杯', 0, 1, '', '', '', '']
    ]
    const p = createPreparation(tableOf(HEADERS, rows), {
      target: 'shopline.orders',
      mapping: MAPPING,
      timezone: 'Asia/Taipei',
      shopline: IDS
    })
    const issue = p.issuesForRow(2).find((i) => i.code === 'order_total_mismatch')!
    expect(issue.messageZh).toContain(
      '訂單 S-1 的商品 1,200 + 運費 60 − 折扣 100 = 1,160，但訂單總額欄是 1,500，差 340（第 2、3 列）'
    )
  })

  it('discounts beyond the subtotal: fine when shipping is a line, an error when shipping stays in the remarks', () => {
    expect(prepare().records.find((x) => x.key === 'S-5')!.valid).toBe(true)
    const p = prepare({ mode: 'in-remarks' })
    expect(p.records.find((x) => x.key === 'S-5')!.valid).toBe(false)
    const issue = p.issuesForRow(7).find((i) => i.code === 'order_total_negative')!
    expect(issue.message).toContain('choose shipping as a line')
  })

  it('shoplineMoney leaves out zero shipping and zero discounts', () => {
    const m = shoplineMoney({
      lines: [{ name: 'x', price: new Decimal(5), quantity: 2, total: new Decimal(10) }],
      shipping: new Decimal(0),
      discounts: [{ name: 'd', amount: new Decimal(0) }]
    })
    expect(m.items).toHaveLength(1)
    expect(m.total.toNumber()).toBe(10)
  })
})
