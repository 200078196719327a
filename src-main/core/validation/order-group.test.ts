// Item rows become orders for every order destination (帳獸 and SHOPLINE), and derived fields flow through preparation.
import { describe, expect, it } from 'vitest'
import { createPreparation } from './prepare'
import { tableOf } from './test-table'
import type { Mapping } from '../mapping/types'

const IDS = { deliveryOptionId: 'd-1', paymentMethodId: 'p-1' }
const headers = ['訂單編號', 'Email', '商品', '單價', '數量', '訂單金額', '付款方式']
const rows = [
  ['Z-1', 'a@example.com', '茶葉', '350', '2', '', '信用卡'],
  ['Z-2', 'b@example.com', '茶壺', '1,200.50', '1', '', 'ATM'],
  ['Z-1', '', '茶杯', '99.90', '3', '', ''], // scattered: Z-1 again after Z-2
  ['Z-1', 'a@example.com', '茶盤', '10', '', '', '信用卡']
]

describe('帳獸 orders: rows sharing an order number are one order', () => {
  const mapping: Mapping = {
    order_no: { column: '訂單編號' },
    customer_email: { column: 'Email' },
    'items.item_price': { column: '單價' },
    'items.quantity': { column: '數量' },
    payment_method: { column: '付款方式' }
  }
  it('amount = Σ price × quantity in decimal when no order total is mapped; the record lists all its rows', () => {
    const p = createPreparation(tableOf(headers, rows), { target: 'zangsho.orders', mapping, timezone: 'Asia/Taipei' })
    expect(p.issues).toEqual([])
    expect(p.records.map((r) => [r.rows, r.valid, r.payload])).toEqual([
      [
        [2, 4, 5],
        true,
        { order_no: 'Z-1', amount: '1009.70', customer_email: 'a@example.com', payment_method: 'credit_card' }
      ], // 700 + 299.70 + 10
      [[3], true, { order_no: 'Z-2', amount: '1200.50', customer_email: 'b@example.com', payment_method: 'atm' }]
    ])
    expect(p.summary()).toEqual({ rows: 4, valid: 2, invalid: 0, warnings: 0 })
  })

  it('a mapped order total wins over the lines (帳獸 amount may include shipping); it must agree within the order', () => {
    const withTotal = rows.map((r) => [...r])
    withTotal[0][5] = '1,069.70'
    withTotal[2][5] = '1069.7'
    withTotal[3][5] = '1,100'
    const p = createPreparation(tableOf(headers, withTotal), {
      target: 'zangsho.orders',
      mapping: { ...mapping, amount: { column: '訂單金額' } },
      timezone: 'Asia/Taipei'
    })
    const conflict = p.issuesForRow(5)
    expect(conflict.map((i) => [i.code, i.field, i.column, i.value])).toEqual([
      ['group_conflict', 'amount', '訂單金額', '1,100']
    ])
    expect(conflict[0].message).toBe(
      'Row 5, column "訂單金額" (Amount): order Z-1 (rows 2, 4, 5) has "1069.70" in row 2 but "1100.00" in row 5. One order takes one value: make them equal or leave this cell empty.'
    )
    expect(p.records[0]).toMatchObject({ rows: [2, 4, 5], valid: false })
    expect(p.records[1]).toMatchObject({ rows: [3], valid: false }) // Z-2 has no amount at all
    expect(p.issuesForRow(3).map((i) => i.code)).toEqual(['required_missing'])
    withTotal[3][5] = ''
    const fixed = createPreparation(tableOf(headers, withTotal), {
      target: 'zangsho.orders',
      mapping: { ...mapping, amount: { column: '訂單金額' } },
      timezone: 'Asia/Taipei'
    })
    expect(fixed.records[0]).toMatchObject({ valid: true, payload: { amount: '1069.70' } })
  })

  it('a line without a unit price when the amount comes from the lines is an error naming the rows', () => {
    const t = rows.map((r) => [...r])
    t[2][3] = ''
    const p = createPreparation(tableOf(headers, t), { target: 'zangsho.orders', mapping, timezone: 'Asia/Taipei' })
    const issue = p.issuesForRow(4)
    expect(issue.map((i) => [i.code, i.field, i.column])).toEqual([['line_price_missing', 'items.item_price', '單價']])
    expect(issue[0].messageZh).toContain('第 4 列沒有「商品單價」')
    expect(p.records[0].valid).toBe(false)
  })

  it('without an amount or a unit price mapped, the mapping problem is said once', () => {
    const { 'items.item_price': _price, ...noLines } = mapping
    const p = createPreparation(tableOf(headers, rows), {
      target: 'zangsho.orders',
      mapping: noLines,
      timezone: 'Asia/Taipei'
    })
    expect(p.issues.filter((i) => i.code === 'required_unmapped').map((i) => i.field)).toEqual(['amount'])
    expect(p.summary().valid).toBe(0)
  })
})

describe('SHOPLINE: the same grouper', () => {
  const mapping: Mapping = {
    order_no: { column: '訂單編號' },
    customer_email: { column: 'Email' },
    'items.name': { column: '商品' },
    'items.item_price': { column: '單價' },
    'items.quantity': { column: '數量' }
  }
  it('scattered rows become one order whose lines are in sheet order; a mapped total must equal the lines', () => {
    const p = createPreparation(tableOf(headers, rows), {
      target: 'shopline.orders',
      mapping,
      timezone: 'Asia/Taipei',
      shopline: IDS
    })
    const z1 = p.records.find((r) => r.key === 'Z-1')!
    expect(z1.rows).toEqual([2, 4, 5])
    const order = z1.payload.order as { items: { item_data: { name: string } }[]; total: number }
    expect(order.items.map((i) => i.item_data.name)).toEqual(['茶葉', '茶杯', '茶盤'])
    expect(order.total).toBe(1009.7)
    const t = rows.map((r) => [...r])
    t[0][5] = '1,069.70'
    const q = createPreparation(tableOf(headers, t), {
      target: 'shopline.orders',
      mapping: { ...mapping, order_total: { column: '訂單金額' } },
      timezone: 'Asia/Taipei',
      shopline: IDS
    })
    expect(
      q
        .issuesForRow(2)
        .filter((i) => i.severity === 'error')
        .map((i) => [i.code, i.value])
    ).toEqual([['order_total_mismatch', '1,069.70']])
    expect(q.issuesForRow(2).find((i) => i.severity === 'error')!.message).toContain(
      'order Z-1: the items add up to 1,009.7, but the order total column says 1,069.7, a difference of 60 (rows 2, 4, 5)'
    )
  })

  it('disagreeing order-level values name the rows and the values', () => {
    const t = rows.map((r) => [...r])
    t[2][1] = 'other@example.com'
    const p = createPreparation(tableOf(headers, t), {
      target: 'shopline.orders',
      mapping,
      timezone: 'Asia/Taipei',
      shopline: IDS
    })
    const issue = p.issuesForRow(4)[0]
    expect([issue.code, issue.field, issue.value]).toEqual(['group_conflict', 'customer_email', 'other@example.com'])
    expect(issue.messageZh).toContain(
      '訂單 Z-1（第 2、4、5 列）在第 2 列是「a@example.com」，第 4 列卻是「other@example.com」'
    )
  })
})

describe('derived fields in preparation', () => {
  it('定期定額: billing cycle and MRR from a unit and a frequency column; an unsupported cycle names row, columns and values', () => {
    const t = tableOf(
      ['Email', '每次授權金額', '週期單位', '週期', '開始', '本期'],
      [
        ['a@example.com', '2,970', '月', '3', '2025/1/1', '2026/1/1'],
        ['b@example.com', '11,990', '年', '1', '2025/2/1', '2026/2/1'],
        ['c@example.com', '990', '月', '2', '2025/3/1', '2026/3/1']
      ]
    )
    const mapping: Mapping = {
      customer_email: { column: 'Email' },
      started_at: { column: '開始' },
      current_period_start: { column: '本期' },
      billing_cycle: { derive: { kind: 'billing_cycle', unitColumn: '週期單位', frequencyColumn: '週期' } },
      mrr: {
        derive: {
          kind: 'monthly_amount',
          amountColumn: '每次授權金額',
          unitColumn: '週期單位',
          frequencyColumn: '週期'
        }
      }
    }
    const p = createPreparation(t, { target: 'zangsho.subscriptions', mapping, timezone: 'Asia/Taipei' })
    expect(p.records.map((r) => [r.valid, r.payload.mrr, r.payload.billing_cycle])).toEqual([
      [true, '990.00', 'quarterly'],
      [true, '999.17', 'yearly'],
      [false, undefined, undefined]
    ])
    const issues = p.issuesForRow(4)
    expect(issues.map((i) => [i.code, i.field, i.column, i.value])).toEqual([
      ['cycle_unsupported', 'billing_cycle', '週期單位', '月×2'],
      ['cycle_unsupported', 'mrr', '週期單位', '月×2']
    ])
    expect(issues[0].message).toContain(
      'Row 4, column "週期單位" (Billing cycle): "週期單位" = "月", "週期" = "2" means every 2 months'
    )
  })

  it('amount from its parts and status from status + payment method, on 帳獸 orders', () => {
    const t = tableOf(
      ['單號', 'Email', '小計', '運費', '折扣', '訂單狀態', '付款方式'],
      [
        ['S-1', 'a@example.com', '1,000', '60', '100', '待出貨', '貨到付款'],
        ['S-2', 'b@example.com', '500', '', '', '待出貨', '信用卡'],
        ['S-3', 'c@example.com', '', '', '', '退貨中', '信用卡']
      ]
    )
    const mapping: Mapping = {
      order_no: { column: '單號' },
      customer_email: { column: 'Email' },
      amount: { derive: { kind: 'sum', add: ['小計', '運費'], subtract: ['折扣'] } },
      status: {
        derive: {
          kind: 'status_by_payment',
          statusColumn: '訂單狀態',
          paymentColumn: '付款方式',
          rules: [
            { status: ['待出貨'], payment: ['貨到付款'], result: 'pending' },
            { status: ['待出貨'], result: 'paid' }
          ]
        }
      }
    }
    const p = createPreparation(t, { target: 'zangsho.orders', mapping, timezone: 'Asia/Taipei' })
    expect(p.records.map((r) => r.payload)).toEqual([
      { order_no: 'S-1', amount: '960.00', customer_email: 'a@example.com', status: 'pending' },
      { order_no: 'S-2', amount: '500.00', customer_email: 'b@example.com', status: 'paid' },
      { order_no: 'S-3', customer_email: 'c@example.com' }
    ])
    expect(p.issuesForRow(4).map((i) => [i.code, i.field, i.column])).toEqual([
      ['status_rule_unmatched', 'status', '訂單狀態'],
      ['required_missing', 'amount', '小計']
    ])
    expect(p.issuesForRow(3).map((i) => i.code)).toEqual(['paid_without_paid_at'])
  })

  it('a derivation reading a missing column, or filling a field of the wrong kind, is one mapping error', () => {
    const t = tableOf(['單號', 'Email', '金額'], [['S-1', 'a@example.com', '100']])
    const p = createPreparation(t, {
      target: 'zangsho.orders',
      timezone: 'Asia/Taipei',
      mapping: {
        order_no: { column: '單號' },
        customer_email: { column: 'Email' },
        amount: { derive: { kind: 'billing_cycle', unitColumn: '沒有這欄' } }
      }
    })
    expect(p.issues.map((i) => [i.code, i.column])).toEqual([
      ['bad_derivation', '沒有這欄'],
      ['bad_derivation', null]
    ])
    expect(p.summary().valid).toBe(0)
  })
})
