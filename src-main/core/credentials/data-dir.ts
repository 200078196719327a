// Where OrderDock keeps its settings, workspaces and journals; shared by the app and every CLI command.
import os from 'node:os'
import path from 'node:path'

const APP_DIR = 'OrderDock'

/** $ORDERDOCK_DATA_DIR wins; otherwise the OS's usual per-user app data folder. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir()
): string {
  const override = env.ORDERDOCK_DATA_DIR?.trim()
  if (override) return path.resolve(override)
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim() || path.win32.join(home, 'AppData', 'Roaming')
    return path.win32.join(appData, APP_DIR)
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR)
  const xdg = env.XDG_DATA_HOME?.trim()
  return path.posix.join(xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'share'), APP_DIR)
}
