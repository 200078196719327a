// Screens loaded on first use: the opening bundle stays small, so the app's first paint is one short task (issue 14).
import { lazy } from 'react'

const loadPrepare = () => import('./PrepareScreen')

export const PrepareScreen = lazy(() => loadPrepare().then((m) => ({ default: m.PrepareScreen })))
export const FlowImportScreen = lazy(() =>
  import('./flow-import/FlowImportScreen').then((m) => ({ default: m.FlowImportScreen }))
)
export const ProfilesScreen = lazy(() => import('./ProfilesScreen').then((m) => ({ default: m.ProfilesScreen })))

/** Fetched while the user looks at the preview, so choosing a destination never waits for the code. */
export function preloadPrepare(): void {
  void loadPrepare()
}
