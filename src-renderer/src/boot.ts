// The app's state and language, loaded by main.tsx in a task of its own: events kept since the page started are
// handled first, in order, then new ones as they come.
import type { OrderDockEvent } from '../../src-main/ipc/contract'
import { i18n, initI18n, rememberLanguage, type UiLanguage } from './i18n'
import { handleEvent, subscribeToMain } from './store'

export function setLanguage(language: UiLanguage): void {
  void i18n.changeLanguage(language)
  rememberLanguage(language)
}

/** Take over from the entry's early listener (synchronously, so no event falls between); resolves once i18n is ready. */
export function start(early: readonly OrderDockEvent[], stopKeeping: () => void): Promise<unknown> {
  stopKeeping()
  const ready = initI18n()
  for (const event of early) handleEvent(event, setLanguage)
  subscribeToMain(setLanguage)
  return ready
}
