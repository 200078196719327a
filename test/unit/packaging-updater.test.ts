// startAutoUpdater with Electron and electron-updater replaced by stand-ins: what it sets, says and never does.
import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const electronApp = vi.hoisted(() => ({ isPackaged: true }))
const fakeUpdater = vi.hoisted(() => {
  const calls: string[] = []
  return { calls, instance: null as null | EventEmitter }
})

vi.mock('electron', () => ({ app: electronApp }))
vi.mock('electron-updater', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  const updater = Object.assign(new Emitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowPrerelease: true,
    allowDowngrade: true,
    logger: null as unknown,
    checkForUpdates: async () => {
      fakeUpdater.calls.push('checkForUpdates')
      return null
    },
    checkForUpdatesAndNotify: async () => {
      fakeUpdater.calls.push('checkForUpdatesAndNotify')
      return null
    },
    quitAndInstall: () => {
      fakeUpdater.calls.push('quitAndInstall')
    }
  })
  fakeUpdater.instance = updater
  return { default: { autoUpdater: updater } }
})

const { startAutoUpdater } = await import('../../src-main/updater')

async function settle(): Promise<void> {
  for (let i = 0; i < 200 && !fakeUpdater.calls.includes('checkForUpdates'); i++)
    await new Promise((r) => setTimeout(r, 5))
}

describe('startAutoUpdater', () => {
  beforeEach(() => {
    fakeUpdater.calls.length = 0
    fakeUpdater.instance?.removeAllListeners()
    electronApp.isPackaged = true
  })

  it('does not check when the user has not opted in, or in development', async () => {
    const logs: string[] = []
    startAutoUpdater({ enabled: false, isBusy: () => false, notify: () => {}, log: (s) => logs.push(s) })
    electronApp.isPackaged = false
    startAutoUpdater({ enabled: true, isBusy: () => false, notify: () => {}, log: (s) => logs.push(s) })
    await new Promise((r) => setTimeout(r, 30))
    expect(fakeUpdater.calls).toEqual([])
    expect(logs).toEqual(['update: not checking (not-opted-in)', 'update: not checking (development-build)'])
  })

  it('checks once at start, quietly, and installs only on quit, even when the update lands mid-push', async () => {
    const notices: Array<{ 'zh-TW': string; en: string }> = []
    let busy = false
    // on Linux only an AppImage updates itself; pretend to be one wherever this test runs
    vi.stubEnv('APPIMAGE', '/tmp/OrderDock.AppImage')
    startAutoUpdater({ enabled: true, isBusy: () => busy, notify: (m) => notices.push(m), log: () => {} })
    await settle()
    const updater = fakeUpdater.instance!
    expect(fakeUpdater.calls).toEqual(['checkForUpdates'])
    expect(updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowPrerelease: false,
      allowDowngrade: false
    })

    updater.emit('update-available', { version: '0.2.0' })
    busy = true
    updater.emit('update-downloaded', { version: '0.2.0' })
    updater.emit('error', new Error('offline'))
    expect(notices.map((n) => n.en)).toEqual([
      'OrderDock 0.2.0 is available and downloading in the background; your work is not interrupted.',
      'OrderDock 0.2.0 is downloaded. The push keeps running; the update installs when you quit OrderDock afterwards.'
    ])
    expect(fakeUpdater.calls).not.toContain('quitAndInstall')
    expect(fakeUpdater.calls).not.toContain('checkForUpdatesAndNotify')
    vi.unstubAllEnvs()
  })
})
