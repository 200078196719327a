// Sandboxed preload: exposes exactly the contract (invoke + on) as window.orderdock. Bundled to one CJS file.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNEL, isMethodName, methodChannel, type MethodName } from './ipc/channels'
import type { MethodArgs, MethodResult, OrderDockBridge, OrderDockEvent, Result } from './ipc/contract'

export const bridge = {
  invoke<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<Result<MethodResult<M>>> {
    // only contract channels are reachable: anything else never reaches ipcRenderer
    if (!isMethodName(method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_method', message: `No such method: ${String(method).slice(0, 80)}` }
      })
    }
    return ipcRenderer.invoke(methodChannel(method), args)
  },
  on(listener: (event: OrderDockEvent) => void): () => void {
    // strip the IPC event object: it carries `sender`, which must not reach the page
    const handler = (_event: IpcRendererEvent, payload: OrderDockEvent): void => listener(payload)
    ipcRenderer.on(EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler)
    }
  }
} satisfies OrderDockBridge

contextBridge.exposeInMainWorld('orderdock', bridge)
