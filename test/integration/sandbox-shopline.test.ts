// The SHOPLINE half of the rehearsal server, over real HTTP on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, shoplineSeed, startSandbox } from '../../src-main/sandbox/index'

let sb: Sandbox | undefined
afterEach(async () => {
  await sb?.close()
  sb = undefined
})

async function call(method: string, url: string, body?: unknown, token = 'rehearsal') {
  const res = await fetch(url, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      'Content-Type': 'application/json',
      'User-Agent': 'orderdock-test'
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, json: (await res.json()) as any }
}

const line = (name: string, price: number, quantity = 1) => ({
  item_type: 'CustomProduct',
  item_price: price,
  quantity,
  total: price * quantity,
  item_data: { name, price: String(price) }
})

function orderBody(
  overrides: Record<string, unknown> = {},
  items: unknown[] = [line('歷史訂單-商品A', 600, 2), line('B', 300)]
) {
  return {
    order: {
      delivery_option_id: shoplineSeed.HISTORICAL_DELIVERY_ID,
      payment_method_id: shoplineSeed.IMPORTED_PAYMENT_ID,
      subtotal: 1500,
      total: 1500,
      items,
      customer_email: 'a@example.com',
      delivery_address: {
        city: '台北市',
        address_1: '光復北路 1 號',
        recipient_name: '收件人',
        recipient_phone: '0227423966',
        country_code: 'TW'
      },
      order_remarks: '匯入：原訂單 SRC-001（2023-05-01）',
      ...overrides
    },
    is_registering_as_member: false,
    is_inventory_fulfillment: false,
    mail_notify: false
  }
}

describe('SHOPLINE create order', () => {
  it('creates an order stamped with the call time and finds it through search', async () => {
    let now = Date.parse('2026-02-01T03:00:00.000Z')
    sb = await startSandbox({ now: () => now })
    const created = await call('POST', `${sb.shoplineBaseUrl}/orders`, orderBody())
    expect(created.status).toBe(200)
    expect(created.json).toMatchObject({
      status: 'pending',
      created_at: '2026-02-01T03:00:00.000+00:00',
      customer_email: 'a@example.com',
      order_remarks: '匯入：原訂單 SRC-001（2023-05-01）',
      subtotal: { cents: 150000, dollars: 1500, currency_iso: 'TWD', label: 'NT$1,500' },
      total: { cents: 150000, dollars: 1500, currency_iso: 'TWD' },
      order_delivery: { delivery_option_id: shoplineSeed.HISTORICAL_DELIVERY_ID, platform: 'custom' },
      order_payment: { payment_method_id: shoplineSeed.IMPORTED_PAYMENT_ID, payment_type: 'custom', status: 'temp' }
    })
    expect(created.json.id).toMatch(/^[0-9a-f]{24}$/)
    expect(
      created.json.subtotal_items.map((i: { item_type: string; quantity: number }) => [i.item_type, i.quantity])
    ).toEqual([
      ['CustomProduct', 2],
      ['CustomProduct', 1]
    ])
    now += 60_000
    await call(
      'POST',
      `${sb.shoplineBaseUrl}/orders`,
      orderBody({ customer_email: 'b@example.com', subtotal: 300, total: 200 }, [
        line('C', 300),
        { item_type: 'CustomDiscount', item_price: 100, total: 100, item_data: { name: '折扣' } }
      ])
    )
    now += 60_000
    await call('POST', `${sb.shoplineBaseUrl}/orders`, orderBody())
    const search = (query: string) => call('GET', `${sb!.shoplineBaseUrl}/orders/search?${query}`)
    const byEmail = await search('customer_email=a@example.com')
    expect(byEmail.json.pagination).toEqual({ current_page: 1, per_page: 24, total_count: 2, total_pages: 1 })
    const inclusive = await search(
      `customer_email=a@example.com&created_after=${encodeURIComponent('2026-02-01T03:02:00Z')}`
    )
    expect(inclusive.json.items.map((o: { created_at: string }) => o.created_at)).toEqual([
      '2026-02-01T03:02:00.000+00:00'
    ])
    const zoneless = await search('customer_email=a@example.com&created_after=2026-02-01%2003:02:00')
    expect(zoneless.json.items).toHaveLength(1)
    expect((await search('created_after=yesterday')).status).toBe(422)
    const before = await search(`created_before=${encodeURIComponent('2026-02-01T03:01:00Z')}&per_page=1&page=2`)
    expect(before.json.pagination).toEqual({ current_page: 2, per_page: 1, total_count: 2, total_pages: 2 })
    const discounted = (await search('customer_email=b@example.com')).json.items[0]
    expect(discounted.total.dollars).toBe(200)
    expect(discounted.order_discount.dollars).toBe(100)
    expect(sb.state.shoplineOrders).toHaveLength(3)
  })

  it('rejects third-party delivery and payment, SHOPLINE Payments, and mismatched totals with 422 {error, message, code, extras}', async () => {
    sb = await startSandbox()
    const post = (body: unknown) => call('POST', `${sb!.shoplineBaseUrl}/orders`, body)
    const cases: [unknown, string][] = [
      [orderBody({ delivery_option_id: shoplineSeed.THIRD_PARTY_DELIVERY_ID }), 'DeliveryOptionNotSupported'],
      [orderBody({ payment_method_id: shoplineSeed.SHOPLINE_PAYMENTS_ID }), 'PaymentMethodNotSupported'],
      [orderBody({ delivery_option_id: 'ffffffffffffffffffffffff' }), 'DeliveryOptionNotFound'],
      [orderBody({ subtotal: 1400 }), 'SubtotalMismatch'],
      [orderBody({ total: 1400 }), 'TotalMismatch'],
      [orderBody({}, [{ ...line('A', 600, 2), total: 600 }, line('B', 300)]), 'ItemTotalMismatch'],
      [
        orderBody({}, [{ ...line('A', 600, 2), item_data: { name: 'A', price: '500' } }, line('B', 300)]),
        'InvalidParameter'
      ],
      [orderBody({ customer_email: undefined }), 'InvalidParameter'],
      [orderBody({ delivery_address: undefined }), 'InvalidParameter'],
      [
        orderBody({ subtotal: 999, total: 999 }, [
          { item_type: 'Product', item_id: shoplineSeed.PRODUCT_ID, item_price: 899, quantity: 1, total: 899 }
        ]),
        'ProductPriceMismatch'
      ],
      [orderBody({ customer_email: undefined, customer_id: 'ffffffffffffffffffffffff' }), 'CustomerNotFound'],
      [{}, 'InvalidParameter']
    ]
    for (const [body, code] of cases) {
      const res = await post(body)
      expect(res.status, code).toBe(422)
      expect(res.json).toEqual({
        error: expect.any(String),
        message: expect.any(String),
        code,
        extras: expect.any(Object)
      })
    }
    expect(sb.state.shoplineOrders).toHaveLength(0)
    const product = await post(
      orderBody({ subtotal: 999, total: 999 }, [
        { item_type: 'Product', item_id: shoplineSeed.PRODUCT_ID, item_price: 999, quantity: 1, total: 999 }
      ])
    )
    expect(product.status).toBe(200)
    const bank = await post(
      orderBody({
        delivery_option_id: shoplineSeed.STORE_PICKUP_DELIVERY_ID,
        payment_method_id: shoplineSeed.BANK_TRANSFER_PAYMENT_ID,
        customer_email: undefined,
        customer_id: product.json.customer_id
      })
    )
    expect(bank.status).toBe(200)
    expect(bank.json.customer_email).toBe('a@example.com')
  })
})

describe('SHOPLINE lists, auth and rate limit', () => {
  it('lists delivery options and payments with custom and third-party kinds', async () => {
    sb = await startSandbox()
    const delivery = await call('GET', `${sb.shoplineBaseUrl}/delivery_options`)
    expect(delivery.json.pagination.total_count).toBe(3)
    expect(delivery.json.items.map((d: { region_type: string }) => d.region_type)).toEqual([
      'custom',
      'store_pickup',
      'tw_711_b2c_pay'
    ])
    expect(delivery.json.items[0].name_translations).toEqual({ 'zh-hant': '歷史訂單匯入', en: 'Historical import' })
    const payments = await call('GET', `${sb.shoplineBaseUrl}/payments?per_page=2`)
    expect(payments.json.items.map((p: { type: string }) => p.type)).toEqual(['custom', 'bank_transfer'])
    expect(payments.json.pagination).toEqual({ current_page: 1, per_page: 2, total_count: 3, total_pages: 2 })
    expect((await call('GET', `${sb.shoplineBaseUrl}/payments/${shoplineSeed.SHOPLINE_PAYMENTS_ID}`)).json.type).toBe(
      'shopline_payment'
    )
  })

  it('answers 401 {error, code} without a valid token', async () => {
    sb = await startSandbox({ tokens: { z: { api: 'zangsho' } } })
    for (const token of ['', 'z', 'rehearsal']) {
      const res = await call('GET', `${sb.shoplineBaseUrl}/payments`, undefined, token)
      expect(res).toMatchObject({ status: 401, json: { error: 'Unauthorized', code: 'Unauthorized' } })
    }
  })

  it('allows 20 requests per second per token, then 429 RateLimitExceeded', async () => {
    let now = 5_000_000
    sb = await startSandbox({ now: () => now })
    const statuses: number[] = []
    for (let i = 0; i < 21; i++) statuses.push((await call('GET', `${sb.shoplineBaseUrl}/payments`)).status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(20)
    expect(statuses[20]).toBe(429)
    const limited = await call('GET', `${sb.shoplineBaseUrl}/payments`)
    expect(limited.json).toEqual({ error: 'Rate limit exceeded', code: 'RateLimitExceeded' })
    now += 1000
    expect((await call('GET', `${sb.shoplineBaseUrl}/payments`)).status).toBe(200)
  })

  it('blocks an IP for 5 minutes after more than 1000 requests in 5 minutes', async () => {
    let now = 7_000_000
    sb = await startSandbox({ now: () => now, shoplineRatePerSecond: 10_000 })
    let ok = 0
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => call('GET', `${sb!.shoplineBaseUrl}/payments?per_page=1`))
      )
      ok += answers.filter((a) => a.status === 200).length
      now += 5000
    }
    expect(ok).toBe(1000)
    const blocked = await call('GET', `${sb.shoplineBaseUrl}/payments`)
    expect(blocked.status).toBe(429)
    expect(blocked.json.code).toBe('RateLimitExceeded')
    expect(blocked.headers.get('retry-after')).toBe('300')
    now += 299_000
    expect((await call('GET', `${sb.shoplineBaseUrl}/payments`)).status).toBe(429)
    now += 1000
    expect((await call('GET', `${sb.shoplineBaseUrl}/payments`)).status).toBe(200)
  })
})
