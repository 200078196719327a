import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createProfileStore, memoryKeychain } from './profiles'
import { createProfileService, userMessageOf } from './service'
import { startSandbox, shoplineSeed, type Sandbox } from '../../sandbox'

let dir: string
let sandbox: Sandbox
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orderdock-service-'))
  sandbox = await startSandbox({ tokens: { rehearsal: { api: 'zangsho' }, 'svc-token-zangsho-0001': { api: 'zangsho' }, 'svc-token-shopline-0002': { api: 'shopline' } } })
})
afterEach(async () => {
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

describe('profile service (what IPC exposes)', () => {
  it('runs the whole profile flow and never returns a token', async () => {
    const svc = createProfileService(createProfileStore(dir, memoryKeychain()), fetch, { rehearsalUrl: () => sandbox.url })
    const returned: unknown[] = []
    const z = await svc.add({ name: 'Z', destination: 'zangsho', baseUrl: sandbox.zangshoBaseUrl, timezone: 'Asia/Taipei' })
    const s = await svc.add({ name: 'S', destination: 'shopline', baseUrl: sandbox.shoplineBaseUrl, timezone: 'Asia/Taipei' })
    returned.push(z, s)
    returned.push(await svc.saveToken(z.id, 'svc-token-zangsho-0001'))
    returned.push(await svc.saveToken(s.id, 'svc-token-shopline-0002'))
    const tz = await svc.test(z.id)
    const ts = await svc.test(s.id)
    const tr = await svc.test('rehearsal')
    expect([tz.ok, ts.ok, tr.ok]).toEqual([true, true, true])
    const options = await svc.shoplineOptions(s.id)
    expect(options.deliveryOptions.find((o) => o.usable)?.id).toBe(shoplineSeed.HISTORICAL_DELIVERY_ID)
    const updated = await svc.update(s.id, { shopline: { deliveryOptionId: shoplineSeed.HISTORICAL_DELIVERY_ID, paymentMethodId: shoplineSeed.IMPORTED_PAYMENT_ID } })
    const list = await svc.list()
    returned.push(tz, ts, tr, options, updated, list)
    expect(list.profiles.map((p) => p.token)).toEqual([
      { saved: false, last4: null }, { saved: true, last4: '0001' }, { saved: true, last4: '0002' }
    ])
    expect(await svc.deleteToken(z.id)).toEqual({ saved: false, last4: null })
    const text = JSON.stringify(returned)
    expect(text).not.toContain('svc-token-zangsho')
    expect(text).not.toContain('svc-token-shopline')
    await svc.remove(s.id)
    expect((await svc.list()).profiles).toHaveLength(2)
  })

  it('errors carry a zh-TW/en message', async () => {
    const svc = createProfileService(createProfileStore(dir, memoryKeychain()), fetch)
    const err = await svc.add({ name: 'X', destination: 'zangsho', baseUrl: 'http://a.example', timezone: 'Asia/Taipei' }).catch((e: unknown) => e)
    expect(userMessageOf(err)?.['zh-TW']).toContain('HTTPS')
    const noToken = await svc.shoplineOptions('rehearsal').catch((e: unknown) => e)
    expect(userMessageOf(noToken)).not.toBeNull()
    expect(userMessageOf(new Error('x'))).toBeNull()
    expect((await svc.test('rehearsal')).ok).toBe(false) // no sandbox URL given
  })
})
