// Auto-mapping on realistic header sets: a zh-TW shop export, real Shopify and WooCommerce exports, the API's own names.
import { describe, expect, it } from 'vitest'
import { TARGETS } from '../targets/index'
import { autoMap, normalizeHeader, scoreHeader, similarity, unmappedColumns, validateMapping } from './automap'
import { readSample } from '../validation/test-table'
import { hasPublicSamples } from '../../../test/public-samples'

const columns = (r: ReturnType<typeof autoMap>) =>
  Object.fromEntries(Object.entries(r.mapping).map(([k, v]) => [k, 'column' in v ? v.column : null]))

describe('autoMap', () => {
  it('a zh-TW shop export → 帳獸 orders, nothing required left', () => {
    const headers = [
      '訂單號碼',
      '訂購日期',
      '會員姓名',
      '電子信箱',
      '手機',
      '訂單金額 (含稅)',
      '付款方式',
      '付款狀態',
      '付款時間',
      '幣別',
      '繳費週期',
      '備註'
    ]
    const r = autoMap(TARGETS['zangsho.orders'], headers)
    expect(columns(r)).toEqual({
      order_no: '訂單號碼',
      amount: '訂單金額 (含稅)',
      customer_email: '電子信箱',
      status: '付款狀態',
      customer_name: '會員姓名',
      currency: '幣別',
      payment_method: '付款方式',
      billing_cycle: '繳費週期',
      paid_at: '付款時間'
    })
    expect(r.unmappedRequired).toEqual([])
    const amount = r.matches.find((m) => m.field === 'amount')!
    // The bracketed note is stripped before matching (header-clean), so "訂單金額 (含稅)" names 訂單金額 exactly.
    expect(amount.reason).toBe('synonym')
    expect(amount.confidence).toBeGreaterThan(0.9)
    expect(r.matches.find((m) => m.field === 'order_no')!.reason).toBe('synonym')
  })

  it.skipIf(!hasPublicSamples)('the real Shopify export → 帳獸 orders and SHOPLINE orders', () => {
    const { headers } = readSample('shopify-orders-export.csv')
    const orders = autoMap(TARGETS['zangsho.orders'], headers)
    expect(columns(orders)).toMatchObject({
      order_no: 'Name',
      amount: 'Total',
      customer_email: 'Email',
      status: 'Financial Status',
      paid_at: 'Paid at',
      currency: 'Currency',
      payment_method: 'Payment Method',
      customer_name: 'Billing Name'
    })
    expect(orders.mapping.refunded_at).toBeUndefined() // "Refunded Amount" is not a date
    const shop = autoMap(TARGETS['shopline.orders'], headers)
    expect(columns(shop)).toMatchObject({
      order_no: 'Name',
      order_date: 'Created at',
      customer_email: 'Email',
      'items.name': 'Lineitem name',
      'items.item_price': 'Lineitem price',
      'items.quantity': 'Lineitem quantity',
      order_total: 'Total',
      'delivery_address.recipient_name': 'Shipping Name',
      'delivery_address.city': 'Shipping City',
      'delivery_address.postcode': 'Shipping Zip',
      'delivery_address.country_code': 'Shipping Country'
    })
    expect(shop.unmappedRequired).toEqual([])
  })

  it.skipIf(!hasPublicSamples)('the real WooCommerce export → 帳獸 orders', () => {
    const { headers } = readSample('woocommerce-orders-export-webtoffee-sample.csv')
    const r = autoMap(TARGETS['zangsho.orders'], headers)
    expect(columns(r)).toMatchObject({
      order_no: 'order_number',
      amount: 'order_total',
      customer_email: 'customer_email',
      status: 'status',
      currency: 'order_currency',
      payment_method: 'payment_method',
      paid_at: 'paid_date'
    })
    expect(r.mapping.customer_name).toBeUndefined() // only first/last name columns: never half a name silently
  })

  it("the API's own field names map exactly with confidence 1", () => {
    for (const id of ['zangsho.orders', 'zangsho.customers', 'zangsho.subscriptions'] as const) {
      const keys = TARGETS[id].fields.map((f) => f.key)
      const r = autoMap(TARGETS[id], keys)
      expect(columns(r)).toEqual(Object.fromEntries(keys.map((k) => [k, k])))
      expect(r.matches.every((m) => m.reason === 'exact' && m.confidence === 1)).toBe(true)
    }
    const subs = autoMap(TARGETS['zangsho.subscriptions'], [
      'Customer Email',
      'MRR',
      '訂閱週期',
      '開始日期',
      '本期開始',
      '方案'
    ])
    expect(columns(subs)).toEqual({
      customer_email: 'Customer Email',
      mrr: 'MRR',
      billing_cycle: '訂閱週期',
      started_at: '開始日期',
      current_period_start: '本期開始',
      plan_name: '方案'
    })
  })

  it('one column never feeds two fields: the best field wins, the other stays unmapped and is reported', () => {
    const r = autoMap(TARGETS['shopline.orders'], ['訂單編號', '金額', '商品名稱', '單價', 'Email'])
    const used = Object.values(r.mapping).map((e) => ('column' in e ? e.column : ''))
    expect(new Set(used).size).toBe(used.length)
    expect(columns(r).order_total).toBe('金額')
    // "Payment Date" scores for both payment_method (fuzzy) and paid_at (synonym): paid_at takes it, payment_method stays free.
    const orders = TARGETS['zangsho.orders']
    expect(
      scoreHeader(
        orders.fields.find((f) => f.key === 'payment_method')!,
        'Payment Date'
      )
    ).not.toBeNull()
    expect(autoMap(orders, ['Payment Date']).mapping).toEqual({ paid_at: { column: 'Payment Date' } })
    const missing = autoMap(TARGETS['zangsho.orders'], ['Email', '姓名'])
    expect(missing.unmappedRequired).toEqual(['order_no', 'amount'])
  })

  it('header normalization and similarity', () => {
    expect(normalizeHeader(' Order No. ')).toBe('orderno')
    expect(normalizeHeader('訂單　編號')).toBe('訂單編號')
    expect(normalizeHeader('ＥＭＡＩＬ')).toBe('email')
    expect(similarity('total', 'total')).toBe(1)
    expect(similarity('subtotal', 'total')).toBeLessThan(0.78)
  })
})

describe('validateMapping and metadata columns', () => {
  const t = TARGETS['zangsho.orders']
  const headers = ['單號', '金額', 'Email', '備註']
  it('reports a column used twice, unknown columns and fields, bad entries and unmapped required fields', () => {
    const problems = validateMapping(
      t,
      {
        order_no: { column: '單號' },
        customer_name: { column: '單號' },
        amount: { column: '總價' },
        foo: { column: 'Email' },
        currency: {} as never
      },
      headers
    )
    const codes = problems.map((p) => `${p.code}:${p.field}`).sort()
    expect(codes).toEqual([
      'bad_entry:currency',
      'column_used_twice:order_no,customer_name',
      'required_unmapped:customer_email',
      'unknown_column:amount',
      'unknown_field:foo'
    ])
    expect(problems.find((p) => p.code === 'unknown_column')!.messageZh).toContain('總價')
    expect(
      validateMapping(
        t,
        {
          order_no: { column: '單號' },
          amount: { column: '金額' },
          customer_email: { column: 'Email' },
          currency: { constant: 'TWD' }
        },
        headers
      )
    ).toEqual([])
  })
  it('lists the columns no field reads', () => {
    expect(unmappedColumns({ order_no: { column: '單號' }, currency: { constant: 'TWD' } }, headers)).toEqual([
      '金額',
      'Email',
      '備註'
    ])
  })
})
