import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createProfileStore, memoryKeychain, KeychainUnavailableError, type Keychain } from './profiles'
import { pacingInterval, resolvePushProfile, openProfileStore } from './push-profile'
import { profilesForRenderer } from './renderer-view'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orderdock-pushprofile-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('resolvePushProfile', () => {
  it('gives the base URL, token, zone, pacing and SHOPLINE choices of a profile', async () => {
    const store = createProfileStore(dir, memoryKeychain())
    const p = await store.add({
      name: 'S',
      destination: 'shopline',
      baseUrl: '',
      timezone: 'Asia/Hong_Kong',
      pacing: { minIntervalMs: 100, maxRequestsPerSecond: 3, batchSize: 1 },
      shopline: { deliveryOptionId: 'd', paymentMethodId: 'p' }
    })
    await store.setToken(p.id, 'sl-token-abcdefgh')
    const s = await resolvePushProfile(store, 'S', 'shopline')
    expect(s).toMatchObject({
      token: 'sl-token-abcdefgh',
      baseUrl: 'https://open.shopline.io/v1',
      timezone: 'Asia/Hong_Kong',
      minIntervalMs: 334,
      batchSize: 1,
      deliveryOptionId: 'd',
      paymentMethodId: 'p'
    })
  })

  it('refuses the wrong destination, a missing token and an unknown profile with clear messages', async () => {
    const store = createProfileStore(dir, memoryKeychain())
    await store.add({ name: 'Z', destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei' })
    await expect(resolvePushProfile(store, 'Z', 'shopline')).rejects.toThrow(/cannot push to SHOPLINE/)
    await expect(resolvePushProfile(store, 'Z', 'zangsho')).rejects.toThrow(/has no token yet/)
    await expect(resolvePushProfile(store, 'nope', 'zangsho')).rejects.toThrow(/no profile "nope"/)
  })

  it('rehearsal: no token needed, the sandbox root URL maps to the API prefix', async () => {
    const store = createProfileStore(dir, memoryKeychain())
    await expect(resolvePushProfile(store, 'rehearsal', 'zangsho')).rejects.toThrow(/orderdock sandbox/)
    const z = await resolvePushProfile(store, 'rehearsal', 'zangsho', { rehearsalUrl: 'http://127.0.0.1:4010' })
    expect(z).toMatchObject({ token: 'rehearsal', baseUrl: 'http://127.0.0.1:4010/zangsho/v1' })
    const s = await resolvePushProfile(store, 'rehearsal', 'shopline', { rehearsalUrl: 'http://127.0.0.1:4010/' })
    expect(s.baseUrl).toBe('http://127.0.0.1:4010/shopline/v1')
  })

  it('pacingInterval takes the slower of the two limits', () => {
    expect(pacingInterval(undefined)).toBeUndefined()
    expect(pacingInterval({ maxRequestsPerSecond: 2 })).toBe(500)
    expect(pacingInterval({ minIntervalMs: 1200, maxRequestsPerSecond: 2 })).toBe(1200)
  })

  it('openProfileStore uses $ORDERDOCK_DATA_DIR', async () => {
    const store = openProfileStore({ ORDERDOCK_DATA_DIR: dir }, memoryKeychain())
    await store.add({ name: 'X', destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei' })
    expect((await createProfileStore(dir, memoryKeychain()).list()).map((p) => p.name)).toContain('X')
  })
})

describe('profilesForRenderer', () => {
  it('carries token status only, and says when the keychain is unavailable', async () => {
    const kc = memoryKeychain()
    const store = createProfileStore(dir, kc)
    const p = await store.add({ name: 'Z', destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei' })
    const token = 'renderer-must-never-see-this-9Z9Z'
    await store.setToken(p.id, token)
    const view = await profilesForRenderer(store)
    expect(JSON.stringify(view)).not.toContain('renderer-must-never')
    expect(view.profiles[1].token).toEqual({ saved: true, last4: '9Z9Z' })
    const broken: Keychain = {
      ...kc,
      getPassword: async () => {
        throw new KeychainUnavailableError('no Secret Service')
      }
    }
    const v2 = await profilesForRenderer(createProfileStore(dir, broken))
    expect(v2.profiles[1].token).toMatchObject({ saved: false, last4: null })
    expect('unavailable' in v2.profiles[1].token && v2.profiles[1].token.unavailable.en).toContain('OS keychain')
  })
})
