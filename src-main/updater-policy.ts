// When OrderDock looks for updates and what it tells the user: pure decisions, so they are tested without Electron.

export interface LocalizedNotice {
  'zh-TW': string
  en: string
}

export interface UpdateCheckContext {
  /** The user's opt-in (off unless they turned it on). */
  enabled: boolean
  /** app.isPackaged: a development run never updates itself. */
  isPackaged: boolean
  platform: NodeJS.Platform
  /** process.env.APPIMAGE: on Linux only the AppImage can replace itself (a .deb is updated by the package manager). */
  appImagePath?: string
}

export type UpdateCheckDecision =
  { check: true } | { check: false; reason: 'not-opted-in' | 'development-build' | 'not-self-updating' }

export function decideUpdateCheck(ctx: UpdateCheckContext): UpdateCheckDecision {
  if (!ctx.isPackaged) return { check: false, reason: 'development-build' }
  if (!ctx.enabled) return { check: false, reason: 'not-opted-in' }
  if (ctx.platform === 'linux' && !ctx.appImagePath) return { check: false, reason: 'not-self-updating' }
  return { check: true }
}

/** The electron-updater settings OrderDock uses: download quietly, install only when the user quits. */
export const UPDATER_SETTINGS = Object.freeze({
  autoDownload: true,
  autoInstallOnAppQuit: true,
  // a pre-release tag is never offered to shop owners
  allowPrerelease: false,
  allowDowngrade: false
})

export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'update-available'; version: string }
  | { type: 'update-not-available' }
  | { type: 'update-downloaded'; version: string }
  | { type: 'error'; message: string }

export interface UpdateReaction {
  /** A quiet, non-modal notice for the window, or nothing. */
  notice?: LocalizedNotice
  /** One line for the log. */
  log: string
  /** Always false: OrderDock never restarts itself, least of all in the middle of a push. */
  restartNow: false
}

/** What to say (and do) for each updater event. `busy` is true while a push is running. */
export function reactToUpdaterEvent(event: UpdaterEvent, busy: boolean): UpdateReaction {
  switch (event.type) {
    case 'checking':
      return { log: 'update: checking GitHub releases', restartNow: false }
    case 'update-not-available':
      return { log: 'update: already up to date', restartNow: false }
    case 'update-available':
      return {
        log: `update: ${event.version} available, downloading in the background`,
        notice: {
          'zh-TW': `有新版本 OrderDock ${event.version}，正在背景下載，不影響目前的工作。`,
          en: `OrderDock ${event.version} is available and downloading in the background; your work is not interrupted.`
        },
        restartNow: false
      }
    case 'update-downloaded':
      return {
        log: `update: ${event.version} downloaded, will install on quit${busy ? ' (a push is running)' : ''}`,
        notice: busy
          ? {
              'zh-TW': `新版本 ${event.version} 已下載。上傳會照常完成；之後關閉 OrderDock 時就會安裝。`,
              en: `OrderDock ${event.version} is downloaded. The push keeps running; the update installs when you quit OrderDock afterwards.`
            }
          : {
              'zh-TW': `新版本 ${event.version} 已下載，關閉 OrderDock 時會自動安裝。`,
              en: `OrderDock ${event.version} is downloaded and installs when you quit OrderDock.`
            },
        restartNow: false
      }
    case 'error':
      // a failed check (offline, rate limit) is not the user's problem: log it, say nothing
      return { log: `update: check failed: ${event.message}`, restartNow: false }
  }
}
