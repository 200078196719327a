// One push job as the app tracks it: the engine's handle, its live state, throttled progress events and the final results.
import type { JobHandle, JobOptions, JobResult, ProgressEvent, RowResult, Summary } from '../core/upload'
import type { OrderDockEvent } from '../ipc/contract'
import type {
  PushProgressView,
  PushResultFilter,
  PushResultsPage,
  PushState,
  PushStatusView
} from '../ipc/push-contract'

type Text = { 'zh-TW': string; en: string }

/** At most one progress event per interval (≤ 10/s); the last one is always delivered. */
export const PROGRESS_INTERVAL_MS = 100

const EMPTY: Summary = { total: 0, created: 0, updated: 0, skipped: 0, failed: 0, notSent: 0, invalid: 0, unknown: 0 }

export interface TrackedJobInit {
  jobId: string
  prepId: string | null
  profileId: string
  options: JobOptions
  retryOf: string | null
  /** Strings that must never leave main (the token): replaced wherever they might show up. */
  secrets: string[]
  emit: (event: OrderDockEvent) => void
  now: () => number
}

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('••••')
  return out
}

export class TrackedJob {
  readonly jobId: string
  readonly prepId: string | null
  readonly profileId: string
  readonly options: JobOptions
  readonly retryOf: string | null
  state: PushState = 'running'
  progress: PushProgressView
  result: JobResult | null = null
  message: Text | null = null
  handle: JobHandle | null = null
  private lastEmit = Number.NEGATIVE_INFINITY
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly init: TrackedJobInit
  // the rate counts running time only: a pause neither dilutes it afterwards nor lets the ETA count down meanwhile
  private readonly startedAt: number
  private pausedMs = 0
  private pausedSince: number | null = null
  private firstDone: number | null = null

  constructor(init: TrackedJobInit) {
    this.init = init
    this.jobId = init.jobId
    this.prepId = init.prepId
    this.profileId = init.profileId
    this.options = init.options
    this.retryOf = init.retryOf
    this.startedAt = init.now()
    this.progress = {
      jobId: init.jobId,
      state: 'running',
      phase: 'main',
      done: 0,
      total: 0,
      counts: { ...EMPTY },
      rowsPerSecond: 0,
      etaMs: null
    }
  }

  get active(): boolean {
    return this.state === 'running' || this.state === 'paused'
  }

  /** The engine's progress (already ≤ 10/s) folded in; our own state changes (pause) also go through the throttle. */
  onEngineProgress(event: ProgressEvent): void {
    this.firstDone ??= event.done
    const paused = this.state === 'paused'
    const runningMs = this.init.now() - this.startedAt - this.pausedMs
    const rate = runningMs > 0 ? ((event.done - this.firstDone) / runningMs) * 1000 : 0
    this.progress = {
      jobId: this.jobId,
      state: this.state,
      phase: event.phase,
      done: event.done,
      total: event.total,
      counts: { ...event.counts },
      // paused: the last running figures stay as they were (frozen), never recomputed over the idle time
      rowsPerSecond: paused ? this.progress.rowsPerSecond : Number.isFinite(rate) ? rate : 0,
      etaMs: paused ? this.progress.etaMs : rate > 0 ? Math.round(((event.total - event.done) / rate) * 1000) : null
    }
    this.schedule()
  }

  setState(state: PushState): void {
    const at = this.init.now()
    if (state === 'paused' && this.pausedSince === null) this.pausedSince = at
    if (state !== 'paused' && this.pausedSince !== null) {
      this.pausedMs += at - this.pausedSince
      this.pausedSince = null
    }
    this.state = state
    this.progress = { ...this.progress, state }
    this.schedule()
  }

  /** Send the progress now if the interval allows, else once at the end of the interval. */
  private schedule(): void {
    const wait = this.lastEmit + PROGRESS_INTERVAL_MS - this.init.now()
    if (wait <= 0 && !this.timer) return this.flush()
    if (!this.timer) this.timer = setTimeout(() => this.flush(), Math.max(0, wait))
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.lastEmit = this.init.now()
    this.init.emit({ type: 'push.progress', ...this.progress, counts: { ...this.progress.counts } })
  }

  /** The job ended: results kept (secrets scrubbed), the last progress then push.finished / push.stopped. */
  finish(result: JobResult, results: RowResult[]): void {
    const { secrets } = this.init
    const clean = results.map((r) => ({
      ...r,
      reason: r.reason && scrub(r.reason, secrets),
      message: r.message && scrub(r.message, secrets)
    }))
    this.result = { ...result, results: clean }
    const state: PushState = result.status
    if (result.stopMessage)
      this.message = { 'zh-TW': scrub(result.stopMessage['zh-TW'], secrets), en: scrub(result.stopMessage.en, secrets) }
    const done = this.progress.total
      ? Math.max(this.progress.done, result.status === 'finished' ? this.progress.total : 0)
      : this.progress.done
    this.progress = {
      ...this.progress,
      state,
      done,
      counts: { ...result.summary },
      etaMs: result.status === 'finished' ? 0 : null
    }
    this.state = state
    // the final progress goes out at once: the 100 ms gap is kept by waiting for the pending one to be replaced
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const gap = this.lastEmit + PROGRESS_INTERVAL_MS - this.init.now()
    const send = () => {
      this.lastEmit = this.init.now()
      this.init.emit({ type: 'push.progress', ...this.progress, counts: { ...this.progress.counts } })
      this.init.emit({ type: 'push.finished', jobId: this.jobId, state, summary: { ...result.summary } })
      if (state === 'stopped' && this.message)
        this.init.emit({ type: 'push.stopped', jobId: this.jobId, message: this.message })
    }
    if (gap > 0) setTimeout(send, gap)
    else send()
  }

  fail(message: Text): void {
    const { secrets } = this.init
    this.message = { 'zh-TW': scrub(message['zh-TW'], secrets), en: scrub(message.en, secrets) }
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.state = 'error'
    this.progress = { ...this.progress, state: 'error', etaMs: null }
    this.init.emit({ type: 'push.progress', ...this.progress })
    this.init.emit({ type: 'push.stopped', jobId: this.jobId, message: this.message })
  }

  status(target: string): PushStatusView {
    return {
      jobId: this.jobId,
      prepId: this.prepId,
      profileId: this.profileId,
      target,
      state: this.state,
      progress: { ...this.progress, counts: { ...this.progress.counts } },
      summary: this.result ? { ...this.result.summary } : null,
      requests: this.result ? { ...this.result.requests } : null,
      message: this.message,
      retryOf: this.retryOf
    }
  }

  page(offset: number, limit: number, filter: PushResultFilter = 'all'): PushResultsPage {
    const all = this.result?.results ?? []
    const problems = new Set(['failed', 'not_sent', 'invalid', 'unknown'])
    const rows =
      filter === 'all'
        ? all
        : all.filter((r) => (filter === 'problems' ? problems.has(r.outcome) : r.outcome === filter))
    return {
      jobId: this.jobId,
      offset,
      total: rows.length,
      rows: rows.slice(offset, offset + limit).map((r) => ({ ...r, rows: [...r.rows] })),
      counts: this.result ? { ...this.result.summary } : { ...this.progress.counts }
    }
  }
}
