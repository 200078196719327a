// Push screen state (zustand): the chosen profile and options, which job is watched, what is running. The plan, the
// profile list, the unfinished jobs and the job's status and progress are queries (queries/plan.ts, profiles.ts,
// push-job.ts); the push events write the progress into the cache.
// The token never reaches the renderer: a profile is named by id, and main fetches the token itself.
import { create } from 'zustand'
import type { ApiError, OrderDockEvent, PushOptionsView } from '../../src-main/ipc/contract'
import { asApiError, call, onEvent } from './api'
import { queryClient } from './queries/client'
import { keys } from './queries/keys'
import { mutate } from './queries/mutation'
import { profilesQuery, rehearsalFirst } from './queries/profiles'
import { putJobProgress, putJobStatus, readJob } from './queries/push-job'

export { isEnded } from './queries/push-job'

interface PushStoreState {
  open: boolean
  prepId: string | null
  file: string
  profileId: string | null
  options: PushOptionsView
  busy: string | null
  error: ApiError | null
  /** The job shown (its status and progress: usePushJob). */
  jobId: string | null
  exported: string | null
  /** preferred: the connection the preparation was checked against (SHOPLINE), chosen first when it exists. */
  show(prepId: string, file: string, preferred?: string): Promise<void>
  hide(): void
  chooseProfile(id: string): void
  setOptions(change: PushOptionsView): void
  start(): Promise<void>
  pause(): Promise<void>
  resume(): Promise<void>
  cancel(): Promise<void>
  retryFailed(): Promise<void>
  resumeJob(jobId?: string): Promise<void>
  exportReport(format: 'xlsx' | 'csv'): Promise<void>
  newPush(): void
  dismissError(): void
}

/** A job's answers changed (it ended, or a retry/resume wrote more): its result pages are read again. */
const reloadResults = (jobId: string) => void queryClient.invalidateQueries({ queryKey: keys.results(jobId) })

export const usePushStore = create<PushStoreState>()((set, get) => {
  /** One push action at a time (scope 'push'): shown as busy, its failure becomes the shown error. */
  async function change(name: string, run: () => Promise<void>): Promise<void> {
    set({ busy: name, error: null })
    try {
      await mutate({ scope: 'push', run })
    } catch (error) {
      set({ error: asApiError(error) })
    } finally {
      set({ busy: null })
    }
  }

  async function follow(jobId: string): Promise<void> {
    set({ jobId, exported: null })
    await readJob(jobId)
    reloadResults(jobId)
  }

  return {
    open: false,
    prepId: null,
    file: '',
    profileId: null,
    options: {},
    busy: null,
    error: null,
    jobId: null,
    exported: null,

    async show(prepId, file, preferred) {
      const same = get().prepId === prepId
      set({
        open: true,
        prepId,
        file,
        error: null,
        ...(same ? {} : { jobId: null, options: {} })
      })
      try {
        // the same cached list 連線設定 and the pickers use, read fresh now
        const list = await queryClient.fetchQuery(profilesQuery)
        const profiles = rehearsalFirst(list.profiles)
        const current = preferred ?? get().profileId
        set({ profileId: profiles.some((p) => p.id === current) ? current : (profiles[0]?.id ?? null) })
      } catch (error) {
        set({ error: asApiError(error) })
      }
    },

    hide: () => set({ open: false }),

    chooseProfile: (id) => set({ profileId: id }),

    setOptions: (change) => set((s) => ({ options: { ...s.options, ...change } })),

    start: () =>
      change('start', async () => {
        const { prepId, profileId, options } = get()
        if (!prepId || !profileId) return
        const { jobId } = await call('push.start', { prepId, profileId, options })
        await follow(jobId)
      }),

    pause: () =>
      change('pause', async () => {
        const { jobId } = get()
        if (jobId) putJobStatus(jobId, await call('push.pause', { jobId }))
      }),

    resume: () =>
      change('resume', async () => {
        const { jobId } = get()
        if (jobId) putJobStatus(jobId, await call('push.resume', { jobId }))
      }),

    cancel: () =>
      change('cancel', async () => {
        const { jobId } = get()
        if (jobId) putJobStatus(jobId, await call('push.cancel', { jobId }))
      }),

    retryFailed: () =>
      change('retry', async () => {
        const { jobId } = get()
        if (jobId) await follow((await call('push.retryFailed', { jobId })).jobId)
      }),

    resumeJob: (which) =>
      change('resumeJob', async () => {
        const jobId = which ?? get().jobId
        if (!jobId) return
        await follow((await call('push.resumeJob', { jobId })).jobId)
        void queryClient.invalidateQueries({ queryKey: keys.pushJobs })
      }),

    exportReport: (format) =>
      change(`export-${format}`, async () => {
        const { jobId } = get()
        if (!jobId) return
        const { path } = await call('push.exportReport', { jobId, format })
        if (path) set({ exported: path })
      }),

    newPush() {
      const { prepId } = get()
      set({ jobId: null, exported: null })
      // what was just sent may change the next plan: read it again
      if (prepId) void queryClient.invalidateQueries({ queryKey: keys.plans(prepId) })
    },

    dismissError: () => set({ error: null })
  }
})

/** Live progress and the end of the job being watched (events of other jobs are ignored). */
export function handlePushEvent(event: OrderDockEvent): void {
  const { getState, setState } = usePushStore
  if (event.type !== 'push.progress' && event.type !== 'push.finished' && event.type !== 'push.stopped') return
  if (event.jobId !== getState().jobId) return
  if (event.type === 'push.progress') {
    const { type: _type, ...progress } = event
    putJobProgress(event.jobId, progress)
    return
  }
  // ended (or stopped): read the full status once, then the results table reloads
  void readJob(event.jobId).then(
    () => {
      reloadResults(event.jobId)
      // a stopped push is now resumable, a finished one no longer is
      void queryClient.invalidateQueries({ queryKey: keys.pushJobs })
    },
    (error: unknown) => setState({ error: asApiError(error) })
  )
}

let unsubscribe: (() => void) | null = null
export function subscribePushEvents(): void {
  unsubscribe ??= onEvent(handlePushEvent)
}
