// Where job journals live when nobody says: <data dir>/jobs ($ORDERDOCK_DATA_DIR, else the OS's per-user data folder).
import { join } from 'node:path'
import { defaultDataDir } from '../credentials/data-dir'

export function defaultJournalDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform
): string {
  return join(defaultDataDir(env, platform), 'jobs')
}
