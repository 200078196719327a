// `profile` CLI end to end in-process: real data dir on disk, real sandbox over loopback, in-memory keychain.
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { PassThrough, Readable } from 'node:stream'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runProfileCli, type ProfileCliDeps } from '../../src-main/cli/profile'
import { memoryKeychain, KeychainUnavailableError, type Keychain } from '../../src-main/core/credentials/profiles'
import { startSandbox, shoplineSeed, type Sandbox } from '../../src-main/sandbox'

let dir: string
let sandbox: Sandbox | null = null
let kc: ReturnType<typeof memoryKeychain>
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orderdock-cli-'))
  kc = memoryKeychain()
})
afterEach(async () => {
  await sandbox?.close()
  sandbox = null
  await rm(dir, { recursive: true, force: true })
})

async function cli(
  argv: string[],
  stdin = '',
  keychain: Keychain = kc
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (c) => (out += c))
  stderr.on('data', (c) => (err += c))
  const deps: ProfileCliDeps = {
    stdin: Readable.from([stdin]),
    stdout,
    stderr,
    env: { ORDERDOCK_DATA_DIR: dir },
    keychain,
    fetch
  }
  const code = await runProfileCli(argv, deps)
  return { code, out, err }
}

describe('orderdock profile', () => {
  it('add → set-token from stdin → list shows only …last4 → test against the sandbox → remove', async () => {
    sandbox = await startSandbox({ tokens: { 'zh-secret-token-Q7R8': { api: 'zangsho' } } })
    const add = await cli([
      'add',
      '--name',
      '我的帳獸',
      '--destination',
      'zangsho',
      '--base-url',
      sandbox.zangshoBaseUrl
    ])
    expect(add.code).toBe(0)
    expect(add.out).toContain('我的帳獸')
    const set = await cli(['set-token', '我的帳獸'], 'zh-secret-token-Q7R8\n')
    expect(set).toMatchObject({ code: 0 })
    expect(set.out).toContain('…Q7R8')
    const list = await cli(['list', '--json'])
    const rows = JSON.parse(list.out)
    expect(rows.map((r: { name: string }) => r.name)).toEqual(['彩排 Rehearsal', '我的帳獸'])
    expect(rows[1].token).toEqual({ saved: true, last4: 'Q7R8' })
    expect(list.out).not.toContain('zh-secret-token')
    expect((await cli(['list'])).out).toMatch(/token: saved …Q7R8/)
    const test = await cli(['test', '我的帳獸'])
    expect(test.code).toBe(0)
    expect(test.out).toContain('連線正常')
    for (const f of await readdir(dir)) expect(await readFile(join(dir, f), 'utf8')).not.toContain('zh-secret-token')
    expect((await cli(['remove', '我的帳獸'])).code).toBe(0)
    expect(kc.dump().size).toBe(0)
  })

  it('set-token refuses the token as an argument and does not store it', async () => {
    await cli(['add', '--name', 'A', '--destination', 'zangsho'])
    for (const args of [['--token', 'abc12345678'], ['--token=abc12345678'], ['abc12345678']]) {
      const r = await cli(['set-token', 'A', ...args], '')
      expect(r.code).toBe(2)
    }
    expect(kc.dump().size).toBe(0)
    expect((await cli(['set-token', 'A'], '   \n')).err).toContain('The token is empty')
  })

  it('test reports 401 / 403 / unreachable plainly with exit code 1', async () => {
    sandbox = await startSandbox({ tokens: { 'orders-only-1234': { api: 'zangsho', abilities: ['orders:write'] } } })
    await cli(['add', '--name', 'Z', '--destination', 'zangsho', '--base-url', sandbox.zangshoBaseUrl])
    await cli(['set-token', 'Z'], 'wrong-token-0000')
    const bad = await cli(['test', 'Z'])
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('「API 設定」')
    await cli(['set-token', 'Z'], 'orders-only-1234')
    const forbidden = await cli(['test', 'Z'])
    expect(forbidden.err).toContain('customers:read')
    const gone = await cli(['test', 'Z', '--base-url', 'http://127.0.0.1:9/v1'])
    expect(gone.code).toBe(1)
    expect(gone.err).toContain('Cannot reach the server')
  })

  it('rehearsal: test with --base-url of the sandbox root needs no token', async () => {
    sandbox = await startSandbox()
    const r = await cli(['test', 'rehearsal', '--base-url', sandbox.url])
    expect(r.code).toBe(0)
  })

  it('SHOPLINE: options lists the shop’s choices; add with the custom ones', async () => {
    sandbox = await startSandbox()
    await cli(['add', '--name', 'S', '--destination', 'shopline', '--base-url', sandbox.shoplineBaseUrl])
    await cli(['set-token', 'S'], 'rehearsal')
    const o = await cli(['options', 'S', '--json'])
    expect(o.code).toBe(0)
    const parsed = JSON.parse(o.out)
    expect(parsed.deliveryOptions.find((d: { usable: boolean }) => d.usable).id).toBe(
      shoplineSeed.HISTORICAL_DELIVERY_ID
    )
    const text = await cli(['options', 'S'])
    expect(text.out).toContain(`✓ ${shoplineSeed.IMPORTED_PAYMENT_ID}`)
    const set = await cli([
      'set',
      'S',
      '--delivery-option-id',
      shoplineSeed.HISTORICAL_DELIVERY_ID,
      '--payment-method-id',
      shoplineSeed.IMPORTED_PAYMENT_ID,
      '--max-rps',
      '3'
    ])
    expect(set.code).toBe(0)
    const row = JSON.parse((await cli(['list', '--json'])).out)[1]
    expect(row.shopline).toEqual({
      deliveryOptionId: shoplineSeed.HISTORICAL_DELIVERY_ID,
      paymentMethodId: shoplineSeed.IMPORTED_PAYMENT_ID
    })
    expect(row.pacing).toEqual({ maxRequestsPerSecond: 3 })
  })

  it('usage errors exit 2; rule violations exit 1 with the fix', async () => {
    expect((await cli([])).code).toBe(2)
    expect((await cli(['add', '--name', 'X'])).code).toBe(2)
    expect((await cli(['add', '--name', 'X', '--destination', 'etsy'])).code).toBe(2)
    expect((await cli(['remove'])).code).toBe(2)
    const http = await cli(['add', '--name', 'X', '--destination', 'zangsho', '--base-url', 'http://shop.example/v1'])
    expect(http.code).toBe(1)
    expect(http.err).toContain('HTTPS')
    expect((await cli(['remove', 'nobody'])).err).toContain('There is no profile "nobody"')
  })

  it('with the keychain unavailable, list still works and says so; set-token fails with exit 1', async () => {
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
    await cli(['add', '--name', 'A', '--destination', 'zangsho'], '', broken)
    const list = await cli(['list'], '', broken)
    expect(list.code).toBe(0)
    expect(list.out).toContain('token: keychain unavailable')
    expect(list.err).toContain('無法使用系統鑰匙圈')
    const set = await cli(['set-token', 'A'], 'a-token-12345678', broken)
    expect(set.code).toBe(1)
    expect(set.err).toContain('never in a plain file')
    for (const f of await readdir(dir)) expect(await readFile(join(dir, f), 'utf8')).not.toContain('a-token-12345678')
  })
})
