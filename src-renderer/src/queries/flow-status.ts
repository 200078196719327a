// The watched multi-file flow's status as a query: re-read every quarter second while the flow runs, not once it has
// ended; the list of unfinished flows (journals on disk) is read again whenever a watched flow ends. No DOM here (the
// reads are passed in: queries/flow.ts hands in main's methods), so Node tests run it as it is.
import { queryOptions } from '@tanstack/react-query'
import type { FlowListing, FlowStatusView } from '../../../src-main/ipc/contract'
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

export const flowStatusQuery = (flowId: string, read: (flowId: string) => Promise<FlowStatusView>) =>
  queryOptions({
    queryKey: keys.flowStatus(flowId),
    queryFn: async () => seen(await read(flowId)),
    refetchInterval: (query) => flowPollInterval(query.state.data, query.state.status === 'error')
  })

/** Cancel answers with the new status. */
export function putFlowStatus(flowId: string, status: FlowStatusView): void {
  queryClient.setQueryData(keys.flowStatus(flowId), seen(status))
}

export const flowListQuery = (read: () => Promise<FlowListing[]>) =>
  queryOptions({ queryKey: keys.flowList, queryFn: read })
