// scripts/ensure-electron.mjs: `npm start` / `npm run dev` fetch the Electron binary first when path.txt is missing.
// The download is stubbed two ways: an injected installer, and Electron's real install.js (copied into a temp folder)
// pointed by ELECTRON_MIRROR at a loopback server that serves a small fake zip. Nothing leaves this machine.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
// @ts-expect-error: plain .mjs script without types
import * as ensure from '../../scripts/ensure-electron.mjs'

const ROOT = resolve(__dirname, '../..')
const SCRIPT = join(ROOT, 'scripts/ensure-electron.mjs')
const REAL_ELECTRON = join(ROOT, 'node_modules/electron')
const VERSION = JSON.parse(readFileSync(join(REAL_ELECTRON, 'package.json'), 'utf8')).version as string
const temps: string[] = []

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

/** A node_modules/electron look-alike: Electron's own package.json, install.js and checksums, no binary. */
function fakeElectronDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orderdock-electron-'))
  temps.push(dir)
  for (const file of ['package.json', 'install.js', 'checksums.json'])
    copyFileSync(join(REAL_ELECTRON, file), join(dir, file))
  return dir
}

function placeBinary(dir: string): void {
  mkdirSync(join(dir, 'dist'), { recursive: true })
  writeFileSync(join(dir, 'dist', 'electron'), 'binary')
  writeFileSync(join(dir, 'path.txt'), 'electron')
}

/** The smallest valid zip (stored entries), enough for Electron's extractor. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text)
    const nameBytes = Buffer.from(name)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, ...centrals, end])
}

describe('ensureElectron with an injected installer', () => {
  let messages: string[]
  let failures: string[]
  beforeEach(() => {
    messages = []
    failures = []
  })
  const io = { log: (line: string) => messages.push(line), fail: (line: string) => failures.push(line) }

  it('runs the installer when path.txt is missing, and succeeds once the binary is there', () => {
    const dir = fakeElectronDir()
    const install = vi.fn((electronDir: string) => {
      placeBinary(electronDir)
      return { status: 0, output: '' }
    })
    expect(ensure.ensureElectron({ electronDir: dir, env: {}, install, ...io })).toBe(0)
    expect(install).toHaveBeenCalledTimes(1)
    expect(install.mock.calls[0][0]).toBe(dir)
    expect(messages.join('\n')).toContain(`Electron ${VERSION} is not downloaded yet`)
    expect(failures).toEqual([])
    // second run: present, nothing downloaded
    expect(ensure.ensureElectron({ electronDir: dir, env: {}, install, ...io })).toBe(0)
    expect(install).toHaveBeenCalledTimes(1)
  })

  it('does not run the installer when path.txt and the binary are present', () => {
    const dir = fakeElectronDir()
    placeBinary(dir)
    const install = vi.fn(() => ({ status: 0, output: '' }))
    expect(ensure.ensureElectron({ electronDir: dir, env: {}, install, ...io })).toBe(0)
    expect(install).not.toHaveBeenCalled()
    expect(messages).toEqual([])
  })

  it('runs it again when path.txt names a binary that is gone', () => {
    const dir = fakeElectronDir()
    writeFileSync(join(dir, 'path.txt'), 'electron')
    const install = vi.fn(() => ({ status: 1, output: 'Error: boom' }))
    expect(ensure.ensureElectron({ electronDir: dir, env: {}, install, ...io })).toBe(1)
    expect(install).toHaveBeenCalledTimes(1)
  })

  it('a failed download gives one message: what happened, the mirror, proxy and cache fixes, no stack', () => {
    const dir = fakeElectronDir()
    const output =
      'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (file:///x.js:46:30)'
    const install = vi.fn(() => ({ status: 1, output }))
    const env = { XDG_CACHE_HOME: '/home/me/.cache' }
    expect(ensure.ensureElectron({ electronDir: dir, env, install, ...io })).toBe(1)
    expect(failures).toHaveLength(1)
    const [message] = failures
    expect(message).toContain(`could not download the Electron ${VERSION} binary`)
    expect(message).toContain('(TypeError: fetch failed)')
    expect(message).toContain('ELECTRON_MIRROR')
    expect(message).toContain('HTTPS_PROXY')
    expect(message).toContain('ELECTRON_GET_USE_PROXY=1')
    expect(message).toContain(process.platform === 'linux' ? '/home/me/.cache/electron' : 'electron')
    expect(message).not.toMatch(/^\s+at /m)
  })

  it('knows @electron/get’s cache folder on each platform, and electron_config_cache wins', () => {
    expect(ensure.electronCacheDir({}, 'linux', '/home/a')).toBe(join('/home/a', '.cache', 'electron'))
    expect(ensure.electronCacheDir({}, 'darwin', '/Users/a')).toBe(join('/Users/a', 'Library', 'Caches', 'electron'))
    expect(ensure.electronCacheDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U')).toBe(
      join('C:\\L', 'electron', 'Cache')
    )
    expect(ensure.electronCacheDir({ electron_config_cache: '/c' }, 'linux', '/h')).toBe('/c')
  })
})

describe('the script with Electron’s real installer against a loopback ELECTRON_MIRROR', () => {
  const platformFile = `electron-v${VERSION}-${process.platform}-${process.arch}.zip`
  const archive = zip({ electron: 'fake electron binary', version: VERSION })
  const requests: string[] = []
  let server: Server
  let mirror = ''

  const start = async (): Promise<void> => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '')
      if (req.url === `/v${VERSION}/${platformFile}`) return void res.end(archive)
      if (req.url === `/v${VERSION}/SHASUMS256.txt`)
        return void res.end(`${createHash('sha256').update(archive).digest('hex')} *${platformFile}\n`)
      res.statusCode = 404
      res.end('not here')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const address = server.address()
    mirror = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
  }
  afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())))

  // async: the loopback mirror answers from this same process
  const run = (
    dir: string,
    env: Record<string, string>
  ): Promise<{ status: number | null; stdout: string; stderr: string }> => {
    const cache = mkdtempSync(join(tmpdir(), 'orderdock-electron-cache-'))
    temps.push(cache)
    const child = spawn(process.execPath, [SCRIPT, '--electron-dir', dir], {
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '',
        // the copied install.js finds @electron/get in this project's node_modules
        NODE_PATH: join(ROOT, 'node_modules'),
        electron_config_cache: cache,
        ELECTRON_GET_NO_PROGRESS: '1',
        ...env
      }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })))
  }

  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'downloads from the mirror, writes path.txt, then skips on the next run',
    async () => {
      await start()
      const dir = fakeElectronDir()
      const first = await run(dir, { ELECTRON_MIRROR: mirror, electron_use_remote_checksums: '1' })
      expect(first.stderr).toBe('')
      expect(first.status).toBe(0)
      expect(first.stdout).toContain('is not downloaded yet')
      expect(readFileSync(join(dir, 'path.txt'), 'utf8')).toBe('electron')
      expect(readFileSync(join(dir, 'dist', 'electron'), 'utf8')).toBe('fake electron binary')
      expect(requests).toContain(`/v${VERSION}/${platformFile}`)
      const count = requests.length
      const second = await run(dir, { ELECTRON_MIRROR: mirror })
      expect(second.status).toBe(0)
      expect(second.stdout).toBe('')
      expect(requests).toHaveLength(count)
    }
  )

  it('offline (nothing listens at the mirror): exit 1, one message, no stack trace', async () => {
    const dir = fakeElectronDir()
    const result = await run(dir, { ELECTRON_MIRROR: 'http://127.0.0.1:9/' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`OrderDock could not download the Electron ${VERSION} binary`)
    expect(result.stderr).toContain('ELECTRON_MIRROR is set to http://127.0.0.1:9/')
    expect(result.stderr).not.toMatch(/^\s+at /m)
    expect(result.stderr.match(/could not download/g)).toHaveLength(1)
    expect(existsSync(join(dir, 'path.txt'))).toBe(false)
  })
})

describe('package.json', () => {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>

  it('npm start and npm run dev ensure the binary before electron-vite runs', () => {
    for (const name of ['start', 'dev']) {
      expect(scripts[name], name).toMatch(/^node scripts\/ensure-electron\.mjs && electron-vite /)
    }
  })
})
