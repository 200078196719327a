// Real electron-builder runs ("dir" targets for Linux and macOS) against stand-in Electron builds, since the real one
// cannot be downloaded here: proves what lands in app.asar, what is unpacked, the macOS Info.plist, and the fuses.
import { execFile, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import * as fuses from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, readJson } from './packaging-support'

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const pkg = readJson<{ version: string; main: string }>('package.json')

interface AsarNode {
  files?: Record<string, AsarNode>
  unpacked?: boolean
}

/** app.asar's header: a JSON string after 16 bytes of pickle sizes. */
function asarHeader(asarPath: string): string {
  const bytes = readFileSync(asarPath)
  return bytes.toString('utf8', 16, 16 + bytes.readUInt32LE(12))
}

function asarEntries(asarPath: string): Map<string, { unpacked: boolean }> {
  const entries = new Map<string, { unpacked: boolean }>()
  const walk = (node: AsarNode, prefix: string): void => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name
      if (child.files) walk(child, path)
      else entries.set(path, { unpacked: child.unpacked === true })
    }
  }
  walk(JSON.parse(asarHeader(asarPath)) as AsarNode, '')
  return entries
}

function write(path: string, content: string | Buffer, mode?: number): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content, mode ? { mode } : undefined)
}

/** Filler bytes around the fuse sentinel, wire version 1 and Electron's default 9-fuse wire. */
const binaryWithFuseWire = (): Buffer =>
  Buffer.concat([
    Buffer.alloc(2048),
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, 9]),
    Buffer.from('101100011', 'latin1'),
    Buffer.alloc(2048)
  ])

const plist = (name: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>CFBundleExecutable</key><string>${name}</string>` +
  `<key>CFBundleIdentifier</key><string>com.github.Electron</string><key>CFBundleName</key><string>${name}</string></dict></plist>\n`

/** The smallest unpacked "Electron" each platform packager accepts: the binaries carry the fuse wire. */
function fakeElectron(dir: string, platform: 'linux' | 'mac'): void {
  if (platform === 'linux') {
    write(join(dir, 'electron'), binaryWithFuseWire(), 0o755)
    write(join(dir, 'version'), readJson<{ version: string }>('node_modules/electron/package.json').version)
    return
  }
  const contents = join(dir, 'Electron.app', 'Contents')
  write(join(contents, 'Info.plist'), plist('Electron'))
  write(join(contents, 'MacOS', 'Electron'), 'stand-in', 0o755)
  write(join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework'), binaryWithFuseWire())
  write(join(contents, 'Resources', 'electron.icns'), 'stand-in')
  for (const helper of [
    'Electron Helper',
    'Electron Helper (Renderer)',
    'Electron Helper (GPU)',
    'Electron Helper (Plugin)'
  ]) {
    write(join(contents, 'Frameworks', `${helper}.app`, 'Contents', 'Info.plist'), plist(helper))
    write(join(contents, 'Frameworks', `${helper}.app`, 'Contents', 'MacOS', helper), 'stand-in', 0o755)
  }
}

/** A checkout-like project (real config, hooks, resources; a built out/; sources that must stay out), packed for one platform. */
async function pack(work: string, platform: 'linux' | 'mac'): Promise<string> {
  const project = join(work, platform)
  const electronDist = join(work, `electron-${platform}`)
  fakeElectron(electronDist, platform)
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml'])
    cpSync(join(ROOT, file), join(project, file))
  for (const dir of ['scripts', 'resources/icons', 'resources/installer.nsh', 'resources/entitlements.mac.plist'])
    cpSync(join(ROOT, dir), join(project, dir), { recursive: true })
  write(join(project, 'resources', 'samples', '訂單-範例.csv'), '訂單編號,金額\nA001,"NT$1,990"\n')
  for (const file of [
    'out/main/index.js',
    'out/main/parse.worker.js',
    'out/preload/preload.cjs',
    'out/renderer/index.html'
  ])
    write(join(project, file), '// built\n')
  for (const file of [
    'src-main/index.ts',
    'src-renderer/src/App.tsx',
    'test/unit/a.test.ts',
    '.ci/run',
    'tsconfig.json',
    'electron.vite.config.ts',
    'vitest.config.ts',
    'README.md'
  ])
    write(join(project, file), 'not for the package\n')
  // a real folder, not a symlink: npm sees packages behind a symlinked node_modules as links and calls their
  // optional platform packages (the keyring binary) extraneous. Hard links keep the copy quick.
  try {
    execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(project, 'node_modules')])
  } catch {
    execFileSync('cp', ['-a', join(ROOT, 'node_modules'), join(project, 'node_modules')])
  }
  const env = {
    ...process.env,
    CI: '',
    GH_TOKEN: '',
    GITHUB_TOKEN: '',
    CSC_LINK: '',
    APPLE_ID: '',
    APPLE_API_KEY: '',
    ELECTRON_BUILDER_CACHE: join(work, 'cache')
  }
  const args = [
    join(ROOT, 'node_modules/electron-builder/cli.js'),
    `--${platform}`,
    'dir',
    ...(platform === 'mac' ? ['--x64'] : []),
    '--publish',
    'never',
    '--config',
    'electron-builder.yml',
    `-c.electronDist=${electronDist}`
  ]
  await promisify(execFile)(process.execPath, args, {
    cwd: project,
    env,
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024
  })
  return join(project, 'release', platform === 'linux' ? 'linux-unpacked' : 'mac')
}

// electron-builder's npm collector and hooks run on Linux here; CI runs this file in the Ubuntu job
describe.runIf(process.platform === 'linux')('electron-builder with the real config', () => {
  let work = ''
  let linuxApp = ''
  let macApp = ''
  let entries = new Map<string, { unpacked: boolean }>()

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'orderdock-pack-'))
    const [linuxOut, macOut] = await Promise.all([pack(work, 'linux'), pack(work, 'mac')])
    linuxApp = linuxOut
    macApp = join(macOut, 'OrderDock.app')
    entries = asarEntries(join(linuxApp, 'resources', 'app.asar'))
  }, 300_000)

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('packs the built app and package.json, and no source, test or config file', () => {
    const appFiles = [...entries.keys()].filter((f) => !f.startsWith('node_modules/')).sort()
    expect(appFiles).toEqual([
      'out/main/index.js',
      'out/main/parse.worker.js',
      'out/preload/preload.cjs',
      'out/renderer/index.html',
      'package.json'
    ])
    expect(entries.has(pkg.main.replace('./', ''))).toBe(true)
  })

  it('brings production dependencies only', () => {
    const moduleOf = (f: string): string =>
      f
        .split('/')
        .slice(1, f.split('/')[1].startsWith('@') ? 3 : 2)
        .join('/')
    const modules = new Set([...entries.keys()].filter((f) => f.startsWith('node_modules/')).map(moduleOf))
    for (const dep of ['xlsx', 'decimal.js', 'iconv-lite', 'luxon', 'zod', 'electron-updater', '@napi-rs/keyring'])
      expect(modules.has(dep), dep).toBe(true)
    for (const dev of [
      'electron',
      'electron-builder',
      'vitest',
      'typescript',
      'vite',
      'playwright-core',
      '@electron/fuses',
      'ajv',
      'minimatch'
    ])
      expect(modules.has(dev), dev).toBe(false)
  })

  it('copies the sample spreadsheets to resources/samples, outside the archive', () => {
    expect(readFileSync(join(linuxApp, 'resources', 'samples', '訂單-範例.csv'), 'utf8')).toContain('A001')
    expect(readFileSync(join(macApp, 'Contents', 'Resources', 'samples', '訂單-範例.csv'), 'utf8')).toContain('A001')
    expect([...entries.keys()].some((f) => f.includes('samples'))).toBe(false)
  })

  it('unpacks the keyring native binary next to the archive, and keeps the parse worker inside it', () => {
    const native = [...entries.entries()].filter(([f]) => f.endsWith('.node'))
    expect(native.length).toBeGreaterThan(0)
    for (const [file, entry] of native) {
      expect(file).toMatch(/^node_modules\/@napi-rs\/keyring-[^/]+\/keyring\.[^/]+\.node$/)
      expect(entry.unpacked).toBe(true)
      expect(existsSync(join(linuxApp, 'resources', 'app.asar.unpacked', file))).toBe(true)
    }
    expect(entries.get('out/main/parse.worker.js')?.unpacked).toBe(false)
  })

  it('flips the fuses in the Linux executable and in the macOS Electron Framework (afterPack)', async () => {
    const { FuseV1Options: F, FuseState: S } = fuses
    for (const binary of [join(linuxApp, 'orderdock'), macApp]) {
      const wire = await fuses.getCurrentFuseWire(binary)
      expect(
        [F.RunAsNode, F.EnableNodeOptionsEnvironmentVariable, F.EnableNodeCliInspectArguments].map((i) => wire[i]),
        binary
      ).toEqual([S.DISABLE, S.DISABLE, S.DISABLE])
      expect(
        [F.OnlyLoadAppFromAsar, F.EnableEmbeddedAsarIntegrityValidation].map((i) => wire[i]),
        binary
      ).toEqual([S.ENABLE, S.ENABLE])
    }
  })

  it('writes the macOS identity, Open With document types and the asar hash the integrity fuse checks', () => {
    const info = readFileSync(join(macApp, 'Contents', 'Info.plist'), 'utf8')
    const value = (key: string): string | undefined =>
      new RegExp(`<key>${key}</key>\\s*<string>([^<]*)</string>`).exec(info)?.[1]
    expect(value('CFBundleIdentifier')).toBe('tw.orderdock.app')
    expect(value('CFBundleName')).toBe('OrderDock')
    expect(value('CFBundleShortVersionString')).toBe(pkg.version)
    expect(value('LSApplicationCategoryType')).toBe('public.app-category.business')
    const types = [
      ...info.matchAll(
        /<key>CFBundleTypeExtensions<\/key>\s*<array>\s*<string>(\w+)<\/string>[\s\S]*?<key>CFBundleTypeRole<\/key>\s*<string>(\w+)<\/string>\s*<key>LSHandlerRank<\/key>\s*<string>(\w+)<\/string>/g
      )
    ]
    expect(types.map((m) => [m[1], m[2], m[3]])).toEqual([
      ['xlsx', 'Viewer', 'Alternate'],
      ['xls', 'Viewer', 'Alternate'],
      ['csv', 'Viewer', 'Alternate']
    ])
    const asarHash = createHash('sha256')
      .update(asarHeader(join(macApp, 'Contents', 'Resources', 'app.asar')))
      .digest('hex')
    expect(info).toMatch(
      new RegExp(
        `<key>Resources/app.asar</key>\\s*<dict>\\s*<key>algorithm</key>\\s*<string>SHA256</string>\\s*<key>hash</key>\\s*<string>${asarHash}</string>`
      )
    )
    expect(
      readFileSync(join(macApp, 'Contents', 'Resources', 'icon.icns')).equals(
        readFileSync(join(ROOT, 'resources', 'icons', 'icon.icns'))
      )
    ).toBe(true)
  })
})
