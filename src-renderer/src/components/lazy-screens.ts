// Screens loaded apart from the opening bundle, so the app's first paint is one short task (issue 14). Right after that
// paint they are fetched at idle time, one chunk per task, so no step ever waits on a chunk (nor blanks behind Suspense).
import { lazy, type ComponentType } from 'react'

/** A chunk's import, started once (the idle preload and a first use share it; a failed one is tried again), and a lazy
 * component for one of its exports that renders at once, without a Suspense fallback, once the chunk has arrived. */
function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null
  let loading: Promise<ComponentType<P>> | null = null
  const preload = () =>
    (loading ??= load().then(
      (screen) => (loaded = screen),
      (error: unknown) => {
        loading = null
        throw error
      }
    ))
  const component = lazy<ComponentType<P>>(() => {
    const screen = loaded
    // React.lazy takes a thenable that calls back at once as already resolved: an arrived chunk never suspends
    if (screen)
      return { then: (ready: (m: { default: ComponentType<P> }) => void) => ready({ default: screen }) } as never
    return preload().then((arrived) => ({ default: arrived }))
  })
  return { component, preload }
}

const prepare = lazyScreen(() => import('./PrepareScreen').then((m) => m.PrepareScreen))
const flowImport = lazyScreen(() => import('./flow-import/FlowImportScreen').then((m) => m.FlowImportScreen))
const profiles = lazyScreen(() => import('./ProfilesScreen').then((m) => m.ProfilesScreen))

export const PrepareScreen = prepare.component
export const FlowImportScreen = flowImport.component
export const ProfilesScreen = profiles.component

/** Fetched while the user looks at the preview, should the idle preload not have run yet. */
export function preloadPrepare(): void {
  void prepare.preload().catch(() => undefined)
}

// the review screen first: it is the next step after the preview
const IDLE_ORDER = [prepare.preload, profiles.preload, flowImport.preload]
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
