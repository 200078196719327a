// Push screen state (zustand): the chosen profile and options, the plan, the running job's live progress and its end.
// The token never reaches the renderer: a profile is named by id, and main fetches the token itself.
import { create } from 'zustand'
import type {
  ApiError,
  OrderDockEvent,
  ProfileView,
  PushJobView,
  PushOptionsView,
  PushPlanView,
  PushProgressView,
  PushStatusView
} from '../../src-main/ipc/contract'
import { asApiError, call, onEvent } from './api'

interface PushStoreState {
  open: boolean
  prepId: string | null
  file: string
  profiles: ProfileView[]
  profileId: string | null
  options: PushOptionsView
  plan: PushPlanView | null
  planning: boolean
  busy: string | null
  error: ApiError | null
  jobId: string | null
  progress: PushProgressView | null
  status: PushStatusView | null
  /** Bumped when a job ends: the results table reloads. */
  resultsVersion: number
  exported: string | null
  /** Pushes that stopped or were interrupted (also by a crash): they can be resumed. */
  unfinished: PushJobView[]
  /** preferred: the connection the preparation was checked against (SHOPLINE), chosen first when it exists. */
  show(prepId: string, file: string, preferred?: string): Promise<void>
  hide(): void
  chooseProfile(id: string): Promise<void>
  setOptions(change: PushOptionsView): Promise<void>
  refreshPlan(): Promise<void>
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

const ENDED = new Set(['finished', 'cancelled', 'stopped', 'error'])
let planTicket = 0

export const isEnded = (state: string | undefined): boolean => Boolean(state && ENDED.has(state))

export const usePushStore = create<PushStoreState>()((set, get) => {
  async function act(name: string, action: () => Promise<void>): Promise<void> {
    set({ busy: name, error: null })
    try {
      await action()
    } catch (error) {
      set({ error: asApiError(error) })
    } finally {
      set({ busy: null })
    }
  }

  async function follow(jobId: string): Promise<void> {
    set({ jobId, progress: null, status: null, exported: null })
    const status = await call('push.status', { jobId })
    if (get().jobId === jobId)
      set((s) => ({ status, progress: s.progress ?? status.progress, resultsVersion: s.resultsVersion + 1 }))
  }

  return {
    open: false,
    prepId: null,
    file: '',
    profiles: [],
    profileId: null,
    options: {},
    plan: null,
    planning: false,
    busy: null,
    error: null,
    jobId: null,
    progress: null,
    status: null,
    resultsVersion: 0,
    exported: null,
    unfinished: [],

    async show(prepId, file, preferred) {
      const same = get().prepId === prepId
      set({
        open: true,
        prepId,
        file,
        error: null,
        ...(same ? {} : { jobId: null, progress: null, status: null, plan: null, options: {} })
      })
      try {
        const list = await call('profiles.list', {})
        // the built-in Rehearsal profile first, then the user's own
        const profiles = [...list.profiles].sort((a, b) => Number(b.builtIn) - Number(a.builtIn))
        const current = preferred ?? get().profileId
        set({ profiles, profileId: profiles.some((p) => p.id === current) ? current : (profiles[0]?.id ?? null) })
        void call('push.jobs', {}).then(
          (jobs) => set({ unfinished: jobs.filter((j) => j.resumable) }),
          () => undefined
        )
        await get().refreshPlan()
      } catch (error) {
        set({ error: asApiError(error) })
      }
    },

    hide: () => set({ open: false }),

    async chooseProfile(id) {
      set({ profileId: id })
      await get().refreshPlan()
    },

    async setOptions(change) {
      set((s) => ({ options: { ...s.options, ...change } }))
      await get().refreshPlan()
    },

    async refreshPlan() {
      const { prepId, profileId, options } = get()
      if (!prepId || !profileId) return
      const mine = ++planTicket
      set({ planning: true })
      try {
        const plan = await call('push.plan', { prepId, profileId, options })
        if (mine === planTicket) set({ plan, planning: false })
      } catch (error) {
        if (mine === planTicket) set({ planning: false, plan: null, error: asApiError(error) })
      }
    },

    start: () =>
      act('start', async () => {
        const { prepId, profileId, options } = get()
        if (!prepId || !profileId) return
        const { jobId } = await call('push.start', { prepId, profileId, options })
        await follow(jobId)
      }),

    pause: () =>
      act('pause', async () => {
        const { jobId } = get()
        if (jobId) set({ status: await call('push.pause', { jobId }) })
      }),

    resume: () =>
      act('resume', async () => {
        const { jobId } = get()
        if (jobId) set({ status: await call('push.resume', { jobId }) })
      }),

    cancel: () =>
      act('cancel', async () => {
        const { jobId } = get()
        if (jobId) set({ status: await call('push.cancel', { jobId }) })
      }),

    retryFailed: () =>
      act('retry', async () => {
        const { jobId } = get()
        if (jobId) await follow((await call('push.retryFailed', { jobId })).jobId)
      }),

    resumeJob: (which) =>
      act('resumeJob', async () => {
        const jobId = which ?? get().jobId
        if (!jobId) return
        await follow((await call('push.resumeJob', { jobId })).jobId)
        set((s) => ({ unfinished: s.unfinished.filter((j) => j.jobId !== jobId) }))
      }),

    exportReport: (format) =>
      act(`export-${format}`, async () => {
        const { jobId } = get()
        if (!jobId) return
        const { path } = await call('push.exportReport', { jobId, format })
        if (path) set({ exported: path })
      }),

    newPush() {
      set({ jobId: null, progress: null, status: null, exported: null })
      void get().refreshPlan()
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
    setState({ progress })
    return
  }
  // ended (or stopped): read the full status once, then the results table reloads
  void call('push.status', { jobId: event.jobId }).then(
    (status) => {
      if (getState().jobId !== event.jobId) return
      setState((s) => ({ status, progress: status.progress, resultsVersion: s.resultsVersion + 1 }))
    },
    (error: unknown) => setState({ error: asApiError(error) })
  )
}

let unsubscribe: (() => void) | null = null
export function subscribePushEvents(): void {
  unsubscribe ??= onEvent(handlePushEvent)
}
