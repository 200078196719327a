// The rehearsal server refuses what could crash or misuse it: prototype keys (422), deep JSON (400), a non-loopback Host
// (DNS rebinding, 421), and keeps a bounded request log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { type Sandbox, startSandbox } from '../../src-main/sandbox/index'
import { MAX_LOG_ENTRIES, SandboxStore } from '../../src-main/sandbox/state'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ zangshoRatePerMinute: 1_000_000, shoplineRatePerSecond: 1_000_000 })
})
afterAll(() => sb.close())

/** A raw HTTP request, so the Host header can be anything (fetch would not let us set it). */
function send(
  path: string,
  opts: { method?: string; body?: string; host?: string; headers?: Record<string, string> } = {}
): Promise<{ status: number; json: unknown }> {
  const url = new URL(sb.url)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path,
        method: opts.method ?? 'POST',
        headers: {
          Authorization: 'Bearer rehearsal',
          'Content-Type': 'application/json',
          Host: opts.host ?? url.host,
          ...opts.headers
        }
      },
      (res) => {
        let text = ''
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }))
      }
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

describe('sandbox guards', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('a %s field gets 422, not 500, in both APIs', async (key) => {
    const z = await send('/zangsho/v1/orders/batch', {
      body: `{"orders":[{"order_no":"P1","amount":"1.00","${key}":{"x":1}}]}`
    })
    expect(z.status).toBe(422)
    expect(JSON.stringify(z.json)).toContain(key)
    const s = await send('/shopline/v1/orders', { body: `{"order":{"${key}":{"toString":1}}}` })
    expect(s.status).toBe(422)
    expect(sb.state.orders).toHaveLength(0)
  })

  it('JSON nested 100,000 deep answers 400 (and the server keeps answering)', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const r = await send('/zangsho/v1/orders/batch', { body: `{"orders":${deep}}` })
    expect(r).toMatchObject({ status: 400, json: { message: expect.stringMatching(/nested/) } })
    // a bracket inside a string does not count
    expect(
      (
        await send('/zangsho/v1/orders/batch', {
          body: JSON.stringify({ orders: [{ order_no: '['.repeat(500), amount: '1' }] })
        })
      ).status
    ).not.toBe(400)
  })

  it('a Host that is not loopback is refused (DNS rebinding)', async () => {
    expect((await send('/zangsho/v1/customers', { method: 'GET', host: 'evil.example:4010' })).status).toBe(421)
    expect((await send('/zangsho/v1/customers', { method: 'GET', host: '127.0.0.1.nip.io' })).status).toBe(421)
    expect((await send('/zangsho/v1/customers', { method: 'GET', host: 'localhost' })).status).toBe(200)
    expect((await send('/zangsho/v1/customers', { method: 'GET', host: '[::1]:80' })).status).toBe(200)
  })

  it('the request log keeps a bounded number of entries, each with bounded headers', async () => {
    const huge = 'x'.repeat(50_000)
    const many = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`x-h${i}`, huge]))
    await send('/zangsho/v1/customers', { method: 'GET', headers: many })
    const last = sb.state.requestLog.at(-1)!
    expect(Object.keys(last.headers).length).toBeLessThanOrEqual(24)
    expect(JSON.stringify(last.headers).length).toBeLessThan(24 * 400)
    const store = new SandboxStore()
    for (let i = 0; i < MAX_LOG_ENTRIES * 3; i++) store.log({ ...last, time: i })
    expect(store.requestLog.length).toBeLessThanOrEqual(MAX_LOG_ENTRIES)
    expect(store.requestLog.at(-1)?.time).toBe(MAX_LOG_ENTRIES * 3 - 1)
  })
})
