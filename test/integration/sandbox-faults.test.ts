// Fault injection over real HTTP: 5xx before commit, drop after commit, slow answers, 429 storms, determinism by seed.
import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, shoplineSeed, startSandbox } from '../../src-main/sandbox/index'

const opened: Sandbox[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()))
})

async function open(options: Parameters<typeof startSandbox>[0]): Promise<Sandbox> {
  const sb = await startSandbox(options)
  opened.push(sb)
  return sb
}

type Answer = { status: number; headers: Headers; json: unknown } | { dropped: true }

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { Authorization: 'Bearer rehearsal', 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body)
    })
    return { status: res.status, headers: res.headers, json: await res.json() }
  } catch {
    return { dropped: true }
  }
}

const batch = (n: number) => ({
  orders: [{ order_no: `F-${n}`, amount: '100.00', customer_email: `f${n}@example.com` }]
})
const shoplineOrder = {
  order: {
    delivery_option_id: shoplineSeed.HISTORICAL_DELIVERY_ID,
    payment_method_id: shoplineSeed.IMPORTED_PAYMENT_ID,
    subtotal: 100,
    total: 100,
    customer_email: 'f@example.com',
    delivery_address: { recipient_name: 'F' },
    items: [
      { item_type: 'CustomProduct', item_price: 100, quantity: 1, total: 100, item_data: { name: 'F', price: '100' } }
    ]
  }
}

describe('faults', () => {
  it('5xx answers 500/503 before doing anything: nothing is committed, reads are untouched', async () => {
    const sb = await open({ faults: '5xx=1' })
    const statuses = new Set<number>()
    for (let i = 0; i < 8; i++) {
      const a = await post(`${sb.zangshoBaseUrl}/orders/batch`, batch(i))
      if ('dropped' in a) throw new Error('not expected to drop')
      statuses.add(a.status)
    }
    expect([...statuses].every((s) => s === 500 || s === 503)).toBe(true)
    const shopline = await post(`${sb.shoplineBaseUrl}/orders`, shoplineOrder)
    expect('status' in shopline && shopline.status >= 500).toBe(true)
    expect(sb.state.orders).toHaveLength(0)
    expect(sb.state.shoplineOrders).toHaveLength(0)
    const read = await fetch(`${sb.zangshoBaseUrl}/orders`, { headers: { Authorization: 'Bearer rehearsal' } })
    expect(read.status).toBe(200)
    expect(sb.state.requestLog.filter((e) => e.fault === '5xx')).toHaveLength(9)
  })

  it('drop commits, then closes the connection without an answer; an idempotent resend replays instead of duplicating', async () => {
    const sb = await open({ faults: 'drop=1' })
    expect(await post(`${sb.zangshoBaseUrl}/orders/batch`, batch(1))).toEqual({ dropped: true })
    expect(sb.state.orders.map((o) => o.order_no)).toEqual(['F-1'])
    expect(await post(`${sb.shoplineBaseUrl}/orders`, shoplineOrder)).toEqual({ dropped: true })
    expect(sb.state.shoplineOrders).toHaveLength(1)
    const single = { order_no: 'F-single', amount: '5.00', customer_email: 's@example.com' }
    expect(await post(`${sb.zangshoBaseUrl}/orders`, single, { 'X-Idempotency-Key': 'k1' })).toEqual({ dropped: true })
    sb.setFaults(null)
    const resend = await post(`${sb.zangshoBaseUrl}/orders`, single, { 'X-Idempotency-Key': 'k1' })
    expect('status' in resend && resend.status).toBe(201)
    expect('status' in resend && resend.headers.get('idempotent-replayed')).toBe('true')
    expect(sb.state.orders.filter((o) => o.order_no === 'F-single')).toHaveLength(1)
    const log = sb.state.requestLog
    expect(log.slice(0, 3).map((e) => e.fault)).toEqual(['drop', 'drop', 'drop'])
    expect(log[0].headers.authorization).toBeUndefined()
    expect(log[0].bodySize).toBe(JSON.stringify(batch(1)).length)
  })

  it('slow commits and answers after the delay', async () => {
    const sb = await open({ faults: 'slow=1:300' })
    const started = performance.now()
    const a = await post(`${sb.zangshoBaseUrl}/orders/batch`, batch(1))
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect('status' in a && a.status).toBe(200)
    expect(sb.state.orders).toHaveLength(1)
    expect(sb.state.requestLog[0].fault).toBe('slow')
  })

  it('storm answers a run of 429 with Retry-After: 1 on writes, in each API shape', async () => {
    const sb = await open({ faults: 'storm=1:3' })
    const a = await post(`${sb.zangshoBaseUrl}/orders/batch`, batch(1))
    expect(a).toMatchObject({ status: 429, json: { message: 'Too Many Attempts.' } })
    expect('status' in a && a.headers.get('retry-after')).toBe('1')
    const b = await post(`${sb.shoplineBaseUrl}/orders`, shoplineOrder)
    expect(b).toMatchObject({ status: 429, json: { code: 'RateLimitExceeded' } })
    expect(sb.state.orders).toHaveLength(0)
    expect(sb.state.shoplineOrders).toHaveLength(0)
    sb.setFaults(null)
    expect(await post(`${sb.zangshoBaseUrl}/orders/batch`, batch(1))).toMatchObject({ status: 200 })
  })

  it('is deterministic for a seed', async () => {
    const run = async (seed: number) => {
      const sb = await open({ faults: '5xx=0.3,drop=0.2,storm=0.1:2', seed })
      for (let i = 0; i < 30; i++) await post(`${sb.zangshoBaseUrl}/orders/batch`, batch(i))
      return sb.state.requestLog.map((e) => `${e.status}:${e.fault}`)
    }
    const [first, second, other] = [await run(7), await run(7), await run(8)]
    expect(first).toEqual(second)
    expect(first).not.toEqual(other)
    expect(new Set(first.map((x) => x.split(':')[1]))).toEqual(new Set(['null', '5xx', 'drop', 'storm']))
  })

  it('refuses a bad fault spec and a non-loopback host', async () => {
    await expect(startSandbox({ faults: 'explode=1' })).rejects.toThrow(/bad fault/)
    await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/127\.0\.0\.1/)
  })
})
