// The paid/refunded-without-a-date warning of a multi-row 帳獸 order looks at the whole order, not at one row.
import { describe, expect, it } from 'vitest'
import { createPreparation } from './prepare'
import { tableOf } from './test-table'

const mapping = {
  order_no: { column: '訂單編號' },
  customer_email: { column: 'Email' },
  amount: { column: '金額' },
  status: { column: '狀態' },
  paid_at: { column: '付款時間' }
}
const headers = ['訂單編號', 'Email', '金額', '狀態', '付款時間']

describe('stamp warnings per order', () => {
  it('a date on another row of the order is enough; an order with none warns once, on the row giving the status', () => {
    const t = tableOf(headers, [
      ['A-1', 'a@example.com', '100', '已付款', ''],
      ['A-1', '', '', '已付款', '2024-11-01 10:00'], // the date sits on the second row
      ['B-1', 'b@example.com', '200', '', ''],
      ['B-1', '', '', '已付款', ''], // status only on the second row, no date anywhere
      ['B-1', '', '', '', '']
    ])
    const p = createPreparation(t, { target: 'zangsho.orders', mapping, timezone: 'Asia/Taipei' })
    expect(p.records.map((r) => [r.rows, r.valid, r.payload.paid_at ?? null])).toEqual([
      [[2, 3], true, '2024-11-01T02:00:00Z'],
      [[4, 5, 6], true, null]
    ])
    expect(p.issues.map((i) => [i.row, i.code, i.column])).toEqual([[5, 'paid_without_paid_at', '付款時間']])
    expect(p.summary().warnings).toBe(1)
  })

  it('editing the dated row away brings the warning back, on the order', () => {
    const t = tableOf(headers, [
      ['A-1', 'a@example.com', '100', '已付款', ''],
      ['A-1', '', '', '', '2024-11-01 10:00']
    ])
    const p = createPreparation(t, { target: 'zangsho.orders', mapping, timezone: 'Asia/Taipei' })
    expect(p.issues).toEqual([])
    p.setExcluded(3, true)
    expect(p.issues.map((i) => [i.row, i.code])).toEqual([[2, 'paid_without_paid_at']])
  })
})
