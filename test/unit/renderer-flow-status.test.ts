// The multi-file flow's status as a query (plain Node, a scripted bridge in place of main): it is read again every
// quarter second while the flow runs and no more once it has finished / failed / stopped, and the unfinished-flows
// list is read again when the watched flow ends.
import { QueryObserver } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FlowState, FlowStatusView } from '../../src-main/ipc/contract'
import { queryClient } from '../../src-renderer/src/queries/client'
import {
  FLOW_POLL_MS,
  flowListQuery,
  flowPollInterval,
  flowStatusQuery,
  putFlowStatus
} from '../../src-renderer/src/queries/flow-status'

type Invoke = (method: string) => Promise<unknown>
// before the query library loads: it never polls where there is no window (it takes Node for a server)
const bridge = vi.hoisted(() => {
  const bridge: { invoke: Invoke } = { invoke: async () => ({ ok: false, error: { code: 'unset', message: 'unset' } }) }
  ;(globalThis as { window?: unknown }).window = { orderdock: { invoke: (method: string) => bridge.invoke(method) } }
  return bridge
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

beforeEach(() => {
  calls = []
  answers = []
  // what main answers, in order; the last answer repeats
  bridge.invoke = async (method) => {
    calls.push(method)
    if (method === 'flow.list') return { ok: true, value: [] }
    const state = answers.length > 1 ? answers.shift()! : answers[0]
    return { ok: true, value: status(state) }
  }
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
    const list = new QueryObserver(queryClient, flowListQuery())
    const stopList = list.subscribe(() => undefined)
    const watched = new QueryObserver(queryClient, flowStatusQuery('f1'))
    const states: string[] = []
    const stop = watched.subscribe((r) => {
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
    const watched = new QueryObserver(queryClient, flowStatusQuery('f1'))
    const stop = watched.subscribe(() => undefined)
    await wait(FLOW_POLL_MS / 2)
    putFlowStatus('f1', status('stopped'))
    const before = calls.length
    await wait(FLOW_POLL_MS * 3)
    stop()
    expect(calls.length).toBe(before)
    expect(queryClient.getQueryData<FlowStatusView>(flowStatusQuery('f1').queryKey)?.state).toBe('stopped')
  })

  it('a failed read stops the polling (the screen shows the error)', async () => {
    bridge.invoke = async () => {
      calls.push('flow.status')
      return calls.length === 1
        ? { ok: true, value: status('running') }
        : { ok: false, error: { code: 'gone', message: 'no such flow' } }
    }
    const watched = new QueryObserver(queryClient, flowStatusQuery('f1'))
    let error: Error | null = null
    const stop = watched.subscribe((r) => (error = r.error))
    await wait(FLOW_POLL_MS * 5)
    stop()
    expect(calls).toHaveLength(2)
    expect(error).toMatchObject({ message: 'no such flow' })
  })
})
