// Real OS keychain: run with `npm run test:keychain` (scripts/with-keyring.sh gives Linux a private unlocked gnome-keyring).
import { describe, it, expect, afterAll } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { KEYCHAIN_SERVICE, createProfileStore, systemKeychain } from './profiles'

const kc = systemKeychain()
const accounts: string[] = []
const dirs: string[] = []
afterAll(async () => {
  for (const a of accounts) await kc.deletePassword(KEYCHAIN_SERVICE, a).catch(() => undefined)
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'orderdock-kc-'))
  dirs.push(d)
  return d
}

describe('real keychain round trip', () => {
  it('saves, reads, replaces, lists and deletes a token under service "OrderDock"', async () => {
    const account = `test-${randomUUID()}`
    accounts.push(account)
    const first = `tok-${randomBytes(12).toString('hex')}`
    const second = `tok-${randomBytes(12).toString('hex')}`
    expect(await kc.getPassword(KEYCHAIN_SERVICE, account)).toBeNull()
    await kc.setPassword(KEYCHAIN_SERVICE, account, first)
    expect(await kc.getPassword(KEYCHAIN_SERVICE, account)).toBe(first)
    await kc.setPassword(KEYCHAIN_SERVICE, account, second)
    expect(await kc.getPassword(KEYCHAIN_SERVICE, account)).toBe(second)
    const listed = await kc.findCredentials(KEYCHAIN_SERVICE)
    expect(listed.filter((c) => c.account === account)).toEqual([{ account, password: second }])
    expect(await kc.deletePassword(KEYCHAIN_SERVICE, account)).toBe(true)
    expect(await kc.getPassword(KEYCHAIN_SERVICE, account)).toBeNull()
    expect(await kc.deletePassword(KEYCHAIN_SERVICE, account)).toBe(false)
    expect((await kc.findCredentials(KEYCHAIN_SERVICE)).some((c) => c.account === account)).toBe(false)
  })

  it('the profile store keeps its tokens in the real keychain and nowhere in the data dir', async () => {
    const dir = await tmp()
    const store = createProfileStore(dir, kc)
    const p = await store.add({
      name: `KC ${randomUUID()}`,
      destination: 'zangsho',
      baseUrl: '',
      timezone: 'Asia/Taipei'
    })
    accounts.push(p.id)
    const token = `${randomBytes(16).toString('hex')}WXYZ`
    await store.setToken(p.id, token)
    expect(await kc.getPassword(KEYCHAIN_SERVICE, p.id)).toBe(token)
    expect(await store.tokenStatus(p.id)).toEqual({ saved: true, last4: 'WXYZ' })
    expect(await store.getToken(p.id)).toBe(token)
    for (const f of await readdir(dir)) expect(await readFile(join(dir, f), 'utf8')).not.toContain(token.slice(0, 16))
    await store.setToken(p.id, 'replaced-token-1234')
    expect(await store.tokenStatus(p.id)).toEqual({ saved: true, last4: '1234' })
    await store.remove(p.id)
    expect(await kc.getPassword(KEYCHAIN_SERVICE, p.id)).toBeNull()
  })
})

describe.runIf(process.platform === 'linux')('no Secret Service reachable', () => {
  it('reports "keychain unavailable" and writes the token nowhere', async () => {
    const dir = await tmp()
    const token = `leak-${randomBytes(16).toString('hex')}`
    const child = fileURLToPath(new URL('./__test__/unavailable-child.ts', import.meta.url))
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' }
    delete env.DISPLAY
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', child, dir, token],
        { env, timeout: 60_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve({ stdout, stderr }))
      )
    )
    const out = JSON.parse(stdout)
    expect(out.setToken).toMatchObject({ ok: false, unavailable: true })
    expect(out.setToken.zh).toContain('無法使用系統鑰匙圈')
    expect(out.setToken.en).toContain('never in a plain file')
    expect(out.tokenStatus).toMatchObject({ ok: false, unavailable: true })
    expect(out.getToken).toMatchObject({ ok: false, unavailable: true })
    // the token is in no file of the data dir, not in the child's output, and not in the (working) keychain
    for (const f of await readdir(dir)) expect(await readFile(join(dir, f), 'utf8')).not.toContain(token)
    expect(stdout + stderr).not.toContain(token)
    expect((await kc.findCredentials(KEYCHAIN_SERVICE)).some((c) => c.password === token)).toBe(false)
  })
})
