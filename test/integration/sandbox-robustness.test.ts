// Bad requests get clear answers, never a crash or a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../src-main/sandbox/index'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ zangshoRatePerMinute: 1000 })
})
afterAll(() => sb.close())

const auth = { Authorization: 'Bearer rehearsal' }

async function raw(method: string, url: string, body?: string | Uint8Array, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method, headers: { ...auth, ...headers }, body })
  const text = await res.text()
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null }
}

describe('robustness', () => {
  it('malformed JSON is a 400 in each API shape, and nothing is stored', async () => {
    const json = { 'Content-Type': 'application/json' }
    const z = await raw('POST', `${sb.zangshoBaseUrl}/orders/batch`, '{"orders": [', json)
    expect(z.status).toBe(400)
    expect(z.json.message).toMatch(/JSON/)
    const s = await raw('POST', `${sb.shoplineBaseUrl}/orders`, '{order', json)
    expect(s).toMatchObject({ status: 400, json: { code: 'BadRequest' } })
    expect(sb.state.orders).toHaveLength(0)
  })

  it('a body without a JSON content type arrives as no fields (as Laravel reads it)', async () => {
    const res = await raw(
      'POST',
      `${sb.zangshoBaseUrl}/customers/batch`,
      JSON.stringify({ customers: [{ email: 'a@example.com' }] }),
      { 'Content-Type': 'text/plain' }
    )
    expect(res).toMatchObject({ status: 422, json: { errors: { customers: ['customers 欄位為必填'] } } })
  })

  it('answers 404 and 405 for unknown routes and methods, also with broken percent-encoding', async () => {
    expect((await raw('GET', `${sb.zangshoBaseUrl}/nothing`)).status).toBe(404)
    expect((await raw('GET', `${sb.zangshoBaseUrl}/orders/%E0%A4%A`)).status).toBe(404)
    const wrong = await raw('DELETE', `${sb.zangshoBaseUrl}/orders/batch`)
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toContain('POST')
    expect((await raw('PUT', `${sb.shoplineBaseUrl}/orders`)).status).toBe(405)
    expect((await raw('GET', `${sb.url}/elsewhere`)).status).toBe(404)
    expect((await raw('GET', `${sb.url}/`)).json).toMatchObject({ zangsho: '/zangsho/v1', shopline: '/shopline/v1' })
  })

  it('refuses a body over 10 MB with 413', async () => {
    const big = new Uint8Array(11 * 1024 * 1024).fill(32)
    const res = await raw('POST', `${sb.zangshoBaseUrl}/orders/batch`, big, { 'Content-Type': 'application/json' })
    expect(res.status).toBe(413)
  })

  it('item shapes that are not objects fail per item without breaking the batch', async () => {
    const res = await raw(
      'POST',
      `${sb.zangshoBaseUrl}/orders/batch`,
      JSON.stringify({
        orders: [null, 'ORD-1', [], { order_no: 'OK-1', amount: '1', customer_email: 'ok@example.com' }]
      }),
      { 'Content-Type': 'application/json' }
    )
    expect(res.json.data).toMatchObject({ total: 4, created: 1, failed: 3 })
    expect(
      res.json.data.results.failed.map((f: { index: number; identifier: unknown }) => [f.index, f.identifier])
    ).toEqual([
      [0, null],
      [1, null],
      [2, null]
    ])
  })
})
