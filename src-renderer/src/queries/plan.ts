// What a push would send: the plan and its summary (preview) per (preparation, profile, options), and the unfinished jobs.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { ApiError, PushPlanView, PushPreviewView } from '../../../src-main/ipc/contract'
import { asApiError, call } from '../api'
import { usePushStore } from '../push-store'
import { keys } from './keys'

export interface PlanState {
  plan: PushPlanView | null
  /** A newer plan is on its way (the one shown is the previous choice's). */
  planning: boolean
  error: ApiError | null
}

export function usePlan(): PlanState {
  const prepId = usePushStore((s) => s.prepId)
  const profileId = usePushStore((s) => s.profileId)
  const options = usePushStore((s) => s.options)
  const query = useQuery({
    queryKey: keys.plan(prepId ?? '', profileId ?? '', options),
    queryFn: () => call('push.plan', { prepId: prepId ?? '', profileId: profileId ?? '', options }),
    enabled: Boolean(prepId && profileId),
    // read again each time the push screen opens; the last plan stays shown while another is computed
    staleTime: 0,
    placeholderData: keepPreviousData
  })
  return {
    plan: query.error ? null : (query.data ?? null),
    planning: query.isFetching || query.isPlaceholderData,
    error: query.error ? asApiError(query.error) : null
  }
}

/** The summary before sending, for the plan shown (same preparation, profile and options). */
export function usePreview(plan: PushPlanView | null): PushPreviewView | null {
  const options = usePushStore((s) => s.options)
  const query = useQuery({
    queryKey: keys.preview(plan?.prepId ?? '', plan?.profileId ?? '', options),
    queryFn: () => call('push.preview', { prepId: plan?.prepId ?? '', profileId: plan?.profileId ?? '', options }),
    enabled: plan !== null,
    staleTime: 0
  })
  return plan && query.data?.profileId === plan.profileId && query.data.prepId === plan.prepId ? query.data : null
}

/** Pushes that stopped or were interrupted (also by a crash): they can be resumed. */
export function useUnfinishedJobs() {
  return (
    useQuery({
      queryKey: keys.pushJobs,
      queryFn: () => call('push.jobs', {}),
      select: (jobs) => jobs.filter((j) => j.resumable),
      staleTime: 0
    }).data ?? []
  )
}
