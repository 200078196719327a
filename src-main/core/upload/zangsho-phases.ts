// 帳獸 job phases: customers first, email → customer_id lookups, then the batches (or one request per row in webhooks mode).
import { createHash } from 'node:crypto'
import { chunk, jobTarget, record, sendableIndexes } from './context'
import type { JournalEntry } from './journal'
import type { JobContext, StepResult } from './context'
import { runSafeStep } from './step'
import { sendWithRetry } from './send'
import { bodyText, describeHttpFailure } from './failure-messages'
import { batchBody, deriveCustomers, emailOf, readBatchResult, readCustomerSearch, readSingleCreate } from './zangsho'

/** Customers batches (on_conflict=skip) for every unique email among the sendable rows. */
export async function customersPhase(ctx: JobContext): Promise<StepResult> {
  ctx.phase = 'customers'
  const customers = deriveCustomers(ctx.records, sendableIndexes(ctx))
  const byKey = new Map(customers.map((c) => [c.key, c]))
  const first = jobTarget(ctx.options).push?.customersFirst
  if (!first) throw new Error(`${ctx.options.target} does not push customers first.`)
  const { path } = first
  // One-request-per-row destinations (events) still send their customers in full batches.
  const size = ctx.options.transport.mode === 'single' ? first.maxBatch : ctx.batchSize
  const plans = planBatches(
    ctx,
    'customers',
    customers.map((c) => c.key),
    (group) => ({
      path,
      body: batchBody(
        'customers',
        group
          .map((key) => byKey.get(String(key))!)
          .map((c) => (c.name ? { email: c.email, name: c.name } : { email: c.email })),
        'skip'
      )
    }),
    size
  )
  return sendPlans(ctx, plans)
}

type Plan = Extract<JournalEntry, { t: 'planned' }>

/**
 * The batches of a phase: first those the journal already planned and that are not answered (resent exactly as planned),
 * then new batches for the members no planned batch holds, numbered after the journal's. Resume never regroups rows.
 */
function planBatches(
  ctx: JobContext,
  phase: Plan['phase'],
  members: (number | string)[],
  build: (group: (number | string)[]) => { path: string; body: unknown },
  size = ctx.batchSize
): Plan[] {
  const planned = [...ctx.state.planned.values()].filter((p) => p.phase === phase)
  const taken = new Set(planned.flatMap((p) => p.members))
  const fresh = chunk(
    members.filter((m) => !taken.has(m)),
    size
  )
  const next = planned.reduce((n, p) => Math.max(n, Number(p.batch.split('-').pop()) || 0), 0)
  const plans: Plan[] = planned.filter((p) => !ctx.state.isDone(p.batch))
  fresh.forEach((group, k) =>
    plans.push({
      t: 'planned',
      batch: `${phase}-${next + k + 1}`,
      phase,
      method: 'POST',
      members: group,
      ...build(group)
    })
  )
  return plans
}

async function sendPlans(ctx: JobContext, plans: Plan[]): Promise<StepResult> {
  const lostRows = new Set(ctx.options.lostRows ?? [])
  for (const plan of plans) {
    const lostMembers = new Set<number>()
    if (plan.phase === 'main')
      plan.members.forEach((m, k) => ctx.records[Number(m)].rows.some((r) => lostRows.has(r)) && lostMembers.add(k))
    const step = await runSafeStep(ctx, plan, (body, lost) =>
      readBatchResult(body, plan.members.length, lost, lostMembers)
    )
    if (step !== 'next') return step
  }
  return 'next'
}

/** customer_id for each email: from the customers phase when it created the customer, else by search (exact match). */
export async function lookupPhase(ctx: JobContext): Promise<StepResult> {
  ctx.phase = 'lookup'
  for (const c of deriveCustomers(ctx.records, sendableIndexes(ctx))) {
    const fromBatch = ctx.state.customerResult.get(c.key)
    if (fromBatch?.outcome === 'failed' || ctx.state.resolved.has(c.key)) continue
    if (fromBatch?.outcome === 'created' && fromBatch.id != null && Number.isFinite(Number(fromBatch.id))) continue
    if (!(await ctx.gate())) return 'cancel'
    const found = await searchCustomer(ctx, c.email)
    if (found === 'cancel' || found === 'stop') return found
    if (typeof found === 'string') {
      for (const i of indexesWithEmail(ctx, c.key))
        ctx.transient.set(i, {
          reason: 'customer_lookup_failed',
          message: `Could not look up customer ${c.email}: ${found}`
        })
      continue
    }
    await record(ctx, { t: 'resolved', email: c.key, id: found.id })
  }
  return 'next'
}

/** Walk GET /customers?search= pages until the exact email shows up; a string result is why the lookup failed. */
export async function searchCustomer(
  ctx: JobContext,
  email: string
): Promise<{ id: number | null } | 'cancel' | 'stop' | string> {
  for (let page = 1; page <= 20; page++) {
    const q = new URLSearchParams({ search: email, per_page: '100', page: String(page) })
    const out = await sendWithRetry(
      ctx.client,
      ctx.pacer,
      { method: 'GET', path: `/customers?${q}` },
      ctx.policy,
      ctx.counts,
      {
        stopSignal: ctx.stop.signal,
        abortSignal: ctx.abortInFlight.signal,
        light: true
      }
    )
    if (out.kind === 'cancelled') return 'cancel'
    if (out.kind === 'auth') {
      ctx.stopMessage = describeHttpFailure(out.response.status, out.response.body, 'zangsho').message
      return 'stop'
    }
    if (out.kind === 'rejected') return bodyText(out.response.body) || `HTTP ${out.response.status}`
    if (out.kind !== 'ok') return 'no answer from 帳獸'
    const hit = readCustomerSearch(out.response.body, email)
    if (hit.id != null || page >= hit.lastPage) return { id: hit.id }
  }
  return { id: null }
}

function indexesWithEmail(ctx: JobContext, key: string): number[] {
  return sendableIndexes(ctx).filter((i) => emailOf(ctx.records[i].payload)?.toLowerCase() === key)
}

/** The customer_id of a record's email, or why there is none. */
function customerIdFor(ctx: JobContext, index: number): { id: number } | { reason: string; message: string } | null {
  const email = emailOf(ctx.records[index].payload)
  if (!email) return { reason: 'missing_customer_email', message: 'This row has no customer email.' }
  const key = email.toLowerCase()
  const made = ctx.state.customerResult.get(key)
  if (made?.outcome === 'created' && made.id != null && Number.isFinite(Number(made.id))) return { id: Number(made.id) }
  if (ctx.state.resolved.get(key) != null) return { id: ctx.state.resolved.get(key)! }
  if (made?.outcome === 'failed')
    return {
      reason: 'customer_not_created',
      message: `Customer ${email} could not be created: ${made.message ?? made.reason ?? ''}`.trim()
    }
  if (ctx.state.resolved.has(key))
    return {
      reason: 'customer_not_found',
      message: `No customer with email ${email} was found in 帳獸, and creating it did not succeed.`
    }
  return null
}

/** The main batches: orders, customers or subscriptions, in stable row order. */
export async function mainBatchPhase(ctx: JobContext): Promise<StepResult> {
  ctx.phase = 'main'
  const t = ctx.options.transport
  const key = t.batchKey!
  const resolution = jobTarget(ctx.options).push?.resolveCustomerId
  const members: number[] = []
  const ids = new Map<number, number>()
  for (const i of sendableIndexes(ctx)) {
    if (!resolution) {
      members.push(i)
      continue
    }
    const resolved = customerIdFor(ctx, i)
    if (resolved && 'id' in resolved) {
      members.push(i)
      ids.set(i, resolved.id)
    } else if (resolved && !ctx.transient.has(i))
      ctx.state.recordResult.set(i, { outcome: 'failed', id: null, ...resolved })
  }
  const plans = planBatches(ctx, 'main', members, (group) => ({
    path: t.path,
    body: batchBody(
      key,
      group.map((m) =>
        resolution
          ? resolution.apply(ctx.records[Number(m)].payload, { customer_id: ids.get(Number(m))! })
          : ctx.records[Number(m)].payload
      ),
      ctx.onConflict
    )
  }))
  return sendPlans(ctx, plans)
}

/** Deterministic: the same job scope and rows always give the same key, so a resend after a crash is replayed, not duplicated. */
export function idempotencyKey(scope: string, rows: number[]): string {
  return createHash('sha256')
    .update(`${scope}:${rows.join(',')}`)
    .digest('hex')
    .slice(0, 40)
}

/** 422 "order_no 已存在": the order is already in 帳獸; for a single create that is a skip, not a failure. */
function isDuplicateOrderNo(body: unknown): boolean {
  const errors = (body as { errors?: Record<string, unknown> })?.errors
  const list = errors?.order_no
  const text = Array.isArray(list) ? list.join(' ') : typeof list === 'string' ? list : ''
  return /已存在|already|exists|taken/i.test(text)
}

/** Webhooks mode: one POST /orders per row with X-Idempotency-Key. */
export async function singleOrdersPhase(ctx: JobContext): Promise<StepResult> {
  ctx.phase = 'main'
  const scope = ctx.options.idempotencyScope ?? ctx.jobId
  const path = jobTarget(ctx.options).push?.single?.path
  if (!path) throw new Error(`${ctx.options.target} has no webhooks (single) mode.`)
  for (const i of sendableIndexes(ctx)) {
    const r = ctx.records[i]
    const plan = {
      t: 'planned' as const,
      batch: `main-${i + 1}`,
      phase: 'main' as const,
      method: 'POST' as const,
      path,
      body: r.payload,
      members: [i],
      idempotencyKey: idempotencyKey(scope, r.rows)
    }
    const step = await runSafeStep(
      ctx,
      plan,
      (body) => [{ member: 0, outcome: 'created', id: readSingleCreate(body), reason: null, message: null }],
      (status, body) =>
        status === 422 && isDuplicateOrderNo(body)
          ? [{ member: 0, outcome: 'skipped', id: null, reason: 'duplicate_order_no', message: bodyText(body) }]
          : null
    )
    if (step !== 'next') return step
  }
  return 'next'
}
