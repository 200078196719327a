// The 帳獸 half of the rehearsal server, over real HTTP on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../src-main/sandbox/index'

let sb: Sandbox | undefined
afterEach(async () => {
  await sb?.close()
  sb = undefined
})

async function call(
  method: string,
  url: string,
  body?: unknown,
  token = 'rehearsal',
  headers: Record<string, string> = {}
) {
  const res = await fetch(url, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...headers
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, json: (await res.json()) as any }
}

const order = (n: number, extra: Record<string, unknown> = {}) => ({
  order_no: `ORD-${n}`,
  amount: '990.00',
  customer_email: `user${n}@example.com`,
  status: 'paid',
  paid_at: '2025-12-01T08:00:00Z',
  ...extra
})

describe('帳獸 auth', () => {
  it('answers 401 for a missing, malformed or unknown token and 403 for a missing ability', async () => {
    sb = await startSandbox({
      tokens: { reader: { api: 'zangsho', abilities: ['customers:read'] }, shop: { api: 'shopline' } }
    })
    const url = `${sb.zangshoBaseUrl}/customers`
    expect(await call('GET', url, undefined, '')).toMatchObject({ status: 401, json: { message: 'Unauthenticated.' } })
    const malformed = await fetch(url, { headers: { Authorization: 'Token reader' } })
    expect(malformed.status).toBe(401)
    expect((await call('GET', url, undefined, 'nope')).status).toBe(401)
    expect((await call('GET', url, undefined, 'shop')).status).toBe(401)
    expect((await call('GET', url, undefined, 'reader')).status).toBe(200)
    const denied = await call('POST', `${url}/batch`, { customers: [{ email: 'a@example.com' }] }, 'reader')
    expect(denied.status).toBe(403)
    expect(denied.json.message).toContain('customers:write')
    expect(sb.state.customers).toHaveLength(0)
  })
})

describe('帳獸 batch endpoints', () => {
  it.each(['customers', 'orders', 'subscriptions'])(
    '%s/batch refuses 0 and 101 items with a Laravel 422',
    async (key) => {
      sb = await startSandbox()
      const url = `${sb.zangshoBaseUrl}/${key}/batch`
      const empty = await call('POST', url, { [key]: [] })
      expect(empty.status).toBe(422)
      expect(empty.json.message).toEqual(expect.any(String))
      expect(empty.json.errors[key]).toEqual([expect.any(String)])
      const many = await call('POST', url, {
        [key]: Array.from({ length: 101 }, (_, i) => ({ email: `u${i}@example.com` }))
      })
      expect(many.status).toBe(422)
      expect(many.json.errors[key][0]).toContain('100')
      expect((await call('POST', url, {})).json.errors[key]).toEqual([`${key} 欄位為必填`])
      const conflict = await call('POST', url, { [key]: [{}], on_conflict: 'replace' })
      expect(conflict.status).toBe(422)
      expect(conflict.json.errors.on_conflict).toHaveLength(1)
    }
  )

  it('customers default to skip (duplicate_email) and update overwrites the given fields', async () => {
    sb = await startSandbox()
    const url = `${sb.zangshoBaseUrl}/customers/batch`
    const first = await call('POST', url, {
      customers: [
        { email: 'a@example.com', name: 'A', phone: '0911000111' },
        { email: 'not-an-email' },
        { name: 'no email' },
        { email: 'b@example.com', vip: true }
      ]
    })
    expect(first.status).toBe(200)
    expect(first.json.data).toMatchObject({ total: 4, created: 1, updated: 0, skipped: 0, failed: 3 })
    expect(first.json.data.results.created).toEqual([{ index: 0, id: expect.any(Number), identifier: 'a@example.com' }])
    expect(first.json.data.results.failed).toEqual([
      { index: 1, reason: 'validation_error', message: 'Invalid email format', identifier: 'not-an-email' },
      { index: 2, reason: 'validation_error', message: 'email 欄位為必填', identifier: null },
      { index: 3, reason: 'validation_error', message: expect.stringContaining('vip'), identifier: 'b@example.com' }
    ])
    const again = await call('POST', url, { customers: [{ email: 'A@example.com', name: 'Changed' }] })
    expect(again.json.data.results.skipped).toEqual([
      { index: 0, reason: 'duplicate_email', identifier: 'A@example.com' }
    ])
    expect(sb.state.customers[0].name).toBe('A')
    const update = await call('POST', url, {
      on_conflict: 'update',
      customers: [{ email: 'a@example.com', name: 'Changed' }]
    })
    expect(update.json.data.results.updated).toEqual([
      { index: 0, id: sb.state.customers[0].id, identifier: 'a@example.com' }
    ])
    expect(sb.state.customers[0]).toMatchObject({ name: 'Changed', phone: '0911000111' })
  })

  it('orders default to update, filling only non-empty fields, and auto-create their customers', async () => {
    sb = await startSandbox()
    const url = `${sb.zangshoBaseUrl}/orders/batch`
    const first = await call('POST', url, {
      orders: [order(1, { customer_name: '王小明', payment_method: 'credit_card' }), order(2), order(1)]
    })
    expect(first.json.data).toMatchObject({ total: 3, created: 2, updated: 1, skipped: 0, failed: 0 })
    expect(first.json.data.results.created.map((r: { identifier: string }) => r.identifier)).toEqual(['ORD-1', 'ORD-2'])
    expect(sb.state.customers.map((c) => [c.email, c.name])).toEqual([
      ['user1@example.com', '王小明'],
      ['user2@example.com', null]
    ])
    const update = await call('POST', url, {
      orders: [
        { order_no: 'ORD-1', amount: '1490', customer_email: 'user1@example.com', payment_method: null, status: '' }
      ]
    })
    expect(update.json.data.results.updated).toEqual([
      { index: 0, id: first.json.data.results.created[0].id, identifier: 'ORD-1' }
    ])
    const stored = sb.state.orders.find((o) => o.order_no === 'ORD-1')!
    expect(stored).toMatchObject({
      amount: '1490.00',
      payment_method: 'credit_card',
      status: 'paid',
      paid_at: '2025-12-01T08:00:00Z',
      currency: 'TWD'
    })
    const skip = await call('POST', url, { on_conflict: 'skip', orders: [order(1), order(3)] })
    expect(skip.json.data.results.skipped).toEqual([{ index: 0, reason: 'duplicate_order_no', identifier: 'ORD-1' }])
    expect(skip.json.data.created).toBe(1)
    expect(sb.state.orders).toHaveLength(3)
  })

  it('validates order items per the documents', async () => {
    const fixed = Date.parse('2026-03-01T10:00:00Z')
    sb = await startSandbox({ now: () => fixed })
    const bad = [
      order(1, { amount: 990 }),
      order(2, { amount: '9.999' }),
      order(3, { amount: '-1.00' }),
      order(4, { status: 'done' }),
      order(5, { currency: 'NTD' }),
      order(6, { payment_method: 'cash' }),
      order(7, { billing_cycle: 'weekly' }),
      order(8, { paid_at: '2025-12-01 08:00:00' }),
      order(9, { metadata: [1] }),
      order(10, { created_at: '2025-12-01T08:00:00Z' }),
      order(11, { paid_at: '2025-02-30T08:00:00Z' })
    ]
    const res = await call('POST', `${sb.zangshoBaseUrl}/orders/batch`, { orders: bad })
    expect(res.json.data.failed).toBe(bad.length)
    const failedFields = res.json.data.results.failed.map((f: { message: string }) => f.message.split(' ')[0])
    expect(failedFields).toEqual([
      'amount',
      'amount',
      'amount',
      'status',
      'currency',
      'payment_method',
      'billing_cycle',
      'paid_at',
      'metadata',
      'created_at',
      'paid_at'
    ])
    const good = await call('POST', `${sb.zangshoBaseUrl}/orders/batch`, {
      orders: [
        {
          order_no: 'P',
          amount: '5',
          customer_email: 'p@example.com',
          status: 'paid',
          currency: 'USD',
          billing_cycle: 'semi-annual',
          paid_at: '2025-12-01T16:00:00+08:00'
        },
        { order_no: 'Q', amount: '1.5', customer_email: 'q@example.com', status: 'paid' }
      ]
    })
    expect(good.json.data.created).toBe(2)
    const [p, q] = sb.state.orders
    expect(p).toMatchObject({
      amount: '5.00',
      currency: 'USD',
      paid_at: '2025-12-01T08:00:00Z',
      billing_cycle: 'semi-annual'
    })
    expect(q.paid_at).toBe('2026-03-01T10:00:00Z')
  })

  it('subscriptions need an existing customer_id and allow one per customer', async () => {
    sb = await startSandbox()
    await call('POST', `${sb.zangshoBaseUrl}/customers/batch`, { customers: [{ email: 'a@example.com' }] })
    const id = sb.state.customers[0].id
    const sub = (customer_id: unknown, mrr = '990.00') => ({
      customer_id,
      mrr,
      billing_cycle: 'monthly',
      started_at: '2025-01-01T00:00:00Z',
      current_period_start: '2025-12-01T00:00:00Z',
      plan_name: 'Pro'
    })
    const url = `${sb.zangshoBaseUrl}/subscriptions/batch`
    const res = await call('POST', url, {
      subscriptions: [sub(id), sub(999), sub(id, '1990.00'), { customer_id: id, mrr: '1', billing_cycle: 'one-time' }]
    })
    expect(res.json.data).toMatchObject({ created: 1, skipped: 1, failed: 2 })
    expect(res.json.data.results.failed[0]).toEqual({
      index: 1,
      reason: 'validation_error',
      message: 'customer_id 不存在',
      identifier: '999'
    })
    expect(res.json.data.results.skipped).toEqual([{ index: 2, reason: 'duplicate_customer', identifier: String(id) }])
    expect(res.json.data.results.failed[1].message).toMatch(/billing_cycle.*started_at.*current_period_start/)
    const update = await call('POST', url, { on_conflict: 'update', subscriptions: [sub(id, '1990.00')] })
    expect(update.json.data.updated).toBe(1)
    expect(sb.state.subscriptions).toHaveLength(1)
    expect(sb.state.subscriptions[0]).toMatchObject({ mrr: '1990.00', status: 'active', customer_id: id })
  })
})

describe('帳獸 reads', () => {
  it('lists and searches customers with pagination, and finds records by id, external_id and order_no', async () => {
    sb = await startSandbox()
    const customers = Array.from({ length: 45 }, (_, i) => ({
      email: `c${i}@example.com`,
      name: i === 7 ? '陳美麗' : `Name ${i}`,
      external_id: `legacy-${i}`
    }))
    await call('POST', `${sb.zangshoBaseUrl}/customers/batch`, { customers: customers.slice(0, 40) })
    await call('POST', `${sb.zangshoBaseUrl}/customers/batch`, { customers: customers.slice(40) })
    const page3 = await call('GET', `${sb.zangshoBaseUrl}/customers?page=3`)
    expect(page3.json.meta).toEqual({ current_page: 3, last_page: 3, per_page: 20, total: 45, from: 41, to: 45 })
    expect(page3.json.data.map((c: { email: string }) => c.email)).toEqual([
      'c40@example.com',
      'c41@example.com',
      'c42@example.com',
      'c43@example.com',
      'c44@example.com'
    ])
    expect((await call('GET', `${sb.zangshoBaseUrl}/customers?search=美麗`)).json.data[0].email).toBe('c7@example.com')
    expect((await call('GET', `${sb.zangshoBaseUrl}/customers?search=C12@EXAMPLE&per_page=100`)).json.meta.total).toBe(
      1
    )
    expect((await call('GET', `${sb.zangshoBaseUrl}/customers?per_page=101`)).status).toBe(422)
    expect((await call('GET', `${sb.zangshoBaseUrl}/customers/legacy-3`)).json.data.email).toBe('c3@example.com')
    expect((await call('GET', `${sb.zangshoBaseUrl}/customers/1`)).json.data.email).toBe('c0@example.com')
    expect((await call('GET', `${sb.zangshoBaseUrl}/customers/nobody`)).status).toBe(404)
    await call('POST', `${sb.zangshoBaseUrl}/orders/batch`, {
      orders: [order(1), order(2, { status: 'pending', paid_at: null })]
    })
    expect((await call('GET', `${sb.zangshoBaseUrl}/orders/ORD-1`)).json.data).toMatchObject({
      order_no: 'ORD-1',
      customer_email: 'user1@example.com',
      source: 'api'
    })
    expect((await call('GET', `${sb.zangshoBaseUrl}/orders/ORD-404`)).status).toBe(404)
    expect(
      (await call('GET', `${sb.zangshoBaseUrl}/orders?status=pending`)).json.data.map(
        (o: { order_no: string }) => o.order_no
      )
    ).toEqual(['ORD-2'])
  })
})

describe('帳獸 single customer create and order date filters', () => {
  it('POST /customers creates one (201) and refuses a taken email; GET /orders filters by created_at date', async () => {
    let now = Date.parse('2026-01-09T23:30:00Z')
    sb = await startSandbox({ now: () => now })
    const created = await call('POST', `${sb.zangshoBaseUrl}/customers`, {
      email: 'a@example.com',
      name: '王小明',
      metadata: { src: 'import' }
    })
    expect(created.status).toBe(201)
    expect(created.json.data).toMatchObject({
      email: 'a@example.com',
      name: '王小明',
      ltv: '0.00',
      order_count: 0,
      first_payment_at: null
    })
    expect((await call('POST', `${sb.zangshoBaseUrl}/customers`, { email: 'A@example.com' })).json).toEqual({
      message: 'email 已存在',
      errors: { email: ['email 已存在'] }
    })
    expect((await call('POST', `${sb.zangshoBaseUrl}/customers`, { email: '' })).json.errors.email).toEqual([
      'email 欄位為必填'
    ])
    await call('POST', `${sb.zangshoBaseUrl}/orders/batch`, { orders: [order(1)] })
    now += 60 * 60 * 1000
    await call('POST', `${sb.zangshoBaseUrl}/orders/batch`, { orders: [order(2)] })
    const day = async (q: string) =>
      (await call('GET', `${sb!.zangshoBaseUrl}/orders?${q}`)).json.data.map((o: { order_no: string }) => o.order_no)
    expect(await day('start_date=2026-01-10')).toEqual(['ORD-2'])
    expect(await day('end_date=2026-01-09')).toEqual(['ORD-1'])
    expect((await call('GET', `${sb.zangshoBaseUrl}/orders?start_date=10/01/2026`)).status).toBe(422)
    const ltv = await call('GET', `${sb.zangshoBaseUrl}/customers?search=user1`)
    expect(ltv.json.data[0]).toMatchObject({ ltv: '990.00', order_count: 1, first_payment_at: '2025-12-01T08:00:00Z' })
  })
})

describe('帳獸 single create with X-Idempotency-Key', () => {
  it('replays the stored answer for 24 h, refuses a reused key with another body, and 422s a duplicate order_no', async () => {
    let now = Date.parse('2026-01-09T08:00:00Z')
    sb = await startSandbox({ now: () => now })
    const url = `${sb.zangshoBaseUrl}/orders`
    const first = await call('POST', url, order(1), 'rehearsal', { 'X-Idempotency-Key': 'job1-row2' })
    expect(first.status).toBe(201)
    expect(first.json.data).toMatchObject({ order_no: 'ORD-1', amount: '990.00', customer_email: 'user1@example.com' })
    const replay = await call('POST', url, { ...order(1) }, 'rehearsal', { 'X-Idempotency-Key': 'job1-row2' })
    expect(replay.status).toBe(201)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(replay.json).toEqual(first.json)
    expect(sb.state.orders).toHaveLength(1)
    const other = await call('POST', url, order(1, { amount: '1.00' }), 'rehearsal', {
      'X-Idempotency-Key': 'job1-row2'
    })
    expect(other.status).toBe(422)
    expect(other.json.errors['X-Idempotency-Key']).toHaveLength(1)
    const dup = await call('POST', url, order(1))
    expect(dup).toMatchObject({
      status: 422,
      json: { message: 'order_no 已存在', errors: { order_no: ['order_no 已存在'] } }
    })
    now += 24 * 60 * 60 * 1000
    const expired = await call('POST', url, order(1), 'rehearsal', { 'X-Idempotency-Key': 'job1-row2' })
    expect(expired.status).toBe(422)
    expect(expired.headers.get('idempotent-replayed')).toBeNull()
    const invalid = await call('POST', url, { order_no: 'X' })
    expect(invalid.status).toBe(422)
    expect(Object.keys(invalid.json.errors).sort()).toEqual(['amount', 'customer_email'])
    expect(invalid.json.message).toBe('amount 欄位為必填 (and 1 more error)')
  })
})

describe('帳獸 rate limit', () => {
  it('sends X-RateLimit-* on every answer, then 429 with Retry-After; waiting until the reset time is enough', async () => {
    let now = 1_000_000_000_500
    sb = await startSandbox({ zangshoRatePerMinute: 5, now: () => now })
    const url = `${sb.zangshoBaseUrl}/customers`
    const remaining: string[] = []
    for (let i = 0; i < 5; i++) {
      const res = await call('GET', url)
      expect(res.status).toBe(200)
      expect(res.headers.get('x-ratelimit-limit')).toBe('5')
      expect(res.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((1_000_000_000_500 + 60_000) / 1000)))
      remaining.push(res.headers.get('x-ratelimit-remaining')!)
      now += 1000
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0'])
    const limited = await call('GET', url)
    expect(limited.status).toBe(429)
    expect(limited.json).toEqual({ message: 'Too Many Attempts.' })
    expect(limited.headers.get('retry-after')).toBe('55')
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    now = Number(limited.headers.get('x-ratelimit-reset')) * 1000
    const after = await call('GET', url)
    expect(after.status).toBe(200)
    expect(after.headers.get('x-ratelimit-remaining')).toBe('4')
    const unauth = await call('GET', url, undefined, 'nope')
    expect(unauth.status).toBe(401)
    expect(unauth.headers.get('x-ratelimit-limit')).toBe('5')
  })
})
