// The per-row pipeline for 帳獸 destinations: normalization, value matches, constants, payloads, rules and warnings.
import { describe, expect, it } from 'vitest'
import { createPreparation } from './prepare'
import { cell, tableOf } from './test-table'
import { ORDER_COLUMNS, ORDER_HEADERS as ORDER_SHEET, settingsFor, TWD } from './test-settings'
import type { PrepareSettings } from './types'
import type { Mapping } from '../mapping/types'

const ORDER_HEADERS = [...ORDER_SHEET, '退款時間']
const ORDER_MAPPING: Mapping = { ...ORDER_COLUMNS, refunded_at: { column: '退款時間' }, ...TWD }
const orders = (rows: (string | number | ReturnType<typeof cell>)[][], extra: Partial<PrepareSettings> = {}) =>
  createPreparation(tableOf(ORDER_HEADERS, rows), settingsFor('zangsho.orders', ORDER_MAPPING, extra))
const codes = (issues: { code: string }[]) => issues.map((i) => i.code)

describe('normalization through the pipeline', () => {
  it('money, dates (民國, Excel date cells and serials, ISO with offset), e-mail, enums and the currency constant', () => {
    const p = orders([
      ['A-1', 'NT$1,990', ' Wang@Example.COM ', '王小明', '已付款', '信用卡', '月繳', '115/01/09', ''],
      [
        'A-2',
        '１２３',
        'b@example.com',
        '',
        '付款完成',
        'ATM轉帳',
        '年繳',
        cell({ t: 'd', v: '2026-01-09T08:00:00', w: '2026/1/9 08:00' }),
        ''
      ],
      ['A-3', 990, 'c@example.com', '', 'Paid', 'LINE Pay', '單次', 46031, ''],
      [
        'A-4',
        '1,200.50',
        'd@example.com',
        '',
        '已退款',
        '街口支付',
        '季繳',
        '2026-01-09T08:00:00+08:00',
        '民國115年1月10日'
      ]
    ])
    expect(p.issues).toEqual([])
    expect(p.summary()).toEqual({ rows: 4, valid: 4, invalid: 0, warnings: 0 })
    expect(p.records.map((r) => r.payload)).toEqual([
      {
        order_no: 'A-1',
        amount: '1990.00',
        customer_email: 'wang@example.com',
        status: 'paid',
        customer_name: '王小明',
        currency: 'TWD',
        payment_method: 'credit_card',
        billing_cycle: 'monthly',
        paid_at: '2026-01-08T16:00:00Z'
      },
      {
        order_no: 'A-2',
        amount: '123.00',
        customer_email: 'b@example.com',
        status: 'paid',
        currency: 'TWD',
        payment_method: 'atm',
        billing_cycle: 'yearly',
        paid_at: '2026-01-09T00:00:00Z'
      },
      {
        order_no: 'A-3',
        amount: '990.00',
        customer_email: 'c@example.com',
        status: 'paid',
        currency: 'TWD',
        payment_method: 'line_pay',
        billing_cycle: 'one-time',
        paid_at: '2026-01-08T16:00:00Z'
      },
      {
        order_no: 'A-4',
        amount: '1200.50',
        customer_email: 'd@example.com',
        status: 'refunded',
        currency: 'TWD',
        payment_method: 'jkopay',
        billing_cycle: 'quarterly',
        paid_at: '2026-01-09T00:00:00Z',
        refunded_at: '2026-01-09T16:00:00Z'
      }
    ])
    expect(p.records.map((r) => [r.row, r.rows, r.valid, r.key])).toEqual([
      [2, [2], true, 'A-1'],
      [3, [3], true, 'A-2'],
      [4, [4], true, 'A-3'],
      [5, [5], true, 'A-4']
    ])
  })

  it('bad values are errors naming the row, column, value and fix in both languages', () => {
    const p = orders([
      ['A-1', 'abc', 'not-mail', '', '奇怪', '信用卡', '', '2026-13-45', ''],
      ['A-2', '-5', 'x@example.com', '', '', '', '', '', '']
    ])
    expect(p.issuesForRow(2).map((i) => [i.code, i.field, i.column, i.value])).toEqual([
      ['money_invalid', 'amount', '金額', 'abc'],
      ['email_invalid', 'customer_email', 'Email', 'not-mail'],
      ['value_unmatched', 'status', '狀態', '奇怪'],
      ['date_invalid', 'paid_at', '付款時間', '2026-13-45']
    ])
    const unmatched = p.issuesForRow(2).find((i) => i.code === 'value_unmatched')!
    expect(unmatched.message).toBe(
      'Row 2, column "狀態" (Status): "奇怪" is not a known Status value. Match it to one of pending, paid, failed, refunded, cancelled in value matching.'
    )
    expect(unmatched.messageZh).toContain('第 2 列「狀態」欄')
    expect(unmatched.messageZh).toContain('「奇怪」')
    expect(codes(p.issuesForRow(3))).toEqual(['money_negative'])
    expect(p.summary()).toEqual({ rows: 2, valid: 0, invalid: 2, warnings: 0 })
  })

  it('a value match chosen by the user clears value_unmatched; a required cell left empty is an error', () => {
    const rows = [
      ['A-1', '100', 'a@example.com', '', '奇怪', '', '', '2026-01-01', ''],
      ['', '100', 'b@example.com', '', '', '', '', '', '']
    ]
    expect(codes(orders(rows).issuesForRow(2))).toEqual(['value_unmatched'])
    const p = orders(rows, { valueMatches: { status: { 奇怪: 'paid' } } })
    expect(p.issuesForRow(2)).toEqual([])
    expect(p.records[0].payload.status).toBe('paid')
    expect(p.issuesForRow(3).map((i) => [i.code, i.field, i.column])).toEqual([
      ['required_missing', 'order_no', '訂單編號']
    ])
  })

  it('blank rows are skipped silently and excluded rows leave the import', () => {
    const p = orders(
      [
        ['A-1', '100', 'a@example.com', '', '', '', '', '', ''],
        ['', '', '', '', '', '', '', '', ''],
        ['A-1', 'bad', '', '', '', '', '', '', '']
      ],
      { excludedRows: [4] }
    )
    expect(p.records.map((r) => r.row)).toEqual([2])
    expect(p.issues).toEqual([])
    expect(p.summary()).toEqual({ rows: 1, valid: 1, invalid: 0, warnings: 0 })
  })

  it('unmapped columns can be carried into metadata', () => {
    const t = tableOf(
      ['單號', '金額', 'Email', '來源', '備註'],
      [
        ['A-1', '100', 'a@example.com', 'shop', ''],
        ['A-2', '100', 'b@example.com', '', 'x']
      ]
    )
    const p = createPreparation(
      t,
      settingsFor(
        'zangsho.orders',
        { order_no: { column: '單號' }, amount: { column: '金額' }, customer_email: { column: 'Email' } },
        { metadataColumns: ['來源', '備註'] }
      )
    )
    expect(p.records.map((r) => r.payload.metadata)).toEqual([{ 來源: 'shop' }, { 備註: 'x' }])
    expect(p.records.every((r) => r.valid)).toBe(true)
  })

  it('an unmapped required field or an unknown column is one clear error, and nothing is valid', () => {
    const p = createPreparation(
      tableOf(
        ['單號', 'Email'],
        [
          ['A-1', 'a@example.com'],
          ['A-2', 'b@example.com']
        ]
      ),
      settingsFor('zangsho.orders', { order_no: { column: '單號' }, customer_email: { column: '電郵' } })
    )
    expect(p.issues.map((i) => [i.row, i.code, i.field])).toEqual([
      [2, 'unknown_column', 'customer_email'],
      [2, 'required_unmapped', 'amount']
    ])
    expect(p.summary()).toMatchObject({ valid: 0, invalid: 2 })
  })
})

describe('settings', () => {
  it('an unknown time zone is one error for the sheet, not one per date cell', () => {
    const p = orders(
      [
        ['A-1', '100', 'a@example.com', '', '', '', '', '2026/1/9', ''],
        ['A-2', '100', 'b@example.com', '', '', '', '', '2026/1/10', '']
      ],
      { timezone: 'Mars/Olympus' }
    )
    expect(p.issues.map((i) => [i.row, i.code])).toEqual([[2, 'timezone_invalid']])
    expect(p.summary()).toMatchObject({ valid: 0, invalid: 2 })
  })
})

describe('cross-row rules', () => {
  it('a repeated order_no makes one order; order-level values that disagree name both rows and both values', () => {
    const p = orders([
      ['A-1', '100', 'a@example.com', '', '', '', '', '', ''],
      ['A-2', '100', 'a@example.com', '', '', '', '', '', ''],
      ['A-1', '200', 'b@example.com', '', '', '', '', '', '']
    ])
    expect(p.issuesForRow(2)).toEqual([])
    const third = p.issuesForRow(4).filter((i) => i.code === 'group_conflict')
    expect(third.map((i) => [i.field, i.value])).toEqual([
      ['amount', '200'],
      ['customer_email', 'b@example.com']
    ])
    expect(third[0].message).toContain('"100.00" in row 2 but "200.00" in row 4')
    expect(third[0].messageZh).toContain('第 2 列是「100.00」，第 4 列卻是「200.00」')
    expect(p.issuesForRow(3)).toEqual([])
    expect(p.records.map((r) => r.rows)).toEqual([[2, 4], [3]])
    expect(p.summary()).toMatchObject({ valid: 1, invalid: 1 })
  })

  it('customers: rows of one e-mail (any case) are one customer, not duplicates', () => {
    const t = tableOf(
      ['Email', '姓名', '電話'],
      [
        ['A@Example.com', 'A', '0912-345-678'],
        ['b@example.com', 'B', '912345678'],
        ['a@example.COM', 'A2', '']
      ]
    )
    const p = createPreparation(
      t,
      settingsFor('zangsho.customers', {
        email: { column: 'Email' },
        name: { column: '姓名' },
        phone: { column: '電話' }
      })
    )
    expect(p.issues.map((i) => [i.row, i.code, i.value])).toEqual([[4, 'customer_value_differs', 'A2']])
    expect(p.records[0]).toMatchObject({ rows: [2, 4], valid: true, payload: { name: 'A', phone: '0912345678' } })
    expect(p.records[1]).toMatchObject({
      valid: true,
      payload: { email: 'b@example.com', name: 'B', phone: '0912345678' }
    })
  })

  it('subscriptions: one per customer, and the record asks the push to resolve customer_id by e-mail', () => {
    const t = tableOf(
      ['客戶Email', 'MRR', '週期', '開始', '本期開始', '方案'],
      [
        ['a@example.com', '990', '月繳', '2025/1/1', '2026/1/1', 'Pro'],
        ['b@example.com', 'NT$2,990', '年繳', '2025/3/1', '2026/3/1', ''],
        ['A@example.com', '990', '單次', '2025/1/1', '2026/1/1', '']
      ]
    )
    const mapping: Mapping = {
      customer_email: { column: '客戶Email' },
      mrr: { column: 'MRR' },
      billing_cycle: { column: '週期' },
      started_at: { column: '開始' },
      current_period_start: { column: '本期開始' },
      plan_name: { column: '方案' }
    }
    const p = createPreparation(t, settingsFor('zangsho.subscriptions', mapping))
    expect(codes(p.issuesForRow(2))).toEqual(['duplicate_subscription_customer'])
    expect(codes(p.issuesForRow(4))).toEqual(['value_unmatched', 'duplicate_subscription_customer']) // no one-time subscriptions
    expect(p.records[1]).toEqual({
      row: 3,
      rows: [3],
      valid: true,
      key: 'b@example.com',
      resolve: { customer_id: { byEmail: 'b@example.com' } },
      payload: {
        customer_email: 'b@example.com',
        mrr: '2990.00',
        billing_cycle: 'yearly',
        started_at: '2025-02-28T16:00:00Z',
        current_period_start: '2026-02-28T16:00:00Z'
      }
    })
  })
})

describe('warnings', () => {
  it('paid without paid_at, refunded without refunded_at, failed without failed_at', () => {
    const p = orders([
      ['A-1', '100', 'a@example.com', '', '已付款', '', '', '', ''],
      ['A-2', '100', 'a@example.com', '', '已退款', '', '', '2026-01-01', ''],
      ['A-3', '100', 'a@example.com', '', '付款失敗', '', '', '', ''],
      ['A-4', '100', 'a@example.com', '', '待付款', '', '', '', '']
    ])
    expect(p.issues.map((i) => [i.row, i.severity, i.code, i.field])).toEqual([
      [2, 'warning', 'paid_without_paid_at', 'paid_at'],
      [3, 'warning', 'refunded_without_refunded_at', 'refunded_at'],
      [4, 'warning', 'failed_without_failed_at', 'failed_at']
    ])
    expect(p.issuesForRow(2)[0].message).toContain('falsifies history')
    expect(p.summary()).toEqual({ rows: 4, valid: 4, invalid: 0, warnings: 3 })
  })
})

describe('ambiguous day/month columns', () => {
  const rows = [
    ['A-1', '100', 'a@example.com', '', '', '', '', '01/02/2026', ''],
    ['A-2', '100', 'b@example.com', '', '', '', '', '03/04/2026', ''],
    ['A-3', '100', 'c@example.com', '', '', '', '', '', '']
  ]
  it('ask once for the whole column and block its rows until chosen', () => {
    const p = orders(rows)
    expect(p.ambiguousDateColumns).toEqual(['付款時間'])
    expect(p.issues.map((i) => [i.row, i.code, i.column])).toEqual([[2, 'date_order_ambiguous', '付款時間']])
    expect(p.records.map((r) => r.valid)).toEqual([false, false, true])
  })
  it('the chosen order applies to every row', () => {
    const p = orders(rows, { dateOrder: { 付款時間: 'dmy' } })
    expect(p.ambiguousDateColumns).toEqual([])
    expect(p.records.map((r) => r.payload.paid_at)).toEqual(['2026-01-31T16:00:00Z', '2026-04-02T16:00:00Z', undefined])
    expect(p.summary().valid).toBe(3)
  })
  it('a column that proves its order (a day above 12) needs no question', () => {
    const p = orders([
      ['A-1', '100', 'a@example.com', '', '', '', '', '01/02/2026', ''],
      ['A-2', '100', 'b@example.com', '', '', '', '', '25/12/2025', '']
    ])
    expect(p.ambiguousDateColumns).toEqual([])
    expect(p.records[0].payload.paid_at).toBe('2026-01-31T16:00:00Z')
  })
})
