// electron-builder.yml: valid against electron-builder's own schema, packs only the build output, targets as issue 6 asks.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import type { Configuration } from 'electron-builder'
import { ROOT, loadBuilderConfig, packedBy, readJson, repoFiles, unpackedBy } from './packaging-support'

const config = loadBuilderConfig()
const pkg = readJson<{ productName: string; version: string; main: string; dependencies: Record<string, string> }>(
  'package.json'
)
const schema = readJson<object>('node_modules/app-builder-lib/scheme.json')

// the options electron-builder validates with, minus coerceTypes: a string where a boolean belongs is a mistake here
const check = new Ajv({ allErrors: true, strict: false }).compile(schema)

function validate(candidate: unknown): string[] {
  return check(candidate) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

type TargetList = Array<{ target: string; arch: string[] }>
const targets = (platform: { target?: unknown } | null | undefined): TargetList =>
  (platform?.target ?? []) as TargetList

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    expect(validate(config)).toEqual([])
  })

  it('the schema check really rejects mistakes (a misspelt key, a wrong type)', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: false } }).length).toBeGreaterThan(0)
    expect(validate({ ...config, asar: 'yes' }).length).toBeGreaterThan(0)
  })

  it('names the app and takes the version from package.json', () => {
    expect(config.appId).toBe('tw.orderdock.app')
    expect(config.productName).toBe(pkg.productName)
    expect(config).not.toHaveProperty('version')
    expect(config.copyright).toMatch(/OrderDock/)
    expect(config.asar).toBe(true)
  })

  it('packs the build output and package.json, and leaves sources, tests and configs out', () => {
    const packed = packedBy(config.files as string[])
    const built = [
      'out/main/index.js',
      'out/main/parse.worker.js',
      'out/preload/preload.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index.js'
    ]
    for (const file of [...built, 'package.json']) expect(packed(file), file).toBe(true)
    const leftOut = [
      'src-main/index.ts',
      'src-main/cli.ts',
      'src-main/core/workbook/types.ts',
      'src-renderer/index.html',
      'test/unit/packaging-config.test.ts',
      'tsconfig.json',
      'tsconfig.node.json',
      'tsconfig.web.json',
      'electron.vite.config.ts',
      'vitest.config.ts',
      'eslint.config.js',
      '.ci/run',
      'scripts/make-icons.mjs',
      'scripts/after-pack.cjs',
      '.github/workflows/release.yml',
      'README.md',
      'ARCHITECTURE.md',
      'docs/anything.md',
      'electron-builder.yml',
      'package-lock.json',
      'resources/icons/icon.png',
      'out/main/index.js.map'
    ]
    for (const file of leftOut) expect(packed(file), file).toBe(false)
    // and over the real tree: whatever exists today, only out/** and package.json get in
    const inRepo = repoFiles().filter(packed)
    expect(inRepo.filter((f) => f !== 'package.json' && !f.startsWith('out/'))).toEqual([])
    expect(inRepo).toContain('package.json')
    expect(pkg.main).toBe('./out/main/index.js')
  })

  it('ships the sample spreadsheets outside the archive, where the app looks for them (resources/samples)', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/samples', to: 'samples', filter: ['**/*'] }])
  })

  it('unpacks the keyring native binary for every platform, and nothing else', () => {
    const unpacked = unpackedBy(config.asarUnpack as string[])
    const keyring = readJson<{ optionalDependencies: Record<string, string> }>(
      'node_modules/@napi-rs/keyring/package.json'
    )
    const platformPackages = Object.keys(keyring.optionalDependencies)
    expect(platformPackages).toEqual(
      expect.arrayContaining([
        '@napi-rs/keyring-win32-x64-msvc',
        '@napi-rs/keyring-win32-arm64-msvc',
        '@napi-rs/keyring-darwin-x64',
        '@napi-rs/keyring-darwin-arm64'
      ])
    )
    for (const name of platformPackages) {
      const file = `node_modules/${name}/keyring.${name.replace('@napi-rs/keyring-', '')}.node`
      expect(unpacked(file), file).toBe(true)
    }
    for (const file of [
      'node_modules/@napi-rs/keyring/index.js',
      'node_modules/@napi-rs/keyring/keytar.js',
      'out/main/parse.worker.js',
      'out/main/index.js',
      'node_modules/xlsx/xlsx.mjs'
    ]) {
      expect(unpacked(file), file).toBe(false)
    }
  })

  it('needs no native rebuild: the installed keyring is an N-API prebuilt binary with nothing to compile', () => {
    expect(config.npmRebuild).toBe(false)
    const platformDirs = readdirSync(join(ROOT, 'node_modules/@napi-rs')).filter((d) => d.startsWith('keyring-'))
    const binaries = platformDirs.flatMap((d) =>
      readdirSync(join(ROOT, 'node_modules/@napi-rs', d)).filter((f) => f.endsWith('.node'))
    )
    expect(binaries.length).toBeGreaterThan(0)
    expect(existsSync(join(ROOT, 'node_modules/@napi-rs/keyring/binding.gyp'))).toBe(false)
    expect(pkg.dependencies['@napi-rs/keyring']).toBeDefined()
  })

  it('Windows: NSIS for x64 and arm64, per user without admin rights, Start menu and desktop shortcuts', () => {
    expect(targets(config.win)).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }])
    const nsis = config.nsis!
    expect(nsis.oneClick).toBe(true)
    expect(nsis.perMachine).toBe(false)
    expect(nsis.allowElevation).toBe(false)
    expect(nsis.createDesktopShortcut).toBe(true)
    expect(nsis.createStartMenuShortcut).toBe(true)
    expect(existsSync(join(ROOT, config.win!.icon as string))).toBe(true)
  })

  it('Windows: "Open with OrderDock" for xlsx, xls and csv without replacing the default app', () => {
    expect(config.win!.fileAssociations).toEqual([])
    const script = readFileSync(join(ROOT, config.nsis!.include as string), 'utf8')
    for (const ext of ['xlsx', 'xls', 'csv']) {
      expect(script).toMatch(new RegExp(`orderDockRegisterType "${ext}"`))
      expect(script).toMatch(new RegExp(`orderDockUnregisterType "${ext}"`))
    }
    expect(script).toMatch(/WriteRegNone HKCU "Software\\Classes\\\.\$\{EXT\}\\OpenWithProgids" "OrderDock\.\$\{EXT\}"/)
    // the default value of HKCU\Software\Classes\.ext (the default app) is never written
    expect(script).not.toMatch(/WriteRegStr\s+\w+\s+"Software\\Classes\\\.\$\{EXT\}"\s+""/)
    expect(script).not.toMatch(/HKLM/)
  })

  it('macOS: dmg (and zip for updates) for x64 and arm64, hardened runtime with only the JIT entitlement', () => {
    const mac = config.mac!
    expect(targets(mac)).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] }
    ])
    expect(mac.hardenedRuntime).toBe(true)
    expect(mac.notarize).toBe(false)
    expect(mac.entitlementsInherit).toBe(mac.entitlements)
    const plist = readFileSync(join(ROOT, mac.entitlements as string), 'utf8')
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit'])
    expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/)
    expect(existsSync(join(ROOT, mac.icon as string))).toBe(true)
  })

  it('macOS: offers Open With for xlsx, xls and csv as a viewer, never as the default app', () => {
    const associations = config.mac!.fileAssociations as Array<{
      ext: string
      name: string
      role: string
      rank: string
    }>
    expect(associations.map((a) => a.ext)).toEqual(['xlsx', 'xls', 'csv'])
    for (const a of associations) {
      expect(a).toMatchObject({ role: 'Viewer', rank: 'Alternate' })
      expect(a.name.length).toBeGreaterThan(0)
    }
  })

  it('Linux: AppImage and deb, with MIME types for the three spreadsheet kinds', () => {
    const linux = config.linux!
    expect(targets(linux).map((t) => t.target)).toEqual(['AppImage', 'deb'])
    expect(linux.executableName).toBe('orderdock')
    const associations = linux.fileAssociations as Array<{ ext: string; mimeType: string }>
    expect(Object.fromEntries(associations.map((a) => [a.ext, a.mimeType]))).toEqual({
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      xls: 'application/vnd.ms-excel',
      csv: 'text/csv'
    })
    for (const size of [16, 32, 48, 64, 128, 256, 512])
      expect(existsSync(join(ROOT, linux.icon as string, `${size}x${size}.png`))).toBe(true)
  })

  it('runs the fuse and notarization hooks from files that exist, and publishes drafts to GitHub', () => {
    for (const hook of [config.afterPack, config.afterSign]) {
      expect(typeof hook).toBe('string')
      expect(existsSync(join(ROOT, hook as string))).toBe(true)
    }
    expect(config.publish).toMatchObject({ provider: 'github', releaseType: 'draft' })
    expect((config as Configuration).directories).toMatchObject({ output: 'release', buildResources: 'resources' })
  })
})
