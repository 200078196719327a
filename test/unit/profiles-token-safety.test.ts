// A saved token never follows its profile to another host or destination, plain http is for exact loopback names only,
// and a token that cannot travel in an HTTP header is refused when it is saved.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import { createProfileStore, cleanToken, ProfileError } from '../../src-main/core/credentials/profiles'
import { normalizeBaseUrl } from '../../src-main/core/credentials/profile-schema'
import { checkBaseUrl, startJob } from '../../src-main/core/upload'
import type { ProfileView, Result } from '../../src-main/ipc/contract'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'

let root: string
let services: OrderDockServices
const keychain = memoryKeychain()

async function call<T>(method: string, args: unknown): Promise<Result<T>> {
  return (await dispatch(services.methods, method, args)) as Result<T>
}
async function value<T>(method: string, args: unknown): Promise<T> {
  const r = await call<T>(method, args)
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
  return r.value
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'orderdock-tokensafety-'))
  services = createServices({
    dataDir: join(root, 'data'),
    fetch,
    now: () => new Date(),
    resourcesDir: join(root, 'resources'),
    keychain
  })
})
afterAll(async () => {
  await services.dispose?.()
  rmSync(root, { recursive: true, force: true })
})

describe('a token stays with its host', () => {
  it('profiles.save to another host or destination deletes the token unless one is entered in the same save', async () => {
    const p = await value<ProfileView>('profiles.save', {
      name: '正式',
      destination: 'zangsho',
      baseUrl: 'https://api.zangsho.com/v1'
    })
    await value('profiles.setToken', { id: p.id, token: 'zs_live_Original_1234' })
    // same host, other path and name: the token stays
    const renamed = await value<ProfileView>('profiles.save', {
      id: p.id,
      name: '正式 2',
      destination: 'zangsho',
      baseUrl: 'https://api.zangsho.com/v2'
    })
    expect(renamed.token).toMatchObject({ saved: true, last4: '1234' })
    // a compromised renderer moves it elsewhere: the token is gone before "test connection" could send it there
    const moved = await value<ProfileView>('profiles.save', {
      id: p.id,
      name: '正式 2',
      destination: 'zangsho',
      baseUrl: 'https://attacker.example/v1'
    })
    expect(moved.token.saved).toBe(false)
    expect([...keychain.dump().values()]).not.toContain('zs_live_Original_1234')
    // the user moves it and types the new host's token in the same save
    await value('profiles.setToken', { id: p.id, token: 'zs_live_Other_5678' })
    const withToken = await value<ProfileView>('profiles.save', {
      id: p.id,
      name: '正式 2',
      destination: 'shopline',
      baseUrl: 'https://open.shopline.io/v1',
      token: 'sl_New_9999'
    })
    expect(withToken.token).toMatchObject({ saved: true, last4: '9999' })
    // a destination change alone also drops it
    const other = await value<ProfileView>('profiles.save', {
      id: p.id,
      name: '正式 2',
      destination: 'zangsho',
      baseUrl: 'https://open.shopline.io/v1'
    })
    expect(other.token.saved).toBe(false)
  })

  it('the store itself (CLI "profile set") drops the token when the port changes', async () => {
    const kc = memoryKeychain()
    const store = createProfileStore(join(root, 'cli'), kc)
    const p = await store.add({
      name: 'x',
      destination: 'zangsho',
      baseUrl: 'https://api.zangsho.com/v1',
      timezone: 'Asia/Taipei'
    })
    await store.setToken(p.id, 'zs_live_Token_abcd')
    await store.update(p.id, { baseUrl: 'https://api.zangsho.com:8443/v1' })
    expect(await store.getToken(p.id)).toBeNull()
  })
})

describe('plain http for exact loopback names only', () => {
  it.each(['http://evil.localhost/v1', 'http://127.0.0.2/v1', 'http://localhost.evil.example/v1'])(
    'refuses %s',
    (url) => {
      expect(() => normalizeBaseUrl(url)).toThrow(ProfileError)
      expect(checkBaseUrl(url)).not.toBeNull()
    }
  )
  it.each([
    'http://localhost:4010/v1',
    'http://127.0.0.1:4010/zangsho/v1',
    'http://[::1]:4010/v1',
    'https://evil.localhost/v1'
  ])('accepts %s', (url) => {
    expect(() => normalizeBaseUrl(url)).not.toThrow()
    expect(checkBaseUrl(url)).toBeNull()
  })
})

describe('a token is checked when it is saved', () => {
  it.each([
    ['zs_live_中文token', '「中」'],
    ['zs_live_émile', 'é'],
    ['zs_live_\u0080x', 'U+0080'],
    ['zs_live_😀', '😀']
  ])('refuses %j with a clear message', (token, shown) => {
    let error: unknown
    try {
      cleanToken(token)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ProfileError)
    const text =
      JSON.stringify((error as ProfileError).message) +
      JSON.stringify((error as { msg?: unknown }).msg ?? '') +
      JSON.stringify(error)
    expect(text).toMatch(/visible ASCII|可見的 ASCII/)
    expect(text).toContain(shown)
  })
  it('over the contract, and a push with such a token says what is wrong instead of "cannot reach the server"', async () => {
    const p = await value<ProfileView>('profiles.save', {
      name: '中文',
      destination: 'zangsho',
      baseUrl: 'https://api.zangsho.com/v1'
    })
    const r = await call('profiles.setToken', { id: p.id, token: 'zs_權杖' })
    expect(r.ok).toBe(false)
    expect(JSON.stringify(r)).toMatch(/visible ASCII/)
    const job = startJob({
      records: [],
      options: {
        target: 'zangsho.orders',
        transport: { api: 'zangsho', path: '/orders/batch', maxBatch: 100 } as never,
        baseUrl: 'https://api.zangsho.com/v1'
      },
      env: { fetch, token: 'zs_權杖', journalDir: join(root, 'jobs') }
    })
    await expect(job.done).rejects.toThrow(/visible ASCII/)
  })
})
