// The multi-file flow's status as a query (plain Node, scripted reads in place of main): it is read again every
// quarter second while the flow runs and no more once it has finished / failed / stopped or a read failed, and the
// unfinished-flows list is read again when the watched flow ends.
import { QueryObserver } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FlowListing, FlowState, FlowStatusView } from '../../src-main/ipc/contract'
import { queryClient } from '../../src-renderer/src/queries/client'
import {
  FLOW_POLL_MS,
  flowListQuery,
  flowPollInterval,
  flowStatusQuery,
  putFlowStatus
} from '../../src-renderer/src/queries/flow-status'

// before the query library loads: where there is no window it takes Node for a server and never polls
vi.hoisted(() => {
  ;(globalThis as { window?: unknown }).window ??= {}
})

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms))
const status = (state: FlowState): FlowStatusView => ({
  flowId: 'f1',
  profileId: 'p1',
  state,
  steps: [],
  stoppedAt: null,
  message: null
})

let calls: string[] = []
let answers: FlowState[] = []
// what main answers, in order; the last answer repeats
const readStatus = async (): Promise<FlowStatusView> => {
  calls.push('flow.status')
  return status(answers.length > 1 ? answers.shift()! : answers[0])
}
const readList = async (): Promise<FlowListing[]> => {
  calls.push('flow.list')
  return []
}

beforeEach(() => {
  calls = []
  answers = []
})
afterEach(() => queryClient.clear())

describe('the flow status refetch rule', () => {
  it('polls every quarter second while running; stops once finished, failed, stopped or in error', () => {
    expect(flowPollInterval(status('running'), false)).toBe(FLOW_POLL_MS)
    expect(FLOW_POLL_MS).toBe(250)
    for (const state of ['finished', 'failed', 'stopped', 'error'] as const)
      expect(flowPollInterval(status(state), false)).toBe(false)
    // nothing read yet, or the last read failed: not asked again on a timer
    expect(flowPollInterval(undefined, false)).toBe(false)
    expect(flowPollInterval(status('running'), true)).toBe(false)
  })
})

describe('the flow status query', () => {
  it('is read again while the flow runs and not after it finished; the unfinished list is then read again', async () => {
    answers = ['running', 'running', 'finished']
    const stopList = new QueryObserver(queryClient, flowListQuery(readList)).subscribe(() => undefined)
    const states: string[] = []
    const stop = new QueryObserver(queryClient, flowStatusQuery('f1', readStatus)).subscribe((r) => {
      if (r.data && states.at(-1) !== r.data.state) states.push(r.data.state)
    })
    await wait(FLOW_POLL_MS * 6)
    stop()
    stopList()
    expect(states).toEqual(['running', 'finished'])
    // three status reads (two running, one finished) and nothing more in the following second
    expect(calls.filter((c) => c === 'flow.status')).toHaveLength(3)
    // the list: once when first watched, once more when the flow ended
    expect(calls.filter((c) => c === 'flow.list')).toHaveLength(2)
  })

  it('a stopped flow (cancel answered) is not polled again', async () => {
    answers = ['running']
    const stop = new QueryObserver(queryClient, flowStatusQuery('f1', readStatus)).subscribe(() => undefined)
    await wait(FLOW_POLL_MS / 2)
    putFlowStatus('f1', status('stopped'))
    const before = calls.length
    await wait(FLOW_POLL_MS * 3)
    stop()
    expect(calls.length).toBe(before)
    expect(queryClient.getQueryData<FlowStatusView>(flowStatusQuery('f1', readStatus).queryKey)?.state).toBe('stopped')
  })

  it('a failed read stops the polling (the screen shows the error)', async () => {
    const failing = async (): Promise<FlowStatusView> => {
      calls.push('flow.status')
      if (calls.length === 1) return status('running')
      throw new Error('no such flow')
    }
    let error: Error | null = null
    const stop = new QueryObserver(queryClient, flowStatusQuery('f1', failing)).subscribe((r) => (error = r.error))
    await wait(FLOW_POLL_MS * 5)
    stop()
    expect(calls).toHaveLength(2)
    expect(error).toMatchObject({ message: 'no such flow' })
  })
})
