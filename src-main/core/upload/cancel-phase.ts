// Close-after-create (帳獸: PUT /subscriptions/{id}/cancel with the row's original cancelled_at), one journaled request per record.
// Never repeated: an acknowledged cancel is done; a cancel sent without an answer is checked by reading the record first.
import { record, jobTarget, sendableIndexes } from './context'
import type { JobContext, StepResult } from './context'
import { ensurePlanned, settleFailure } from './step'
import type { PlannedEntry } from './step'
import { sendWithRetry } from './send'
import type { CancelAfterCreate } from '../targets/types'
import type { ItemResult } from './journal'
import { describeHttpFailure } from './failure-messages'

const fill = (path: string, values: Record<string, string | number>) =>
  path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(values[k])))

type Read = { kind: 'read'; data: unknown } | { kind: 'missing' } | { kind: 'failed'; why: string } | 'cancel' | 'stop'

/** One paced GET (a light read); `data` of the answer, or why there is none. */
async function read(ctx: JobContext, path: string): Promise<Read> {
  const out = await sendWithRetry(ctx.client, ctx.pacer, { method: 'GET', path }, ctx.policy, ctx.counts, {
    stopSignal: ctx.stop.signal,
    abortSignal: ctx.abortInFlight.signal,
    light: true
  })
  if (out.kind === 'cancelled') return 'cancel'
  if (out.kind === 'auth') {
    ctx.stopMessage = describeHttpFailure(out.response.status, out.response.body, ctx.options.transport.api).message
    return 'stop'
  }
  if (out.kind === 'rejected' && out.response.status === 404) return { kind: 'missing' }
  if (out.kind !== 'ok')
    return { kind: 'failed', why: out.kind === 'rejected' ? `HTTP ${out.response.status}` : 'no answer' }
  return { kind: 'read', data: (out.response.body as { data?: unknown })?.data }
}

/**
 * The created record's id: from the batch answer, else (an earlier job's record found "already there": a lost batch, or a retry
 * of a row whose cancel did not finish) by listing its parent's records; `found` then says to read before any cancel.
 */
async function idOf(
  ctx: JobContext,
  step: CancelAfterCreate,
  index: number
): Promise<{ id: number | string; found: boolean } | null | 'cancel' | 'stop'> {
  const made = ctx.state.recordResult.get(index)!
  if (made.id != null) return { id: made.id, found: false }
  const plan = [...ctx.state.planned.values()].find((p) => p.phase === 'main' && p.members.map(Number).includes(index))
  const items = (plan?.body as Record<string, unknown> | undefined)?.[ctx.options.transport.batchKey ?? ''] as
    Record<string, unknown>[] | undefined
  const parent = items?.[plan!.members.map(Number).indexOf(index)]?.[step.parentField]
  if (typeof parent !== 'number' && typeof parent !== 'string') return null
  const listed = await read(ctx, fill(step.listPath, { parent }))
  if (listed === 'cancel' || listed === 'stop') return listed
  const list =
    listed.kind === 'read' && Array.isArray(listed.data)
      ? (listed.data as { id?: unknown; [k: string]: unknown }[])
      : []
  const hit = list.find((r) => String(r[step.parentField]) === String(parent))
  return typeof hit?.id === 'number' || typeof hit?.id === 'string' ? { id: hit.id, found: true } : null
}

function closedItem(id: number | string, at: string | null, checked: boolean): ItemResult {
  const when = at ?? '?'
  return checked
    ? {
        member: 0,
        outcome: 'updated',
        id,
        reason: 'cancelled',
        message: `已建立並取消(取消時間 ${when};上次的回應遺失,讀取後確認已取消,未重送)/ Created, then cancelled (cancelled_at ${when}; the answer was lost, a read confirmed it, not resent)`
      }
    : {
        member: 0,
        outcome: 'updated',
        id,
        reason: 'cancelled',
        message: `已建立並取消(取消時間 ${when})/ Created, then cancelled (cancelled_at ${when})`
      }
}

/** One record's cancel: check first when an earlier attempt may have landed (or the record pre-existed), else send once. */
async function cancelOne(
  ctx: JobContext,
  step: CancelAfterCreate,
  plan: PlannedEntry,
  id: number | string,
  checkFirst: boolean
): Promise<StepResult> {
  const body = plan.body as { cancelled_at?: string }
  let pending = checkFirst || ctx.state.wasSentWithoutAnswer(plan.batch)
  for (let round = 0; round < ctx.policy.maxAttempts; round++) {
    if (pending) {
      const got = await read(ctx, fill(step.readPath, { id }))
      if (got === 'cancel' || got === 'stop') return got
      if (got.kind !== 'read') {
        const why = got.kind === 'missing' ? 'the record is not found' : got.why
        await record(ctx, {
          t: 'failed',
          batch: plan.batch,
          at: ctx.now(),
          outcome: 'unknown',
          reason: 'unknown',
          message: `Could not check whether the cancel landed (${why}); check it in 帳獸 before cancelling by hand.`
        })
        return 'next'
      }
      const closed = step.readClosed(got.data)
      if (closed.closed) {
        await record(ctx, { t: 'ack', batch: plan.batch, at: ctx.now(), items: [closedItem(id, closed.at, true)] })
        ctx.progress()
        return 'next'
      }
      // Still open: no earlier attempt landed, so sending is safe.
      if (ctx.state.wasSentWithoutAnswer(plan.batch))
        await record(ctx, { t: 'reconciled', batch: plan.batch, at: ctx.now() })
    }
    if (!(await ctx.gate())) return 'cancel'
    const out = await sendWithRetry(
      ctx.client,
      ctx.pacer,
      { method: plan.method, path: plan.path, body: plan.body },
      ctx.policy,
      ctx.counts,
      {
        beforeAttempt: (attempt) => record(ctx, { t: 'sent', batch: plan.batch, attempt, at: ctx.now() }),
        // A 5xx may have been processed: leave it unanswered, the read decides.
        onAnswer: async (status) => {
          if (status < 500) await record(ctx, { t: 'answered', batch: plan.batch, at: ctx.now(), status })
        },
        stopOnAmbiguous: true,
        stopSignal: ctx.stop.signal,
        abortSignal: ctx.abortInFlight.signal
      }
    )
    if (out.kind === 'ok') {
      const at = step.readClosed((out.response.body as { data?: unknown })?.data).at ?? body.cancelled_at ?? null
      await record(ctx, { t: 'ack', batch: plan.batch, at: ctx.now(), items: [closedItem(id, at, false)] })
      ctx.progress()
      return 'next'
    }
    if (out.kind !== 'ambiguous') return settleFailure(ctx, plan, out)
    pending = true
  }
  await record(ctx, {
    t: 'failed',
    batch: plan.batch,
    at: ctx.now(),
    outcome: 'unknown',
    reason: 'unknown',
    message: `Still unclear after ${ctx.policy.maxAttempts} attempts whether the cancel landed; check it in 帳獸.`
  })
  return 'next'
}

/** After the main batches: cancel every record that asks for it and was created (or updated) there. */
export async function cancelPhase(ctx: JobContext): Promise<StepResult> {
  const step = jobTarget(ctx.options).push?.cancelAfterCreate
  if (!step) return 'next'
  for (const i of sendableIndexes(ctx)) {
    const body = ctx.records[i].cancel
    const made = ctx.state.recordResult.get(i)
    if (!body || (made?.outcome !== 'created' && made?.outcome !== 'updated')) continue
    const batch = `cancel-${i + 1}`
    if (ctx.state.isDone(batch)) continue
    if (!(await ctx.gate())) return 'cancel'
    const got = await idOf(ctx, step, i)
    if (got === 'cancel' || got === 'stop') return got
    if (got == null) {
      const plan: PlannedEntry = {
        t: 'planned',
        batch,
        phase: 'cancel',
        method: step.method,
        path: step.path,
        body,
        members: [i]
      }
      await ensurePlanned(ctx, plan)
      await record(ctx, {
        t: 'failed',
        batch,
        at: ctx.now(),
        outcome: 'failed',
        reason: 'cancel_failed',
        message: 'The create answer gave no id, and no record was found to cancel.'
      })
      continue
    }
    const plan = await ensurePlanned(ctx, {
      t: 'planned',
      batch,
      phase: 'cancel',
      method: step.method,
      path: fill(step.path, { id: got.id }),
      body,
      members: [i]
    })
    // A record that was already there ('updated', or found by listing) may be cancelled already: read before sending.
    const result = await cancelOne(ctx, step, plan, got.id, made.outcome === 'updated' || got.found)
    if (result !== 'next') return result
  }
  return 'next'
}
