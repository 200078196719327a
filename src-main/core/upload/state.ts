// What the journal says so far, folded into maps; the same code serves a live job and a resumed one.
import type { ItemResult, JournalEntry, RecordStamp } from './journal'
import type { JobOptions, Outcome, RowResult, Summary } from './types'

type Planned = Extract<JournalEntry, { t: 'planned' }>
type Failed = Extract<JournalEntry, { t: 'failed' }>

export class JobState {
  header?: Extract<JournalEntry, { t: 'header' }>
  readonly planned = new Map<string, Planned>()
  /** Time of the latest "sent" per batch that got no answer (yet). */
  readonly lastSentAt = new Map<string, number>()
  /** Batches with an attempt that went out and was never answered (a lost connection, a timeout, a crash). */
  readonly lostAttempt = new Set<string>()
  private readonly firstLostAt = new Map<string, number>()
  readonly acked = new Map<string, ItemResult[]>()
  readonly failed = new Map<string, Failed>()
  readonly resolved = new Map<string, number | null>()
  /** Per record index: its final answer. */
  readonly recordResult = new Map<number, Omit<ItemResult, 'member'>>()
  /** Per record index: the answer to its close-after-create request ('updated' = closed; see cancel-phase.ts). */
  readonly cancelResult = new Map<number, Omit<ItemResult, 'member'>>()
  /** Per customer key (lower-case email): its answer in the customers phase. */
  readonly customerResult = new Map<string, Omit<ItemResult, 'member'>>()
  /** SHOPLINE order ids that belong to rows of this job (never claimed twice in reconciliation). */
  readonly claimedIds = new Set<string>()

  apply(e: JournalEntry): void {
    switch (e.t) {
      case 'header':
        this.header = e
        break
      case 'planned':
        this.planned.set(e.batch, e)
        break
      case 'sent':
        if (this.lastSentAt.has(e.batch)) {
          this.lostAttempt.add(e.batch)
          if (!this.firstLostAt.has(e.batch)) this.firstLostAt.set(e.batch, this.lastSentAt.get(e.batch)!)
        }
        this.lastSentAt.set(e.batch, e.at)
        break
      case 'answered':
        this.lastSentAt.delete(e.batch)
        break
      case 'reconciled':
        this.lastSentAt.delete(e.batch)
        this.lostAttempt.delete(e.batch)
        this.firstLostAt.delete(e.batch)
        break
      case 'ack': {
        this.acked.set(e.batch, e.items)
        const plan = this.planned.get(e.batch)
        for (const item of e.items) {
          const member = plan?.members[item.member]
          if (member === undefined) continue
          const { member: _m, ...result } = item
          this.setMember(plan!.phase, member, result)
          if (result.id != null && result.outcome === 'created') this.claimedIds.add(String(result.id))
        }
        break
      }
      case 'failed': {
        this.failed.set(e.batch, e)
        const plan = this.planned.get(e.batch)
        for (const member of plan?.members ?? [])
          this.setMember(plan!.phase, member, { outcome: e.outcome, id: null, reason: e.reason, message: e.message })
        break
      }
      case 'resolved':
        this.resolved.set(e.email, e.id)
        break
      case 'end':
        break
    }
  }

  private setMember(phase: Planned['phase'], member: number | string, result: Omit<ItemResult, 'member'>) {
    if (phase === 'main') this.recordResult.set(Number(member), result)
    else if (phase === 'cancel') this.cancelResult.set(Number(member), result)
    else this.customerResult.set(String(member), result)
  }

  isDone(batch: string): boolean {
    return this.acked.has(batch) || this.failed.has(batch)
  }

  /** Sent at least once without an answer we recorded: the server may have processed it. */
  wasSentWithoutAnswer(batch: string): boolean {
    return !this.isDone(batch) && (this.lastSentAt.has(batch) || this.lostAttempt.has(batch))
  }

  /** When the oldest unanswered attempt may have been processed (for a SHOPLINE search), else null. */
  unansweredSince(batch: string): number | null {
    return this.wasSentWithoutAnswer(batch) ? (this.firstLostAt.get(batch) ?? this.lastSentAt.get(batch) ?? null) : null
  }
}

export function emptySummary(): Summary {
  return { total: 0, created: 0, updated: 0, skipped: 0, failed: 0, notSent: 0, invalid: 0, unknown: 0 }
}

export function summarize(results: RowResult[]): Summary {
  const s = emptySummary()
  s.total = results.length
  for (const r of results) s[r.outcome === 'not_sent' ? 'notSent' : r.outcome]++
  return s
}

export interface PendingReason {
  outcome: Outcome
  reason: string
  message: string
}

/**
 * One RowResult per record; `pending` says what a record without an answer gets (job stopped or cancelled).
 * live: the job still runs, so a record still waiting for its cancel shows its create answer, not "not cancelled".
 */
export function buildResults(
  stamps: RecordStamp[],
  state: JobState,
  options: JobOptions,
  pending: (index: number) => PendingReason,
  live = false
): RowResult[] {
  const excluded = new Set(options.excludedRows ?? [])
  return stamps.map((s, i) => {
    const base = { row: s.row, rows: s.rows }
    if (s.rows.some((r) => excluded.has(r)) || excluded.has(s.row))
      return { ...base, outcome: 'skipped', id: null, reason: 'excluded', message: 'Excluded by you; not sent.' }
    if (!s.valid)
      return {
        ...base,
        outcome: 'invalid',
        id: null,
        reason: 'invalid',
        message: 'Not sent: fix the problems shown for this row, then retry.'
      }
    const r = state.recordResult.get(i)
    if (r && s.cancel && !(live && !state.cancelResult.has(i)))
      return { ...base, ...withCancel(r, state.cancelResult.get(i)) }
    if (r) return { ...base, outcome: r.outcome, id: r.id, reason: r.reason, message: r.message }
    const p = pending(i)
    return { ...base, outcome: p.outcome, id: null, reason: p.reason, message: p.message }
  })
}

/** A record closed after its create: created + cancelled, or failed while it stays open in the destination. */
function withCancel(
  made: Omit<ItemResult, 'member'>,
  cancel: Omit<ItemResult, 'member'> | undefined
): Omit<RowResult, 'row' | 'rows'> {
  if (made.outcome !== 'created' && made.outcome !== 'updated')
    return { outcome: made.outcome, id: made.id, reason: made.reason, message: made.message }
  const base = { id: made.id ?? cancel?.id ?? null }
  if (cancel?.outcome === 'updated')
    return { ...base, outcome: made.outcome, reason: cancel.reason, message: cancel.message }
  const did = made.outcome === 'created' ? '已建立' : '已更新'
  const why = cancel?.message ?? cancel?.reason ?? ''
  if (cancel?.outcome === 'unknown')
    return {
      ...base,
      outcome: 'unknown',
      reason: 'cancel_unknown',
      message: `${did},但無法確認是否已取消 / ${made.outcome}, but whether the cancel landed is unknown: ${why}`.trim()
    }
  if (cancel)
    return {
      ...base,
      outcome: 'failed',
      reason: 'cancel_failed',
      message:
        `${did}但取消失敗,訂閱仍是有效狀態 / ${made.outcome}, but the cancel failed and the subscription is still active: ${why}`.trim()
    }
  return {
    ...base,
    outcome: 'failed',
    reason: 'not_cancelled',
    message: `${did}但尚未取消:工作在取消前停止,請繼續這個工作 / ${made.outcome}, but not cancelled yet: the job stopped first. Resume the job to cancel it with its original date.`
  }
}
