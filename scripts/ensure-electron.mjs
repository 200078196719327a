#!/usr/bin/env node
// Runs before electron-vite in `npm start` / `npm run dev`: Electron 45 downloads its binary lazily, and electron-vite
// throws "Electron uninstall" when node_modules/electron/path.txt is missing. This runs Electron's own installer
// (install.js, the `install-electron` bin: @electron/get, ELECTRON_MIRROR, proxy and cache) when the binary is absent,
// and turns a failed download into one plain message instead of a stack trace.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** node_modules/electron of this project. */
export function defaultElectronDir() {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'))
}

/** True when path.txt exists and the executable it names is on disk (what electron-vite and `electron` need). */
export function electronBinaryPresent(electronDir, env = process.env) {
  const pathTxt = join(electronDir, 'path.txt')
  if (!existsSync(pathTxt)) return false
  const executable = readFileSync(pathTxt, 'utf8').trim()
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist')
  return executable.length > 0 && existsSync(join(distDir, executable))
}

/** Where @electron/get keeps downloaded zips (env-paths 'electron'), or electron_config_cache when set. */
export function electronCacheDir(env = process.env, platform = process.platform, home = homedir()) {
  if (env.electron_config_cache) return env.electron_config_cache
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'electron', 'Cache')
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron')
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'electron')
}

/** The reason in the installer's output: its first error line, without the stack. */
export function downloadFailureReason(output) {
  const lines = String(output ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !/^\^+$/.test(line) && !line.startsWith('node:'))
  const errorLine = lines.find((line) =>
    /error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|\b40[0-9]\b|\b5\d\d\b/i.test(line)
  )
  return (errorLine ?? lines[0] ?? 'the installer stopped without saying why').slice(0, 300)
}

/** The one message printed when the download fails: what happened and each way to fix it. */
export function downloadFailureMessage({ version, reason, env = process.env, platform = process.platform }) {
  const mirror = env.ELECTRON_MIRROR
    ? `ELECTRON_MIRROR is set to ${env.ELECTRON_MIRROR}; check that it serves v${version}.`
    : 'Use a mirror: set ELECTRON_MIRROR, e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/'
  return [
    `OrderDock could not download the Electron ${version} binary that \`npm start\` / \`npm run dev\` need (${reason}).`,
    'How to fix it, then run the command again:',
    `  - Check the internet connection. ${mirror}`,
    '  - Behind a proxy: set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY=http://proxy:port (NO_PROXY for exceptions).',
    `  - Offline: copy the Electron download cache from a machine that has it into ${electronCacheDir(env, platform)}` +
      ' (or point electron_config_cache at it).',
    '  - Or run `npx install-electron` yourself to see the full output.'
  ].join('\n')
}

/** Runs Electron's own installer in a child Node process; returns its exit status and what it wrote. */
export function runElectronInstaller(electronDir, env = process.env) {
  const child = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe']
  })
  return { status: child.status ?? 1, output: `${child.stderr ?? ''}${child.error ? `\n${child.error.message}` : ''}` }
}

/**
 * Makes sure the binary is there. Returns 0 when present (already or after the download), 1 with one message otherwise.
 * `install` is injectable so tests can stub the download.
 */
export function ensureElectron({
  electronDir = defaultElectronDir(),
  env = process.env,
  install = runElectronInstaller,
  log = (line) => process.stdout.write(`${line}\n`),
  fail = (message) => process.stderr.write(`${message}\n`)
} = {}) {
  if (electronBinaryPresent(electronDir, env)) return 0
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))
  log(`Electron ${version} is not downloaded yet: fetching it once (about 100 MB) with Electron's installer…`)
  const result = install(electronDir, env)
  if (result.status === 0 && electronBinaryPresent(electronDir, env)) return 0
  const reason =
    result.status === 0
      ? 'the installer finished but node_modules/electron/path.txt is still missing'
      : downloadFailureReason(result.output)
  fail(downloadFailureMessage({ version, reason, env }))
  return 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--electron-dir')
  const electronDir = flag > 0 ? resolve(process.argv[flag + 1]) : undefined
  process.exitCode = ensureElectron(electronDir ? { electronDir } : {})
}
