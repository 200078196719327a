// A real electron-builder run (Linux "dir" target) against a stand-in Electron, since the real one cannot be
// downloaded here: proves what lands in app.asar, what is unpacked, and that afterPack flips the fuses.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import * as fuses from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, readJson } from './packaging-support'

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

interface AsarNode { files?: Record<string, AsarNode>; unpacked?: boolean }

/** Lists app.asar by its JSON header (4-byte pickle sizes, then the header string at offset 16). */
function asarEntries(asarPath: string): Map<string, { unpacked: boolean }> {
  const bytes = readFileSync(asarPath)
  const header = JSON.parse(bytes.toString('utf8', 16, 16 + bytes.readUInt32LE(12))) as AsarNode
  const entries = new Map<string, { unpacked: boolean }>()
  const walk = (node: AsarNode, prefix: string): void => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name
      if (child.files) walk(child, path)
      else entries.set(path, { unpacked: child.unpacked === true })
    }
  }
  walk(header, '')
  return entries
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

// electron-builder's npm collector and hooks are exercised on Linux; CI runs this file on the Ubuntu job
describe.runIf(process.platform === 'linux')('electron-builder --linux dir with the real config', () => {
  let work = ''
  let appDir = ''
  let entries = new Map<string, { unpacked: boolean }>()

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'orderdock-pack-'))
    const project = join(work, 'project')
    const electronDist = join(work, 'electron')
    // a stand-in Electron: an "electron" executable carrying the default fuse wire
    mkdirSync(join(electronDist, 'resources'), { recursive: true })
    const wire = Buffer.concat([Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, 9]), Buffer.from('101100011', 'latin1')])
    writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.alloc(2048), wire, Buffer.alloc(2048)]), { mode: 0o755 })
    writeFileSync(join(electronDist, 'version'), readJson<{ version: string }>('node_modules/electron/package.json').version)

    // the project as a checkout has it: the real config, hooks and resources, a built out/, and sources that must stay out
    for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) cpSync(join(ROOT, file), join(project, file))
    for (const dir of ['scripts', 'resources/icons', 'resources/installer.nsh', 'resources/entitlements.mac.plist']) cpSync(join(ROOT, dir), join(project, dir), { recursive: true })
    write(join(project, 'resources', 'samples', '訂單-範例.csv'), '訂單編號,金額\nA001,NT$1,990\n')
    for (const file of ['out/main/index.js', 'out/main/parse.worker.js', 'out/preload/preload.cjs', 'out/renderer/index.html']) write(join(project, file), '// built\n')
    for (const file of ['src-main/index.ts', 'src-renderer/src/App.tsx', 'test/unit/a.test.ts', '.ci/run', 'tsconfig.json', 'electron.vite.config.ts', 'vitest.config.ts', 'README.md']) write(join(project, file), 'not for the package\n')
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir')

    const env = { ...process.env, CI: '', GH_TOKEN: '', GITHUB_TOKEN: '', CSC_LINK: '', ELECTRON_BUILDER_CACHE: join(work, 'cache') }
    execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', '--publish', 'never', '--config', 'electron-builder.yml', `-c.electronDist=${electronDist}`], { cwd: project, env, stdio: 'pipe', timeout: 240_000 })
    appDir = join(project, 'release', 'linux-unpacked')
    entries = asarEntries(join(appDir, 'resources', 'app.asar'))
  }, 300_000)

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('packs the built app and package.json, and no source, test or config file', () => {
    const appFiles = [...entries.keys()].filter((f) => !f.startsWith('node_modules/')).sort()
    expect(appFiles).toEqual(['out/main/index.js', 'out/main/parse.worker.js', 'out/preload/preload.cjs', 'out/renderer/index.html', 'package.json'])
    const packedPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string }
    expect(entries.has(packedPkg.main.replace('./', ''))).toBe(true)
  })

  it('brings production dependencies only', () => {
    const modules = new Set([...entries.keys()].filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/').slice(1, f.split('/')[1].startsWith('@') ? 3 : 2).join('/')))
    for (const dep of ['xlsx', 'decimal.js', 'iconv-lite', 'luxon', 'zod', 'electron-updater', '@napi-rs/keyring']) expect(modules.has(dep), dep).toBe(true)
    for (const dev of ['electron', 'electron-builder', 'vitest', 'typescript', 'vite', 'playwright-core', '@electron/fuses', 'ajv', 'minimatch']) expect(modules.has(dev), dev).toBe(false)
  })

  it('copies the sample spreadsheets to resources/samples, outside the archive', () => {
    expect(readFileSync(join(appDir, 'resources', 'samples', '訂單-範例.csv'), 'utf8')).toContain('A001')
    expect([...entries.keys()].some((f) => f.includes('samples'))).toBe(false)
  })

  it('unpacks the keyring native binary next to the archive', () => {
    const native = [...entries.entries()].filter(([f]) => f.endsWith('.node'))
    expect(native.length).toBeGreaterThan(0)
    for (const [file, entry] of native) {
      expect(file).toMatch(/^node_modules\/@napi-rs\/keyring-[^/]+\/keyring\.[^/]+\.node$/)
      expect(entry.unpacked).toBe(true)
      expect(existsSync(join(appDir, 'resources', 'app.asar.unpacked', file))).toBe(true)
    }
    expect(entries.get('out/main/parse.worker.js')?.unpacked).toBe(false)
  })

  it('ran the afterPack hook: the fuses in the packed executable are flipped', async () => {
    const wire = await fuses.getCurrentFuseWire(join(appDir, 'orderdock'))
    const { FuseV1Options: F, FuseState: S } = fuses
    expect([F.RunAsNode, F.EnableNodeOptionsEnvironmentVariable, F.EnableNodeCliInspectArguments].map((i) => wire[i])).toEqual([S.DISABLE, S.DISABLE, S.DISABLE])
    expect([F.OnlyLoadAppFromAsar, F.EnableEmbeddedAsarIntegrityValidation].map((i) => wire[i])).toEqual([S.ENABLE, S.ENABLE])
  })
})
