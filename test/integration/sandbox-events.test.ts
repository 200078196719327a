// The rehearsal server's subscription events (list documented, create inferred) over loopback HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'

let sb: Sandbox
beforeEach(async () => {
  sb = await startSandbox({ port: 0 })
})
afterEach(() => sb.close())

async function call(method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(sb.zangshoBaseUrl + path, {
    method,
    headers: {
      Authorization: 'Bearer rehearsal',
      Accept: 'application/json',
      ...(body ? { 'Content-Type': 'application/json' } : {})
    },
    body: body ? JSON.stringify(body) : undefined
  })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON answers
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

describe('rehearsal server: subscription events', () => {
  it('creates events for known customers, computes a missing change, lists with customer and type filters', async () => {
    await call('POST', '/customers/batch', { customers: [{ email: 'a@x.com' }, { email: 'b@x.com' }] })
    const up = await call('POST', '/subscriptions/events', {
      customer_email: 'A@x.com',
      event_type: 'upgrade',
      occurred_at: '2025-03-01T08:00:00+08:00',
      old_amount: '990.00',
      new_amount: '490.00'
    })
    expect(up.status).toBe(201)
    expect(up.body.data).toMatchObject({
      customer_id: 1,
      event_type: 'upgrade',
      source: 'api',
      amount_change: '-500.00',
      occurred_at: '2025-03-01T00:00:00Z',
      old_plan: null
    })
    await call('POST', '/subscriptions/events', {
      customer_email: 'b@x.com',
      event_type: 'cancel',
      occurred_at: '2025-04-01T00:00:00Z'
    })
    expect((await call('GET', '/subscriptions/events?customer_id=1')).body.data).toHaveLength(1)
    expect(
      (await call('GET', '/subscriptions/events?event_type=cancel')).body.data.map(
        (e: { customer_id: number }) => e.customer_id
      )
    ).toEqual([2])
    expect((await call('GET', '/subscriptions/events?per_page=1')).body.meta).toMatchObject({
      total: 2,
      last_page: 2,
      per_page: 1
    })
    expect((await call('GET', '/subscriptions/events?event_type=pause')).status).toBe(422)
  })

  it('refuses an unknown customer, a bad type, a positive-only amount below zero and unknown fields with 422', async () => {
    await call('POST', '/customers/batch', { customers: [{ email: 'a@x.com' }] })
    const bad = await call('POST', '/subscriptions/events', {
      customer_email: 'nobody@x.com',
      event_type: 'paused',
      old_amount: '-1.00',
      colour: 'red'
    })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.errors).sort()).toEqual(['colour', 'customer_email', 'event_type', 'old_amount'])
    expect(sb.state.subscriptionEvents).toHaveLength(0)
  })
})
