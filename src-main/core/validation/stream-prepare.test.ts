// Chunked preparation = whole-table preparation: same records, same issues, same counts, for chunk sizes that cut
// duplicates and SHOPLINE orders across chunk borders, and a date column whose day/month order only a late row settles.
import { describe, expect, it } from 'vitest'
import { autoMap } from '../mapping/automap'
import { TARGETS } from '../targets/index'
import { createPreparation } from './prepare'
import { startPreparation } from './stream-prepare'
import { readSample, tableOf } from './test-table'
import { ORDER_COLUMNS, ORDER_HEADERS, settingsFor, TWD } from './test-settings'
import { hasPublicSamples } from '../../../test/public-samples'
import type { SheetTable } from '../workbook/types'
import type { Preparation, PrepareSettings } from './types'
import type { Mapping } from '../mapping/types'

const ORDER_MAPPING: Mapping = { ...ORDER_COLUMNS, ...TWD }

function chunked(table: SheetTable, settings: PrepareSettings, size: number): Preparation {
  const stream = startPreparation({ ...table, rows: table.rows.slice(0, size) }, settings)
  for (let at = size; at < table.rows.length; at += size) stream.add(table.rows.slice(at, at + size))
  const p = stream.finish(table)
  expect(stream.rows().map((r) => r.rowNumber)).toEqual(table.rows.map((r) => r.rowNumber))
  return p
}

function expectSame(table: SheetTable, settings: PrepareSettings, sizes = [1, 2, 3, 5, 8, 1000]) {
  const whole = createPreparation(table, settings)
  for (const size of sizes) {
    const p = chunked(table, settings, size)
    expect(p.summary(), `chunk ${size}`).toEqual(whole.summary())
    expect(p.records, `chunk ${size}`).toEqual(whole.records)
    expect(p.issues, `chunk ${size}`).toEqual(whole.issues)
    expect(p.ambiguousDateColumns).toEqual(whole.ambiguousDateColumns)
    for (const r of table.rows) {
      expect(p.issuesForRow(r.rowNumber)).toEqual(whole.issuesForRow(r.rowNumber))
      expect(p.groupOf?.(r.rowNumber)).toEqual(whole.groupOf?.(r.rowNumber))
      expect(p.valuesOf?.(r.rowNumber)).toEqual(whole.valuesOf?.(r.rowNumber))
    }
  }
  return whole
}

const row = (no: string, amount: string | number, email: string, paid = '2026/01/09 10:00') => [
  no,
  amount,
  email,
  '王小明',
  '已付款',
  '信用卡',
  '月繳',
  paid
]

describe('chunked preparation equals the whole-table one', () => {
  it('帳獸 orders: rows of one order across chunk borders (pairs, triples, far apart), blank rows, errors', () => {
    const rows = [
      row('A-1', 100, 'a@example.com'),
      row('A-2', 'x', 'b@example.com'),
      row('A-1', 200, 'c@example.com'),
      ['', '', '', '', '', '', '', ''],
      row('A-3', 300, 'not-an-email'),
      row('A-4', 400, 'd@example.com'),
      row('A-4', 400, 'd@example.com'),
      row('A-5', 500, 'e@example.com'),
      row('A-1', 100, 'f@example.com'),
      row('A-6', 600, ''),
      row('A-5', 510, 'g@example.com')
    ]
    const table = tableOf(ORDER_HEADERS, rows)
    const whole = expectSame(table, settingsFor('zangsho.orders', ORDER_MAPPING))
    // the fixture has what it claims: orders of several rows, invalid ones
    expect(whole.records.map((r) => r.rows)).toContainEqual([2, 4, 10])
    expect(whole.summary().invalid).toBeGreaterThan(0)
  })

  it('a date column read day-first only because a late row says 25/01', () => {
    const rows = [
      row('B-1', 100, 'a@example.com', '01/02/2026'),
      row('B-2', 100, 'b@example.com', '03/04/2026'),
      row('B-3', 100, 'c@example.com', '05/06/2026'),
      row('B-4', 100, 'd@example.com', '25/01/2026')
    ]
    const settings = settingsFor('zangsho.orders', ORDER_MAPPING)
    const whole = expectSame(tableOf(ORDER_HEADERS, rows), settings)
    expect(whole.summary().valid).toBe(4)
    // without the late row the column is ambiguous: every row blocked, the same way chunked
    const ambiguous = expectSame(tableOf(ORDER_HEADERS, rows.slice(0, 3)), settings)
    expect(ambiguous.ambiguousDateColumns).toEqual(['付款時間'])
  })

  it('a mapping error (blocked sheet); customers: one per e-mail across chunk borders', () => {
    const table = tableOf(ORDER_HEADERS, [row('C-1', 1, 'a@example.com'), row('C-1', 2, 'a@example.com')])
    expectSame(table, settingsFor('zangsho.orders', { ...ORDER_MAPPING, amount: { column: 'nope' } }))
    const customers = tableOf(
      ['Email', '姓名', '電話'],
      [
        ['a@example.com', '王', '0912345678'],
        ['b@example.com', '陳', '0912'],
        ['A@example.com', '林', ''],
        ['c@example.com', '李', ''],
        ['d@example.com', '李', ''],
        ['c@example.com', '李', ''],
        ['a@example.com', '張', ''],
        ['', '', ''],
        ['e@example.com', '黃', '']
      ]
    )
    const { mapping } = autoMap(TARGETS['zangsho.customers'], customers.headers)
    const whole = expectSame(customers, settingsFor('zangsho.customers', mapping))
    // one customer per e-mail (case ignored): a@ (rows 2, 4, 8) disagrees on the name, c@ (rows 5, 7) agrees
    expect(whole.records).toHaveLength(5)
    const differs = whole.issues.filter((i) => i.code === 'customer_value_differs').map((i) => i.row)
    expect(differs.length).toBeGreaterThan(0)
    expect(differs.every((row) => [2, 4, 8].includes(row))).toBe(true)
  })

  it.skipIf(!hasPublicSamples)('SHOPLINE orders whose line rows straddle chunk borders (real Shopify export)', () => {
    const table = readSample('shopify-orders-export.csv')
    const { mapping } = autoMap(TARGETS['shopline.orders'], table.headers)
    const settings = settingsFor('shopline.orders', mapping, {
      shopline: { deliveryOptionId: '60d5527bfbb7a2001db51c58', paymentMethodId: '607a596907e0710023fab3ef' }
    })
    const whole = expectSame(table, settings, [1, 2, 3, 7, 1000])
    expect(whole.records).toHaveLength(19)
  })

  it.skipIf(!hasPublicSamples)('WooCommerce export as 帳獸 orders', () => {
    const table = readSample('woocommerce-orders-export-webtoffee-sample.csv')
    const { mapping } = autoMap(TARGETS['zangsho.orders'], table.headers)
    expectSame(table, settingsFor('zangsho.orders', mapping), [1, 4, 1000])
  })

  it('edits after a chunked preparation behave as after a whole one', () => {
    const table = tableOf(ORDER_HEADERS, [row('D-1', 1, 'a@example.com'), row('D-1', 2, 'b@example.com')])
    const settings = settingsFor('zangsho.orders', ORDER_MAPPING)
    const whole = createPreparation(table, settings)
    const p = chunked(table, settings, 1)
    const fixed = tableOf(ORDER_HEADERS, [row('D-2', 2, 'b@example.com')]).rows[0].cells
    whole.updateRow(3, fixed)
    p.updateRow(3, fixed)
    expect(p.summary()).toEqual(whole.summary())
    expect(p.summary().valid).toBe(2)
    expect(p.records).toEqual(whole.records)
  })
})
