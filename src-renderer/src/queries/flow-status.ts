// The watched multi-file flow: its status is read from main and re-read every quarter second while it runs; the list
// of unfinished flows (journals on disk) is read again whenever a watched flow has ended.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { FlowListing, FlowStatusView } from '../../../src-main/ipc/contract'
import { call } from '../api'
import { queryClient } from './client'
import { keys } from './keys'

export const FLOW_POLL_MS = 250

/** Poll while the flow runs; an ended flow (finished, failed, stopped, error) or a failed read is not asked again. */
export function flowPollInterval(status: FlowStatusView | undefined, failed: boolean): number | false {
  return !failed && status?.state === 'running' ? FLOW_POLL_MS : false
}

/** Every status seen goes through here: once the flow is no longer running, the unfinished list may have changed. */
function seen(status: FlowStatusView): FlowStatusView {
  if (status.state !== 'running') void queryClient.invalidateQueries({ queryKey: keys.flowList })
  return status
}

export const flowStatusQuery = (flowId: string) =>
  queryOptions({
    queryKey: keys.flowStatus(flowId),
    queryFn: async () => seen(await call('flow.status', { flowId })),
    refetchInterval: (query) => flowPollInterval(query.state.data, query.state.status === 'error')
  })

export function useFlowStatus(flowId: string | null): { status: FlowStatusView | null; error: Error | null } {
  const query = useQuery({ ...flowStatusQuery(flowId ?? ''), enabled: flowId !== null })
  return { status: flowId === null ? null : (query.data ?? null), error: query.error }
}

/** Read the flow's status now (it started, or is resumed): fresh, even if cached; polling goes on from this answer. */
export const readFlowStatus = (flowId: string) => queryClient.fetchQuery({ ...flowStatusQuery(flowId), staleTime: 0 })

/** Cancel answers with the new status. */
export function putFlowStatus(flowId: string, status: FlowStatusView): void {
  queryClient.setQueryData(keys.flowStatus(flowId), seen(status))
}

export const flowListQuery = () =>
  queryOptions({ queryKey: keys.flowList, queryFn: (): Promise<FlowListing[]> => call('flow.list', {}) })

const NO_FLOWS: FlowListing[] = []

/** The unfinished flows, read again each time the list is shown; a failed read leaves it as it was (a convenience). */
export function useUnfinishedFlows(): FlowListing[] {
  return useQuery({ ...flowListQuery(), refetchOnMount: 'always' }).data ?? NO_FLOWS
}
