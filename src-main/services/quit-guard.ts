// Quitting while a push runs asks first: the window's close path calls requestClose(); while a job is active it says "not
// yet" and asks the renderer (app.quitRequested); the renderer's confirm dialog answers with app.quit.
import type { OrderDockEvent } from '../ipc/contract'

export interface QuitGuardDeps {
  isBusy: () => boolean
  emit: (event: OrderDockEvent) => void
  /** Really close (the desktop app closes its window / quits); absent in the browser harness. */
  quit?: () => void
}

export interface QuitGuard {
  /** True: close now. False: a push runs, the renderer was asked and will call app.quit if the user agrees. */
  requestClose(): boolean
  /** The user agreed: the next requestClose() lets the window go. */
  confirm(): { quitting: boolean }
}

export function createQuitGuard(deps: QuitGuardDeps): QuitGuard {
  let confirmed = false
  return {
    requestClose() {
      if (confirmed || !deps.isBusy()) return true
      deps.emit({ type: 'app.quitRequested' })
      return false
    },
    confirm() {
      confirmed = true
      if (!deps.quit) return { quitting: false }
      deps.quit()
      return { quitting: true }
    }
  }
}
