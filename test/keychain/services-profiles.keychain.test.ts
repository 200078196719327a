// The app's default keychain (no keychain passed to createServices = the OS one): save, show last 4, test, replace, delete.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { systemKeychain } from '../../src-main/core/credentials/keychain'
import type {
  ConnectionCheckView,
  ProfileListView,
  ProfileTokenView,
  ProfileView,
  Result
} from '../../src-main/ipc/contract'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'

const TOKEN = `zs_keychain_${process.pid}_Abc9`
const OTHER = `zs_keychain_${process.pid}_Zz77`
let root: string
let sandbox: Sandbox
let services: OrderDockServices
const answers: unknown[] = []

async function value<T>(method: string, args: unknown): Promise<T> {
  const result = (await dispatch(services.methods, method, args)) as Result<T>
  answers.push(result)
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.value
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'orderdock-services-keychain-'))
  sandbox = await startSandbox({ port: 0, tokens: { [TOKEN]: { api: 'zangsho' } } })
  services = createServices({ dataDir: root, fetch, now: () => new Date(), resourcesDir: root })
})

afterAll(async () => {
  await services.dispose?.()
  await sandbox.close()
  rmSync(root, { recursive: true, force: true })
})

it('round-trips a token through the OS keychain without it ever coming back', async () => {
  const p = await value<ProfileView>('profiles.save', {
    name: 'Keychain',
    destination: 'zangsho',
    baseUrl: sandbox.zangshoBaseUrl
  })
  expect(await value<ProfileTokenView>('profiles.setToken', { id: p.id, token: TOKEN })).toEqual({
    saved: true,
    last4: 'Abc9'
  })
  expect(await systemKeychain().getPassword('OrderDock', p.id)).toBe(TOKEN)
  expect(await value<ConnectionCheckView>('profiles.test', { id: p.id })).toMatchObject({ ok: true, kind: 'ok' })
  expect(await value<ProfileTokenView>('profiles.setToken', { id: p.id, token: OTHER })).toEqual({
    saved: true,
    last4: 'Zz77'
  })
  expect(await value<ConnectionCheckView>('profiles.test', { id: p.id })).toMatchObject({
    ok: false,
    kind: 'unauthorized'
  })
  const listed = (await value<ProfileListView>('profiles.list', {})).profiles.find((x) => x.id === p.id)
  expect(listed?.token).toEqual({ saved: true, last4: 'Zz77' })
  await value('profiles.remove', { id: p.id })
  expect(await systemKeychain().getPassword('OrderDock', p.id)).toBeNull()
  const everything = JSON.stringify(answers)
  expect(everything).not.toContain(TOKEN)
  expect(everything).not.toContain(OTHER)
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) expect(readFileSync(join(entry.parentPath, entry.name), 'utf8')).not.toContain(TOKEN)
  }
})
