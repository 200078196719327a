// ipcMain.handle for each contract method: check the sender frame, parse the arguments with zod, call the service.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { isTrustedSender } from '../app/window-options'
import { dispatch } from '../services/dispatch'
import type { OrderDockServices } from '../services'
import { EVENT_CHANNEL, METHOD_NAMES, methodChannel } from './channels'
import type { Result } from './contract'

/** Only the app's own top-level page may call: not an iframe, not a page the window was somehow navigated to. */
export function senderIsTrusted(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appUrl: string): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return isTrustedSender(frame.url, appUrl)
}

/** Registers one handler per method; returns a function that removes them all. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  services: OrderDockServices,
  appUrl: () => string
): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(methodChannel(method), async (event, args: unknown): Promise<Result<unknown>> => {
      if (!senderIsTrusted(event, appUrl())) {
        return {
          ok: false,
          error: { code: 'untrusted_sender', message: `Refused ${method}: the caller is not the OrderDock window.` }
        }
      }
      return dispatch(services.methods, method, args)
    })
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(methodChannel(method))
  }
}

/** Sends every service event to the window; returns the unsubscribe function. */
export function forwardEvents(
  services: OrderDockServices,
  webContents: Pick<WebContents, 'send' | 'isDestroyed'>
): () => void {
  return services.onEvent((event) => {
    if (!webContents.isDestroyed()) webContents.send(EVENT_CHANNEL, event)
  })
}
