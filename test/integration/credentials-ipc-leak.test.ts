// Everything the profile methods send back over IPC, and every event forwarded to the window, must be free of the token.
import { describe, it, expect, afterEach } from 'vitest'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { registerIpc, forwardEvents } from '../../src-main/ipc/register'
import { methodChannel } from '../../src-main/ipc/channels'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'

const APP_URL = 'file:///app/index.html'
const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined)
})

type Handler = (event: unknown, args: unknown) => Promise<unknown>

/** A stand-in ipcMain + window: calls go through the real registerIpc/forwardEvents; every answer and event is kept. */
function fakeWindow(services: OrderDockServices) {
  const handlers = new Map<string, Handler>()
  const sent: unknown[] = []
  registerIpc(
    { handle: (ch: string, h: Handler) => void handlers.set(ch, h), removeHandler: () => undefined } as never,
    services,
    () => APP_URL
  )
  forwardEvents(services, { send: (_ch: string, e: unknown) => void sent.push(e), isDestroyed: () => false } as never)
  const invoke = async (method: string, args: unknown) => {
    const h = handlers.get(methodChannel(method as never))
    if (!h) throw new Error(`no handler for ${method}`)
    const answer = await h({ senderFrame: { url: APP_URL, parent: null } }, args)
    sent.push(answer)
    return answer as { ok: boolean; value?: Record<string, unknown>; error?: unknown }
  }
  return { invoke, sent }
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const name of await readdir(dir)) {
    const p = join(dir, name)
    if ((await stat(p)).isDirectory()) out.push(...(await filesUnder(p)))
    else out.push(await readFile(p, 'utf8'))
  }
  return out
}

describe('IPC leak test (profiles)', () => {
  it('no answer or event carries the token; only …last4 reaches the window', async () => {
    const token = `ipc_${randomBytes(24).toString('hex')}`
    const zSandbox: Sandbox = await startSandbox({ tokens: { [token]: { api: 'zangsho' } } })
    const sSandbox: Sandbox = await startSandbox({ tokens: { [token]: { api: 'shopline' } } })
    const dataDir = await mkdtemp(join(tmpdir(), 'orderdock-ipc-leak-'))
    const services = createServices({
      dataDir,
      fetch,
      now: () => new Date(),
      resourcesDir: resolve('resources'),
      keychain: memoryKeychain()
    })
    cleanups.push(
      () => zSandbox.close(),
      () => sSandbox.close(),
      () => rm(dataDir, { recursive: true, force: true }),
      async () => services.dispose?.()
    )
    const win = fakeWindow(services)

    const z = await win.invoke('profiles.save', {
      name: '帳獸',
      destination: 'zangsho',
      baseUrl: zSandbox.zangshoBaseUrl
    })
    const s = await win.invoke('profiles.save', {
      name: 'SHOPLINE',
      destination: 'shopline',
      baseUrl: sSandbox.shoplineBaseUrl
    })
    expect([z.ok, s.ok]).toEqual([true, true])
    const zid = z.value!.id as string
    const sid = s.value!.id as string
    const saved = await win.invoke('profiles.setToken', { id: zid, token })
    expect(saved.value).toMatchObject({ saved: true, last4: token.slice(-4) })
    await win.invoke('profiles.setToken', { id: sid, token })
    expect((await win.invoke('profiles.test', { id: zid })).value).toMatchObject({ ok: true })
    expect((await win.invoke('profiles.test', { id: sid })).value).toMatchObject({ ok: true })
    expect((await win.invoke('profiles.shoplineOptions', { id: sid })).value).toMatchObject({ ok: true })
    await win.invoke('profiles.list', {})
    // failures too: the server refuses the token (401), the server is gone (unreachable)
    await win.invoke('profiles.save', {
      id: zid,
      name: '帳獸',
      destination: 'zangsho',
      baseUrl: `${sSandbox.url}/zangsho/v1`,
      token
    })
    expect((await win.invoke('profiles.test', { id: zid })).value).toMatchObject({ ok: false, kind: 'unauthorized' })
    await zSandbox.close()
    await win.invoke('profiles.save', {
      id: zid,
      name: '帳獸',
      destination: 'zangsho',
      baseUrl: zSandbox.zangshoBaseUrl,
      token
    })
    expect((await win.invoke('profiles.test', { id: zid })).value).toMatchObject({ ok: false, kind: 'unreachable' })
    await win.invoke('profiles.deleteToken', { id: sid })
    await win.invoke('profiles.remove', { id: zid })
    await win.invoke('profiles.list', {})

    const everything = JSON.stringify(win.sent)
    expect(everything).toContain(token.slice(-4))
    const masked = everything.replaceAll(token.slice(-4), '____')
    for (const form of [token, token.slice(0, token.length / 2), Buffer.from(token).toString('base64')])
      expect(masked).not.toContain(form)
    for (const text of await filesUnder(dataDir)) expect(text).not.toContain(token.slice(0, token.length / 2))
  })
})
