// 帳獸 customers from an order export (one row per order item, the buyer on every row): one e-mail is one customer.
import { describe, expect, it } from 'vitest'
import { createPreparation } from './prepare'
import { readSample, tableOf } from './test-table'
import type { Mapping } from '../mapping/types'
import { TARGETS } from '../targets/index'
import { SOURCE_LAYOUTS, mapWithSource } from '../sources/index'
import { hasPublicSamples } from '../../../test/public-samples'

const HEADERS = ['訂單編號', '訂單日期', '商品', 'Email', '姓名', '電話']
const MAPPING: Mapping = {
  email: { column: 'Email' },
  name: { column: '姓名' },
  phone: { column: '電話' },
  order_date: { column: '訂單日期' }
}
// Three orders of two buyers, one row per item: Amy's e-mail in three spellings, her phone changed by her second order.
const ITEM_ROWS = [
  ['A-1', '2026/01/05 10:00', '肥皂', 'amy@example.com', '林小美', '0912-345-678'],
  ['A-1', '2026/01/05 10:00', '毛巾', ' AMY@Example.com ', '', '0912345678'],
  ['B-1', '2026/01/06 09:00', '肥皂', 'bob@example.com', '王大明', ''],
  ['A-2', '2026/02/10 20:30', '香氛', 'Amy@example.com', '林小美', '0987654321'],
  ['B-1', '2026/01/06 09:00', '蠟燭', 'bob@example.com', '', '0922333444']
]
const customers = (rows: (string | number)[][], mapping: Mapping = MAPPING) =>
  createPreparation(tableOf(HEADERS, rows), { target: 'zangsho.customers', mapping, timezone: 'Asia/Taipei' })

describe('customers from item rows', () => {
  it('one customer per distinct e-mail (case and spaces ignored), the first non-empty value per field', () => {
    const p = customers(ITEM_ROWS)
    const distinct = new Set(ITEM_ROWS.map((r) => String(r[3]).trim().toLowerCase()))
    expect(p.records).toHaveLength(distinct.size)
    expect(p.records.map((r) => [r.rows, r.valid, r.payload])).toEqual([
      [[2, 3, 5], true, { email: 'amy@example.com', name: '林小美', phone: '0987654321' }],
      [[4, 6], true, { email: 'bob@example.com', name: '王大明', phone: '0922333444' }] // the phone from the second row
    ])
    expect(p.summary()).toMatchObject({ rows: 5, valid: 2, invalid: 0, validRows: 5 })
    expect(p.issues.filter((i) => i.code === 'duplicate_email')).toEqual([])
    expect(p.groupOf!(3)).toEqual({ orderNo: 'amy@example.com', rows: [2, 3, 5] })
  })

  it('two phones for one e-mail: a warning naming both values and rows, the most recent order wins', () => {
    const p = customers(ITEM_ROWS)
    const w = p.issues.filter((i) => i.severity === 'warning')
    expect(w.map((i) => [i.row, i.code, i.field, i.column, i.value])).toEqual([
      [2, 'customer_value_differs', 'phone', '電話', '0912345678']
    ])
    expect(w[0].message).toContain('"0912345678" (row 2, 3)')
    expect(w[0].message).toContain('"0987654321" (row 5)')
    expect(w[0].message).toContain("the most recent order's value is kept")
    expect(w[0].messageZh).toContain('採用最近一筆訂單的值「0987654321」(第 5 列,2026-02-10)')
  })

  it('without an order date the first value is kept, and the warning says how to keep the most recent', () => {
    const { order_date: _, ...noDate } = MAPPING
    const p = customers(ITEM_ROWS, noDate)
    expect(p.records[0].payload).toEqual({ email: 'amy@example.com', name: '林小美', phone: '0912345678' })
    const w = p.issues.find((i) => i.code === 'customer_value_differs')!
    expect([w.row, w.value]).toEqual([5, '0987654321'])
    expect(w.messageZh).toContain('採用第一個值「0912345678」(第 2 列)')
  })

  it('two names for one e-mail warn too; an edit that makes them equal clears it', () => {
    const rows = [
      ['A-1', '2026/01/05', '肥皂', 'amy@example.com', '林小美', ''],
      ['A-2', '2026/01/09', '毛巾', 'amy@example.com', 'Amy Lin', '']
    ]
    const p = customers(rows)
    expect(p.issuesForRow(2).map((i) => [i.code, i.field])).toEqual([['customer_value_differs', 'name']])
    expect(p.records[0].payload.name).toBe('Amy Lin')
    p.updateRow(2, tableOf(HEADERS, [[...rows[0].slice(0, 4), 'Amy Lin', '']]).rows[0].cells)
    expect(p.issues).toEqual([])
    expect(p.summary()).toMatchObject({ valid: 1, warnings: 0, validRows: 2 })
  })

  it('a row with a phone but no e-mail is an error saying 帳獸 needs the e-mail; excluding it leaves the rest', () => {
    const p = customers([...ITEM_ROWS, ['C-1', '2026/03/01', '肥皂', '', '陳先生', '0911222333']])
    const errors = p.issuesForRow(7).filter((i) => i.severity === 'error')
    expect(errors.map((i) => i.code)).toEqual(['required_missing', 'customer_key_missing'])
    expect(errors[1].messageZh).toContain('有電話(0911222333)但沒有 Email')
    expect(errors[1].message).toContain('帳獸 identifies a customer by e-mail')
    expect(p.summary()).toMatchObject({ valid: 2, invalid: 1, validRows: 5 })
    p.setExcluded(7, true)
    expect(p.summary()).toMatchObject({ rows: 5, valid: 2, invalid: 0 })
  })

  it('a bad e-mail on one row of a customer makes that row its own invalid record, not a merge', () => {
    const p = customers([...ITEM_ROWS.slice(0, 2), ['A-3', '2026/03/01', '肥皂', 'amy@', '林小美', '']])
    expect(p.records.map((r) => [r.rows, r.valid])).toEqual([
      [[2, 3], true],
      [[4], false]
    ])
    expect(p.issuesForRow(4).map((i) => i.code)).toEqual(['email_invalid'])
  })
})

describe.skipIf(!hasPublicSamples)('the real public exports → 帳獸 customers', () => {
  const open = (name: string) => {
    const table = readSample(name)
    const r = mapWithSource(TARGETS['zangsho.customers'], table.headers, SOURCE_LAYOUTS)
    const p = createPreparation(table, {
      target: 'zangsho.customers',
      mapping: r.mapping,
      valueMatches: r.valueMatches,
      timezone: 'Asia/Taipei'
    })
    return { table, r, p }
  }

  it('Shopify: 18 item rows with an e-mail are 3 customers; Karine’s two billing phones warn, the later order wins', () => {
    const { table, r, p } = open('shopify-orders-export.csv')
    expect(r.source?.source.id).toBe('shopify.orders')
    const emails = table.rows
      .map((row) =>
        String(row.cells[table.headers.indexOf('Email')]?.w ?? '')
          .trim()
          .toLowerCase()
      )
      .filter((e) => e !== '')
    const valid = p.records.filter((x) => x.valid)
    expect(valid).toHaveLength(new Set(emails).size)
    expect(valid.map((x) => [x.payload.email, x.rows.length])).toEqual([
      ['ayumu.hirano@example.com', 5],
      ['karine.ruby@example.com', 4],
      ['russel.winfield@example.com', 9]
    ])
    expect(p.summary()).toMatchObject({ rows: 40, valid: 3, validRows: emails.length })
    const karine = valid[1].payload
    expect(karine).toEqual({ email: 'karine.ruby@example.com', name: 'Karine Ruby', phone: '+16135550142' })
    const w = p.issues.filter((i) => i.code === 'customer_value_differs')
    expect(w.map((i) => [i.row, i.field])).toEqual([[11, 'phone']])
    expect(w[0].message).toContain('row 11')
    expect(w[0].message).toContain('row 31')
    expect(w[0].messageZh).toContain('第 31 列')
    // the rows without an e-mail (draft / POS orders) cannot be customers: one error each, nothing merged into them
    expect(p.records.filter((x) => !x.valid).every((x) => x.rows.length === 1)).toBe(true)
  })

  it('WooCommerce: one row per order, three buyers → three valid customers with their order date unsent', () => {
    const { r, p } = open('woocommerce-orders-export-webtoffee-sample.csv')
    expect(r.source?.source.id).toBe('woocommerce.orders')
    expect(p.records.map((x) => [x.valid, x.payload.email])).toEqual([
      [true, 'lilly@example.com'],
      [true, 'john@example.com'],
      [true, 'mark@example.com']
    ])
    expect(p.records.every((x) => !('order_date' in x.payload))).toBe(true)
    expect(p.summary()).toMatchObject({ rows: 3, valid: 3, invalid: 0, validRows: 3 })
  })
})
