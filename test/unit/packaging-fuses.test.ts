// Fuses: the settings issue 6 asks for, and the afterPack hook flipping them in a packed binary's real fuse wire.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as fuses from '@electron/fuses'
import { afterEach, describe, expect, it } from 'vitest'
import afterPack from '../../scripts/after-pack.cjs'
import { FUSE_SETTINGS, electronBinaryPath, fuseConfigFor } from '../../scripts/fuses.cjs'
import { loadBuilderConfig } from './packaging-support'

const { FuseV1Options, FuseVersion, FuseState } = fuses
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// Electron's shipped defaults for the 9 V1 fuses: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on,
// asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on, wasm trap handlers on
const DEFAULT_WIRE = '101100011'

/** A stand-in Electron binary: filler bytes around the fuse sentinel, wire version 1 and the default wire. */
function fakeElectronBinary(path: string): void {
  const wire = Buffer.concat([
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE, 'latin1')
  ])
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, Buffer.concat([Buffer.alloc(4096, 0x90), wire, Buffer.alloc(4096, 0x90)]))
}

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('fuse settings', () => {
  it('are exactly what issue 6 says', () => {
    expect(FUSE_SETTINGS).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true
    })
  })

  it('become the @electron/fuses V1 config, resetting the ad-hoc signature only for arm64 macOS', () => {
    const expected = {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true
    }
    expect(fuseConfigFor(fuses, 'darwin', 'arm64')).toEqual({ ...expected, resetAdHocDarwinSignature: true })
    expect(fuseConfigFor(fuses, 'darwin', 'x64')).toEqual({ ...expected, resetAdHocDarwinSignature: false })
    expect(fuseConfigFor(fuses, 'win32', 'arm64')).toEqual({ ...expected, resetAdHocDarwinSignature: false })
    expect(fuseConfigFor(fuses, 'linux', 'x64')).toEqual({ ...expected, resetAdHocDarwinSignature: false })
  })

  it('fail loudly if @electron/fuses renames a fuse', () => {
    const renamed = { ...fuses, FuseV1Options: { ...FuseV1Options, RunAsNode: undefined } } as unknown as typeof fuses
    expect(() => fuseConfigFor(renamed, 'linux', 'x64')).toThrow(/no fuse named RunAsNode/)
  })

  it('are flipped by afterPack, not by electron-builder (no electronFuses block to fight with)', () => {
    const config = loadBuilderConfig()
    expect(config.afterPack).toBe('./scripts/after-pack.cjs')
    expect(config).not.toHaveProperty('electronFuses')
  })
})

describe('the binary the fuses go into', () => {
  it('is OrderDock.exe on Windows, the .app bundle on macOS, the lowercase executable on Linux', () => {
    const base = { appOutDir: join('release', 'x'), productFilename: 'OrderDock', executableName: 'orderdock' }
    expect(electronBinaryPath({ ...base, platform: 'win32' })).toBe(join('release', 'x', 'OrderDock.exe'))
    expect(electronBinaryPath({ ...base, platform: 'darwin' })).toBe(join('release', 'x', 'OrderDock.app'))
    expect(electronBinaryPath({ ...base, platform: 'linux' })).toBe(join('release', 'x', 'orderdock'))
    expect(() => electronBinaryPath({ ...base, platform: 'aix' })).toThrow(/aix/)
    // on macOS the wire lives in the framework, which @electron/fuses finds from the bundle path
    expect(fuses.pathToFuseFile(join('/r', 'OrderDock.app'))).toBe(
      join('/r', 'OrderDock.app', 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework')
    )
  })
})

describe('afterPack', () => {
  const cases = [
    { platform: 'linux', arch: 1, file: 'orderdock' },
    { platform: 'win32', arch: 3, file: 'OrderDock.exe' },
    {
      platform: 'darwin',
      arch: 1,
      file: join('OrderDock.app', 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework')
    }
  ]
  for (const { platform, arch, file } of cases) {
    it(`flips the fuse wire of a packed ${platform} app`, async () => {
      const appOutDir = mkdtempSync(join(tmpdir(), 'orderdock-fuses-'))
      dirs.push(appOutDir)
      const binary = join(appOutDir, file)
      fakeElectronBinary(binary)
      const before = readFileSync(binary)

      await afterPack({
        appOutDir,
        electronPlatformName: platform,
        arch,
        packager: {
          appInfo: { productFilename: 'OrderDock' },
          ...(platform === 'linux' ? { executableName: 'orderdock' } : {})
        }
      })

      const wire = await fuses.getCurrentFuseWire(platform === 'darwin' ? join(appOutDir, 'OrderDock.app') : binary)
      expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE)
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE)
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE)
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE)
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE)
      // fuses the issue does not mention keep Electron's defaults
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.DISABLE)
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE)
      // only the wire changed: same length, same bytes outside it
      const after = readFileSync(binary)
      expect(after.length).toBe(before.length)
      expect(after.subarray(0, 4096)).toEqual(before.subarray(0, 4096))
    })
  }

  it('fails the build when the binary has no fuse wire', async () => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'orderdock-fuses-'))
    dirs.push(appOutDir)
    writeFileSync(join(appOutDir, 'orderdock'), Buffer.alloc(1024))
    await expect(
      afterPack({
        appOutDir,
        electronPlatformName: 'linux',
        arch: 1,
        packager: { appInfo: { productFilename: 'OrderDock' }, executableName: 'orderdock' }
      })
    ).rejects.toThrow(/sentinel/)
  })
})
