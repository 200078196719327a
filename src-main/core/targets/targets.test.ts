// The zod schemas accept the documented request examples (read in place from ../shared/reference) and reject wrong shapes.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TARGETS, getTarget, applyResolution } from './index'
import { zangshoOrdersBatchSchema, zangshoOrderSchema } from './zangsho-orders'
import { zangshoCustomersBatchSchema } from './zangsho-customers'
import { zangshoSubscriptionsBatchSchema, zangshoSubscriptionPreparedSchema } from './zangsho-subscriptions'
import { shoplineCreateOrderSchema } from './shopline-orders'
import { API_REFERENCE_DIR, hasApiReference } from '../../../test/public-samples'

const REF = `${API_REFERENCE_DIR}/`
const read = (f: string) => readFileSync(REF + f, 'utf8')

/** JSON bodies of the curl samples (`--data '…'` / `-d '…'`) in a stored doc page. */
function curlBodies(text: string): unknown[] {
  const out: unknown[] = []
  for (const m of text.matchAll(/(?:--data|-d) '\s*(\{[\s\S]*?\})\s*'/g)) {
    // The stored pages have one trailing comma before "}" and a Cloudflare-obfuscated e-mail ("[email protected]").
    const json = m[1].replace(/,(\s*[}\]])/g, '$1').replace(/\[email(?:&#160;|\s)protected\]/g, 'customer@example.com')
    out.push(JSON.parse(json))
  }
  return out
}

describe.skipIf(!hasApiReference)('documented examples', () => {
  it('orders batch (000) and the guide batches (002) pass the 帳獸 batch schemas', () => {
    const [ordersBatch] = curlBodies(read('000_5d72127d3f3224f2.txt'))
    expect(zangshoOrdersBatchSchema.safeParse(ordersBatch).success).toBe(true)
    const guide = curlBodies(read('002_67e37f05fd12ab20.txt'))
    expect(guide).toHaveLength(2)
    expect(zangshoCustomersBatchSchema.safeParse(guide[0]).success).toBe(true)
    expect(zangshoOrdersBatchSchema.safeParse(guide[1]).success).toBe(true)
  })

  it('single order create (001) is one valid order element', () => {
    const [order] = curlBodies(read('001_e241c7d4b61030dc.txt'))
    expect(zangshoOrderSchema.safeParse(order).success).toBe(true)
  })

  it('SHOPLINE Create Order curl sample and FAQ history sample (003) pass', () => {
    const text = read('003_74f3f588e536e822.txt')
    const [curl] = curlBodies(text)
    expect(shoplineCreateOrderSchema.safeParse(curl).success).toBe(true)
    const faqStart = text.indexOf('{', text.indexOf('歷史訂單匯入'))
    const faqEnd = text.indexOf('匯入後的訂單在後台呈現')
    const faq = JSON.parse(text.slice(faqStart, faqEnd).trim())
    expect(shoplineCreateOrderSchema.safeParse(faq).success).toBe(true)
  })

  it('the subscriptions batch sample shape (api §7.2) passes with an integer customer_id', () => {
    const body = {
      on_conflict: 'skip',
      subscriptions: [
        {
          customer_id: 501,
          mrr: '990.00',
          billing_cycle: 'monthly',
          started_at: '2025-01-01T00:00:00Z',
          current_period_start: '2026-01-01T00:00:00Z',
          plan_name: 'Pro Plan'
        }
      ]
    }
    expect(zangshoSubscriptionsBatchSchema.safeParse(body).success).toBe(true)
  })
})

describe('wrong shapes are rejected', () => {
  const good = {
    order_no: 'A1',
    amount: '1990.00',
    customer_email: 'a@example.com',
    status: 'paid',
    paid_at: '2026-01-09T00:00:00Z'
  }
  it.each([
    ['amount as a number', { ...good, amount: 1990 }],
    ['amount without 2 decimals', { ...good, amount: '1990' }],
    ['an unknown key', { ...good, note: 'x' }],
    ['a time with an offset', { ...good, paid_at: '2026-01-09T08:00:00+08:00' }],
    ['an unknown status', { ...good, status: 'done' }],
    ['a lower-case currency', { ...good, currency: 'twd' }],
    ['a missing customer_email', { order_no: 'A1', amount: '1.00' }]
  ])('帳獸 order: %s', (_name, payload) => {
    expect(zangshoOrderSchema.safeParse(payload).success).toBe(false)
  })

  it('帳獸 batches hold 1–100 items', () => {
    expect(zangshoOrdersBatchSchema.safeParse({ orders: [] }).success).toBe(false)
    expect(zangshoOrdersBatchSchema.safeParse({ orders: Array(101).fill(good) }).success).toBe(false)
    expect(zangshoOrdersBatchSchema.safeParse({ orders: Array(100).fill(good), on_conflict: 'update' }).success).toBe(
      true
    )
    expect(zangshoOrdersBatchSchema.safeParse({ orders: [good], on_conflict: 'merge' }).success).toBe(false)
  })

  it('subscriptions: one-time is not a subscription cycle; customer_id must be an integer', () => {
    const sub = {
      customer_email: 'a@example.com',
      mrr: '990.00',
      billing_cycle: 'monthly',
      started_at: '2025-01-01T00:00:00Z',
      current_period_start: '2026-01-01T00:00:00Z'
    }
    expect(zangshoSubscriptionPreparedSchema.safeParse(sub).success).toBe(true)
    expect(zangshoSubscriptionPreparedSchema.safeParse({ ...sub, billing_cycle: 'one-time' }).success).toBe(false)
    const wire = applyResolution(sub, { customer_id: 42 })
    expect(wire).toEqual({
      customer_id: 42,
      mrr: '990.00',
      billing_cycle: 'monthly',
      started_at: '2025-01-01T00:00:00Z',
      current_period_start: '2026-01-01T00:00:00Z'
    })
    expect(zangshoSubscriptionsBatchSchema.safeParse({ subscriptions: [wire] }).success).toBe(true)
    expect(zangshoSubscriptionsBatchSchema.safeParse({ subscriptions: [{ ...wire, customer_id: '42' }] }).success).toBe(
      false
    )
  })

  const body = {
    order: {
      delivery_option_id: 'd',
      payment_method_id: 'p',
      subtotal: 1200,
      total: 1200,
      customer_email: 'a@example.com',
      items: [
        {
          item_type: 'CustomProduct',
          item_price: 600,
          quantity: 2,
          total: 1200,
          item_data: { name: 'X', price: '600' }
        }
      ],
      delivery_address: { recipient_name: 'A', recipient_phone: '0911000111' },
      order_remarks: 'r'
    },
    is_registering_as_member: false,
    is_inventory_fulfillment: false,
    mail_notify: false
  }
  it('SHOPLINE body: the built shape passes; missing customer, missing item_data, unknown keys and a missing address fail', () => {
    expect(shoplineCreateOrderSchema.safeParse(body).success).toBe(true)
    const { customer_email: _e, ...noCustomer } = body.order
    expect(shoplineCreateOrderSchema.safeParse({ ...body, order: noCustomer }).success).toBe(false)
    const badItem = {
      ...body.order,
      items: [{ item_type: 'CustomProduct', item_price: 600, quantity: 2, total: 1200 }]
    }
    expect(shoplineCreateOrderSchema.safeParse({ ...body, order: badItem }).success).toBe(false)
    expect(
      shoplineCreateOrderSchema.safeParse({ ...body, order: { ...body.order, created_at: '2020-01-01' } }).success
    ).toBe(false)
    const { delivery_address: _a, ...noAddress } = body.order
    expect(shoplineCreateOrderSchema.safeParse({ ...body, order: noAddress }).success).toBe(false)
    expect(shoplineCreateOrderSchema.safeParse({ ...body, order: { ...body.order, subtotal: 'abc' } }).success).toBe(
      false
    )
  })
})

describe('registry and transport', () => {
  it('every target is reachable by id and declares its documented transport', () => {
    expect(getTarget('nope')).toBeUndefined()
    expect(TARGETS['zangsho.orders'].transport).toEqual({
      api: 'zangsho',
      path: '/orders/batch',
      mode: 'batch',
      batchKey: 'orders',
      maxBatch: 100,
      defaultOnConflict: 'update'
    })
    expect(getTarget('zangsho.customers')!.transport.defaultOnConflict).toBe('skip')
    expect(getTarget('zangsho.subscriptions')!.transport).toMatchObject({
      path: '/subscriptions/batch',
      batchKey: 'subscriptions',
      defaultOnConflict: 'skip'
    })
    expect(getTarget('shopline.orders')!.transport).toMatchObject({ api: 'shopline', path: '/orders', mode: 'single' })
  })

  it('every field has both labels, help and synonyms; enum fields list their values', () => {
    for (const t of Object.values(TARGETS)) {
      for (const f of t.fields) {
        expect(f.label['zh-TW'] && f.label.en && f.help['zh-TW'] && f.help.en, `${t.id}.${f.key}`).toBeTruthy()
        expect(f.synonyms.length, `${t.id}.${f.key}`).toBeGreaterThan(0)
        if (f.type === 'enum') expect(f.enumValues!.length).toBeGreaterThan(0)
      }
    }
    expect(TARGETS['zangsho.orders'].fields.find((f) => f.key === 'payment_method')!.enumValues).toEqual([
      'credit_card',
      'atm',
      'cvs',
      'line_pay',
      'jkopay',
      'apple_pay'
    ])
  })

  it('natural keys: order_no, lower-cased e-mails, and the SHOPLINE source order number from the remarks', () => {
    expect(TARGETS['zangsho.orders'].naturalKey({ order_no: 'A-1' })).toBe('A-1')
    expect(TARGETS['zangsho.customers'].naturalKey({ email: 'A@X.com' })).toBe('a@x.com')
    expect(
      TARGETS['shopline.orders'].naturalKey({
        order: {
          order_remarks: 'Original order no. 原訂單編號: #1001 | Original order date 原訂單日期: 2025-05-11T13:55:16Z'
        }
      })
    ).toBe('#1001')
  })
})
