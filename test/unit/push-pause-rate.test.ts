// Pause freezes the rate and the time left; after resuming, the rate counts running time only (the pause does not dilute it).
import { describe, expect, it } from 'vitest'
import type { OrderDockEvent } from '../../src-main/ipc/contract'
import { TrackedJob } from '../../src-main/services/push-jobs'
import type { JobOptions, ProgressEvent } from '../../src-main/core/upload'

const counts = { total: 0, created: 0, updated: 0, skipped: 0, failed: 0, invalid: 0, unknown: 0, notSent: 0 }
const event = (done: number): ProgressEvent => ({
  jobId: 'j1',
  phase: 'main',
  done,
  total: 100,
  counts,
  rowsPerSecond: 0,
  etaMs: null,
  paused: false
})

describe('TrackedJob progress across a pause', () => {
  it('keeps the running rate and ETA while paused and leaves the paused time out afterwards', () => {
    let clock = 1_000_000
    const events: OrderDockEvent[] = []
    const job = new TrackedJob({
      jobId: 'j1',
      prepId: 'p',
      profileId: 'rehearsal',
      options: {} as JobOptions,
      retryOf: null,
      secrets: [],
      emit: (e) => events.push(e),
      now: () => clock
    })
    job.onEngineProgress(event(0))
    clock += 10_000
    job.onEngineProgress(event(20)) // 2 rows/s, 80 left: 40 s
    expect(job.progress.rowsPerSecond).toBeCloseTo(2)
    expect(job.progress.etaMs).toBe(40_000)

    job.setState('paused')
    clock += 60_000
    job.onEngineProgress(event(21)) // the batch in flight answered during the pause
    expect(job.progress.state).toBe('paused')
    expect(job.progress.rowsPerSecond).toBeCloseTo(2)
    expect(job.progress.etaMs).toBe(40_000)

    job.setState('running')
    clock += 10_000
    job.onEngineProgress(event(40)) // 40 rows in 20 s of running time: still 2 rows/s, not 40 / 80 s
    expect(job.progress.rowsPerSecond).toBeCloseTo(2)
    expect(job.progress.etaMs).toBe(30_000)
  })
})
