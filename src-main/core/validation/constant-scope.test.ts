// A constant fills only empty cells, and a status date only the rows of its status; the reach is counted before applying.
import { describe, expect, it } from 'vitest'
import { getTarget } from '../targets'
import type { Mapping } from '../mapping/types'
import { constantReach } from './constant-scope'
import { createPreparation } from './prepare'
import { tableOf } from './test-table'

const HEADERS = ['訂單編號', '金額', 'Email', '狀態', '退款時間', '姓名']
const ROWS = [
  ['A-1', '100', 'a@example.com', '已付款', '', ''],
  ['A-2', '200', 'b@example.com', '已退款', '', 'Ann'],
  ['A-3', '300', 'c@example.com', '待付款', '', ''],
  ['A-4', '400', 'd@example.com', '已退款', '2026-01-05 10:00', '']
]
const BASE: Mapping = {
  order_no: { column: '訂單編號' },
  amount: { column: '金額' },
  customer_email: { column: 'Email' },
  status: { column: '狀態' }
}
const run = (mapping: Mapping) =>
  createPreparation(tableOf(HEADERS, ROWS), {
    target: 'zangsho.orders',
    mapping: { ...BASE, ...mapping },
    timezone: 'Asia/Taipei'
  })
const refundedAt = (p: ReturnType<typeof run>) =>
  p.records.map((r) => (r.payload as Record<string, unknown>).refunded_at ?? null)

describe('constants are safe', () => {
  it('a refunded_at constant (no column) goes only to refunded rows', () => {
    const p = run({ refunded_at: { constant: '2026-01-09 08:00' } })
    expect(refundedAt(p)).toEqual([null, '2026-01-09T00:00:00Z', null, '2026-01-09T00:00:00Z'])
  })

  it('a refunded_at column keeps its own dates; the constant fills only the empty cells of refunded rows', () => {
    const p = run({ refunded_at: { column: '退款時間', constant: '2026-01-09 08:00' } })
    expect(refundedAt(p)).toEqual([null, '2026-01-09T00:00:00Z', null, '2026-01-05T02:00:00Z'])
    expect(p.issues.filter((i) => i.code === 'refunded_without_refunded_at')).toEqual([])
  })

  it('a plain field fills only empty cells', () => {
    const p = run({ customer_name: { column: '姓名', constant: '匿名' } })
    expect(p.records.map((r) => (r.payload as Record<string, unknown>).customer_name)).toEqual([
      '匿名',
      'Ann',
      '匿名',
      '匿名'
    ])
  })

  it('counts the rows it will touch before it is applied', () => {
    const target = getTarget('zangsho.orders')!
    const table = tableOf(HEADERS, ROWS)
    const settings = {
      target: 'zangsho.orders' as const,
      mapping: { ...BASE, refunded_at: { column: '退款時間' } },
      timezone: 'Asia/Taipei'
    }
    expect(constantReach(table, settings, target, 'refunded_at')).toEqual({ rows: 1, total: 4, status: 'refunded' })
    expect(constantReach(table, { ...settings, mapping: BASE }, target, 'refunded_at')).toEqual({
      rows: 2,
      total: 4,
      status: 'refunded'
    })
    expect(constantReach(table, settings, target, 'customer_name')).toEqual({ rows: 4, total: 4, status: null })
    expect(constantReach(table, { ...settings, excludedRows: [3] }, target, 'refunded_at')).toEqual({
      rows: 0,
      total: 3,
      status: 'refunded'
    })
  })
})
