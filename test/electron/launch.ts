// Starting OrderDock in real Electron with playwright-core: the built app (electron + out/main) or the packaged one.
// The main process is instrumented (through Playwright's inspector link) to record every parse worker it starts and
// to answer the report's save dialog, which no test can click.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'

export const ROOT = resolve(import.meta.dirname, '../..')
/** Where CI builds the test package: `electron-builder --dir -c.directories.output=release-test` (see ci.yml). */
export const TEST_PACKAGE_DIR = process.env.ORDERDOCK_PACKAGE_DIR ?? join(ROOT, 'release-test')

/** Why real Electron cannot run here, or null when it can. */
export function electronUnavailable(root: string = ROOT): string | null {
  if (!existsSync(join(root, 'node_modules/electron/path.txt'))) {
    return 'no Electron binary (node_modules/electron/path.txt missing; it is downloaded on GitHub runners, not here)'
  }
  return null
}

/** The packaged executable inside the electron-builder --dir output, or null when there is none. */
export function packagedExecutable(dir: string = TEST_PACKAGE_DIR): string | null {
  if (!existsSync(dir)) return null
  for (const name of readdirSync(dir)) {
    const candidates = [
      join(dir, name, 'orderdock'), // linux-unpacked
      join(dir, name, 'OrderDock.exe'), // win-unpacked
      join(dir, name, 'OrderDock.app', 'Contents', 'MacOS', 'OrderDock') // mac, mac-arm64
    ]
    const found = candidates.find((path) => existsSync(path))
    if (found) return found
  }
  return null
}

export interface RunningApp {
  app: ElectronApplication
  page: Page
  userData: string
  /** Files the main process started worker_threads from, in order. */
  workerEntries(): Promise<string[]>
  close(): Promise<void>
}

/** Launches the app with a fresh user-data folder and waits for the home screen. */
export async function launchApp(options: { packaged?: string; reportPath: string }): Promise<RunningApp> {
  const userData = mkdtempSync(join(tmpdir(), 'orderdock-electron-'))
  const app = await _electron.launch({
    ...(options.packaged
      ? { executablePath: options.packaged, args: [`--user-data-dir=${userData}`] }
      : { args: [ROOT, `--user-data-dir=${userData}`] }),
    cwd: ROOT,
    env: { ...process.env, ORDERDOCK_AUTO_UPDATE: '0' },
    timeout: 60_000
  })
  await app.evaluate(({ dialog }, reportPath) => {
    // the push report's "Save as…" dialog: answer with a path the test chose
    dialog.showSaveDialog = (async () => ({
      canceled: false,
      filePath: reportPath
    })) as unknown as typeof dialog.showSaveDialog
    const load = (process as unknown as { getBuiltinModule(id: string): Record<string, unknown> }).getBuiltinModule
    const threads = load('node:worker_threads') as {
      Worker: new (entry: unknown, options?: { eval?: boolean }) => unknown
    }
    const seen: string[] = []
    ;(globalThis as unknown as { __orderdockWorkers: string[] }).__orderdockWorkers = seen
    const Original = threads.Worker
    threads.Worker = class extends (Original as new (...args: unknown[]) => object) {
      constructor(entry: unknown, workerOptions?: { eval?: boolean }) {
        seen.push(workerOptions?.eval ? 'eval' : String(entry instanceof URL ? entry.pathname : entry))
        super(entry, workerOptions)
      }
    } as typeof threads.Worker
    // the main bundle imported Worker as an ES binding: push the patched class into it
    ;(load('node:module') as { syncBuiltinESMExports(): void }).syncBuiltinESMExports()
  }, options.reportPath)
  const page = await app.firstWindow()
  page.setDefaultTimeout(30_000)
  await page.locator('[data-testid="sample"]').first().waitFor()
  return {
    app,
    page,
    userData,
    workerEntries: () =>
      app.evaluate(() => [...(globalThis as unknown as { __orderdockWorkers: string[] }).__orderdockWorkers]),
    async close() {
      await app.close().catch(() => undefined)
      rmSync(userData, { recursive: true, force: true })
    }
  }
}
