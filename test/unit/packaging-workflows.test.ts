// GitHub Actions: installers on version tags into a draft release; tests on pull requests.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { ROOT, readJson } from './packaging-support'

interface Step {
  name?: string
  shell?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
  if?: string
}
interface Job {
  defaults?: { run?: { shell?: string } }
  'runs-on': string
  container?: string
  strategy?: { matrix: Record<string, unknown> }
  steps: Step[]
  env?: Record<string, string>
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

const workflow = (name: string): Workflow =>
  load(readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8')) as Workflow
const pkg = readJson<{ scripts: Record<string, string> }>('package.json')
const lock = readJson<{ packages: Record<string, { version: string }> }>('package-lock.json')

/**
 * The real-Electron and real-keychain steps, the same in ci.yml's electron job and before release.yml's upload:
 * binary, build, packaged test app, OS keychains, then the suites (xvfb on Linux), where a skip counts as a failure.
 */
function expectRealElectronSteps(steps: Step[]): void {
  const index = (predicate: (s: Step) => boolean, what: string): number => {
    const i = steps.findIndex(predicate)
    expect(i, what).toBeGreaterThanOrEqual(0)
    return i
  }
  const install = index((s) => s.run?.startsWith('npm ci') === true, 'npm ci')
  const ensure = index((s) => s.run === 'node scripts/ensure-electron.mjs', 'ensure-electron')
  const build = index((s) => s.run === 'npm run build', 'build')
  const pack = index((s) => s.run?.startsWith('npx electron-builder --dir') === true, 'packaged test app')
  expect(steps[pack].run).toBe(
    'npx electron-builder --dir --publish never --config electron-builder.yml -c.directories.output=release-test'
  )
  expect(steps[pack].env).toMatchObject({ ORDERDOCK_TEST_PACKAGE: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' })
  expect(install).toBeLessThan(ensure)
  expect(ensure).toBeLessThan(build)
  expect(build).toBeLessThan(pack)

  const linuxKeyring = steps[index((s) => s.run?.includes('gnome-keyring') === true, 'gnome-keyring')]
  expect(linuxKeyring.if).toBe("runner.os == 'Linux'")
  const macKeychain =
    steps[index((s) => s.run?.includes('security create-keychain') === true, 'temporary macOS keychain')]
  expect(macKeychain.if).toBe("runner.os == 'macOS'")
  for (const command of [
    'create-keychain -p',
    'unlock-keychain -p',
    'list-keychains -d user -s',
    'default-keychain -d user -s'
  ]) {
    expect(macKeychain.run).toContain(`security ${command}`)
  }
  expect(macKeychain.run).toContain('$RUNNER_TEMP/')

  const electronSteps = steps.filter((s) => s.run?.includes('npm run test:electron'))
  expect(electronSteps.map((s) => [s.if, s.run])).toEqual([
    ["runner.os == 'Linux'", 'xvfb-run --auto-servernum npm run test:electron'],
    ["runner.os != 'Linux'", 'npm run test:electron']
  ])
  for (const step of electronSteps) {
    expect(step.env).toEqual({ ORDERDOCK_EXPECT_ELECTRON: '1' })
    expect(steps.indexOf(step)).toBeGreaterThan(Math.max(pack, steps.indexOf(linuxKeyring), steps.indexOf(macKeychain)))
  }
  const keychain = index((s) => s.run === 'npm run test:keychain', 'keychain tests')
  expect(keychain).toBeGreaterThan(steps.indexOf(macKeychain))
  expect(pkg.scripts['test:electron']).toBe(
    'bash scripts/with-keyring.sh vitest run --config vitest.electron.config.ts'
  )
  expect(pkg.scripts['test:keychain']).toBe(
    'bash scripts/with-keyring.sh vitest run --config vitest.keychain.config.ts'
  )
}

describe('release.yml', () => {
  const release = workflow('release.yml')
  const job = release.jobs.installers
  const matrix = job.strategy!.matrix.include as Array<{ os: string; dist: string; 'second-arch-native': string }>
  const buildStep = job.steps.find((s) => s.run?.includes('npm run ${{ matrix.dist }}'))!

  it('runs when a v* tag is pushed, and may write releases', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } })
    expect(release.permissions).toEqual({ contents: 'write' })
  })

  it('builds on Windows, macOS and Ubuntu with Node 22 and npm ci, using the package.json dist scripts', () => {
    expect(matrix.map((m) => [m.os, m.dist])).toEqual([
      ['windows-latest', 'dist:win'],
      ['macos-latest', 'dist:mac'],
      ['ubuntu-latest', 'dist:linux']
    ])
    for (const m of matrix) expect(pkg.scripts[m.dist]).toMatch(/electron-builder .*--config electron-builder\.yml/)
    expect(job['runs-on']).toBe('${{ matrix.os }}')
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(22)
    expect(job.steps.some((s) => s.run?.startsWith('npm ci'))).toBe(true)
  })

  it('publishes to the (draft) GitHub release with the token and the signing and notarization secrets', () => {
    expect(buildStep.run).toBe('npm run ${{ matrix.dist }} -- --publish always')
    expect(buildStep.env).toEqual({
      GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
      CSC_LINK: '${{ secrets.CSC_LINK }}',
      CSC_KEY_PASSWORD: '${{ secrets.CSC_KEY_PASSWORD }}',
      WIN_CSC_LINK: '${{ secrets.WIN_CSC_LINK }}',
      WIN_CSC_KEY_PASSWORD: '${{ secrets.WIN_CSC_KEY_PASSWORD }}',
      APPLE_ID: '${{ secrets.APPLE_ID }}',
      APPLE_APP_SPECIFIC_PASSWORD: '${{ secrets.APPLE_APP_SPECIFIC_PASSWORD }}',
      APPLE_TEAM_ID: '${{ secrets.APPLE_TEAM_ID }}'
    })
  })

  it('refuses a tag that does not match the package.json version', () => {
    const guard = job.steps.find((s) => s.run?.includes('GITHUB_REF_NAME'))!
    expect(job.steps.indexOf(guard)).toBeLessThan(job.steps.indexOf(buildStep))
    const check = (ref: string): number => {
      const script = /node -e "(.*)"$/.exec(guard.run!)![1]
      return (
        spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, GITHUB_REF_NAME: ref } })
          .status ?? -1
      )
    }
    expect(check(`v${readJson<{ version: string }>('package.json').version}`)).toBe(0)
    expect(check('v999.0.0')).toBe(1)
  })

  it('runs the real-Electron suite on the packaged app and the real-keychain tests before anything is uploaded', () => {
    expectRealElectronSteps(job.steps)
    for (const step of job.steps.filter((s) => /^npm run test:(electron|keychain)$/.test(s.run ?? '')))
      expect(step.shell, step.run).toBe('bash')
    const lastTest = Math.max(
      ...job.steps.map((s, i) => (/npm run test:(electron|keychain)/.test(s.run ?? '') ? i : -1))
    )
    expect(lastTest).toBeLessThan(job.steps.indexOf(buildStep))
    expect(job.steps.filter((s) => s.run?.includes('--publish always'))).toEqual([buildStep])
  })

  it('adds the second architecture keyring binary at the version the lockfile pins', () => {
    const pinned = lock.packages['node_modules/@napi-rs/keyring'].version
    expect(matrix.find((m) => m.os === 'windows-latest')!['second-arch-native']).toBe(
      `@napi-rs/keyring-win32-arm64-msvc@${pinned}`
    )
    expect(matrix.find((m) => m.os === 'macos-latest')!['second-arch-native']).toBe(
      `@napi-rs/keyring-darwin-x64@${pinned}`
    )
  })
})

describe('ci.yml', () => {
  const ci = workflow('ci.yml')

  it('runs on pull requests with read-only rights', () => {
    expect(Object.keys(ci.on)).toEqual(['pull_request'])
    expect(ci.permissions).toEqual({ contents: 'read' })
  })

  it('runs the full npm test through .ci/run on Debian (ubuntu-latest host)', () => {
    const full = ci.jobs.full
    expect(full['runs-on']).toBe('ubuntu-latest')
    expect(full.container).toMatch(/^node:22-bookworm/)
    expect(full.steps.some((s) => s.run === 'bash .ci/run')).toBe(true)
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm test\b/m)
  })

  it('runs the unit tests on Windows and macOS without downloading Electron', () => {
    const unit = ci.jobs.unit
    expect(unit.strategy!.matrix.os).toEqual(['windows-latest', 'macos-latest'])
    expect(unit.env?.ELECTRON_SKIP_BINARY_DOWNLOAD).toBe('1')
    expect(unit.steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci --no-audit --no-fund', 'npm run test:unit'])
    expect(unit.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(22)
  })

  it('runs real Electron (built and packaged app) and the real keychains on Ubuntu under xvfb, Windows and macOS', () => {
    const electron = ci.jobs.electron
    expect(electron['runs-on']).toBe('${{ matrix.os }}')
    expect(electron.strategy!.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest'])
    expect(electron.env?.ELECTRON_SKIP_BINARY_DOWNLOAD).toBeUndefined()
    expect(electron.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(22)
    expectRealElectronSteps(electron.steps)
    // Git Bash on Windows for `bash scripts/with-keyring.sh` (never WSL's bash)
    expect(electron.defaults?.run?.shell).toBe('bash')
  })
})
