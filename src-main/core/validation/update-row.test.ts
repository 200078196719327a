// Incremental re-validation: an edit changes only that row's issues and its order (rows sharing an order number),
// and always ends in the same state as preparing the edited sheet from scratch.
import { describe, expect, it } from 'vitest'
import { createPreparation } from './prepare'
import { cell, tableOf } from './test-table'
import type { PrepareSettings } from './types'
import type { SheetTable } from '../workbook/types'

const headers = ['單號', '金額', 'Email', '狀態']
const settings: PrepareSettings = {
  target: 'zangsho.orders',
  timezone: 'Asia/Taipei',
  mapping: {
    order_no: { column: '單號' },
    amount: { column: '金額' },
    customer_email: { column: 'Email' },
    status: { column: '狀態' }
  }
}
const base = () =>
  tableOf(headers, [
    ['A-1', '100', 'a@example.com', ''],
    ['A-2', '100', 'b@example.com', ''],
    ['A-3', 'oops', 'c@example.com', ''],
    ['A-1', '100', 'd@example.com', '']
  ])
const cells = (...v: string[]) => v.map(cell)

function same(p: ReturnType<typeof createPreparation>, table: SheetTable, s: PrepareSettings) {
  const fresh = createPreparation(table, s)
  expect(p.records).toEqual(fresh.records)
  expect(p.issues).toEqual(fresh.issues)
  expect(p.summary()).toEqual(fresh.summary())
}

describe('updateRow', () => {
  it('fixing a cell clears that row only; the other rows keep the same issue objects', () => {
    const p = createPreparation(base(), settings)
    const row2 = p.issuesForRow(2)
    expect(p.issuesForRow(4).map((i) => i.code)).toEqual(['money_invalid'])
    p.updateRow(4, cells('A-3', '300', 'c@example.com', ''))
    expect(p.issuesForRow(4)).toEqual([])
    expect(p.issuesForRow(2)).toEqual(row2)
    expect(p.records[2]).toMatchObject({ row: 4, valid: true, payload: { amount: '300.00' } })
  })

  it('renumbering a row moves it out of its order (conflict gone); joining another order names both rows', () => {
    const t = base()
    const p = createPreparation(t, settings)
    expect(p.issuesForRow(2)).toEqual([])
    expect(p.issuesForRow(5).map((i) => [i.code, i.value])).toEqual([['group_conflict', 'd@example.com']])
    expect(p.records[0]).toMatchObject({ row: 2, rows: [2, 5], valid: false })
    p.updateRow(5, cells('A-4', '100', 'd@example.com', ''))
    expect(p.issuesForRow(2)).toEqual([])
    expect(p.issuesForRow(5)).toEqual([])
    p.updateRow(3, cells('A-4', '100', 'b@example.com', ''))
    expect(p.issuesForRow(3)).toEqual([])
    expect(p.issuesForRow(5)[0].message).toContain('row 3')
    expect(p.records.find((r) => r.key === 'A-4')).toMatchObject({ rows: [3, 5], payload: { amount: '100.00' } })
    t.rows[3].cells = cells('A-4', '100', 'd@example.com', '')
    t.rows[1].cells = cells('A-4', '100', 'b@example.com', '')
    same(p, t, settings)
  })

  it('excluding a row removes it from its order, which becomes valid; including it brings the conflict back', () => {
    const t = base()
    const p = createPreparation(t, settings)
    p.setExcluded(5, true)
    expect(p.records[0]).toMatchObject({ rows: [2], valid: true })
    same(p, t, { ...settings, excludedRows: [5] })
    p.setExcluded(5, false)
    same(p, t, settings)
    expect(() => p.updateRow(99, [])).toThrow(RangeError)
  })

  it('blanking a row drops its record; typing into it brings it back', () => {
    const t = base()
    const p = createPreparation(t, settings)
    p.updateRow(3, cells('', '', '', ''))
    expect(p.records.map((r) => r.rows)).toEqual([[2, 5], [4]])
    p.updateRow(3, cells('A-9', '1', 'z@example.com', '已付款'))
    t.rows[1].cells = cells('A-9', '1', 'z@example.com', '已付款')
    same(p, t, settings)
    expect(p.summary().warnings).toBe(1)
  })

  it('SHOPLINE: moving a row to another order rebuilds both orders', () => {
    const h = ['訂單編號', 'Email', '商品', '單價']
    const s: PrepareSettings = {
      target: 'shopline.orders',
      timezone: 'Asia/Taipei',
      shopline: { deliveryOptionId: 'd', paymentMethodId: 'p' },
      mapping: {
        order_no: { column: '訂單編號' },
        customer_email: { column: 'Email' },
        'items.name': { column: '商品' },
        'items.item_price': { column: '單價' }
      }
    }
    const t = tableOf(h, [
      ['S-1', 'a@example.com', 'A', '100'],
      ['S-1', 'b@example.com', 'B', '50'],
      ['S-2', 'c@example.com', 'C', '10']
    ])
    const p = createPreparation(t, s)
    expect(p.issuesForRow(3).map((i) => i.code)).toEqual(['group_conflict'])
    p.updateRow(3, cells('S-2', 'c@example.com', 'B', '50'))
    t.rows[1].cells = cells('S-2', 'c@example.com', 'B', '50')
    same(p, t, s)
    expect(p.records.map((r) => [r.key, r.rows, (r.payload.order as { total: number }).total])).toEqual([
      ['S-1', [2], 100],
      ['S-2', [3, 4], 60]
    ])
    p.updateRow(2, cells('S-2', 'c@example.com', 'A', '100'))
    t.rows[0].cells = cells('S-2', 'c@example.com', 'A', '100')
    same(p, t, s)
    expect(p.records.map((r) => r.rows)).toEqual([[2, 3, 4]])
  })
})
