// The built-in Rehearsal profile's server: started lazily (port 0, loopback only) the first time it is used, closed on quit.
import { startSandbox, type Sandbox } from '../sandbox'

export interface RehearsalServer {
  /** The running server's root URL (http://127.0.0.1:PORT), or null when it has not been started. */
  url(): string | null
  /** Start the server if needed (concurrent callers share one start) and return its root URL. */
  ensure(): Promise<string>
  /** Stop it; a later ensure() starts a fresh one. */
  close(): Promise<void>
}

export function createRehearsalServer(
  start: () => Promise<Sandbox> = () => startSandbox({ port: 0 })
): RehearsalServer {
  let starting: Promise<Sandbox> | null = null
  let running: Sandbox | null = null

  return {
    url: () => running?.url ?? null,
    async ensure() {
      if (!starting) {
        starting = start().then(
          (sandbox) => (running = sandbox),
          (error: unknown) => {
            // a failed start is retried by the next use instead of being remembered forever
            starting = null
            throw error
          }
        )
      }
      return (await starting).url
    },
    async close() {
      const pending = starting
      starting = null
      running = null
      if (!pending) return
      const sandbox = await pending.catch(() => null)
      await sandbox?.close()
    }
  }
}
