// The preload exposes exactly the contract, main registers exactly the contract, and every call is zod-checked.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  EVENT_CHANNEL,
  METHOD_NAMES,
  methodArgs,
  methodChannel,
  type OrderDockBridge,
  type OrderDockEvent
} from '../../src-main/ipc/contract'
import { forwardEvents, registerIpc } from '../../src-main/ipc/register'
import { dispatch } from '../../src-main/services/dispatch'
import { ServiceError } from '../../src-main/services/errors'
import type { OrderDockServices } from '../../src-main/services'
import type { ServiceMethods } from '../../src-main/ipc/contract'

type Listener = (...args: unknown[]) => unknown

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: null as unknown as ReturnType<typeof import('vitest').vi.fn>,
  on: null as unknown as ReturnType<typeof import('vitest').vi.fn>,
  removeListener: null as unknown as ReturnType<typeof import('vitest').vi.fn>
}))

vi.mock('electron', () => {
  electron.invoke = vi.fn(async (channel: string) => ({ ok: true, value: channel }))
  electron.on = vi.fn()
  electron.removeListener = vi.fn()
  return {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api) },
    ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener }
  }
})

let bridge: OrderDockBridge

beforeAll(async () => {
  await import('../../src-main/preload')
  bridge = electron.exposed.get('orderdock') as OrderDockBridge
})

function fakeServices(methods: Partial<ServiceMethods> = {}): OrderDockServices {
  return {
    methods: methods as ServiceMethods,
    onEvent: () => () => undefined,
    openFromOs: async () => undefined,
    emit: () => undefined,
    isBusy: () => false
  }
}

describe('the contract', () => {
  it('names exactly the methods it has argument schemas for', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(methodArgs).sort())
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length)
  })
})

describe('preload', () => {
  it('exposes one object, window.orderdock, with only invoke and on', () => {
    expect([...electron.exposed.keys()]).toEqual(['orderdock'])
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on'])
  })

  it('reaches exactly the channels main registers: one per contract method', async () => {
    const handled: string[] = []
    registerIpc(
      { handle: (channel: string) => void handled.push(channel), removeHandler: () => undefined },
      fakeServices(),
      () => 'file:///app/index.html'
    )
    electron.invoke.mockClear()
    for (const method of METHOD_NAMES) await bridge.invoke(method, {} as never)
    const reached = electron.invoke.mock.calls.map((call) => call[0])
    expect(reached).toEqual(METHOD_NAMES.map((method) => methodChannel(method)))
    expect([...reached].sort()).toEqual([...handled].sort())
  })

  it('never forwards a method outside the contract', async () => {
    electron.invoke.mockClear()
    for (const method of ['shell.openExternal', 'orderdock:app.info', '__proto__', 'constructor']) {
      const result = await bridge.invoke(method as never, {} as never)
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    }
    expect(electron.invoke).not.toHaveBeenCalled()
  })

  it('on() strips the IPC event object and returns an unsubscribe function', () => {
    const received: unknown[][] = []
    const unsubscribe = bridge.on((...args) => void received.push(args))
    expect(electron.on).toHaveBeenCalledWith(EVENT_CHANNEL, expect.any(Function))
    const handler = electron.on.mock.calls.at(-1)![1] as Listener
    const payload: OrderDockEvent = { type: 'app.language', language: 'en' }
    handler({ sender: { secret: 'ipcRenderer' } }, payload)
    expect(received).toEqual([[payload]])
    unsubscribe()
    expect(electron.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, handler)
  })
})

describe('register + dispatch', () => {
  const appUrl = 'file:///app/index.html'
  const trusted = { senderFrame: { url: appUrl, parent: null } }

  function handlers(methods: Partial<ServiceMethods>) {
    const map = new Map<string, Listener>()
    const ipcMain = {
      handle: (channel: string, listener: (...args: never[]) => unknown) => void map.set(channel, listener as Listener),
      removeHandler: (channel: string) => void map.delete(channel)
    }
    const remove = registerIpc(ipcMain, fakeServices(methods), () => appUrl)
    return { map, remove }
  }

  it('parses arguments with zod before the service sees them', async () => {
    const preview = vi.fn(async () => ({}) as never)
    const { map } = handlers({ 'workbook.preview': preview })
    const call = map.get(methodChannel('workbook.preview'))!
    for (const bad of [
      {},
      { sessionId: '' },
      { sessionId: 'a', headerRow: 0 },
      { sessionId: 'a', headerRow: 1.5 },
      { sessionId: 'a', extra: true },
      null,
      'x'
    ]) {
      expect(await call(trusted, bad)).toMatchObject({ ok: false, error: { code: 'bad_args' } })
    }
    expect(preview).not.toHaveBeenCalled()
    expect(await call(trusted, { sessionId: 'a', headerRow: 3 })).toEqual({ ok: true, value: {} })
    expect(preview).toHaveBeenCalledWith({ sessionId: 'a', headerRow: 3 })
  })

  it('accepts {path} or {name, bytes} for workbook.open and nothing else', async () => {
    const open = vi.fn(async (_args: unknown) => ({}) as never)
    const { map } = handlers({ 'workbook.open': open })
    const call = map.get(methodChannel('workbook.open'))!
    expect(await call(trusted, { name: 'a.csv', bytes: 'not bytes' })).toMatchObject({
      ok: false,
      error: { code: 'bad_args' }
    })
    expect(await call(trusted, { name: 'a.csv', bytes: new Uint8Array([97]), path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'bad_args' }
    })
    expect(await call(trusted, { name: 'a.csv', bytes: new Uint8Array([97, 10]) })).toEqual({ ok: true, value: {} })
    expect(await call(trusted, { name: 'b.csv', bytes: new Uint8Array([98]).buffer })).toEqual({ ok: true, value: {} })
    expect(open.mock.calls[1][0]).toEqual({ name: 'b.csv', bytes: new Uint8Array([98]) })
  })

  it('turns thrown errors into typed { code, message } without stacks', async () => {
    const typed = await dispatch(
      {
        'app.info': async () => {
          throw new ServiceError('not_found', 'gone', 'a.csv')
        }
      } as unknown as ServiceMethods,
      'app.info',
      {}
    )
    expect(typed).toEqual({ ok: false, error: { code: 'not_found', message: 'gone', file: 'a.csv' } })
    const unexpected = await dispatch(
      {
        'app.info': async () => {
          throw new TypeError('boom')
        }
      } as unknown as ServiceMethods,
      'app.info',
      {}
    )
    expect(unexpected).toEqual({ ok: false, error: { code: 'internal', message: 'Unexpected error: boom' } })
    expect(await dispatch({} as ServiceMethods, 'fs.readFile', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' }
    })
  })

  it('removes every handler it registered', () => {
    const { map, remove } = handlers({})
    expect(map.size).toBe(METHOD_NAMES.length)
    remove()
    expect(map.size).toBe(0)
  })

  it('forwards service events to the window on the one event channel', () => {
    let listener: ((event: OrderDockEvent) => void) | undefined
    const services = {
      ...fakeServices(),
      onEvent: (l: (event: OrderDockEvent) => void) => ((listener = l), () => undefined)
    }
    const sent: unknown[][] = []
    forwardEvents(services, { send: (...args: unknown[]) => void sent.push(args), isDestroyed: () => false })
    listener!({ type: 'workbook.opening', file: 'a.csv' })
    expect(sent).toEqual([[EVENT_CHANNEL, { type: 'workbook.opening', file: 'a.csv' }]])
  })
})
