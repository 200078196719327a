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
import {
  carefulFor,
  columnsOf,
  issuesOf,
  openExport,
  payloads,
  printTable,
  recordsOf,
  tableLine
} from './layouts/first-try'
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

const EMAIL_LACK = 'file_lacks_field'

describe('Shopee', () => {
  it('current xlsx → 帳獸 orders: item rows grouped, 待出貨 + 貨到付款 → pending, the missing e-mail said once for the file', async () => {
    const o = await openExport(files['shopee.orders'], 'zangsho.orders')
    expect(o.source).toBe('shopee.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('shopee.orders', 'zangsho.orders'))
    expect(o.mapping.status).toMatchObject({
      derive: { kind: 'status_by_payment', statusColumn: '訂單狀態', paymentColumn: '付款方式' }
    })
    expect(o.valueMatches.payment_method).toMatchObject({ '信用卡/金融卡': 'credit_card', 銀行轉帳: 'atm' })
    expect(payloads(o)).toEqual([
      {
        order_no: '241101AB7C1234',
        amount: '1180.00',
        status: 'paid',
        payment_method: 'credit_card',
        paid_at: '2024-11-01T02:16:00Z'
      },
      { order_no: '241102CD8E5678', amount: '990.00', status: 'pending' }, // 待出貨 + 貨到付款: not paid yet, and 帳獸 has no COD method
      { order_no: '241103EF9G9012', amount: '1990.00', status: 'pending', payment_method: 'atm' },
      {
        order_no: '241104GH0J3456',
        amount: '760.00',
        status: 'paid',
        payment_method: 'line_pay',
        paid_at: '2024-11-04T13:03:00Z'
      }
    ])
    expect(o.preparation.records.map((r) => r.rows)).toEqual([[2, 3], [4], [5], [6, 7]])
    // The only error is the file-level one: Shopee exports no buyer e-mail; the layout says why and how to fix it.
    expect(issuesOf(o)).toEqual([
      [2, 'error', EMAIL_LACK, 'customer_email'],
      [4, 'warning', 'value_no_equivalent', 'payment_method']
    ])
    expect(o.lacks.map((l) => l.field)).toEqual(['customer_email'])
    expect(o.lacks[0].why['zh-TW']).toContain('沒有買家 Email')
    expect(o.preparation.summary()).toMatchObject({ rows: 6, valid: 0, invalid: 4 })
    await tableLine(
      files['shopee.orders'],
      'shopee.orders',
      'zangsho.orders',
      o,
      'no buyer e-mail in the export (said once)'
    )
  })

  it('current xlsx → SHOPLINE: lines and totals right, blocked only by the same missing e-mail (SHOPLINE needs customer_email too)', async () => {
    const o = await openExport(files['shopee.orders'], 'shopline.orders')
    expect(o.source).toBe('shopee.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('shopee.orders', 'shopline.orders'))
    expect(o.preparation.records.map((r) => [r.rows, (r.payload.order as { total: number }).total])).toEqual([
      [[2, 3], 1180],
      [[4], 990],
      [[5], 1990],
      [[6, 7], 760]
    ])
    expect(
      (o.preparation.records[0].payload.order as { items: { item_price: number; quantity: number }[] }).items.map(
        (i) => [i.item_price, i.quantity]
      )
    ).toEqual([
      [350, 2],
      [480, 1]
    ])
    expect(issuesOf(o).filter((i) => i[1] === 'error')).toEqual([[2, 'error', EMAIL_LACK, 'customer_email']])
    expect(o.lacks.map((l) => l.field)).toEqual(['customer_email'])
    await tableLine(
      files['shopee.orders'],
      'shopee.orders',
      'shopline.orders',
      o,
      'no buyer e-mail (SHOPLINE needs customer_email)'
    )
  })

  it('older .xls → 帳獸 orders: 訂單總金額, 不成立 → cancelled, same single explanation', async () => {
    const o = await openExport(files['shopee.orders.legacy'], 'zangsho.orders')
    expect(o.source).toBe('shopee.orders.legacy')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('shopee.orders.legacy', 'zangsho.orders'))
    expect(payloads(o).map((p) => [p.order_no, p.amount, p.status, p.payment_method])).toEqual([
      ['19110112AB34CD', '1240.00', 'paid', 'credit_card'],
      ['19110213EF56GH', '990.00', 'pending', undefined],
      ['19110314IJ78KL', '450.00', 'cancelled', 'atm']
    ])
    expect(issuesOf(o).filter((i) => i[1] === 'error')).toEqual([[2, 'error', EMAIL_LACK, 'customer_email']])
    await tableLine(
      files['shopee.orders.legacy'],
      'shopee.orders.legacy',
      'zangsho.orders',
      o,
      'no buyer e-mail (said once)'
    )
  })
})

describe('SHOPLINE', () => {
  it('order report → 帳獸 orders: valid on the first try, "NT$1,990", 已付款/未付款/已退款, gateway in brackets', async () => {
    const o = await openExport(files['shopline.orders'], 'zangsho.orders')
    expect(o.source).toBe('shopline.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('shopline.orders', 'zangsho.orders'))
    expect(payloads(o).map((p) => [p.order_no, p.amount, p.status, p.payment_method, p.customer_email])).toEqual([
      ['20241101000123', '1990.00', 'paid', 'credit_card', 'ming@example.com'],
      ['20241101000124', '990.00', 'pending', 'atm', 'hua@example.com'],
      ['20241102000125', '2480.00', 'refunded', 'line_pay', 'mei@example.com']
    ])
    expect(recordsOf(o)).toEqual([
      [[2, 3], true],
      [[4], true],
      [[5, 6], true]
    ])
    // The report has no payment date: one warning per order (not per item row)
    expect(issuesOf(o)).toEqual([
      [2, 'warning', 'paid_without_paid_at', 'paid_at'],
      [5, 'warning', 'refunded_without_refunded_at', 'refunded_at']
    ])
    await tableLine(files['shopline.orders'], 'shopline.orders', 'zangsho.orders', o)
  })

  it('order report → 帳獸 customers: one row per item, one customer per buyer e-mail', async () => {
    const o = await openExport(files['shopline.orders'], 'zangsho.customers')
    expect(o.mapping).toMatchObject({ email: { column: '電郵' }, name: { column: '顧客' } })
    expect(recordsOf(o)).toEqual([
      [[2, 3], true],
      [[4], true],
      [[5, 6], true]
    ])
    expect(payloads(o).map((p) => [p.email, p.name])).toEqual([
      ['ming@example.com', '王小明'],
      ['hua@example.com', '陳大華'],
      ['mei@example.com', '李美華']
    ])
    expect(o.preparation.summary()).toMatchObject({ rows: 5, valid: 3, invalid: 0, warnings: 0, validRows: 5 })
    await tableLine(files['shopline.orders'], 'shopline.orders', 'zangsho.customers', o)
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
      {
        order_no: 'TG241101A00001',
        amount: '2380.00',
        customer_email: 'yating@example.com',
        status: 'paid',
        customer_name: '張雅婷',
        payment_method: 'credit_card',
        paid_at: '2024-11-01T02:16:00Z'
      },
      {
        order_no: 'TG241102A00002',
        amount: '650.00',
        customer_email: 'chihming@example.com',
        status: 'pending',
        customer_name: '黃志明',
        payment_method: 'atm'
      },
      {
        order_no: 'TG241103A00003',
        amount: '590.00',
        customer_email: 'yating@example.com',
        status: 'paid',
        customer_name: '張雅婷',
        payment_method: 'line_pay',
        paid_at: '2024-11-03T12:05:00Z'
      }
    ])
    expect(recordsOf(o)).toEqual([
      [[2, 3], true],
      [[4], true],
      [[5], true]
    ])
    expect(o.preparation.issues).toEqual([])
    await tableLine(files['91app.orders'], '91app.orders', 'zangsho.orders', o)
  })

  it('91APP → 帳獸 customers: a buyer with two orders (three item rows) is one customer', async () => {
    const o = await openExport(files['91app.orders'], 'zangsho.customers')
    expect(recordsOf(o)).toEqual([
      [[2, 3, 5], true],
      [[4], true]
    ])
    expect(payloads(o)[0]).toEqual({
      email: 'yating@example.com',
      name: '張雅婷',
      phone: '0912345678',
      external_id: 'M00001' // the fixture's 會員編號 differs per order; both orders share one date, so the first is kept
    })
    expect(issuesOf(o)).toEqual([[5, 'warning', 'customer_value_differs', 'external_id']])
    expect(o.preparation.summary()).toMatchObject({ rows: 4, valid: 2, invalid: 0, validRows: 4 })
    await tableLine(files['91app.orders'], '91app.orders', 'zangsho.customers', o)
  })

  it('CYBERBIZ → 帳獸 customers: the buyer (訂購人), not the gift recipient, one per e-mail', async () => {
    const o = await openExport(files['cyberbiz.orders'], 'zangsho.customers')
    expect(o.source).toBe('cyberbiz.orders')
    expect(payloads(o)).toEqual([
      { email: 'shufen@example.com', name: '吳淑芬', phone: '0912345678' },
      { email: 'jiahao@example.com', name: '鄭家豪', phone: '0912345678' }
    ])
    expect(o.preparation.summary()).toMatchObject({ rows: 4, valid: 2, invalid: 0, warnings: 0, validRows: 4 })
    await tableLine(files['cyberbiz.orders'], 'cyberbiz.orders', 'zangsho.customers', o)
  })

  it('CYBERBIZ Big5 CSV → 帳獸 orders: "NT$1,580", 超商取貨付款 sent without a method (warning), 已退款', async () => {
    const o = await openExport(files['cyberbiz.orders'], 'zangsho.orders')
    expect(o.table.encoding).toBe('big5')
    expect(o.source).toBe('cyberbiz.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('cyberbiz.orders', 'zangsho.orders'))
    expect(payloads(o).map((p) => [p.order_no, p.amount, p.status, p.payment_method ?? null])).toEqual([
      ['#100231', '1580.00', 'paid', 'credit_card'],
      ['#100232', '1200.00', 'pending', null],
      ['#100233', '380.00', 'refunded', 'atm']
    ])
    expect(recordsOf(o)).toEqual([
      [[2, 3], true],
      [[4], true],
      [[5], true]
    ])
    expect(issuesOf(o)).toEqual([
      [4, 'warning', 'value_no_equivalent', 'payment_method'],
      [5, 'warning', 'refunded_without_refunded_at', 'refunded_at']
    ])
    await tableLine(files['cyberbiz.orders'], 'cyberbiz.orders', 'zangsho.orders', o)
  })

  it('CYBERBIZ → SHOPLINE: 小計 = 單價 × 數量 per line, 訂單總金額 = the lines, buyer not recipient', async () => {
    const o = await openExport(files['cyberbiz.orders'], 'shopline.orders')
    expect(o.mapping).toMatchObject({
      customer_name: { column: '訂購人姓名' },
      'delivery_address.recipient_name': { column: '收件人姓名' },
      'items.total': { column: '小計' }
    })
    expect(o.preparation.records.map((r) => [r.rows, r.valid, (r.payload.order as { total: number }).total])).toEqual([
      [[2, 3], true, 1580],
      [[4], true, 1200],
      [[5], true, 380]
    ])
    await tableLine(files['cyberbiz.orders'], 'cyberbiz.orders', 'shopline.orders', o)
  })

  it('momo xlsx with title rows → SHOPLINE: header on row 3, lines grouped, no e-mail said once', async () => {
    const o = await openExport(files['momo.orders'], 'shopline.orders')
    expect(o.table.headerRow).toBe(3)
    expect(o.source).toBe('momo.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('momo.orders', 'shopline.orders'))
    expect(o.preparation.records.map((r) => [r.rows, (r.payload.order as { total: number }).total])).toEqual([
      [[4, 5], 757],
      [[6], 299]
    ])
    expect(issuesOf(o).filter((i) => i[1] === 'error')).toEqual([[4, 'error', EMAIL_LACK, 'customer_email']])
    expect(o.lacks.map((l) => l.field)).toEqual(['customer_email'])
    await tableLine(
      files['momo.orders'],
      'momo.orders',
      'shopline.orders',
      o,
      'no buyer e-mail in the export (said once)'
    )
  })
})

describe('Shopify, WooCommerce', () => {
  it('Shopify CSV → 帳獸 orders: order cells only on the first line item, +0800 times to UTC, Shopify Payments → credit_card', async () => {
    const o = await openExport(files['shopify.orders'], 'zangsho.orders')
    expect(o.source).toBe('shopify.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('shopify.orders', 'zangsho.orders'))
    expect(payloads(o).map((p) => [p.order_no, p.amount, p.status, p.customer_name, p.paid_at ?? null])).toEqual([
      ['#1001', '1590.00', 'paid', '王小明', '2024-11-01T02:15:30Z'],
      ['#1002', '450.00', 'pending', '陳大華', null],
      ['#1003', '1200.00', 'refunded', '李美華', '2024-11-02T04:00:00Z']
    ])
    expect(recordsOf(o)).toEqual([
      [[2, 3], true],
      [[4], true],
      [[5], true]
    ])
    // paid_at sits on row 2 of order #1001: its second line (row 3) does not warn
    expect(issuesOf(o)).toEqual([[5, 'warning', 'refunded_without_refunded_at', 'refunded_at']])
    await tableLine(files['shopify.orders'], 'shopify.orders', 'zangsho.orders', o)
  })

  it('Shopify CSV → SHOPLINE: Lineitem price × quantity = Total, buyer vs Shipping Name kept apart', async () => {
    const o = await openExport(files['shopify.orders'], 'shopline.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('shopify.orders', 'shopline.orders'))
    expect(o.preparation.records.map((r) => [r.rows, r.valid, (r.payload.order as { total: number }).total])).toEqual([
      [[2, 3], true, 1590],
      [[4], true, 450],
      [[5], true, 1200]
    ])
    expect(
      (o.preparation.records[0].payload.order as { delivery_address: { recipient_name: string } }).delivery_address
        .recipient_name
    ).toBe('王媽媽')
    await tableLine(files['shopify.orders'], 'shopify.orders', 'shopline.orders', o)
  })

  it('Shopify re-saved with zh-TW headers (xlsx) → 帳獸 orders: 已付款 / 待處理, "NT$1,590"', async () => {
    const o = await openExport(files['shopify.orders.zh'], 'zangsho.orders')
    expect(o.source).toBe('shopify.orders.zh')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('shopify.orders.zh', 'zangsho.orders'))
    expect(o.valueMatches.status).toMatchObject({ 待處理: 'pending' })
    expect(payloads(o).map((p) => [p.order_no, p.amount, p.status, p.payment_method])).toEqual([
      ['#1001', '1590.00', 'paid', 'credit_card'],
      ['#1002', '450.00', 'pending', 'credit_card']
    ])
    expect(recordsOf(o)).toEqual([
      [[2, 3], true],
      [[4], true]
    ])
    await tableLine(files['shopify.orders.zh'], 'shopify.orders.zh', 'zangsho.orders', o)
  })

  it('WooCommerce CSV → 帳獸 orders and customers: gateway ids, on-hold → pending, guest orders by billing_email', async () => {
    const o = await openExport(files['woocommerce.orders'], 'zangsho.orders')
    expect(o.source).toBe('woocommerce.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('woocommerce.orders', 'zangsho.orders'))
    expect(payloads(o).map((p) => [p.order_no, p.amount, p.status, p.payment_method, p.customer_email])).toEqual([
      ['2101', '1250.00', 'paid', 'credit_card', 'ming@example.com'],
      ['2102', '450.00', 'pending', 'atm', 'hua@example.com'],
      ['2103', '890.00', 'refunded', 'credit_card', 'mei@example.com']
    ])
    expect(o.preparation.summary()).toMatchObject({ valid: 3, invalid: 0 })
    await tableLine(files['woocommerce.orders'], 'woocommerce.orders', 'zangsho.orders', o)
    const c = await openExport(files['woocommerce.orders'], 'zangsho.customers')
    expect(c.preparation.summary()).toMatchObject({ valid: 3, invalid: 0 })
    await tableLine(files['woocommerce.orders'], 'woocommerce.orders', 'zangsho.customers', c)
  })

  it('WooCommerce zh-TW Big5 CSV → 帳獸 orders: 處理中 → paid, 保留 → pending, 貨到付款 without a method', async () => {
    const o = await openExport(files['woocommerce.orders.zh'], 'zangsho.orders')
    expect(o.source).toBe('woocommerce.orders.zh')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('woocommerce.orders.zh', 'zangsho.orders'))
    expect(payloads(o).map((p) => [p.order_no, p.amount, p.status, p.payment_method ?? null])).toEqual([
      ['3101', '1250.00', 'paid', 'credit_card'],
      ['3102', '450.00', 'pending', 'atm'],
      ['3103', '890.00', 'paid', null]
    ])
    expect(issuesOf(o)).toEqual([
      [4, 'warning', 'value_no_equivalent', 'payment_method'],
      [4, 'warning', 'paid_without_paid_at', 'paid_at']
    ])
    expect(o.preparation.summary()).toMatchObject({ valid: 3, invalid: 0 })
    await tableLine(files['woocommerce.orders.zh'], 'woocommerce.orders.zh', 'zangsho.orders', o)
  })
})

describe('定期定額 and ERP', () => {
  it('ECPay Big5 CSV → 帳獸 subscriptions: 2,970 every 3 months → MRR 990.00 quarterly; 12,000 yearly → 1000.00', async () => {
    const o = await openExport(files['ecpay.periodic'], 'zangsho.subscriptions')
    expect(o.source).toBe('ecpay.periodic')
    expect(columnsOf(o.mapping)).toMatchObject(carefulFor('ecpay.periodic', 'zangsho.subscriptions')!)
    expect(payloads(o).map((p) => [p.customer_email, p.mrr, p.billing_cycle, p.started_at])).toEqual([
      ['ming@example.com', '990.00', 'quarterly', '2024-01-15T02:00:00Z'],
      ['hua@example.com', '1280.00', 'monthly', '2024-02-01T01:30:00Z'],
      ['mei@example.com', '1000.00', 'yearly', '2024-03-20T06:00:00Z']
    ])
    expect(o.preparation.summary()).toMatchObject({ rows: 3, valid: 3, invalid: 0, warnings: 0 })
    await tableLine(files['ecpay.periodic'], 'ecpay.periodic', 'zangsho.subscriptions', o)
    const c = await openExport(files['ecpay.periodic'], 'zangsho.customers')
    expect(c.preparation.summary()).toMatchObject({ valid: 3, invalid: 0 })
    await tableLine(files['ecpay.periodic'], 'ecpay.periodic', 'zangsho.customers', c)
  })

  it('NewebPay xlsx → 帳獸 subscriptions: "NT$2,970" 每季 → 990.00 quarterly, 每月 → monthly', async () => {
    const o = await openExport(files['newebpay.periodic'], 'zangsho.subscriptions')
    expect(o.source).toBe('newebpay.periodic')
    expect(payloads(o).map((p) => [p.customer_email, p.mrr, p.billing_cycle, p.plan_name])).toEqual([
      ['yating@example.com', '990.00', 'quarterly', '季繳保養品'],
      ['chihming@example.com', '399.00', 'monthly', '月繳刊物']
    ])
    expect(o.preparation.summary()).toMatchObject({ valid: 2, invalid: 0 })
    await tableLine(files['newebpay.periodic'], 'newebpay.periodic', 'zangsho.subscriptions', o)
  })

  it('ERP xlsx with three title rows → 帳獸 orders: header found on row 4, "10,500", no e-mail said once', async () => {
    const o = await openExport(files['erp.orders'], 'zangsho.orders')
    expect(o.table.headerRow).toBe(4)
    expect(o.source).toBe('erp.orders')
    expect(columnsOf(o.mapping)).toEqual(carefulFor('erp.orders', 'zangsho.orders'))
    expect(payloads(o).map((p) => [p.order_no, p.amount, p.customer_name])).toEqual([
      ['SO1131101001', '10500.00', '大同茶行'],
      ['SO1131105002', '1990.00', '新光商號'],
      ['SO1131120003', '3150.00', '大同茶行']
    ])
    expect(issuesOf(o)).toEqual([[5, 'error', EMAIL_LACK, 'customer_email']])
    expect(o.lacks.map((l) => l.field)).toEqual(['customer_email'])
    await tableLine(
      files['erp.orders'],
      'erp.orders',
      'zangsho.orders',
      o,
      'no customer e-mail in ERP reports (said once)'
    )
    const c = await openExport(files['erp.orders'], 'zangsho.customers')
    expect(issuesOf(c)).toEqual([[5, 'error', EMAIL_LACK, 'email']])
    expect(c.lacks.map((l) => l.field)).toEqual(['email'])
    await tableLine(files['erp.orders'], 'erp.orders', 'zangsho.customers', c, 'no customer e-mail (said once)')
  })
})

describe('buyer and order columns win, and the mapping says why', () => {
  it('for every layout and destination, with recognition and from the header words alone', async () => {
    const { SOURCE_LAYOUTS, mapWithSource } = await import('../../src-main/core/sources')
    const { getTarget } = await import('../../src-main/core/targets')
    const { columnSide, wantsBuyerSide } = await import('../../src-main/core/mapping/column-side')
    const notes: string[] = []
    for (const layout of SOURCE_LAYOUTS) {
      for (const id of Object.keys(layout.targets)) {
        const target = getTarget(id as never)!
        for (const recognize of [true, false]) {
          for (const m of mapWithSource(target, layout.headers, SOURCE_LAYOUTS, recognize).matches) {
            if (!wantsBuyerSide(target.fields.find((f) => f.key === m.field)!)) continue
            expect(columnSide(m.column), `${layout.id} → ${id}: ${m.field} ← ${m.column}`).toBeNull()
            if (m.note)
              notes.push(`${layout.id} ${id} ${recognize ? 'layout' : 'words'} ${m.field}: ${m.note['zh-TW']}`)
          }
        }
      }
    }
    expect(notes).toContain(
      '91app.orders zangsho.customers layout phone: 選「購買人手機」（訂購人）而非「收件人手機」（收件人）：帳獸的客戶是付款的買家。'
    )
    expect(notes).toContain(
      'cyberbiz.orders zangsho.orders layout amount: 選「訂單總金額」（整筆訂單）而非「小計」（單一商品明細）。'
    )
    expect(notes).toContain(
      'shopify.orders zangsho.orders words amount: 選「Total」（整筆訂單）而非「Subtotal」（單一商品明細）。'
    )
  })
})

describe.skipIf(!hasPublicSamples)('the real public exports (../shared/samples/public)', () => {
  it('Shopify: 19 orders of 40 rows; the 10 without a buyer e-mail (draft orders) are the only errors; "manual" payments go without a method', async () => {
    const file = join(PUBLIC_SAMPLES_DIR, 'shopify-orders-export.csv')
    const o = await openExport(file, 'zangsho.orders')
    expect(o.source).toBe('shopify.orders')
    expect(o.preparation.summary()).toMatchObject({ rows: 40, valid: 9, invalid: 10 })
    expect(new Set(o.preparation.issues.filter((i) => i.severity === 'error').map((i) => i.code))).toEqual(
      new Set(['required_missing'])
    )
    expect(
      o.preparation.issues.filter((i) => i.code === 'value_no_equivalent').every((i) => i.value === 'manual')
    ).toBe(true)
    await tableLine(file, 'shopify.orders (public sample)', 'zangsho.orders', o, '10 draft orders have no e-mail')
    const s = await openExport(file, 'shopline.orders')
    expect(s.preparation.summary()).toMatchObject({ valid: 9, invalid: 10 })
    await tableLine(file, 'shopify.orders (public sample)', 'shopline.orders', s, '10 draft orders have no e-mail')
  })

  it('WooCommerce: all 3 orders and customers valid on the first try (cod/paypal sent without a method)', async () => {
    const file = join(PUBLIC_SAMPLES_DIR, 'woocommerce-orders-export-webtoffee-sample.csv')
    const o = await openExport(file, 'zangsho.orders')
    expect(o.source).toBe('woocommerce.orders')
    expect(o.preparation.summary()).toMatchObject({ rows: 3, valid: 3, invalid: 0 })
    await tableLine(file, 'woocommerce.orders (public sample)', 'zangsho.orders', o)
    const c = await openExport(file, 'zangsho.customers')
    expect(c.preparation.summary()).toMatchObject({ rows: 3, valid: 3, invalid: 0 })
    await tableLine(file, 'woocommerce.orders (public sample)', 'zangsho.customers', c)
  })
})
