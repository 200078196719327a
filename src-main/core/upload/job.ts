// startJob: runs one push job (or resumes it from its journal) with pause / resume / cancel and throttled progress.
import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import type { JobContext, StepResult } from './context'
import { jobTarget, sendableIndexes } from './context'
import { resolveOnConflict } from './conflict'
import { checkBaseUrl, createApiClient } from './http'
import { Journal, stampRecords } from './journal'
import { JournalWriteError } from './journal-file'
import { journalStopMessage } from './journal-messages'
import { tokenProblem } from '../credentials/token-check'
import type { RecordStamp } from './journal'
import { Pacer, realSleep } from './pacer'
import { shoplinePhase } from './shopline-phase'
import { eventsPhase } from './events-phase'
import { EVENTS_UNKNOWN_MESSAGE } from './zangsho-events'
import { UNKNOWN_MESSAGE } from './shopline'
import { JobState, buildResults, summarize } from './state'
import type { PendingReason } from './state'
import type { JobHandle, JobOptions, JobResult, JobStatus, ProgressEvent, StartJobInput } from './types'
import { customersPhase, lookupPhase, mainBatchPhase, singleOrdersPhase } from './zangsho-phases'
import { cancelPhase } from './cancel-phase'

export function newJobId(now: number = Date.now()): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return `${stamp}-${randomBytes(3).toString('hex')}`
}

export function startJob(input: StartJobInput): JobHandle {
  const jobId = input.resumeJobId ?? input.jobId ?? newJobId(input.env.now?.())
  let paused = false
  let waiters: (() => void)[] = []
  const stop = new AbortController()
  const abortInFlight = new AbortController()
  const wake = () => {
    const w = waiters
    waiters = []
    w.forEach((f) => f())
  }
  const gate = async () => {
    while (paused && !stop.signal.aborted) await new Promise<void>((r) => waiters.push(r))
    return !stop.signal.aborted
  }
  const ctl = {
    isPaused: () => paused,
    gate,
    stop,
    abortInFlight
  }
  return {
    jobId,
    pause: () => {
      paused = true
    },
    resume: () => {
      paused = false
      wake()
    },
    cancel: (opts) => {
      stop.abort()
      if (opts?.abortInFlight) abortInFlight.abort()
      wake()
    },
    done: runJob(jobId, input, ctl)
  }
}

interface Controls {
  isPaused: () => boolean
  gate: () => Promise<boolean>
  stop: AbortController
  abortInFlight: AbortController
}

async function openJournal(
  jobId: string,
  input: StartJobInput,
  state: JobState
): Promise<{ journal: Journal; options: JobOptions; stamps: RecordStamp[] }> {
  const { records, env } = input
  const stamps = stampRecords(records)
  if (input.resumeJobId) {
    const { journal, entries } = await Journal.open(env.journalDir, jobId, {
      create: false,
      openFile: env.openJournalFile
    })
    entries.forEach((e) => state.apply(e))
    const header = state.header
    if (!header) {
      await journal.close()
      throw new Error(`Job ${jobId} has no readable journal header; it cannot be resumed.`)
    }
    const differs =
      header.records.length !== stamps.length ? 0 : header.records.findIndex((s, i) => s.fp !== stamps[i].fp)
    if (header.records.length !== stamps.length || differs >= 0) {
      await journal.close()
      const where = differs >= 0 && header.records[differs] ? ` (row ${header.records[differs].row} differs)` : ''
      throw new Error(
        `The data changed since job ${jobId} started${where}; resume needs the same file and settings. Start a new job or use "retry failed" instead.`
      )
    }
    return { journal, options: header.options, stamps }
  }
  const { journal } = await Journal.open(env.journalDir, jobId, { create: true, openFile: env.openJournalFile })
  const entry = {
    t: 'header' as const,
    v: 1 as const,
    jobId,
    createdAt: new Date(env.now?.() ?? Date.now()).toISOString(),
    options: input.options,
    records: stamps
  }
  try {
    await journal.append(entry)
  } catch (e) {
    // Nothing was sent and there is nothing to resume: leave no half-written journal behind.
    await journal.close()
    await rm(journal.path, { force: true })
    throw e
  }
  state.apply(entry)
  return { journal, options: input.options, stamps }
}

async function runPhases(ctx: JobContext): Promise<StepResult> {
  const { transport } = ctx.options
  const can = jobTarget(ctx.options).push
  const phases: ((c: JobContext) => Promise<StepResult>)[] = []
  // The engine follows the API's protocol; what runs around the main phase follows the target's capabilities.
  const first = can?.customersFirst
  const customersFirst = first !== undefined && (first.when === 'always' || ctx.options.withCustomers === true)
  if (transport.api === 'shopline') phases.push(shoplinePhase)
  else if (can?.eventsPhase) {
    if (customersFirst) phases.push(customersPhase) // an event needs its customer (帳獸 answers 422 otherwise)
    phases.push(eventsPhase)
  } else {
    if (customersFirst) phases.push(customersPhase)
    if (can?.resolveCustomerId) phases.push(lookupPhase)
    phases.push(can?.single && ctx.options.single ? singleOrdersPhase : mainBatchPhase)
    if (can?.cancelAfterCreate) phases.push(cancelPhase)
  }
  for (const phase of phases) {
    const step = await phase(ctx)
    if (step !== 'next') return step
  }
  return 'next'
}

async function runJob(jobId: string, input: StartJobInput, ctl: Controls): Promise<JobResult> {
  const state = new JobState()
  // Refuse a plain-http URL before anything is written (a resumed job's URL comes from its journal).
  const refusal = input.resumeJobId ? null : checkBaseUrl(input.options.baseUrl)
  if (refusal) throw new Error(refusal.en)
  const badToken = tokenProblem(input.env.token)
  if (badToken) throw new Error(badToken.en)
  const { journal, options, stamps } = await openJournal(jobId, input, state)
  try {
    return await runOpenJob(jobId, input, ctl, state, journal, options, stamps)
  } finally {
    await journal.close()
  }
}

async function runOpenJob(
  jobId: string,
  input: StartJobInput,
  ctl: Controls,
  state: JobState,
  journal: Journal,
  options: JobOptions,
  stamps: RecordStamp[]
): Promise<JobResult> {
  const { env, records } = input
  const now = env.now ?? Date.now
  const sleep = env.sleep ?? realSleep
  const api = options.transport.api
  const service = jobTarget(options).service
  const started = now()
  let lastEmit = Number.NEGATIVE_INFINITY
  let doneAtStart = -1
  const ctx: JobContext = {
    jobId,
    records,
    options,
    onConflict: resolveOnConflict(options.transport, options.onConflict),
    batchSize: Math.max(1, Math.min(options.batchSize ?? options.transport.maxBatch, options.transport.maxBatch)),
    client: createApiClient({
      fetch: env.fetch,
      baseUrl: options.baseUrl,
      token: env.token,
      userAgent: env.userAgent,
      timeoutMs: env.requestTimeoutMs,
      now
    }),
    pacer: new Pacer({
      minIntervalMs: options.minIntervalMs ?? service.defaultMinIntervalMs,
      now,
      sleep,
      windows: [...service.rateWindows]
    }),
    policy: {
      maxAttempts: env.maxAttempts ?? 6,
      baseMs: env.backoffBaseMs ?? 500,
      capMs: env.backoffCapMs ?? 30_000,
      random: env.random ?? Math.random,
      sleep
    },
    journal,
    state,
    counts: { sent: 0, retried: 0, rateLimited: 0 },
    now,
    reconcileDelayMs: env.reconcileDelayMs ?? 3000,
    stop: ctl.stop,
    abortInFlight: ctl.abortInFlight,
    gate: ctl.gate,
    transient: new Map(),
    phase: 'main',
    progress: () => emitProgress(false)
  }
  const sendable = sendableIndexes(ctx)
  function emitProgress(force: boolean) {
    if (!env.onProgress) return
    const t = now()
    if (!force && t - lastEmit < (env.progressIntervalMs ?? 100)) return
    lastEmit = t
    const done = sendable.filter((i) => state.recordResult.has(i)).length
    if (doneAtStart < 0) doneAtStart = done
    const rate = (done - doneAtStart) / Math.max(0.001, (t - started) / 1000)
    const results = buildResults(stamps, state, options, () => ({ outcome: 'skipped', reason: '', message: '' }), true)
    const counts = summarize(results.filter((r, i) => state.recordResult.has(i) || !stamps[i].valid))
    const event: ProgressEvent = {
      jobId,
      phase: ctx.phase,
      done,
      total: sendable.length,
      counts,
      rowsPerSecond: rate,
      etaMs: rate > 0 ? ((sendable.length - done) / rate) * 1000 : null,
      paused: ctl.isPaused()
    }
    env.onProgress(event)
  }
  emitProgress(true)
  let step: StepResult
  try {
    step = await runPhases(ctx)
  } catch (e) {
    // The journal could not record a step: stop here; the request that needed it was not sent, resume finishes the job.
    if (!(e instanceof JournalWriteError)) throw e
    ctx.stopMessage = journalStopMessage(e, jobId)
    ctx.stopCode = e.diskFull ? 'disk_full' : 'journal_write_failed'
    step = 'stop'
  }
  const status: JobStatus = step === 'stop' ? 'stopped' : step === 'cancel' ? 'cancelled' : 'finished'
  if (!journal.failure)
    await journal.append({ t: 'end', at: now(), status }).catch((e: unknown) => {
      if (!(e instanceof JournalWriteError)) throw e
      ctx.stopCode ??= e.diskFull ? 'disk_full' : 'journal_write_failed'
    })
  const batchOf = new Map<number, string>()
  for (const p of state.planned.values())
    if (p.phase === 'main') p.members.forEach((m) => batchOf.set(Number(m), p.batch))
  const pending = (i: number): PendingReason => {
    const transient = ctx.transient.get(i)
    if (transient) return { outcome: 'failed', ...transient }
    const batch = batchOf.get(i)
    if (batch && state.wasSentWithoutAnswer(batch)) {
      // No idempotency (SHOPLINE, 帳獸 events): only a reconciliation on resume can tell whether it landed.
      if (jobTarget(options).push?.eventsPhase)
        return {
          outcome: 'unknown',
          reason: 'interrupted',
          message: `${EVENTS_UNKNOWN_MESSAGE} (the job stopped while this event was being sent; resuming the job checks automatically)`
        }
      return api === 'shopline'
        ? {
            outcome: 'unknown',
            reason: 'interrupted',
            message: `${UNKNOWN_MESSAGE} (the job stopped while this order was being sent; resuming the job checks automatically)`
          }
        : {
            outcome: 'failed',
            reason: 'interrupted',
            message: 'Sent, but the job stopped before the answer arrived; resume the job to finish it safely.'
          }
    }
    const why =
      status === 'stopped' && ctx.stopMessage
        ? ctx.stopMessage.en
        : status === 'cancelled'
          ? 'the job was cancelled'
          : 'the job ended first'
    return {
      outcome: 'not_sent',
      reason: 'not_sent',
      message: `Not sent: ${why}. Resume the job or retry failed rows.`
    }
  }
  const results = buildResults(stamps, state, options, pending)
  emitProgress(true)
  const customers = [...state.customerResult.values()]
  return {
    jobId,
    target: options.target,
    status,
    ...(ctx.stopMessage ? { stopMessage: ctx.stopMessage } : {}),
    ...(ctx.stopCode ? { stopCode: ctx.stopCode } : {}),
    summary: summarize(results),
    results,
    requests: ctx.counts,
    ...(customers.length
      ? {
          customers: {
            created: customers.filter((c) => c.outcome === 'created').length,
            skipped: customers.filter((c) => c.outcome === 'skipped').length,
            failed: customers.filter((c) => c.outcome === 'failed').length
          }
        }
      : {})
  }
}
