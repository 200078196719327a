// Open a preparation saved on disk again (a job resumed after a restart needs its records and its sheet for the report).
import { ImportSession } from '../core/workspace/import-session'
import { createSessionStore } from '../core/workspace/session-store'

export function createPreparationRestorer(
  dataDir: string,
  now: () => Date
): (prepId: string) => Promise<ImportSession | null> {
  const store = createSessionStore(dataDir, now)
  return async (prepId) => {
    const session = await ImportSession.restore(prepId, { store })
    if (!session) return null
    const outcome = await session.open()
    return outcome.ok ? session : null
  }
}
