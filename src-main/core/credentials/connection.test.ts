import { describe, it, expect, afterEach } from 'vitest'
import { testConnection, listShoplineOptions, ShoplineOptionsError } from './connection'
import { closedPort, json, startHttp, startSelfSignedHttps, type Running } from './__test__/servers'
import type { Profile } from './profile-schema'
import { startSandbox, shoplineSeed, type Sandbox } from '../../sandbox'

let running: Running | null = null
afterEach(async () => {
  await running?.close()
  running = null
})

const TOKEN = '7|goodtoken-abcdefghijkl'
const zangsho = (baseUrl: string): Profile => ({
  id: 'z',
  name: 'Z',
  destination: 'zangsho',
  baseUrl,
  timezone: 'Asia/Taipei'
})
const shopline = (baseUrl: string): Profile => ({
  id: 's',
  name: 'S',
  destination: 'shopline',
  baseUrl,
  timezone: 'Asia/Taipei'
})

/** A fake 帳獸/SHOPLINE that checks the bearer token and can be told to misbehave. */
function fakeApi(mode: 'ok' | 'forbidden' | 'limited' | 'html' | 'redirect' | 'server_error') {
  return startHttp((req, res) => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(res, 401, { message: 'Unauthenticated.' })
    if (mode === 'forbidden') return json(res, 403, { message: 'Invalid ability provided.' })
    if (mode === 'limited')
      return json(res, 429, { error: 'Rate limit exceeded', code: 'RateLimitExceeded' }, { 'retry-after': '1' })
    if (mode === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' })
      return res.end('<html>shop front</html>')
    }
    if (mode === 'redirect') {
      res.writeHead(302, { location: 'https://elsewhere.example/v1/customers' })
      return res.end()
    }
    if (mode === 'server_error') return json(res, 500, { message: 'Server Error' })
    if (req.url?.startsWith('/v1/customers')) return json(res, 200, { data: [], meta: { total: 42, per_page: 1 } })
    return json(res, 200, { items: [], pagination: { total_pages: 1 } })
  })
}

describe('testConnection against a real local server', () => {
  it('OK: one GET /customers?per_page=1 with Bearer, Accept json and User-Agent OrderDock', async () => {
    running = await fakeApi('ok')
    const r = await testConnection(zangsho(running.url), TOKEN, fetch)
    expect(r).toMatchObject({ ok: true, kind: 'ok', status: 200 })
    expect(r.message['zh-TW']).toContain('42 位客戶')
    expect(running.seen).toHaveLength(1)
    expect(running.seen[0]).toMatchObject({ method: 'GET', url: '/v1/customers?per_page=1' })
    expect(running.seen[0].headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/json',
      'user-agent': 'OrderDock'
    })
  })

  it('SHOPLINE checks GET /delivery_options?per_page=1', async () => {
    running = await fakeApi('ok')
    const r = await testConnection(shopline(running.url), TOKEN, fetch)
    expect(r.ok).toBe(true)
    expect(running.seen[0].url).toBe('/v1/delivery_options?per_page=1')
  })

  it('401 for a wrong token, with where to get a new one; the token is not in the message', async () => {
    running = await fakeApi('ok')
    const r = await testConnection(zangsho(running.url), 'wrong-token-0000', fetch)
    expect(r).toMatchObject({ ok: false, kind: 'unauthorized', status: 401 })
    expect(r.message['zh-TW']).toContain('「API 設定」')
    expect(JSON.stringify(r)).not.toContain('wrong-token')
  })

  it('403 names the ability the check needs (customers:read / delivery_options:read)', async () => {
    running = await fakeApi('forbidden')
    const z = await testConnection(zangsho(running.url), TOKEN, fetch)
    expect(z).toMatchObject({ ok: false, kind: 'forbidden', status: 403, ability: 'customers:read' })
    expect(z.message.en).toContain('customers:read')
    const s = await testConnection(shopline(running.url), TOKEN, fetch)
    expect(s.ability).toBe('delivery_options:read')
  })

  it('429 is rate limited; 500 is shown with its status', async () => {
    running = await fakeApi('limited')
    expect((await testConnection(zangsho(running.url), TOKEN, fetch)).kind).toBe('rate_limited')
    await running.close()
    running = await fakeApi('server_error')
    const r = await testConnection(zangsho(running.url), TOKEN, fetch)
    expect(r).toMatchObject({ ok: false, kind: 'http_error', status: 500 })
    expect(r.message.en).toContain('HTTP 500')
  })

  it('an address that answers HTML is not the API; a redirect is not followed', async () => {
    running = await fakeApi('html')
    const r = await testConnection(zangsho(running.url), TOKEN, fetch)
    expect(r).toMatchObject({ ok: false, kind: 'http_error' })
    expect(r.message.en).toContain('not JSON')
    await running.close()
    running = await fakeApi('redirect')
    const red = await testConnection(zangsho(running.url), TOKEN, fetch)
    expect(red).toMatchObject({ ok: false, status: 302 })
    expect(red.message.en).toContain('elsewhere.example')
  })

  it('unreachable, TLS and timeout come back as results, not exceptions', async () => {
    const port = await closedPort()
    expect((await testConnection(zangsho(`http://127.0.0.1:${port}/v1`), TOKEN, fetch)).kind).toBe('unreachable')
    running = await startSelfSignedHttps((_q, res) => json(res, 200, {}))
    expect((await testConnection(zangsho(running.url), TOKEN, fetch)).kind).toBe('tls')
    await running.close()
    running = await startHttp(() => undefined)
    const t = await testConnection(zangsho(running.url), TOKEN, fetch, { timeoutMs: 300 })
    expect(t.kind).toBe('timeout')
  })

  it('no token saved → says so without calling the server', async () => {
    running = await fakeApi('ok')
    const none = await testConnection(zangsho(running.url), null, fetch)
    expect(none).toMatchObject({ ok: false, kind: 'unauthorized' })
    expect(none.message.en).toContain('No token is saved')
    expect(running.seen).toHaveLength(0)
    const noUrl = await testConnection({ ...rehearsal, baseUrl: '' }, null, fetch)
    expect(noUrl.ok).toBe(false)
  })
})

const rehearsal: Profile = {
  id: 'rehearsal',
  name: 'R',
  destination: 'rehearsal',
  baseUrl: '',
  timezone: 'Asia/Taipei'
}

describe('against the rehearsal server (startSandbox)', () => {
  let sandbox: Sandbox | null = null
  afterEach(async () => {
    await sandbox?.close()
    sandbox = null
  })

  it('the rehearsal profile (baseUrl = sandbox root) connects with no saved token', async () => {
    sandbox = await startSandbox()
    const r = await testConnection({ ...rehearsal, baseUrl: sandbox.url }, null, fetch)
    expect(r).toMatchObject({ ok: true, kind: 'ok', status: 200 })
    expect(sandbox.state.requestLog.at(-1)).toMatchObject({ api: 'zangsho', method: 'GET', status: 200 })
  })

  it('a 帳獸 profile on the sandbox: OK with a good token, 401 with a bad one, 403 names customers:read', async () => {
    sandbox = await startSandbox({
      tokens: { [TOKEN]: { api: 'zangsho' }, 'orders-only-token': { api: 'zangsho', abilities: ['orders:write'] } }
    })
    expect((await testConnection(zangsho(sandbox.zangshoBaseUrl), TOKEN, fetch)).ok).toBe(true)
    expect((await testConnection(zangsho(sandbox.zangshoBaseUrl), 'nope-nope-nope', fetch)).kind).toBe('unauthorized')
    const f = await testConnection(zangsho(sandbox.zangshoBaseUrl), 'orders-only-token', fetch)
    expect(f).toMatchObject({ ok: false, kind: 'forbidden', status: 403, ability: 'customers:read' })
  })

  it('SHOPLINE on the sandbox: connection OK and only the custom delivery option / payment method are usable', async () => {
    sandbox = await startSandbox()
    const p = shopline(sandbox.shoplineBaseUrl)
    expect((await testConnection(p, 'rehearsal', fetch)).ok).toBe(true)
    const o = await listShoplineOptions(p, 'rehearsal', fetch)
    expect(o.deliveryOptions.filter((d) => d.usable).map((d) => d.id)).toEqual([shoplineSeed.HISTORICAL_DELIVERY_ID])
    expect(o.paymentMethods.filter((d) => d.usable).map((d) => d.id)).toEqual([shoplineSeed.IMPORTED_PAYMENT_ID])
    expect(o.paymentMethods.find((m) => m.id === shoplineSeed.SHOPLINE_PAYMENTS_ID)?.why?.en).toContain(
      'SHOPLINE Payments'
    )
    // the rehearsal profile reaches the SHOPLINE fake too
    const viaRoot = await listShoplineOptions({ ...rehearsal, baseUrl: sandbox.url }, 'rehearsal', fetch)
    expect(viaRoot.deliveryOptions.length).toBe(o.deliveryOptions.length)
  })
})

describe('listShoplineOptions', () => {
  const delivery = [
    {
      id: 'd-custom',
      status: 'active',
      region_type: 'custom',
      fee_type: 'flat',
      name_translations: { 'zh-hant': '歷史匯入', en: 'Import' },
      excluded_payment_ids: ['p-spay']
    },
    {
      id: 'd-711',
      status: 'active',
      region_type: 'tw_711_nopay',
      fee_type: 'flat',
      name_translations: { 'zh-hant': '7-11 取貨' }
    },
    {
      id: 'd-sl',
      status: 'active',
      region_type: 'custom',
      fee_type: 'sl_logistic',
      name_translations: { en: 'SL logistics' }
    },
    { id: 'd-pickup', status: 'draft', region_type: 'store_pickup', name_translations: { 'zh-hant': '門市自取' } }
  ]
  const payments = [
    { id: 'p-custom', status: 'active', type: 'custom', name_translations: { 'zh-hant': '歷史付款' } },
    { id: 'p-spay', status: 'active', type: 'shopline_payment', name_translations: { 'zh-hant': 'SHOPLINE Payments' } },
    { id: 'p-bank', status: 'active', type: 'bank_transfer', name_translations: { 'zh-hant': '銀行轉帳' } },
    { id: 'p-gw', status: 'active', type: 'tw_ecpay_credit', name_translations: { en: 'Card via gateway' } }
  ]

  it('fetches every page of both lists and marks only custom kinds usable, explaining why not', async () => {
    running = await startHttp((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x')
      const page = Number(u.searchParams.get('page'))
      const list = u.pathname === '/v1/delivery_options' ? delivery : payments
      // two items per page, to prove paging
      json(res, 200, {
        items: list.slice((page - 1) * 2, page * 2),
        pagination: { current_page: page, total_pages: Math.ceil(list.length / 2) }
      })
    })
    const r = await listShoplineOptions(shopline(running.url), TOKEN, fetch)
    expect(r.deliveryOptions.map((o) => [o.id, o.usable])).toEqual([
      ['d-custom', true],
      ['d-711', false],
      ['d-sl', false],
      ['d-pickup', false]
    ])
    expect(r.deliveryOptions[0]).toMatchObject({ name: '歷史匯入', kind: 'custom', excludes: ['p-spay'] })
    expect(r.deliveryOptions[1].why?.['zh-TW']).toContain('第三方物流')
    expect(r.deliveryOptions[2].why?.en).toContain('sl_logistic')
    expect(r.deliveryOptions[3]).toMatchObject({ name: '門市自取', status: 'draft' })
    expect(r.deliveryOptions[3].why?.['zh-TW']).toContain('內建')
    expect(r.paymentMethods.map((o) => [o.id, o.usable])).toEqual([
      ['p-custom', true],
      ['p-spay', false],
      ['p-bank', false],
      ['p-gw', false]
    ])
    expect(r.paymentMethods[1].why?.en).toContain('SHOPLINE Payments')
    expect(r.paymentMethods[2].why?.en).toContain('built-in SHOPLINE kind')
    expect(r.paymentMethods[3].why?.['zh-TW']).toContain('第三方金流')
    expect(running.seen.every((s) => s.headers.authorization === `Bearer ${TOKEN}`)).toBe(true)
    expect(running.seen.filter((s) => s.url.startsWith('/v1/payments')).length).toBe(2)
  })

  it('a 403 on the payments list throws ShoplineOptionsError naming payments:read', async () => {
    running = await startHttp((req, res) =>
      req.url?.startsWith('/v1/payments')
        ? json(res, 403, {})
        : json(res, 200, { items: [], pagination: { total_pages: 1 } })
    )
    const err = await listShoplineOptions(shopline(running.url), TOKEN, fetch).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ShoplineOptionsError)
    expect((err as ShoplineOptionsError).result).toMatchObject({ kind: 'forbidden', ability: 'payments:read' })
  })
})
