import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createProfileStore,
  memoryKeychain,
  cleanToken,
  tokenLast4,
  ProfileError,
  REHEARSAL_PROFILE_ID,
  DEFAULT_BASE_URLS,
  KEYCHAIN_SERVICE,
  KeychainUnavailableError,
  type Keychain
} from './profiles'
import { isLoopbackHost, normalizeBaseUrl } from './profile-schema'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orderdock-profiles-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function fileText(): Promise<string> {
  return readFile(join(dir, 'profiles.json'), 'utf8')
}

describe('profile store', () => {
  it('always lists the rehearsal profile, even with no settings file, and it cannot be removed', async () => {
    const store = createProfileStore(dir, memoryKeychain())
    const list = await store.list()
    expect(list.map((p) => p.id)).toEqual([REHEARSAL_PROFILE_ID])
    expect(list[0].destination).toBe('rehearsal')
    expect(await store.tokenStatus(REHEARSAL_PROFILE_ID)).toEqual({ saved: false, last4: null })
    expect(await store.getToken(REHEARSAL_PROFILE_ID)).toBe('rehearsal')
    await expect(store.remove(REHEARSAL_PROFILE_ID)).rejects.toBeInstanceOf(ProfileError)
    await expect(store.setToken(REHEARSAL_PROFILE_ID, 'abcdefgh1234')).rejects.toThrow(/needs no token/)
  })

  it('adds profiles with defaults, saves them to profiles.json and reads them back in a new store', async () => {
    const store = createProfileStore(dir, memoryKeychain())
    const z = await store.add({ name: '我的帳獸', destination: 'zangsho', baseUrl: '', timezone: '' })
    expect(z.baseUrl).toBe(DEFAULT_BASE_URLS.zangsho)
    expect(z.timezone).toBe('Asia/Taipei')
    expect(z.id).toMatch(/^[0-9a-f-]{36}$/)
    const s = await store.add({
      name: 'Shop',
      destination: 'shopline',
      baseUrl: 'https://open.shopline.io/v1/',
      timezone: 'Asia/Hong_Kong',
      pacing: { minIntervalMs: 400, maxRequestsPerSecond: 2 },
      shopline: { deliveryOptionId: 'd1', paymentMethodId: 'p1', paymentMethodName: '歷史匯入' }
    })
    expect(s.baseUrl).toBe('https://open.shopline.io/v1')
    const again = createProfileStore(dir, memoryKeychain())
    const list = await again.list()
    expect(list.map((p) => p.name)).toEqual(['彩排 Rehearsal', '我的帳獸', 'Shop'])
    expect(await again.get('shop')).toEqual(s) // by name, case-insensitive
    expect(await again.get(z.id)).toEqual(z)
    expect(JSON.parse(await fileText()).version).toBe(1)
    // atomic writes leave no temp files behind
    expect((await readdir(dir)).sort()).toEqual(['profiles.json'])
  })

  it('requires a unique name', async () => {
    const store = createProfileStore(dir, memoryKeychain())
    await store.add({ name: 'A', destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei' })
    await expect(
      store.add({ name: ' a ', destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei' })
    ).rejects.toThrow(/already exists/)
    await expect(
      store.add({ name: '  ', destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei' })
    ).rejects.toThrow(/needs a name/)
    await expect(
      store.add({ name: 'Rehearsal', destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei', id: 'rehearsal' })
    ).rejects.toThrow(/in use/)
  })

  it('requires HTTPS for every non-loopback URL and a real IANA time zone', async () => {
    const store = createProfileStore(dir, memoryKeychain())
    const bad = (baseUrl: string) =>
      store.add({ name: `n${Math.random()}`, destination: 'zangsho', baseUrl, timezone: 'Asia/Taipei' })
    await expect(bad('http://api.zangsho.com/v1')).rejects.toThrow(/must use HTTPS/)
    await expect(bad('http://10.0.0.5/v1')).rejects.toThrow(/must use HTTPS/)
    await expect(bad('http://128.0.0.1/v1')).rejects.toThrow(/must use HTTPS/)
    await expect(bad('ftp://x/v1')).rejects.toThrow(/https:\/\//)
    await expect(bad('not a url')).rejects.toThrow(/not a valid URL/)
    await expect(bad('https://user:pw@api.zangsho.com/v1')).rejects.toThrow(/user name/)
    // plain http only for exactly localhost, 127.0.0.1 and [::1] (issue 12)
    await expect(bad('http://127.8.9.10/v1')).rejects.toThrow(/HTTPS/)
    for (const ok of [
      'http://127.0.0.1:5000/v1',
      'http://localhost:3000/v1',
      'http://[::1]:8080/v1',
      'https://shop.example.com/api/v1'
    ]) {
      await expect(bad(ok)).resolves.toMatchObject({ baseUrl: ok })
    }
    await expect(
      store.add({ name: 'tz', destination: 'zangsho', baseUrl: '', timezone: 'Taipei/Nowhere' })
    ).rejects.toThrow(/IANA/)
    const err = await store
      .add({ name: 'x', destination: 'zangsho', baseUrl: 'http://shop.tw', timezone: 'UTC' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ProfileError)
    expect((err as ProfileError).field).toBe('baseUrl')
    expect((err as ProfileError).userMessage['zh-TW']).toContain('HTTPS')
    expect(isLoopbackHost('127.0.0.300')).toBe(false)
    expect(normalizeBaseUrl(' https://a.b/v1// ')).toBe('https://a.b/v1')
  })

  it('updates a profile and re-checks the rules', async () => {
    const store = createProfileStore(dir, memoryKeychain())
    const p = await store.add({ name: 'A', destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei' })
    const u = await store.update(p.id, { timezone: 'Asia/Tokyo', pacing: { batchSize: 50 } })
    expect(u).toMatchObject({ id: p.id, timezone: 'Asia/Tokyo', pacing: { batchSize: 50 } })
    await expect(store.update(p.id, { baseUrl: 'http://example.com' })).rejects.toThrow(/HTTPS/)
    await expect(store.update(p.id, { pacing: { batchSize: 500 } })).rejects.toThrow(/pacing/)
    await expect(store.update('nope', { name: 'x' })).rejects.toThrow(/no profile/)
    const r = await store.update(REHEARSAL_PROFILE_ID, { baseUrl: 'http://127.0.0.1:4567/v1' })
    expect(r.baseUrl).toBe('http://127.0.0.1:4567/v1')
    await expect(store.update(REHEARSAL_PROFILE_ID, { destination: 'zangsho' })).rejects.toThrow(/rehearsal/)
    expect((await createProfileStore(dir, memoryKeychain()).get(p.id))?.timezone).toBe('Asia/Tokyo')
  })

  it('keeps tokens only in the keychain; tokenStatus shows saved + last 4 and nothing more', async () => {
    const kc = memoryKeychain()
    const store = createProfileStore(dir, kc)
    const p = await store.add({ name: 'A', destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei' })
    expect(await store.tokenStatus(p.id)).toEqual({ saved: false, last4: null })
    const token = '42|Zq8xLmN0pQrStUvWxYz1234ABCD'
    await store.setToken('A', `Bearer ${token}\n`)
    expect(kc.dump().get(`${KEYCHAIN_SERVICE}\u0000${p.id}`)).toBe(token)
    const status = await store.tokenStatus(p.id)
    expect(status).toEqual({ saved: true, last4: 'ABCD' })
    expect(Object.keys(status).sort()).toEqual(['last4', 'saved'])
    expect(await store.getToken(p.id)).toBe(token)
    // nothing on disk holds the token or any 8-char slice of it
    const disk = await fileText()
    for (let i = 0; i + 8 <= token.length; i++) expect(disk).not.toContain(token.slice(i, i + 8))
    // replace, then delete
    await store.setToken(p.id, 'second-token-9876')
    expect(await store.tokenStatus(p.id)).toEqual({ saved: true, last4: '9876' })
    await store.deleteToken(p.id)
    expect(await store.tokenStatus(p.id)).toEqual({ saved: false, last4: null })
    expect(await store.getToken(p.id)).toBeNull()
  })

  it('remove deletes the profile and its token', async () => {
    const kc = memoryKeychain()
    const store = createProfileStore(dir, kc)
    const p = await store.add({ name: 'A', destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei' })
    await store.setToken(p.id, 'abcdefgh-1234')
    await store.remove('A')
    expect(kc.dump().size).toBe(0)
    expect(await store.get(p.id)).toBeNull()
    expect((await store.list()).length).toBe(1)
  })

  it('when the keychain is unavailable, setToken fails clearly and nothing is written anywhere', async () => {
    const broken: Keychain = {
      getPassword: async () => {
        throw new KeychainUnavailableError('no Secret Service')
      },
      setPassword: async () => {
        throw new KeychainUnavailableError('no Secret Service')
      },
      deletePassword: async () => {
        throw new KeychainUnavailableError('no Secret Service')
      },
      findCredentials: async () => {
        throw new KeychainUnavailableError('no Secret Service')
      }
    }
    const store = createProfileStore(dir, broken)
    const p = await store.add({ name: 'A', destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei' })
    const before = await fileText()
    const err = await store.setToken(p.id, 'secret-token-XYZW').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(KeychainUnavailableError)
    expect((err as KeychainUnavailableError).userMessage['zh-TW']).toContain('系統鑰匙圈')
    expect(await fileText()).toBe(before)
    expect(await readdir(dir)).toEqual(['profiles.json'])
    await expect(store.tokenStatus(p.id)).rejects.toBeInstanceOf(KeychainUnavailableError)
    // the profile stays rather than orphaning a token the keychain could not delete
    await expect(store.remove(p.id)).rejects.toBeInstanceOf(KeychainUnavailableError)
    expect(await store.get(p.id)).not.toBeNull()
  })

  it('a corrupt settings file is kept aside and reported, not silently wiped', async () => {
    await writeFile(join(dir, 'profiles.json'), '{"version":1,"profiles":[{"id":"x"')
    const store = createProfileStore(dir, memoryKeychain())
    expect((await store.list()).map((p) => p.id)).toEqual([REHEARSAL_PROFILE_ID])
    const problem = store.problem()
    expect(problem?.keptAs).toMatch(/profiles\.json\.corrupt-/)
    expect(problem?.message['zh-TW']).toContain('另存為')
    expect(await readFile(problem!.keptAs, 'utf8')).toBe('{"version":1,"profiles":[{"id":"x"')
    // valid JSON with a wrong shape counts as corrupt too (zod)
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 1, profiles: [{ id: 'a', name: 'A' }] }))
    const store2 = createProfileStore(dir, memoryKeychain())
    await store2.list()
    expect(store2.problem()).not.toBeNull()
    expect((await readdir(dir)).filter((f) => f.includes('corrupt')).length).toBe(2)
  })

  it('concurrent adds do not lose each other', async () => {
    const store = createProfileStore(dir, memoryKeychain())
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.add({ name: `P${i}`, destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei' })
      )
    )
    expect((await createProfileStore(dir, memoryKeychain()).list()).length).toBe(11)
  })
})

describe('token helpers', () => {
  it('last 4 only, and nothing for short tokens', () => {
    expect(tokenLast4('abcdefgh')).toBe('efgh')
    expect(tokenLast4('abcdefg')).toBeNull()
  })
  it('cleanToken trims paste noise and refuses non-tokens', () => {
    expect(cleanToken('  Bearer abc123\r\n')).toBe('abc123')
    expect(() => cleanToken('   ')).toThrow(/empty/)
    expect(() => cleanToken('two words')).toThrow(/spaces/)
    expect(() => cleanToken('a'.repeat(5000))).toThrow(/4096/)
  })
})
