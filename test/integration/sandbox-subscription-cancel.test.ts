// The rehearsal server's PUT /v1/subscriptions/{id}/cancel (api §7.3) over real HTTP on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../src-main/sandbox/index'

let sb: Sandbox | undefined
afterEach(async () => {
  await sb?.close()
  sb = undefined
})

async function call(method: string, url: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: { Authorization: 'Bearer rehearsal', 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, json: (await res.json()) as any }
}

async function oneSubscription(s: Sandbox): Promise<number> {
  const c = await call('POST', `${s.zangshoBaseUrl}/customers/batch`, { customers: [{ email: 'a@example.com' }] })
  const customerId = c.json.data.results.created[0].id
  const b = await call('POST', `${s.zangshoBaseUrl}/subscriptions/batch`, {
    subscriptions: [
      {
        customer_id: customerId,
        mrr: '990.00',
        billing_cycle: 'monthly',
        started_at: '2025-01-01T00:00:00Z',
        current_period_start: '2025-06-01T00:00:00Z',
        plan_name: 'Pro'
      }
    ]
  })
  return b.json.data.results.created[0].id
}

describe('帳獸 subscription cancel', () => {
  it('sets status and the given cancelled_at, answers the subscription, and records one cancel event', async () => {
    const now = Date.parse('2026-11-29T12:00:00Z')
    sb = await startSandbox({ now: () => now })
    const id = await oneSubscription(sb)
    const res = await call('PUT', `${sb.zangshoBaseUrl}/subscriptions/${id}/cancel`, {
      cancelled_at: '2025-06-15T02:30:00Z',
      reason: 'no_longer_needed'
    })
    expect(res.status).toBe(200)
    expect(res.json.data).toMatchObject({ id, status: 'cancelled', cancelled_at: '2025-06-15T02:30:00Z' })
    expect((await call('GET', `${sb.zangshoBaseUrl}/subscriptions/${id}`)).json.data).toMatchObject({
      status: 'cancelled',
      cancelled_at: '2025-06-15T02:30:00Z'
    })
    expect(sb.state.cancelEvents).toEqual([
      expect.objectContaining({
        event_type: 'cancel',
        customer_id: 1,
        occurred_at: '2025-06-15T02:30:00Z',
        old_amount: '990.00',
        new_amount: '0.00',
        amount_change: '-990.00',
        reason: 'no_longer_needed'
      })
    ])
    // a second cancel is refused (inferred), and leaves the first date and a single event
    const again = await call('PUT', `${sb.zangshoBaseUrl}/subscriptions/${id}/cancel`, {
      cancelled_at: '2026-01-01T00:00:00Z'
    })
    expect(again.status).toBe(422)
    expect(sb.state.subscriptions[0].cancelled_at).toBe('2025-06-15T02:30:00Z')
    expect(sb.state.cancelEvents).toHaveLength(1)
    expect((await call('GET', `${sb.zangshoBaseUrl}/subscriptions?status=cancelled`)).json.meta.total).toBe(1)
  })

  it('without cancelled_at the server stamps now (as documented); 404 for an unknown id; 422 for a bad date or unknown field', async () => {
    const now = Date.parse('2026-11-29T12:00:00.400Z')
    sb = await startSandbox({ now: () => now })
    const id = await oneSubscription(sb)
    const missing = await call('PUT', `${sb.zangshoBaseUrl}/subscriptions/999/cancel`, {})
    expect(missing.status).toBe(404)
    expect(missing.json.message).toContain('Subscription')
    const badDate = await call('PUT', `${sb.zangshoBaseUrl}/subscriptions/${id}/cancel`, { cancelled_at: '2025/06/15' })
    expect(badDate.status).toBe(422)
    expect(Object.keys(badDate.json.errors)).toEqual(['cancelled_at'])
    const unknownField = await call('PUT', `${sb.zangshoBaseUrl}/subscriptions/${id}/cancel`, { status: 'cancelled' })
    expect(unknownField.status).toBe(422)
    expect(sb.state.subscriptions[0].status).toBe('active')
    const stamped = await call('PUT', `${sb.zangshoBaseUrl}/subscriptions/${id}/cancel`, {})
    expect(stamped.json.data).toMatchObject({ status: 'cancelled', cancelled_at: '2026-11-29T12:00:00Z' })
    expect((await call('POST', `${sb.zangshoBaseUrl}/subscriptions/${id}/cancel`, {})).status).toBe(405)
  })
})
