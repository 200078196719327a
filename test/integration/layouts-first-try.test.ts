// Every source layout, end to end: a realistic export FILE (xlsx / .xls / Big5 CSV, title rows, one row per item,
// "NT$1,990", 民國 dates) → the real reader → recognition → the layout's mapping → preparation, exactly as `validate`
// runs it. Asserts the recognized source, the mapping, value matches, grouping, derivations and the valid count, and
// prints the "recognized on the first try" table (README).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ALL_EXPORTS } from './layouts/cases'
import { writeExport } from './layouts/fixtures'
import { carefulFor, columnsOf, issuesOf, openExport, payloads, printTable, recordsOf, tableLine } from './layouts/first-try'
import { hasPublicSamples, PUBLIC_SAMPLES_DIR } from '../public-samples'

let dir: string
const files: Record<string, string> = {}
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'od-layouts-'))
  for (const [id, fx] of Object.entries(ALL_EXPORTS)) files[id] = writeExport(dir, fx)
})
afterAll(() => {
  printTable('Exports recognized on the first try')
  rmSync(dir, { recursive: true, force: true })
})

const EMAIL_LACK = 'required_unmapped'

describe('Shopee', () => {
  it('current xlsx → 帳獸 orders: item rows grouped, 待出貨 + 貨到付款 → pending, the missing e-mail said once for the file', async () => {
    const o = await openExport(files['shopee.orders'], 'zangsho.orders')
    expect(o.source).toBe('shopee.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('shopee.orders', 'zangsho.orders'))
    expect(o.mapping.status).toMatchObject({ derive: { kind: 'status_by_payment', statusColumn: '訂單狀態', paymentColumn: '付款方式' } })
    expect(o.valueMatches.payment_method).toMatchObject({ '信用卡/金融卡': 'credit_card', '銀行轉帳': 'atm' })
    expect(payloads(o)).toEqual([
      { order_no: '241101AB7C1234', amount: '1180.00', status: 'paid', payment_method: 'credit_card', paid_at: '2024-11-01T02:16:00Z' },
      { order_no: '241102CD8E5678', amount: '990.00', status: 'pending' }, // 待出貨 + 貨到付款: not paid yet, and 帳獸 has no COD method
      { order_no: '241103EF9G9012', amount: '1990.00', status: 'pending', payment_method: 'atm' },
      { order_no: '241104GH0J3456', amount: '760.00', status: 'paid', payment_method: 'line_pay', paid_at: '2024-11-04T13:03:00Z' }
    ])
    expect(o.preparation.records.map((r) => r.rows)).toEqual([[2, 3], [4], [5], [6, 7]])
    // The only error is the file-level one: Shopee exports no buyer e-mail; the layout says why and how to fix it.
    expect(issuesOf(o)).toEqual([[2, 'error', EMAIL_LACK, 'customer_email'], [4, 'warning', 'value_no_equivalent', 'payment_method']])
    expect(o.lacks.map((l) => l.field)).toEqual(['customer_email'])
    expect(o.lacks[0].why['zh-TW']).toContain('沒有買家 Email')
    expect(o.preparation.summary()).toMatchObject({ rows: 6, valid: 0, invalid: 4 })
    await tableLine(files['shopee.orders'], 'shopee.orders', 'zangsho.orders', o, 'no buyer e-mail in the export (said once)')
  })

  it('current xlsx → SHOPLINE: lines and totals right, blocked only by the same missing e-mail (SHOPLINE needs customer_email too)', async () => {
    const o = await openExport(files['shopee.orders'], 'shopline.orders')
    expect(o.source).toBe('shopee.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('shopee.orders', 'shopline.orders'))
    expect(o.preparation.records.map((r) => [r.rows, (r.payload.order as { total: number }).total])).toEqual([[[2, 3], 1180], [[4], 990], [[5], 1990], [[6, 7], 760]])
    expect((o.preparation.records[0].payload.order as { items: { item_price: number; quantity: number }[] }).items.map((i) => [i.item_price, i.quantity])).toEqual([[350, 2], [480, 1]])
    expect(issuesOf(o).filter((i) => i[1] === 'error')).toEqual([[2, 'error', EMAIL_LACK, 'customer_email']])
    expect(o.lacks.map((l) => l.field)).toEqual(['customer_email'])
    await tableLine(files['shopee.orders'], 'shopee.orders', 'shopline.orders', o, 'no buyer e-mail (SHOPLINE needs customer_email)')
  })

  it('older .xls → 帳獸 orders: 訂單總金額, 不成立 → cancelled, same single explanation', async () => {
    const o = await openExport(files['shopee.orders.legacy'], 'zangsho.orders')
    expect(o.source).toBe('shopee.orders.legacy')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('shopee.orders.legacy', 'zangsho.orders'))
    expect(payloads(o).map((p) => [p.order_no, p.amount, p.status, p.payment_method])).toEqual([
      ['19110112AB34CD', '1240.00', 'paid', 'credit_card'], ['19110213EF56GH', '990.00', 'pending', undefined], ['19110314IJ78KL', '450.00', 'cancelled', 'atm']
    ])
    expect(issuesOf(o).filter((i) => i[1] === 'error')).toEqual([[2, 'error', EMAIL_LACK, 'customer_email']])
    await tableLine(files['shopee.orders.legacy'], 'shopee.orders.legacy', 'zangsho.orders', o, 'no buyer e-mail (said once)')
  })
})

describe('SHOPLINE', () => {
  it('order report → 帳獸 orders: valid on the first try, "NT$1,990", 已付款/未付款/已退款, gateway in brackets', async () => {
    const o = await openExport(files['shopline.orders'], 'zangsho.orders')
    expect(o.source).toBe('shopline.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('shopline.orders', 'zangsho.orders'))
    expect(payloads(o).map((p) => [p.order_no, p.amount, p.status, p.payment_method, p.customer_email])).toEqual([
      ['20241101000123', '1990.00', 'paid', 'credit_card', 'ming@example.com'], ['20241101000124', '990.00', 'pending', 'atm', 'hua@example.com'],
      ['20241102000125', '2480.00', 'refunded', 'line_pay', 'mei@example.com']
    ])
    expect(recordsOf(o)).toEqual([[[2, 3], true], [[4], true], [[5, 6], true]])
    // The report has no payment date: one warning per order (not per item row)
    expect(issuesOf(o)).toEqual([[2, 'warning', 'paid_without_paid_at', 'paid_at'], [5, 'warning', 'refunded_without_refunded_at', 'refunded_at']])
    await tableLine(files['shopline.orders'], 'shopline.orders', 'zangsho.orders', o)
  })

  it('order report → 帳獸 customers: the buyer, one row per item means the same e-mail twice', async () => {
    const o = await openExport(files['shopline.orders'], 'zangsho.customers')
    expect(o.mapping).toMatchObject({ email: { column: '電郵' }, name: { column: '顧客' } })
    expect(o.preparation.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.code])).toEqual([[2, 'duplicate_email'], [3, 'duplicate_email'], [5, 'duplicate_email'], [6, 'duplicate_email']])
    await tableLine(files['shopline.orders'], 'shopline.orders', 'zangsho.customers', o, 'item rows repeat the buyer: customers are not grouped by e-mail yet')
  })

  it('customer report → 帳獸 customers: valid on the first try (e-mails lower-cased)', async () => {
    const o = await openExport(files['shopline.customers'], 'zangsho.customers')
    expect(o.source).toBe('shopline.customers')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('shopline.customers', 'zangsho.customers'))
    expect(payloads(o).map((p) => p.email)).toEqual(['ming@example.com', 'hua@example.com', 'mei@example.com'])
    expect(o.preparation.summary()).toMatchObject({ rows: 3, valid: 3, invalid: 0, warnings: 0 })
    await tableLine(files['shopline.customers'], 'shopline.customers', 'zangsho.customers', o)
  })
})

describe('91APP, CYBERBIZ, momo', () => {
  it('91APP → 帳獸 orders: 主單 groups its sub-orders, the buyer (購買人) not the recipient, 信用卡一次付清 → credit_card', async () => {
    const o = await openExport(files['91app.orders'], 'zangsho.orders')
    expect(o.source).toBe('91app.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('91app.orders', 'zangsho.orders'))
    expect(payloads(o)).toEqual([
      { order_no: 'TG241101A00001', amount: '2380.00', customer_email: 'yating@example.com', status: 'paid', customer_name: '張雅婷', payment_method: 'credit_card', paid_at: '2024-11-01T02:16:00Z' },
      { order_no: 'TG241102A00002', amount: '650.00', customer_email: 'chihming@example.com', status: 'pending', customer_name: '黃志明', payment_method: 'atm' },
      { order_no: 'TG241103A00003', amount: '590.00', customer_email: 'yating@example.com', status: 'paid', customer_name: '張雅婷', payment_method: 'line_pay', paid_at: '2024-11-03T12:05:00Z' }
    ])
    expect(recordsOf(o)).toEqual([[[2, 3], true], [[4], true], [[5], true]])
    expect(o.preparation.issues).toEqual([])
    await tableLine(files['91app.orders'], '91app.orders', 'zangsho.orders', o)
  })

  it('91APP → 帳獸 customers: a buyer with two orders is two rows', async () => {
    const o = await openExport(files['91app.orders'], 'zangsho.customers')
    expect(o.preparation.summary()).toMatchObject({ valid: 1, invalid: 3 })
    await tableLine(files['91app.orders'], '91app.orders', 'zangsho.customers', o, 'repeated buyer rows: customers are not grouped by e-mail yet')
  })

  it('CYBERBIZ Big5 CSV → 帳獸 orders: "NT$1,580", 超商取貨付款 sent without a method (warning), 已退款', async () => {
    const o = await openExport(files['cyberbiz.orders'], 'zangsho.orders')
    expect(o.table.encoding).toBe('big5')
    expect(o.source).toBe('cyberbiz.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('cyberbiz.orders', 'zangsho.orders'))
    expect(payloads(o).map((p) => [p.order_no, p.amount, p.status, p.payment_method ?? null])).toEqual([
      ['#100231', '1580.00', 'paid', 'credit_card'], ['#100232', '1200.00', 'pending', null], ['#100233', '380.00', 'refunded', 'atm']
    ])
    expect(recordsOf(o)).toEqual([[[2, 3], true], [[4], true], [[5], true]])
    expect(issuesOf(o)).toEqual([[4, 'warning', 'value_no_equivalent', 'payment_method'], [5, 'warning', 'refunded_without_refunded_at', 'refunded_at']])
    await tableLine(files['cyberbiz.orders'], 'cyberbiz.orders', 'zangsho.orders', o)
  })

  it('CYBERBIZ → SHOPLINE: 小計 = 單價 × 數量 per line, 訂單總金額 = the lines, buyer not recipient', async () => {
    const o = await openExport(files['cyberbiz.orders'], 'shopline.orders')
    expect(o.mapping).toMatchObject({ customer_name: { column: '訂購人姓名' }, 'delivery_address.recipient_name': { column: '收件人姓名' }, 'items.total': { column: '小計' } })
    expect(o.preparation.records.map((r) => [r.rows, r.valid, (r.payload.order as { total: number }).total])).toEqual([[[2, 3], true, 1580], [[4], true, 1200], [[5], true, 380]])
    await tableLine(files['cyberbiz.orders'], 'cyberbiz.orders', 'shopline.orders', o)
  })

  it('momo xlsx with title rows → SHOPLINE: header on row 3, lines grouped, no e-mail said once', async () => {
    const o = await openExport(files['momo.orders'], 'shopline.orders')
    expect(o.table.headerRow).toBe(3)
    expect(o.source).toBe('momo.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('momo.orders', 'shopline.orders'))
    expect(o.preparation.records.map((r) => [r.rows, (r.payload.order as { total: number }).total])).toEqual([[[4, 5], 757], [[6], 299]])
    expect(issuesOf(o).filter((i) => i[1] === 'error')).toEqual([[4, 'error', EMAIL_LACK, 'customer_email']])
    expect(o.lacks.map((l) => l.field)).toEqual(['customer_email'])
    await tableLine(files['momo.orders'], 'momo.orders', 'shopline.orders', o, 'no buyer e-mail in the export (said once)')
  })
})
