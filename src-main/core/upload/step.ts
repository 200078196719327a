// One planned request from planned to acknowledged (or failed), with the journal written before and after each attempt.
import { bodyText, describeHttpFailure, describeNetworkFailure } from './failure-messages'
import { requiredAbility } from '../credentials/messages'
import { isNetworkFailure, sendWithRetry } from './send'
import type { SendOutcome } from './send'
import type { ItemResult, JournalEntry } from './journal'
import { record } from './context'
import type { JobContext, StepResult } from './context'
import type { ApiName } from './types'

export type PlannedEntry = Extract<JournalEntry, { t: 'planned' }>

/** Journal the plan once (a resumed job reuses the body it planned before, byte for byte). */
export async function ensurePlanned(ctx: JobContext, plan: PlannedEntry): Promise<PlannedEntry> {
  const known = ctx.state.planned.get(plan.batch)
  if (known) return known
  await record(ctx, plan)
  return plan
}

export function apiOf(ctx: JobContext): ApiName {
  return ctx.options.transport.api
}

/** Turn a non-ok send outcome into what the job does next; writes the "failed" entry when the batch is over. */
export async function settleFailure(
  ctx: JobContext,
  plan: PlannedEntry,
  out: Exclude<SendOutcome, { kind: 'ok' }>
): Promise<StepResult> {
  if (out.kind === 'cancelled') return 'cancel'
  if (out.kind === 'auth') {
    ctx.stopMessage = describeHttpFailure(
      out.response.status,
      out.response.body,
      apiOf(ctx),
      requiredAbility(apiOf(ctx), plan.method, plan.path)
    ).message
    return 'stop'
  }
  if (out.kind === 'rejected') {
    const status = out.response.status
    await record(ctx, {
      t: 'failed',
      batch: plan.batch,
      at: ctx.now(),
      outcome: 'failed',
      reason: status === 422 ? 'validation_error' : `http_${status}`,
      message: bodyText(out.response.body) || `HTTP ${status}`
    })
    return 'next'
  }
  if (out.kind === 'exhausted') {
    // The server is unreachable or keeps failing: every later batch would too. Stop; the journal lets the job resume later.
    const last = out.last
    const why = isNetworkFailure(last)
      ? describeNetworkFailure(last.error).message
      : describeHttpFailure(last.status, last.body, apiOf(ctx)).message
    ctx.stopMessage = {
      'zh-TW': `嘗試 ${ctx.policy.maxAttempts} 次仍失敗，已暫停這個工作：${why['zh-TW']} 問題排除後可以繼續這個工作。`,
      en: `Stopped after ${ctx.policy.maxAttempts} attempts: ${why.en} Resume the job once this is fixed.`
    }
    return 'stop'
  }
  return 'next'
}

/** Send a batch (or single request) that is safe to resend; `read` turns the 2xx body into per-member answers. */
export async function runSafeStep(
  ctx: JobContext,
  plan: PlannedEntry,
  read: (body: unknown, resentAfterLoss: boolean) => ItemResult[],
  /** A 4xx that is really a per-row answer (e.g. "order_no already exists"): its items, or null to fail the batch. */
  readRejected?: (status: number, body: unknown) => ItemResult[] | null
): Promise<StepResult> {
  if (ctx.state.isDone(plan.batch)) return 'next'
  if (!(await ctx.gate())) return 'cancel'
  plan = await ensurePlanned(ctx, plan)
  const lostBefore = ctx.state.wasSentWithoutAnswer(plan.batch)
  const headers = plan.idempotencyKey ? { 'X-Idempotency-Key': plan.idempotencyKey } : undefined
  const out = await sendWithRetry(
    ctx.client,
    ctx.pacer,
    { method: plan.method, path: plan.path, body: plan.body, headers },
    ctx.policy,
    ctx.counts,
    {
      beforeAttempt: (attempt) => record(ctx, { t: 'sent', batch: plan.batch, attempt, at: ctx.now() }),
      onAnswer: (status) => record(ctx, { t: 'answered', batch: plan.batch, at: ctx.now(), status }),
      stopSignal: ctx.stop.signal,
      abortSignal: ctx.abortInFlight.signal
    }
  )
  if (out.kind === 'rejected' && readRejected) {
    const items = readRejected(out.response.status, out.response.body)
    if (items) {
      await record(ctx, { t: 'ack', batch: plan.batch, at: ctx.now(), items })
      ctx.progress()
      return 'next'
    }
  }
  if (out.kind !== 'ok') return settleFailure(ctx, plan, out)
  await record(ctx, {
    t: 'ack',
    batch: plan.batch,
    at: ctx.now(),
    items: read(out.response.body, lostBefore || out.afterLoss)
  })
  ctx.progress()
  return 'next'
}
