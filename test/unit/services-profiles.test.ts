// Profiles & connections through the same dispatch as IPC, against real rehearsal servers on 127.0.0.1 and a real data dir.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeychainUnavailableError, memoryKeychain, type Keychain } from '../../src-main/core/credentials/keychain'
import type {
  ConnectionCheckView,
  ProfileListView,
  ProfileTokenView,
  ProfileView,
  Result,
  ShoplineOptionsView
} from '../../src-main/ipc/contract'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'

const GOOD = 'zs_live_GoodToken_9X7Q'
const LIMITED = 'zs_live_OrdersOnly_K2P5'
const SHOP = 'sl_token_ShopLine_W4M8'
const WRONG = 'zs_live_WrongToken_0000'

let root: string
let sandbox: Sandbox
let services: OrderDockServices
const keychain = memoryKeychain()
const answers: unknown[] = []

async function call<T>(method: string, args: unknown, svc: OrderDockServices = services): Promise<Result<T>> {
  const result = (await dispatch(svc.methods, method, args)) as Result<T>
  answers.push(result)
  return result
}

async function value<T>(method: string, args: unknown, svc?: OrderDockServices): Promise<T> {
  const result = await call<T>(method, args, svc)
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
  return result.value
}

async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((done) => server.close(() => done()))
  return port
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'orderdock-profiles-'))
  sandbox = await startSandbox({
    port: 0,
    tokens: {
      [GOOD]: { api: 'zangsho' },
      [LIMITED]: { api: 'zangsho', abilities: ['orders:write'] },
      [SHOP]: { api: 'shopline' }
    }
  })
  services = createServices({ dataDir: join(root, 'data'), fetch, now: () => new Date(), resourcesDir: root, keychain })
})

afterAll(async () => {
  await services.dispose?.()
  await sandbox.close()
  rmSync(root, { recursive: true, force: true })
})

describe('the built-in Rehearsal profile', () => {
  it('is listed first, needs no token, and has no address until it is used', async () => {
    const list = await value<ProfileListView>('profiles.list', {})
    expect(list.profiles[0]).toMatchObject({
      id: 'rehearsal',
      destination: 'rehearsal',
      builtIn: true,
      needsToken: false,
      baseUrl: ''
    })
    expect(list.profiles[0].token).toEqual({ saved: false, last4: null })
    expect(list.defaults).toEqual({
      baseUrls: { zangsho: 'https://api.zangsho.com/v1', shopline: 'https://open.shopline.io/v1' },
      timezone: 'Asia/Taipei'
    })
  })

  it('starts the rehearsal server once on first use, and the connection check passes', async () => {
    const [a, b] = await Promise.all([
      value<ConnectionCheckView>('profiles.test', { id: 'rehearsal' }),
      value<ConnectionCheckView>('profiles.test', { id: 'rehearsal' })
    ])
    expect(a).toMatchObject({ ok: true, kind: 'ok', status: 200 })
    expect(b.ok).toBe(true)
    expect(a.message['zh-TW']).toContain('連線正常')
    const url = (await value<ProfileListView>('profiles.list', {})).profiles[0].baseUrl
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const health = await fetch(`${url}/shopline/v1/delivery_options`, {
      headers: { Authorization: 'Bearer rehearsal' }
    })
    expect(health.status).toBe(200)
  })

  it('cannot be removed, take a token, or point elsewhere', async () => {
    expect(await call('profiles.remove', { id: 'rehearsal' })).toMatchObject({
      ok: false,
      error: { code: 'profile_invalid.profile' }
    })
    expect(await call('profiles.setToken', { id: 'rehearsal', token: 'abcdefgh' })).toMatchObject({
      ok: false,
      error: { code: 'profile_invalid.token' }
    })
    expect(await call('profiles.save', { id: 'rehearsal', name: 'R', destination: 'zangsho' })).toMatchObject({
      ok: false,
      error: { code: 'profile_invalid.destination' }
    })
  })

  it('lists the rehearsal shop’s delivery options and payment methods with only custom ones usable', async () => {
    const options = await value<ShoplineOptionsView>('profiles.shoplineOptions', { id: 'rehearsal' })
    if (!options.ok) throw new Error(options.failure.message.en)
    const usable = (list: { id: string; usable: boolean }[]) => list.filter((o) => o.usable).map((o) => o.id)
    expect(usable(options.deliveryOptions)).toEqual(['64d000000000000000000001'])
    expect(usable(options.paymentMethods)).toEqual(['64e000000000000000000001'])
    const sevenEleven = options.deliveryOptions.find((o) => o.id === '64d000000000000000000003')
    expect(sevenEleven?.usable).toBe(false)
    expect(sevenEleven?.why?.['zh-TW']).toContain('建立訂單 API 不接受')
    const slPayments = options.paymentMethods.find((o) => o.id === '64e000000000000000000003')
    expect(slPayments?.why?.en).toContain('SHOPLINE Payments')
    expect(options.explanation['zh-TW']).toContain('自訂')
  })
})

describe('saving profiles', () => {
  it('requires HTTPS off loopback, a real IANA zone and a unique name, with zh-TW and English messages', async () => {
    const http = await call('profiles.save', {
      name: '正式帳獸',
      destination: 'zangsho',
      baseUrl: 'http://api.zangsho.com/v1'
    })
    expect(http).toMatchObject({ ok: false, error: { code: 'profile_invalid.baseUrl' } })
    if (!http.ok) expect(http.error.messages?.['zh-TW']).toContain('必須使用 HTTPS')
    const zone = await call('profiles.save', { name: '正式帳獸', destination: 'zangsho', timezone: 'Asia/Taipie' })
    expect(zone).toMatchObject({ ok: false, error: { code: 'profile_invalid.timezone' } })
    const saved = await value<ProfileView>('profiles.save', { name: '正式帳獸', destination: 'zangsho', baseUrl: '' })
    expect(saved).toMatchObject({
      baseUrl: 'https://api.zangsho.com/v1',
      timezone: 'Asia/Taipei',
      builtIn: false,
      needsToken: true
    })
    const dup = await call('profiles.save', { name: '正式帳獸'.toUpperCase(), destination: 'shopline' })
    expect(dup).toMatchObject({ ok: false, error: { code: 'profile_invalid.name' } })
    const loopback = await value<ProfileView>('profiles.save', {
      id: saved.id,
      name: '正式帳獸',
      destination: 'zangsho',
      baseUrl: 'http://localhost:9/v1/'
    })
    expect(loopback.baseUrl).toBe('http://localhost:9/v1')
    expect(await call('profiles.save', { name: 'x', destination: 'ftp' })).toMatchObject({
      ok: false,
      error: { code: 'bad_args' }
    })
  })

  it('keeps pacing overrides, clears them with null, and keeps a SHOPLINE choice only for SHOPLINE', async () => {
    const p = await value<ProfileView>('profiles.save', {
      name: 'Shop',
      destination: 'shopline',
      pacing: { minIntervalMs: 250, batchSize: 20 },
      shopline: { deliveryOptionId: 'd1', deliveryOptionName: '匯入', paymentMethodId: 'p1' }
    })
    expect(p).toMatchObject({
      baseUrl: 'https://open.shopline.io/v1',
      pacing: { minIntervalMs: 250, batchSize: 20 },
      shopline: { deliveryOptionId: 'd1' }
    })
    const same = await value<ProfileView>('profiles.save', {
      id: p.id,
      name: 'Shop',
      destination: 'shopline',
      timezone: 'Asia/Tokyo'
    })
    expect(same).toMatchObject({
      timezone: 'Asia/Tokyo',
      pacing: { batchSize: 20 },
      shopline: { paymentMethodId: 'p1' }
    })
    const cleared = await value<ProfileView>('profiles.save', {
      id: p.id,
      name: 'Shop',
      destination: 'zangsho',
      pacing: null
    })
    expect(cleared.pacing).toBeUndefined()
    expect(cleared.shopline).toBeUndefined()
    expect(
      await call('profiles.save', { id: p.id, name: 'Shop', destination: 'zangsho', pacing: { batchSize: 101 } })
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_args' }
    })
    await value('profiles.remove', { id: p.id })
  })
})

describe('tokens and Test connection against a real 帳獸 rehearsal API', () => {
  let id: string

  it('saves a token into the keychain and shows only its last 4 characters', async () => {
    id = (
      await value<ProfileView>('profiles.save', {
        name: '帳獸彩排',
        destination: 'zangsho',
        baseUrl: sandbox.zangshoBaseUrl
      })
    ).id
    const missing = await value<ConnectionCheckView>('profiles.test', { id })
    expect(missing).toMatchObject({ ok: false, kind: 'unauthorized' })
    expect(missing.message['zh-TW']).toContain('還沒有儲存權杖')
    expect(await value<ProfileTokenView>('profiles.setToken', { id, token: `  Bearer ${GOOD}\n` })).toEqual({
      saved: true,
      last4: '9X7Q'
    })
    expect(await keychain.getPassword('OrderDock', id)).toBe(GOOD)
    const listed = (await value<ProfileListView>('profiles.list', {})).profiles.find((p) => p.id === id)
    expect(listed?.token).toEqual({ saved: true, last4: '9X7Q' })
  })

  it('reports OK with the right token', async () => {
    const ok = await value<ConnectionCheckView>('profiles.test', { id })
    expect(ok).toMatchObject({ ok: true, kind: 'ok', status: 200 })
    expect(ok.message.en).toContain('Connected')
  })

  it('reports 401 with where to get a new token when the token is wrong', async () => {
    expect(await value<ProfileTokenView>('profiles.setToken', { id, token: WRONG })).toEqual({
      saved: true,
      last4: '0000'
    })
    const denied = await value<ConnectionCheckView>('profiles.test', { id })
    expect(denied).toMatchObject({ ok: false, kind: 'unauthorized', status: 401 })
    expect(denied.message['zh-TW']).toContain('「API 設定」')
    expect(denied.message.en).toContain('wrong, revoked')
  })

  it('reports 403 naming the missing ability', async () => {
    await value('profiles.setToken', { id, token: LIMITED })
    const forbidden = await value<ConnectionCheckView>('profiles.test', { id })
    expect(forbidden).toMatchObject({ ok: false, kind: 'forbidden', status: 403, ability: 'customers:read' })
    expect(forbidden.message['zh-TW']).toContain('customers:read')
  })

  it('reports an unreachable server plainly', async () => {
    const port = await closedPort()
    const dead = await value<ProfileView>('profiles.save', {
      name: 'Dead',
      destination: 'zangsho',
      baseUrl: `http://127.0.0.1:${port}/v1`
    })
    await value('profiles.setToken', { id: dead.id, token: GOOD })
    const result = await value<ConnectionCheckView>('profiles.test', { id: dead.id })
    expect(result).toMatchObject({ ok: false, kind: 'unreachable' })
    expect(result.message.en).toContain('ECONNREFUSED')
    await value('profiles.remove', { id: dead.id })
    expect(await keychain.getPassword('OrderDock', dead.id)).toBeNull()
  })

  it('deletes a token, and removing a profile deletes its token', async () => {
    expect(await value<ProfileTokenView>('profiles.deleteToken', { id })).toEqual({ saved: false, last4: null })
    expect(await keychain.getPassword('OrderDock', id)).toBeNull()
    await value('profiles.setToken', { id, token: GOOD })
    await value('profiles.remove', { id })
    expect(await keychain.getPassword('OrderDock', id)).toBeNull()
    expect((await value<ProfileListView>('profiles.list', {})).profiles.some((p) => p.id === id)).toBe(false)
    expect(await call('profiles.test', { id })).toMatchObject({ ok: false, error: { code: 'profile_invalid.profile' } })
  })
})

describe('SHOPLINE options for a real profile', () => {
  it('fetches the shop’s lists with the saved token; a 帳獸 profile has none', async () => {
    const shop = await value<ProfileView>('profiles.save', {
      name: 'SL',
      destination: 'shopline',
      baseUrl: sandbox.shoplineBaseUrl
    })
    const before = await value<ShoplineOptionsView>('profiles.shoplineOptions', { id: shop.id })
    expect(before).toMatchObject({ ok: false, failure: { kind: 'unauthorized' } })
    await value('profiles.setToken', { id: shop.id, token: SHOP })
    expect(await value<ConnectionCheckView>('profiles.test', { id: shop.id })).toMatchObject({ ok: true })
    const options = await value<ShoplineOptionsView>('profiles.shoplineOptions', { id: shop.id })
    expect(options.ok && options.deliveryOptions.map((o) => o.usable)).toEqual([true, false, false])
    await value('profiles.setToken', { id: shop.id, token: WRONG })
    expect(await value<ShoplineOptionsView>('profiles.shoplineOptions', { id: shop.id })).toMatchObject({
      ok: false,
      failure: { kind: 'unauthorized', status: 401 }
    })
    const zs = await value<ProfileView>('profiles.save', { name: 'ZS', destination: 'zangsho' })
    expect(await call('profiles.shoplineOptions', { id: zs.id })).toMatchObject({
      ok: false,
      error: { code: 'profile_invalid.destination' }
    })
  })
})

describe('no token ever leaves main or lands on disk', () => {
  it('is not echoed by a refused token', async () => {
    const p = await value<ProfileView>('profiles.save', { name: 'Echo', destination: 'zangsho' })
    const tooLong = await call('profiles.setToken', { id: p.id, token: GOOD.repeat(400) })
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'bad_args' } })
    const spaced = await call('profiles.setToken', { id: p.id, token: `${GOOD} ${LIMITED}` })
    expect(spaced).toMatchObject({ ok: false, error: { code: 'profile_invalid.token' } })
    expect(await keychain.getPassword('OrderDock', p.id)).toBeNull()
  })

  it('never appears in an answer or in the data directory', () => {
    const everything = JSON.stringify(answers)
    for (const token of [GOOD, LIMITED, SHOP, WRONG]) expect(everything).not.toContain(token)
    expect(everything).toContain('9X7Q') // the check above can fail: answers do carry the last 4
    for (const file of filesUnder(join(root, 'data'))) {
      const text = readFileSync(file, 'utf8')
      for (const token of [GOOD, LIMITED, SHOP, WRONG]) expect(text, file).not.toContain(token)
    }
  })
})

describe('keychain unavailable', () => {
  it('says so clearly and stores the token nowhere else', async () => {
    const broken: Keychain = {
      getPassword: async () => {
        throw new KeychainUnavailableError('no Secret Service on the session bus')
      },
      setPassword: async () => {
        throw new KeychainUnavailableError('no Secret Service on the session bus')
      },
      deletePassword: async () => false,
      findCredentials: async () => []
    }
    const dataDir = join(root, 'data-broken')
    const svc = createServices({ dataDir, fetch, now: () => new Date(), resourcesDir: root, keychain: broken })
    const p = await value<ProfileView>('profiles.save', { name: 'K', destination: 'zangsho' }, svc)
    expect(p.token.unavailable?.['zh-TW']).toContain('無法使用系統鑰匙圈')
    const saved = await call('profiles.setToken', { id: p.id, token: GOOD }, svc)
    expect(saved).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } })
    if (!saved.ok) expect(saved.error.messages?.en).toContain('never in a plain file')
    for (const file of filesUnder(dataDir)) expect(readFileSync(file, 'utf8')).not.toContain(GOOD)
    await svc.dispose?.()
  })
})

describe('dispose', () => {
  it('closes the rehearsal server the services started', async () => {
    const svc = createServices({
      dataDir: join(root, 'data-dispose'),
      fetch,
      now: () => new Date(),
      resourcesDir: root,
      keychain: memoryKeychain()
    })
    await value('profiles.test', { id: 'rehearsal' }, svc)
    const url = (await value<ProfileListView>('profiles.list', {}, svc)).profiles[0].baseUrl
    await svc.dispose?.()
    await expect(fetch(`${url}/zangsho/v1/customers`)).rejects.toThrow()
    expect((await value<ProfileListView>('profiles.list', {}, svc)).profiles[0].baseUrl).toBe('')
  })
})

describe('advanced: the subscription events path', () => {
  it('is saved, shown, cleared with an empty value, refused when not a path, and makes the connection test ask the events list', async () => {
    const saved = await value<ProfileView>('profiles.save', {
      name: 'Events shop',
      destination: 'zangsho',
      baseUrl: sandbox.zangshoBaseUrl,
      eventsPath: '/subscription-events'
    })
    expect(saved.eventsPath).toBe('/subscription-events')
    await value('profiles.setToken', { id: saved.id, token: GOOD })
    const check = await value<ConnectionCheckView>('profiles.test', { id: saved.id })
    expect(check.ok).toBe(true)
    expect(check.message.en).toContain('POST /subscription-events')
    expect(sandbox.state.requestLog.at(-1)?.path).toBe('/zangsho/v1/subscriptions/events?per_page=1')
    expect(
      await call('profiles.save', {
        id: saved.id,
        name: 'Events shop',
        destination: 'zangsho',
        eventsPath: 'https://elsewhere'
      })
    ).toMatchObject({ ok: false, error: { code: 'profile_invalid.advanced.eventsPath' } })
    const cleared = await value<ProfileView>('profiles.save', {
      id: saved.id,
      name: 'Events shop',
      destination: 'zangsho',
      eventsPath: ''
    })
    expect(cleared.eventsPath).toBeUndefined()
    await value('profiles.remove', { id: saved.id })
  })
})
