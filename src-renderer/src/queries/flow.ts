// The multi-file screen's reads from main: the watched flow's status (polled while it runs) and the unfinished flows.
import { useQuery } from '@tanstack/react-query'
import type { FlowListing, FlowStatusView } from '../../../src-main/ipc/contract'
import { call } from '../api'
import { queryClient } from './client'
import { flowListQuery, flowStatusQuery } from './flow-status'

const readStatus = (flowId: string) => call('flow.status', { flowId })
const readList = () => call('flow.list', {})

export function useFlowStatus(flowId: string | null): { status: FlowStatusView | null; error: Error | null } {
  const query = useQuery({ ...flowStatusQuery(flowId ?? '', readStatus), enabled: flowId !== null })
  return { status: flowId === null ? null : (query.data ?? null), error: query.error }
}

/** Read the flow's status now (it started, or is resumed): fresh, even if cached; polling goes on from this answer. */
export const readFlowStatus = (flowId: string) =>
  queryClient.fetchQuery({ ...flowStatusQuery(flowId, readStatus), staleTime: 0 })

const NO_FLOWS: FlowListing[] = []

/** The unfinished flows, read again each time the list is shown; a failed read leaves it as it was (a convenience). */
export function useUnfinishedFlows(): FlowListing[] {
  return useQuery({ ...flowListQuery(readList), refetchOnMount: 'always' }).data ?? NO_FLOWS
}
