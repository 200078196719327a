// Auto-update from GitHub releases (electron-updater): opt-in, quiet, and never a forced restart.
import { app } from 'electron'
import {
  decideUpdateCheck,
  reactToUpdaterEvent,
  UPDATER_SETTINGS,
  type LocalizedNotice,
  type UpdaterEvent
} from './updater-policy'

export interface AutoUpdaterOptions {
  /** The user's opt-in; off by default. Development runs (not packaged) never update, whatever this says. */
  enabled: boolean
  /** True while a push is running. */
  isBusy: () => boolean
  /** Shows a quiet, non-modal notice in the window. */
  notify: (msg: LocalizedNotice) => void
  log?: (s: string) => void
}

export function startAutoUpdater(opts: AutoUpdaterOptions): void {
  const log = opts.log ?? ((s: string) => console.log(s))
  const decision = decideUpdateCheck({
    enabled: opts.enabled,
    isPackaged: app.isPackaged,
    platform: process.platform,
    appImagePath: process.env.APPIMAGE
  })
  if (!decision.check) {
    log(`update: not checking (${decision.reason})`)
    return
  }
  void runUpdater(opts, log).catch((error: unknown) =>
    log(`update: ${error instanceof Error ? error.message : String(error)}`)
  )
}

async function runUpdater(opts: AutoUpdaterOptions, log: (s: string) => void): Promise<void> {
  // loaded only when the user opted in; electron-updater is CommonJS, so its default export holds autoUpdater
  const { default: electronUpdater } = await import('electron-updater')
  const updater = electronUpdater.autoUpdater
  Object.assign(updater, UPDATER_SETTINGS)
  const line = (m: unknown): void => log(`update: ${String(m)}`)
  updater.logger = { info: line, warn: line, error: line, debug: () => {} }

  const handle = (event: UpdaterEvent): void => {
    const reaction = reactToUpdaterEvent(event, opts.isBusy())
    log(reaction.log)
    if (reaction.notice) opts.notify(reaction.notice)
  }
  updater.on('checking-for-update', () => handle({ type: 'checking' }))
  updater.on('update-available', (info) => handle({ type: 'update-available', version: info.version }))
  updater.on('update-not-available', () => handle({ type: 'update-not-available' }))
  updater.on('update-downloaded', (info) => handle({ type: 'update-downloaded', version: info.version }))
  updater.on('error', (error) => handle({ type: 'error', message: error.message }))
  // checkForUpdates, never checkForUpdatesAndNotify (no OS popups) and never quitAndInstall (no forced restart)
  await updater.checkForUpdates()
}
