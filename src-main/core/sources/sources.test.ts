// Per export: a fixture table built from the researched header row is recognized as its layout, and the layout's
// mapping equals what a careful person maps (CAREFUL). The same table is also auto-mapped with recognition OFF,
// and both figures are printed (columns mapped as the careful person would / columns the careful person maps).
import { afterAll, describe, expect, it } from 'vitest'
import { TARGETS } from '../targets/index'
import { autoMap } from '../mapping/automap'
import type { Mapping } from '../mapping/types'
import { tableOf, readSample } from '../validation/test-table'
import { createPreparation } from '../validation/prepare'
import { hasPublicSamples } from '../../../test/public-samples'
import { SOURCE_LAYOUTS, getSourceLayout, mapWithSource, planFromLayout, recognizeSource } from './index'
import { CAREFUL, score } from './__test__/careful-mappings'

const columns = (m: Mapping) =>
  Object.fromEntries(
    Object.entries(m)
      .filter(([, e]) => 'column' in e)
      .map(([k, e]) => [k, (e as { column: string }).column])
  )
const figures: string[] = []

describe('every layout', () => {
  it('has a citation, its header row, and a fingerprint its own header row satisfies', () => {
    const ids = new Set<string>()
    for (const l of SOURCE_LAYOUTS) {
      expect(ids.has(l.id), l.id).toBe(false)
      ids.add(l.id)
      expect(l.citation.length, l.id).toBeGreaterThan(10)
      expect(recognizeSource(l.headers, SOURCE_LAYOUTS)?.layout.id, l.id).toBe(l.id)
      for (const [target, plan] of Object.entries(l.targets)) {
        const resolved = planFromLayout(l, TARGETS[target as keyof typeof TARGETS], l.headers)!
        // every column the layout names exists in its own header row
        const named = new Set([...Object.keys(plan.mapping), ...Object.keys(plan.derived ?? {})])
        expect(Object.keys(resolved.mapping).sort(), `${l.id} → ${target}`).toEqual(
          [...named].filter((k) => TARGETS[target as keyof typeof TARGETS].fields.some((f) => f.key === k)).sort()
        )
      }
    }
  })

  it('a header row of nothing in particular is not recognized', () => {
    expect(recognizeSource(['訂單編號', '金額', 'Email'], SOURCE_LAYOUTS)).toBeNull()
    expect(recognizeSource([], SOURCE_LAYOUTS)).toBeNull()
  })
})

describe.each(CAREFUL)('$layout → $target', ({ layout, target, headers, expected }) => {
  // A fixture table from the researched header row, with headers as exports really write them: extra spaces.
  const table = tableOf(
    headers.map((h, i) => (i % 3 === 0 ? ` ${h} ` : h)),
    [headers.map(() => 'x')]
  )
  const t = TARGETS[target]

  it('is recognized and its layout maps every column as a careful person would', () => {
    const r = mapWithSource(t, table.headers, SOURCE_LAYOUTS)
    expect(r.source?.source.id).toBe(layout)
    const got = Object.fromEntries(Object.entries(columns(r.mapping)).map(([k, v]) => [k, v.trim()]))
    // a field the layout derives (e.g. Shopee's status from status + payment) is a derive entry, not the plain column
    const derived = Object.keys(getSourceLayout(layout)!.targets[target]?.derived ?? {})
    for (const f of derived) expect(r.mapping[f], `${layout} ${f}`).toHaveProperty('derive')
    expect(got).toEqual(Object.fromEntries(Object.entries(expected).filter(([k]) => !derived.includes(k))))
    expect(r.matches.every((m) => m.reason === 'source' && m.confidence === 1)).toBe(true)
    const plain = score(
      expected,
      Object.fromEntries(Object.entries(columns(autoMap(t, table.headers).mapping)).map(([k, v]) => [k, v.trim()]))
    )
    figures.push(
      `${layout.padEnd(22)} ${target.padEnd(22)} layout ${Object.keys(expected).length}/${Object.keys(expected).length}   synonyms only ${plain.correct}/${plain.total}${plain.wrong.length ? '   (' + plain.wrong.join('; ') + ')' : ''}`
    )
  })

  it("with recognition turned off, the mapping comes from the headers' words", () => {
    const r = mapWithSource(t, table.headers, SOURCE_LAYOUTS, false)
    expect(r.source).toBeNull()
    expect(r.mapping).toEqual(autoMap(t, table.headers).mapping)
  })
})

afterAll(() => {
  if (figures.length === 0) return
  // Printed for the report: rerun with `npx vitest run src-main/core/sources/sources.test.ts`.
  console.log('Auto-mapped as a careful person would (per export → destination):\n' + figures.join('\n'))
})

describe('what layouts bring besides the mapping', () => {
  it('Shopee: grouping by order, status from status + payment, value matches, and the missing e-mail said once', () => {
    const shopee = getSourceLayout('shopee.orders')!
    const plan = planFromLayout(shopee, TARGETS['zangsho.orders'], [...shopee.headers])!
    expect(plan.groupBy).toBe('order_no')
    expect(plan.derived?.status).toMatchObject({
      kind: 'status_by_payment',
      statusColumn: '訂單狀態',
      paymentColumn: '付款方式'
    })
    expect(plan.valueMatches.status['不成立']).toBe('cancelled')
    expect(plan.lacks.map((l) => l.field)).toEqual(['customer_email'])
    expect(plan.lacks[0].why['zh-TW']).toContain('Email')
  })

  it("ECPay 定期定額: MRR and billing cycle are derived from amount, unit and frequency, against the sheet's spelling", () => {
    const ecpay = getSourceLayout('ecpay.periodic')!
    const headers = ecpay.headers.map((h) => (h === '每次授權金額' ? '每次授權金額 (元)' : h))
    const plan = planFromLayout(ecpay, TARGETS['zangsho.subscriptions'], headers)!
    expect(plan.derived?.mrr).toEqual({
      kind: 'monthly_amount',
      amountColumn: '每次授權金額 (元)',
      unitColumn: '週期種類',
      frequencyColumn: '執行頻率'
    })
    expect(plan.derived?.billing_cycle).toEqual({
      kind: 'billing_cycle',
      unitColumn: '週期種類',
      frequencyColumn: '執行頻率'
    })
  })

  it('ERP: another spelling of a column (訂單編號 for 單號, 總金額 for 金額) is still found', () => {
    const headers = ['訂單編號', '日期', '客戶編號', '客戶名稱', '未稅金額', '稅額', '總金額']
    const r = mapWithSource(TARGETS['zangsho.orders'], headers, SOURCE_LAYOUTS)
    expect(r.source?.source.id).toBe('erp.orders')
    expect(columns(r.mapping)).toEqual({ order_no: '訂單編號', amount: '總金額', customer_name: '客戶名稱' })
  })

  it('a destination the layout does not fill falls back to auto-mapping', () => {
    const r = mapWithSource(
      TARGETS['zangsho.subscriptions'],
      [...getSourceLayout('shopee.orders')!.headers],
      SOURCE_LAYOUTS
    )
    expect(r.source).toBeNull()
  })

  it("SHOPLINE: the layout's value matches make 電郵 customers valid on the first try", () => {
    const headers = ['訂單號碼', '訂單日期', '付款狀態', '顧客', '電郵', '付款方式', '訂單合計', '貨幣', '送貨狀態']
    const r = mapWithSource(TARGETS['zangsho.orders'], headers, SOURCE_LAYOUTS)
    expect(r.source?.source.id).toBe('shopline.orders')
    const table = tableOf(headers, [
      [
        '20240101001',
        '2024-01-01',
        '已付款',
        '王小明',
        'ming@example.com',
        '信用卡（SHOPLINE Payments）',
        'NT$1,990',
        'TWD',
        '已發貨'
      ],
      ['20240101002', '2024-01-01', '未付款', '陳大華', 'hua@example.com', 'ATM 虛擬帳號', '990', 'TWD', '-']
    ])
    const prep = createPreparation(table, {
      target: 'zangsho.orders',
      mapping: r.mapping,
      valueMatches: r.valueMatches,
      timezone: 'Asia/Taipei'
    })
    expect(prep.records.map((x) => x.valid)).toEqual([true, true])
    expect(prep.records[0].payload).toMatchObject({
      customer_email: 'ming@example.com',
      status: 'paid',
      payment_method: 'credit_card',
      amount: '1990.00'
    })
    expect(prep.records[1].payload).toMatchObject({ status: 'pending', payment_method: 'atm' })
  })
})

describe.skipIf(!hasPublicSamples)('the real public exports', () => {
  it('the Shopify export is recognized and valid for 帳獸 orders but for the payment method Shopify writes (manual)', () => {
    const table = readSample('shopify-orders-export.csv')
    const r = mapWithSource(TARGETS['zangsho.orders'], table.headers, SOURCE_LAYOUTS)
    expect(r.source?.source.id).toBe('shopify.orders')
    expect(columns(r.mapping)).toMatchObject({ order_no: 'Name', amount: 'Total', customer_email: 'Email' })
  })

  it('the WooCommerce export is recognized and takes billing_email (a guest order has no customer_email)', () => {
    const table = readSample('woocommerce-orders-export-webtoffee-sample.csv')
    const r = mapWithSource(TARGETS['zangsho.orders'], table.headers, SOURCE_LAYOUTS)
    expect(r.source?.source.id).toBe('woocommerce.orders')
    expect(columns(r.mapping).customer_email).toBe('billing_email')
    const prep = createPreparation(table, {
      target: 'zangsho.orders',
      mapping: r.mapping,
      valueMatches: r.valueMatches,
      timezone: 'Asia/Taipei'
    })
    // the guest order 1002 has only billing_email: with the layout it has an e-mail
    expect(prep.issues.filter((i) => i.field === 'customer_email')).toEqual([])
  })
})
