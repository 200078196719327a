// The watched push job: its status, read from main, and its live progress, written in by the push events.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { PushProgressView, PushStatusView } from '../../../src-main/ipc/contract'
import { call } from '../api'
import { queryClient } from './client'
import { keys } from './keys'

export interface PushJobData {
  status: PushStatusView | null
  progress: PushProgressView | null
}

const ENDED = new Set(['finished', 'cancelled', 'stopped', 'error'])
export const isEnded = (state: string | undefined): boolean => Boolean(state && ENDED.has(state))

export const pushJobQuery = (jobId: string) =>
  queryOptions({
    queryKey: keys.pushJob(jobId),
    queryFn: async (): Promise<PushJobData> => {
      const status = await call('push.status', { jobId })
      // while it runs, progress events already seen are newer than this answer; once ended the status has the last word
      const seen = queryClient.getQueryData<PushJobData>(keys.pushJob(jobId))?.progress
      return { status, progress: isEnded(status.state) ? status.progress : (seen ?? status.progress) }
    }
  })

const NOTHING: PushJobData = { status: null, progress: null }

export function usePushJob(jobId: string | null): PushJobData {
  return useQuery({ ...pushJobQuery(jobId ?? ''), enabled: jobId !== null }).data ?? NOTHING
}

/** A push.progress event: the bar moves without asking main. */
export function putJobProgress(jobId: string, progress: PushProgressView): void {
  queryClient.setQueryData<PushJobData>(keys.pushJob(jobId), (old) => ({ status: old?.status ?? null, progress }))
}

/** Pause / resume / cancel answer with the new status. */
export function putJobStatus(jobId: string, status: PushStatusView): void {
  queryClient.setQueryData<PushJobData>(keys.pushJob(jobId), (old) => ({
    status,
    progress: old?.progress ?? status.progress
  }))
}

/** Read the job's status now (it started, or ended): fresh, even if cached. */
export const readJob = (jobId: string) => queryClient.fetchQuery({ ...pushJobQuery(jobId), staleTime: 0 })
