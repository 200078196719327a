// Screens loaded apart from the opening bundle, so the app's first paint is one short task (issue 14). Right after that
// paint they are fetched at idle time, one chunk per task, so no step ever waits on a chunk (nor blanks behind Suspense).
import { lazy } from 'react'

/** Each chunk's import, started once (the idle preload and a first use share the promise); a failed one is tried again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null
      throw error
    }))
}

const loadPrepare = once(() => import('./PrepareScreen'))
const loadFlowImport = once(() => import('./flow-import/FlowImportScreen'))
const loadProfiles = once(() => import('./ProfilesScreen'))

export const PrepareScreen = lazy(() => loadPrepare().then((m) => ({ default: m.PrepareScreen })))
export const FlowImportScreen = lazy(() => loadFlowImport().then((m) => ({ default: m.FlowImportScreen })))
export const ProfilesScreen = lazy(() => loadProfiles().then((m) => ({ default: m.ProfilesScreen })))

/** Fetched while the user looks at the preview, should the idle preload not have run yet. */
export function preloadPrepare(): void {
  void loadPrepare().catch(() => undefined)
}

// the review screen first: it is the next step after the preview
const IDLE_ORDER = [loadPrepare, loadProfiles, loadFlowImport]
// a busy page still gets its chunks within this time (ms)
const IDLE_TIMEOUT_MS = 2000

function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS })
  else setTimeout(run, 50)
}

let preloading = false

/** Called once after the first paint: loads the lazy screens one per idle period (each chunk evaluates in its own task). */
export function preloadScreensWhenIdle(): void {
  if (preloading) return
  preloading = true
  const next = (i: number) => {
    const load = IDLE_ORDER[i]
    if (!load) return
    whenIdle(() => {
      void load()
        .catch(() => undefined) // a failed fetch is tried again (and reported) on first use
        .finally(() => next(i + 1))
    })
  }
  next(0)
}
