// Auto-update decisions: opt-in, never in development, never a forced restart (least of all during a push).
import { describe, expect, it } from 'vitest'
import {
  decideUpdateCheck,
  reactToUpdaterEvent,
  UPDATER_SETTINGS,
  type UpdaterEvent
} from '../../src-main/updater-policy'

describe('whether to check for updates', () => {
  const packaged = { enabled: true, isPackaged: true, platform: 'win32' as NodeJS.Platform }

  it('checks in a packaged app the user opted in', () => {
    expect(decideUpdateCheck(packaged)).toEqual({ check: true })
    expect(decideUpdateCheck({ ...packaged, platform: 'darwin' })).toEqual({ check: true })
    expect(decideUpdateCheck({ ...packaged, platform: 'linux', appImagePath: '/home/a/OrderDock.AppImage' })).toEqual({
      check: true
    })
  })

  it('is off unless the user opts in', () => {
    expect(decideUpdateCheck({ ...packaged, enabled: false })).toEqual({ check: false, reason: 'not-opted-in' })
  })

  it('is always off in development, even when opted in', () => {
    expect(decideUpdateCheck({ ...packaged, isPackaged: false })).toEqual({ check: false, reason: 'development-build' })
    expect(decideUpdateCheck({ ...packaged, enabled: false, isPackaged: false })).toEqual({
      check: false,
      reason: 'development-build'
    })
  })

  it('leaves a .deb install to the package manager (only the AppImage updates itself on Linux)', () => {
    expect(decideUpdateCheck({ ...packaged, platform: 'linux' })).toEqual({ check: false, reason: 'not-self-updating' })
  })
})

describe('reacting to updater events', () => {
  const events: UpdaterEvent[] = [
    { type: 'checking' },
    { type: 'update-not-available' },
    { type: 'update-available', version: '1.2.0' },
    { type: 'update-downloaded', version: '1.2.0' },
    { type: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' }
  ]

  it('never restarts the app, busy or not', () => {
    for (const event of events)
      for (const busy of [true, false]) expect(reactToUpdaterEvent(event, busy).restartNow).toBe(false)
  })

  it('downloads quietly and installs only when the user quits', () => {
    expect(UPDATER_SETTINGS).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowPrerelease: false,
      allowDowngrade: false
    })
  })

  it('tells the user, in zh-TW and English, that an update is coming and when it installs', () => {
    const available = reactToUpdaterEvent({ type: 'update-available', version: '1.2.0' }, false).notice!
    expect(available['zh-TW']).toContain('1.2.0')
    expect(available.en).toContain('1.2.0')
    const idle = reactToUpdaterEvent({ type: 'update-downloaded', version: '1.2.0' }, false).notice!
    expect(idle['zh-TW']).toContain('關閉 OrderDock 時')
    expect(idle.en).toMatch(/installs when you quit/)
  })

  it('during a push, says the push keeps running and the update waits', () => {
    const busy = reactToUpdaterEvent({ type: 'update-downloaded', version: '1.2.0' }, true)
    expect(busy.notice!.en).toMatch(/push keeps running/)
    expect(busy.notice!['zh-TW']).toMatch(/上傳會照常完成/)
    expect(busy.log).toMatch(/a push is running/)
  })

  it('stays quiet about checks that find nothing or fail (logged only)', () => {
    for (const event of events.filter(
      (e) => e.type === 'checking' || e.type === 'update-not-available' || e.type === 'error'
    )) {
      const reaction = reactToUpdaterEvent(event, false)
      expect(reaction.notice).toBeUndefined()
      expect(reaction.log).toMatch(/^update: /)
    }
    expect(reactToUpdaterEvent({ type: 'error', message: 'rate limited' }, false).log).toContain('rate limited')
  })
})
