// SHOPLINE grouping: line-item rows sharing an order number become one Create Order body (real Shopify export, read in place).
import { describe, expect, it } from 'vitest'
import { autoMap } from '../mapping/automap'
import { TARGETS } from '../targets/index'
import { createPreparation } from './prepare'
import { readSample, tableOf } from './test-table'
import { hasPublicSamples } from '../../../test/public-samples'
import type { Mapping } from '../mapping/types'

const IDS = { deliveryOptionId: '60d5527bfbb7a2001db51c58', paymentMethodId: '607a596907e0710023fab3ef' }

describe.skipIf(!hasPublicSamples)('the real Shopify export', () => {
  if (!hasPublicSamples) return // vitest still runs a skipped suite's body to collect it
  const table = readSample('shopify-orders-export.csv')
  const { mapping } = autoMap(TARGETS['shopline.orders'], table.headers)
  const p = createPreparation(table, { target: 'shopline.orders', mapping, timezone: 'Asia/Taipei', shopline: IDS })

  it('40 line rows become 19 orders; each record lists all its source rows', () => {
    expect(p.records).toHaveLength(19)
    expect(p.summary()).toEqual({ rows: 40, valid: 9, invalid: 10, warnings: 1 })
    expect(p.records[0].rows).toEqual([2, 3, 4, 5])
    expect(p.records.map((r) => r.key)).toEqual(Array.from({ length: 19 }, (_, i) => `#${1001 + i}`))
  })

  it('order #1008: four CustomProduct lines, decimal sums, order-level fields from the first row, date in the remarks', () => {
    const r = p.records.find((x) => x.key === '#1008')!
    expect(r.valid).toBe(true)
    expect(r.rows).toEqual([17, 18, 19, 20])
    const order = r.payload.order as Record<string, unknown>
    expect(order.items).toEqual(
      [10.26, 25.65, 51.3, 102.59].map((price) => ({
        item_type: 'CustomProduct',
        item_price: price,
        quantity: 1,
        total: price,
        item_data: { name: expect.stringContaining('Gift Card'), price: String(price) }
      }))
    )
    expect(order.subtotal).toBe(189.8)
    expect(order.total).toBe(189.8)
    expect(order.customer_email).toBe('russel.winfield@example.com')
    expect(order.delivery_option_id).toBe(IDS.deliveryOptionId)
    expect(order.payment_method_id).toBe(IDS.paymentMethodId)
    expect((order.delivery_address as Record<string, string>).recipient_name).toBe('Russell Winfield')
    expect(order.order_remarks).toMatch(
      /^Original order no\. 原訂單編號: #1008 \| Original order date 原訂單日期: 2025-05-\d\dT\d\d:\d\d:\d\dZ$/
    )
    expect(r.payload).toMatchObject({
      is_registering_as_member: false,
      is_inventory_fulfillment: false,
      mail_notify: false
    })
    expect(TARGETS['shopline.orders'].payloadSchema.safeParse(r.payload).success).toBe(true)
  })

  it('orders without any e-mail are one error on their first row; the original-date warning is said once', () => {
    const r = p.records.find((x) => x.key === '#1001')!
    expect(r.valid).toBe(false)
    const errs = p.issuesForRow(2).filter((i) => i.severity === 'error')
    expect(errs.map((i) => [i.code, i.field, i.column])).toEqual([['required_missing', 'customer_email', 'Email']])
    expect(errs[0].message).toContain('rows (2, 3, 4, 5)')
    expect(p.issuesForRow(3)).toEqual([])
    expect(p.issues.filter((i) => i.code === 'shopline_order_date_not_kept')).toHaveLength(1)
  })
})

describe('grouping rules', () => {
  const headers = ['訂單編號', 'Email', '商品名稱', '單價', '數量', '小計', '訂單總額', '收件人', '縣市']
  const mapping: Mapping = {
    order_no: { column: '訂單編號' },
    customer_email: { column: 'Email' },
    'items.name': { column: '商品名稱' },
    'items.item_price': { column: '單價' },
    'items.quantity': { column: '數量' },
    'items.total': { column: '小計' },
    order_total: { column: '訂單總額' },
    'delivery_address.recipient_name': { column: '收件人' },
    'delivery_address.city': { column: '縣市' }
  }
  const rows = [
    ['S-1', 'a@example.com', '舊商品 A', 'NT$600', '2', '1,200', 'NT$1,500', '王小明', '台北市'],
    ['S-2', 'b@example.com', '舊商品 C', '100', '1', '', '100', '陳美麗', ''],
    ['S-1', '', '舊商品 B', '300', '1', '', '', '', '']
  ]
  const prep = (r = rows, shopline: Partial<typeof IDS> = IDS) =>
    createPreparation(tableOf(headers, r), { target: 'shopline.orders', mapping, timezone: 'Asia/Taipei', shopline })

  it('rows anywhere in the sheet sharing a number form one order, in first-row order', () => {
    const p = prep()
    expect(p.records.map((r) => [r.key, r.rows, r.valid])).toEqual([
      ['S-1', [2, 4], true],
      ['S-2', [3], true]
    ])
    const order = p.records[0].payload.order as Record<string, unknown>
    expect(order).toMatchObject({
      subtotal: 1500,
      total: 1500,
      customer_email: 'a@example.com',
      delivery_address: { recipient_name: '王小明', city: '台北市' }
    })
    expect((order.items as unknown[])[0]).toEqual({
      item_type: 'CustomProduct',
      item_price: 600,
      quantity: 2,
      total: 1200,
      item_data: { name: '舊商品 A', price: '600' }
    })
  })

  it('a disagreement with the order-total column, a wrong line total and conflicting order values are errors', () => {
    const bad = [
      ['S-1', 'a@example.com', '舊商品 A', '600', '2', '1,000', 'NT$1,500', '王小明', '台北市'],
      ['S-2', 'b@example.com', '舊商品 C', '100', '1', '', '90', '', ''],
      ['S-1', 'x@example.com', '舊商品 B', '300', '1', '', '', '', '']
    ]
    const p = prep(bad)
    expect(p.issuesForRow(2).map((i) => i.code)).toEqual(['shopline_order_date_not_kept', 'line_total_mismatch'])
    expect(p.issuesForRow(3).map((i) => [i.code, i.column, i.value])).toEqual([
      ['order_total_mismatch', '訂單總額', '90']
    ])
    expect(p.issuesForRow(3)[0].message).toContain('add up to 100, but the order total column says 90')
    expect(p.issuesForRow(4).map((i) => [i.code, i.value])).toEqual([['group_conflict', 'x@example.com']])
    expect(p.issuesForRow(4)[0].message).toContain('row 2')
    expect(p.summary()).toEqual({ rows: 3, valid: 0, invalid: 2, warnings: 1 })
  })

  it('excluding a line row takes it out of its order and out of the sums', () => {
    const p = createPreparation(tableOf(headers, rows), {
      target: 'shopline.orders',
      mapping,
      timezone: 'Asia/Taipei',
      shopline: IDS,
      excludedRows: [4]
    })
    expect(p.records[0]).toMatchObject({ key: 'S-1', rows: [2], valid: false })
    expect(p.issuesForRow(2).map((i) => i.code)).toEqual(['shopline_order_date_not_kept', 'order_total_mismatch']) // 1,500 vs 1,200
    p.setExcluded(4, false)
    expect(p.records[0]).toMatchObject({ key: 'S-1', rows: [2, 4], valid: true })
  })

  it('missing delivery option / payment method ids: one clear error, no valid order', () => {
    const p = prep(rows, {})
    const errs = p.issues.filter((i) => i.severity === 'error')
    expect(errs.map((i) => [i.row, i.code, i.field])).toEqual([
      [2, 'shopline_ids_missing', 'delivery_option_id,payment_method_id']
    ])
    expect(p.summary().valid).toBe(0)
  })
})
