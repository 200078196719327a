// SHOPLINE: one order per request, never resent after an ambiguous failure until a search shows the order does not exist.
import { record, sendableIndexes } from './context'
import type { JobContext, StepResult } from './context'
import { ensurePlanned, settleFailure } from './step'
import type { PlannedEntry } from './step'
import { sendWithRetry } from './send'
import {
  RECONCILE_SKEW_MS,
  UNKNOWN_MESSAGE,
  customerEmailOfShopline,
  judgeSearch,
  searchPath,
  shoplineBody
} from './shopline'
import type { ReconcileVerdict } from './shopline'

function createdId(body: unknown): string | number | null {
  const b = body as { id?: unknown; order?: { id?: unknown }; data?: { id?: unknown } }
  const id = b?.id ?? b?.order?.id ?? b?.data?.id
  return typeof id === 'number' || typeof id === 'string' ? id : null
}

/** Search for the order that an ambiguous attempt (started at attemptAt) may have created. */
async function reconcile(ctx: JobContext, plan: PlannedEntry, attemptAt: number): Promise<ReconcileVerdict | 'cancel'> {
  const payload = plan.body as Record<string, unknown>
  const email = customerEmailOfShopline(payload)
  if (!email) return { kind: 'undecidable', why: 'the order has no customer email to search by' }
  // Give a slow request time to land before we look.
  await ctx.policy.sleep(ctx.reconcileDelayMs, ctx.stop.signal)
  if (ctx.stop.signal.aborted) return 'cancel'
  const out = await sendWithRetry(
    ctx.client,
    ctx.pacer,
    { method: 'GET', path: searchPath(email, attemptAt - RECONCILE_SKEW_MS) },
    ctx.policy,
    ctx.counts,
    {
      stopSignal: ctx.stop.signal,
      abortSignal: ctx.abortInFlight.signal,
      light: true
    }
  )
  if (out.kind === 'cancelled') return 'cancel'
  if (out.kind !== 'ok') return { kind: 'undecidable', why: 'the order search did not answer' }
  return judgeSearch(out.response.body, payload, ctx.state.claimedIds)
}

async function unknown(ctx: JobContext, plan: PlannedEntry, why: string): Promise<void> {
  await record(ctx, {
    t: 'failed',
    batch: plan.batch,
    at: ctx.now(),
    outcome: 'unknown',
    reason: 'unknown',
    message: `${UNKNOWN_MESSAGE} (${why})`
  })
}

async function confirm(
  ctx: JobContext,
  plan: PlannedEntry,
  id: string | number | null,
  message: string | null
): Promise<void> {
  await record(ctx, {
    t: 'ack',
    batch: plan.batch,
    at: ctx.now(),
    items: [{ member: 0, outcome: 'created', id, reason: null, message }]
  })
  ctx.progress()
}

async function sendOne(ctx: JobContext, plan: PlannedEntry): Promise<StepResult> {
  // A resumed job may hold an attempt that was sent and never answered: reconcile before anything else.
  let pendingSince = ctx.state.unansweredSince(plan.batch)
  for (let round = 0; round < ctx.policy.maxAttempts; round++) {
    if (pendingSince != null) {
      const verdict = await reconcile(ctx, plan, pendingSince)
      if (verdict === 'cancel') return 'cancel'
      if (verdict.kind === 'created') {
        await confirm(ctx, plan, verdict.id, null)
        return 'next'
      }
      if (verdict.kind === 'undecidable') {
        await unknown(ctx, plan, verdict.why)
        return 'next'
      }
      // Absent: the earlier attempt did not create it, so sending again is safe.
      await record(ctx, { t: 'reconciled', batch: plan.batch, at: ctx.now() })
      ctx.counts.retried++
    }
    if (!(await ctx.gate())) return 'cancel'
    let attemptAt = ctx.now()
    const out = await sendWithRetry(
      ctx.client,
      ctx.pacer,
      { method: 'POST', path: ctx.options.transport.path, body: plan.body },
      ctx.policy,
      ctx.counts,
      {
        beforeAttempt: async (attempt) => {
          attemptAt = ctx.now()
          await record(ctx, { t: 'sent', batch: plan.batch, attempt, at: attemptAt })
        },
        onAnswer: async (status) => {
          // A 5xx may have been processed: keep it unanswered, the search decides.
          if (status < 500) await record(ctx, { t: 'answered', batch: plan.batch, at: ctx.now(), status })
        },
        stopOnAmbiguous: true,
        stopSignal: ctx.stop.signal,
        abortSignal: ctx.abortInFlight.signal
      }
    )
    if (out.kind === 'ok') {
      await confirm(ctx, plan, createdId(out.response.body), null)
      return 'next'
    }
    if (out.kind !== 'ambiguous') return settleFailure(ctx, plan, out)
    pendingSince = ctx.state.unansweredSince(plan.batch) ?? attemptAt
  }
  await unknown(ctx, plan, `still unclear after ${ctx.policy.maxAttempts} attempts`)
  return 'next'
}

export async function shoplinePhase(ctx: JobContext): Promise<StepResult> {
  ctx.phase = 'main'
  for (const i of sendableIndexes(ctx)) {
    const r = ctx.records[i]
    const body = shoplineBody(r.payload, {
      deliveryOptionId: ctx.options.deliveryOptionId,
      paymentMethodId: ctx.options.paymentMethodId
    })
    const planned: PlannedEntry = {
      t: 'planned',
      batch: `main-${i + 1}`,
      phase: 'main',
      method: 'POST',
      path: ctx.options.transport.path,
      body,
      members: [i]
    }
    if (ctx.state.isDone(planned.batch)) continue
    if (!(await ctx.gate())) return 'cancel'
    const step = await sendOne(ctx, await ensurePlanned(ctx, planned))
    if (step !== 'next') return step
  }
  return 'next'
}
