// 帳獸 subscription events: one POST per event in time order; an ambiguous create is reconciled through the events list.
import { record, sendableIndexes } from './context'
import type { JobContext, StepResult } from './context'
import { ensurePlanned, settleFailure } from './step'
import type { PlannedEntry } from './step'
import { sendWithRetry } from './send'
import { readSingleCreate } from './zangsho'
import { searchCustomer } from './zangsho-phases'
import {
  EVENTS_UNKNOWN_MESSAGE,
  endpointMissingMessage,
  eventSendOrder,
  eventsListPath,
  matchingEvents
} from './zangsho-events'

type Verdict =
  | { kind: 'created'; id: string | number }
  | { kind: 'absent' }
  | { kind: 'undecidable'; why: string }
  | 'cancel'
  | 'stop'
const MAX_LIST_PAGES = 50

/** Did an ambiguous create land? Find the customer's id, then walk the customer's events of that type. */
async function reconcile(ctx: JobContext, plan: PlannedEntry): Promise<Verdict> {
  const payload = plan.body as Record<string, unknown>
  await ctx.policy.sleep(ctx.reconcileDelayMs, ctx.stop.signal)
  if (ctx.stop.signal.aborted) return 'cancel'
  const customer = await searchCustomer(ctx, String(payload.customer_email))
  if (customer === 'cancel' || customer === 'stop') return customer
  if (typeof customer === 'string') return { kind: 'undecidable', why: `the customer lookup failed: ${customer}` }
  // An event belongs to a customer id: no customer, no event.
  if (customer.id == null) return { kind: 'absent' }
  const found: (string | number)[] = []
  for (let page = 1; page <= MAX_LIST_PAGES; page++) {
    const out = await sendWithRetry(
      ctx.client,
      ctx.pacer,
      { method: 'GET', path: eventsListPath(customer.id, String(payload.event_type), page) },
      ctx.policy,
      ctx.counts,
      {
        stopSignal: ctx.stop.signal,
        abortSignal: ctx.abortInFlight.signal,
        light: true
      }
    )
    if (out.kind === 'cancelled') return 'cancel'
    if (out.kind !== 'ok') return { kind: 'undecidable', why: 'the events list did not answer' }
    const hit = matchingEvents(out.response.body, payload, customer.id, ctx.state.claimedIds)
    if (!hit) return { kind: 'undecidable', why: 'the events list answer had no data list' }
    found.push(...hit.ids)
    if (page >= hit.lastPage) {
      if (found.length === 1) return { kind: 'created', id: found[0] }
      if (found.length === 0) return { kind: 'absent' }
      return { kind: 'undecidable', why: `${found.length} identical events of this customer exist` }
    }
  }
  return { kind: 'undecidable', why: `the events list has more than ${MAX_LIST_PAGES} pages` }
}

async function unknown(ctx: JobContext, plan: PlannedEntry, why: string): Promise<void> {
  await record(ctx, {
    t: 'failed',
    batch: plan.batch,
    at: ctx.now(),
    outcome: 'unknown',
    reason: 'unknown',
    message: `${EVENTS_UNKNOWN_MESSAGE} (${why})`
  })
}

async function confirm(ctx: JobContext, plan: PlannedEntry, id: string | number | null): Promise<void> {
  await record(ctx, {
    t: 'ack',
    batch: plan.batch,
    at: ctx.now(),
    items: [{ member: 0, outcome: 'created', id, reason: null, message: null }]
  })
  ctx.progress()
}

/** No event of this job has reached 帳獸 yet (so a 404/405 means a wrong path, not a missing record); customers don't count. */
function isFirstCreate(ctx: JobContext): boolean {
  const isEvent = (batch: string) => ctx.state.planned.get(batch)?.phase !== 'customers'
  return ![...ctx.state.acked.keys(), ...ctx.state.failed.keys()].some(isEvent)
}

async function sendEvent(ctx: JobContext, plan: PlannedEntry): Promise<StepResult> {
  let pending = ctx.state.wasSentWithoutAnswer(plan.batch)
  for (let round = 0; round < ctx.policy.maxAttempts; round++) {
    if (pending) {
      const verdict = await reconcile(ctx, plan)
      if (verdict === 'cancel' || verdict === 'stop') return verdict
      if (verdict.kind === 'created') {
        await confirm(ctx, plan, verdict.id)
        return 'next'
      }
      if (verdict.kind === 'undecidable') {
        await unknown(ctx, plan, verdict.why)
        return 'next'
      }
      await record(ctx, { t: 'reconciled', batch: plan.batch, at: ctx.now() })
      ctx.counts.retried++
    }
    if (!(await ctx.gate())) return 'cancel'
    const first = isFirstCreate(ctx)
    const out = await sendWithRetry(
      ctx.client,
      ctx.pacer,
      { method: 'POST', path: plan.path, body: plan.body },
      ctx.policy,
      ctx.counts,
      {
        beforeAttempt: (attempt) => record(ctx, { t: 'sent', batch: plan.batch, attempt, at: ctx.now() }),
        // A 5xx may have been processed: keep it unanswered, the list decides.
        onAnswer: async (status) => {
          if (status < 500) await record(ctx, { t: 'answered', batch: plan.batch, at: ctx.now(), status })
        },
        stopOnAmbiguous: true,
        stopSignal: ctx.stop.signal,
        abortSignal: ctx.abortInFlight.signal
      }
    )
    if (out.kind === 'ok') {
      await confirm(ctx, plan, readSingleCreate(out.response.body))
      return 'next'
    }
    if (out.kind === 'rejected' && first && (out.response.status === 404 || out.response.status === 405)) {
      ctx.stopMessage = endpointMissingMessage(out.response.status, plan.path)
      return 'stop'
    }
    if (out.kind !== 'ambiguous') return settleFailure(ctx, plan, out)
    pending = true
  }
  await unknown(ctx, plan, `still unclear after ${ctx.policy.maxAttempts} attempts`)
  return 'next'
}

export async function eventsPhase(ctx: JobContext): Promise<StepResult> {
  ctx.phase = 'main'
  for (const i of eventSendOrder(ctx.records, sendableIndexes(ctx))) {
    const plan: PlannedEntry = {
      t: 'planned',
      batch: `main-${i + 1}`,
      phase: 'main',
      method: 'POST',
      path: ctx.options.transport.path,
      body: ctx.records[i].payload,
      members: [i]
    }
    if (ctx.state.isDone(plan.batch)) continue
    if (!(await ctx.gate())) return 'cancel'
    const step = await sendEvent(ctx, await ensurePlanned(ctx, plan))
    if (step !== 'next') return step
  }
  return 'next'
}
