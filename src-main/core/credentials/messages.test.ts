import { describe, it, expect, afterEach } from 'vitest'
import { describeHttpFailure, describeNetworkFailure, requiredAbility, bodyMessage } from './messages'
import { closedPort, startHttp, startSelfSignedHttps, type Running } from './__test__/servers'

let running: Running | null = null
afterEach(async () => {
  await running?.close()
  running = null
})

async function fetchError(url: string, init?: RequestInit): Promise<unknown> {
  try {
    await fetch(url, init)
  } catch (err) {
    return err
  }
  throw new Error('fetch did not fail')
}

describe('describeHttpFailure', () => {
  it('401 says the token is wrong or revoked and where to get a new one (帳獸: 「API 設定」)', () => {
    const d = describeHttpFailure(401, { message: 'Unauthenticated.' }, 'zangsho')
    expect(d.kind).toBe('unauthorized')
    expect(d.message['zh-TW']).toContain('「API 設定」')
    expect(d.message['zh-TW']).toContain('撤銷')
    expect(d.message.en).toMatch(/wrong, revoked/)
  })

  it('401 for SHOPLINE points at the staff API Auth tab', () => {
    const d = describeHttpFailure(401, '', 'shopline')
    expect(d.kind).toBe('unauthorized')
    expect(d.message.en).toContain('API Auth')
    expect(d.message['zh-TW']).toContain('員工設定')
  })

  it('403 names the ability from the body when the server says it', () => {
    const d = describeHttpFailure(
      403,
      { message: 'Invalid ability provided. Required: subscriptions:write' },
      'zangsho',
      'orders:write'
    )
    expect(d.kind).toBe('forbidden')
    expect(d.ability).toBe('subscriptions:write')
    expect(d.message['zh-TW']).toContain('subscriptions:write')
    expect(d.message.en).toContain('subscriptions:write')
  })

  it('403 falls back to the ability the endpoint needs', () => {
    const d = describeHttpFailure(
      403,
      { message: 'This action is unauthorized.' },
      'zangsho',
      requiredAbility('zangsho', 'POST', '/v1/orders/batch')
    )
    expect(d.ability).toBe('orders:write')
    expect(d.message['zh-TW']).toContain('「orders:write」')
  })

  it('403 with no ability known still reads plainly and shows the server text', () => {
    const d = describeHttpFailure(403, { error: 'Forbidden by IP whitelist' }, 'shopline')
    expect(d.kind).toBe('forbidden')
    expect(d.ability).toBeUndefined()
    expect(d.message.en).toContain('Forbidden by IP whitelist')
  })

  it('429 says rate limited and to wait', () => {
    const d = describeHttpFailure(429, { error: 'Rate limit exceeded', code: 'RateLimitExceeded' }, 'shopline')
    expect(d.kind).toBe('rate_limited')
    expect(d.message['zh-TW']).toContain('速率限制')
    expect(d.message.en).toMatch(/wait/i)
  })

  it('other statuses show the status and the body message readably (Laravel 422 shape)', () => {
    const d = describeHttpFailure(
      422,
      { message: 'The given data was invalid.', errors: { email: ['email 欄位為必填'] } },
      'zangsho'
    )
    expect(d.kind).toBe('http_error')
    expect(d.message['zh-TW']).toContain('HTTP 422')
    expect(d.message['zh-TW']).toContain('email: email 欄位為必填')
    expect(describeHttpFailure(502, '<html>Bad Gateway</html>', 'zangsho').message.en).toContain('HTTP 502')
  })

  it('bodyMessage keeps long bodies short', () => {
    expect(bodyMessage('x'.repeat(5000)).length).toBeLessThanOrEqual(301)
    expect(bodyMessage({ a: 1 })).toBe('{"a":1}')
  })
})

describe('requiredAbility', () => {
  it.each([
    ['zangsho', 'POST', '/orders/batch', 'orders:write'],
    ['zangsho', 'GET', '/customers', 'customers:read'],
    ['zangsho', 'GET', 'https://api.zangsho.com/v1/customers?per_page=1', 'customers:read'],
    ['zangsho', 'POST', '/v1/customers/batch', 'customers:write'],
    ['zangsho', 'post', '/v1/subscriptions/batch', 'subscriptions:write'],
    ['zangsho', 'PUT', '/v1/customers/12', 'customers:write'],
    ['shopline', 'POST', '/v1/orders', 'orders:write'],
    ['shopline', 'GET', '/v1/delivery_options?per_page=1', 'delivery_options:read']
  ] as const)('%s %s %s → %s', (api, method, path, want) => {
    expect(requiredAbility(api, method, path)).toBe(want)
  })
  it('unknown paths have no ability', () => {
    expect(requiredAbility('zangsho', 'GET', '/v1/nothing')).toBeUndefined()
    expect(requiredAbility('zangsho', 'GET', '/')).toBeUndefined()
  })
})

describe('describeNetworkFailure on real failures', () => {
  it('a closed loopback port is "cannot reach the server" (ECONNREFUSED inside err.cause)', async () => {
    const port = await closedPort()
    const err = await fetchError(`http://127.0.0.1:${port}/v1/customers`)
    const d = describeNetworkFailure(err)
    expect(d.kind).toBe('unreachable')
    expect(d.message['zh-TW']).toContain('無法連上伺服器')
    expect(d.message.en).toContain('ECONNREFUSED')
  })

  it('a self-signed certificate is a TLS problem', async () => {
    running = await startSelfSignedHttps((_req, res) => res.end('{}'))
    const err = await fetchError(`${running.url}/customers`)
    const d = describeNetworkFailure(err)
    expect(d.kind).toBe('tls')
    expect(d.message['zh-TW']).toContain('TLS')
    expect(d.message.en).toMatch(/certificate/)
  })

  it('a server that never answers is a timeout', async () => {
    running = await startHttp(() => undefined) // never responds
    const err = await fetchError(`${running.url}/customers`, { signal: AbortSignal.timeout(300) })
    const d = describeNetworkFailure(err)
    expect(d.kind).toBe('timeout')
    expect(d.message.en).toMatch(/too long/)
  })

  it('a manual abort is also reported as a timeout, and odd values do not crash', () => {
    const abort = new DOMException('aborted', 'AbortError')
    expect(describeNetworkFailure(abort).kind).toBe('timeout')
    expect(describeNetworkFailure(undefined).kind).toBe('unreachable')
    expect(describeNetworkFailure('boom').message.en).toContain('boom')
    const loop: { cause?: unknown; message: string } = { message: 'loop' }
    loop.cause = loop
    expect(describeNetworkFailure(loop).kind).toBe('unreachable')
  })

  it('ENOTFOUND inside a cause chain is unreachable', () => {
    const err = new TypeError('fetch failed', {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND nope.invalid'), { code: 'ENOTFOUND' })
    })
    const d = describeNetworkFailure(err)
    expect(d.kind).toBe('unreachable')
    expect(d.message.en).toContain('ENOTFOUND')
  })
})
