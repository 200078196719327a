// issue 14: a big file's preparation answers with its first rows; the rest are read and validated in main behind it.
// This store follows 'prepare.progress' events (the bar, the chips' "still counting", 匯入's reason) apart from the
// prepare view, so an event re-renders those few components only; at the end the view and the grid's pages reload.
import { create } from 'zustand'
import type { PrepareProgress, PrepareProgressEvent, PrepareSummary } from '../../src-main/ipc/contract'
import { call, onEvent } from './api'
import { usePrepareStore } from './prepare-store'
import { refreshPrep } from './queries/mutation'

export interface PrepProgress {
  /** null once every row is validated. */
  progress: PrepareProgress | null
  /** Counts so far (final once progress is null). */
  summary: PrepareSummary | null
  /** All data rows, once known (kept when done). */
  total: number | null
}

interface ProgressState {
  byPrep: Record<string, PrepProgress>
}

export const useProgressStore = create<ProgressState>()(() => ({ byPrep: {} }))

/** The grid lists the rows validated so far: reload its pages at most this often while validation runs. */
const GRID_RELOAD_MS = 1000
let lastReload = 0

function handle(event: PrepareProgressEvent): void {
  useProgressStore.setState((s) => ({
    byPrep: {
      ...s.byPrep,
      [event.prepId]: {
        progress: event.progress,
        summary: event.summary,
        total: event.progress?.total ?? s.byPrep[event.prepId]?.total ?? null
      }
    }
  }))
  const prepare = usePrepareStore.getState()
  if (prepare.view?.prepId !== event.prepId) return
  if (event.error) {
    usePrepareStore.setState({ error: { code: event.error.code, message: event.error.message } })
    return prepare.leave()
  }
  if (event.progress === null) return refreshView(event.prepId)
  const now = Date.now()
  if (event.progress.phase === 'validating' && now - lastReload >= GRID_RELOAD_MS) {
    lastReload = now
    prepare.touch()
  }
}

/** Done: the view's value lists, totals and counts now cover every row (setOptions with no change answers the view). */
export function refreshView(prepId: string): void {
  void call('prepare.setOptions', { prepId }).then(
    (view) => {
      if (usePrepareStore.getState().view?.prepId !== prepId) return
      usePrepareStore.setState({ view })
      refreshPrep(prepId)
    },
    () => usePrepareStore.getState().touch()
  )
}

let unsubscribe: (() => void) | null = null
/** Listen once for the whole app (idempotent). */
export function subscribePrepareProgress(): void {
  unsubscribe ??= onEvent((event) => {
    if (event.type === 'prepare.progress') handle(event)
  })
}

/** Where this preparation's validation stands: from events, else from the view it started with (null: not progressive). */
export function usePrepProgress(prepId: string, fromView: PrepareProgress | undefined): PrepProgress | null {
  const live = useProgressStore((s) => s.byPrep[prepId])
  return live ?? (fromView ? { progress: fromView, summary: null, total: fromView.total } : null)
}
