// "What will be sent": counts, batches, the conflict strategy in plain words, warnings and blockers, before anything leaves.
import { CONFLICT_EXPLANATIONS, resolveOnConflict } from '../core/upload'
import { deriveCustomers } from '../core/upload/zangsho'
import type { PreparedRecord, Target } from '../core/targets/types'
import type { Issue } from '../core/validation/types'
import type { PushOptionsView, PushPlanView } from '../ipc/push-contract'

type Text = { 'zh-TW': string; en: string }

export interface PlanInput {
  prepId: string
  profileId: string
  profileName: string
  baseUrl: string
  rehearsal: boolean
  target: Target
  records: readonly PreparedRecord[]
  issues: readonly Issue[]
  excludedRows: number
  options: PushOptionsView
  /** The profile's batch size (pacing), used when the options do not choose one. */
  profileBatchSize?: number
  /** Reasons found while resolving the profile (no token, wrong destination…). */
  blockers: { code: string; message: Text }[]
}

const MAX_WARNING_ROWS = 5

/** The options that really apply to this target: those its push capabilities offer (Target.push). */
export function effectiveOptions(target: Target, options: PushOptionsView): PushOptionsView {
  const can = target.push
  const out: PushOptionsView = {}
  if (target.transport.mode === 'batch' && options.onConflict) out.onConflict = options.onConflict
  if (can?.customersFirst?.when === 'optional' && options.withCustomers) out.withCustomers = true
  if (can?.single && options.single) {
    out.single = true
    delete out.onConflict
  }
  if (options.batchSize) out.batchSize = options.batchSize
  return out
}

export function batchSizeOf(target: Target, options: PushOptionsView, profileBatchSize?: number): number {
  const max = target.transport.maxBatch
  return Math.max(1, Math.min(options.batchSize ?? profileBatchSize ?? max, max))
}

/** Warnings grouped by kind, each with how many rows, the first rows and one example message. */
export function groupWarnings(issues: readonly Issue[]): PushPlanView['warnings'] {
  const byCode = new Map<string, PushPlanView['warnings'][number]>()
  for (const issue of issues) {
    if (issue.severity !== 'warning') continue
    const known = byCode.get(issue.code)
    if (known) {
      known.count++
      if (known.rows.length < MAX_WARNING_ROWS && !known.rows.includes(issue.row)) known.rows.push(issue.row)
    } else {
      byCode.set(issue.code, {
        code: issue.code,
        count: 1,
        rows: [issue.row],
        message: { 'zh-TW': issue.messageZh, en: issue.message }
      })
    }
  }
  return [...byCode.values()].sort((a, b) => b.count - a.count)
}

export function buildPlan(input: PlanInput): PushPlanView {
  const { target, records } = input
  const options = effectiveOptions(target, input.options)
  const transport = target.transport
  const sendable = records.map((r, i) => (r.valid ? i : -1)).filter((i) => i >= 0)
  const valid = sendable.length
  const size = batchSizeOf(target, options, input.profileBatchSize)
  const oneByOne = transport.mode === 'single' || options.single === true
  const batches = oneByOne ? valid : Math.ceil(valid / size)
  const first = target.push?.customersFirst
  const needsCustomers = first !== undefined && (first.when === 'always' || options.withCustomers === true)
  const customers = needsCustomers ? deriveCustomers(records as PreparedRecord[], sendable).length : 0
  const customerSize = transport.mode === 'single' ? first?.maxBatch : size // events: customers still go in full batches
  const customerBatches = first ? Math.ceil(customers / Math.min(first.maxBatch, customerSize ?? size)) : 0
  // Cancelled subscriptions: one close-after-create request each, after the batches.
  const closes = target.push?.cancelAfterCreate ? sendable.filter((i) => records[i].cancel).length : 0
  const onConflict = oneByOne ? null : (resolveOnConflict(transport, options.onConflict) ?? null)
  const kind = transport.batchKey
  const conflictChoices =
    !oneByOne && kind
      ? (['update', 'skip'] as const)
          .map((value) => ({
            value,
            isDefault: value === (transport.defaultOnConflict ?? 'skip'),
            explanation: { ...CONFLICT_EXPLANATIONS[kind][value] }
          }))
          .sort((a, b) => Number(b.isDefault) - Number(a.isDefault))
      : []
  const blockers = [...input.blockers]
  if (valid === 0) {
    blockers.push({
      code: 'nothing_to_send',
      message: {
        'zh-TW': '沒有可以送出的資料列：請先修正有問題的列，或取消排除。',
        en: 'There is no row that can be sent: fix the rows with problems, or include excluded rows.'
      }
    })
  }
  return {
    prepId: input.prepId,
    profileId: input.profileId,
    profileName: input.profileName,
    baseUrl: input.baseUrl,
    rehearsal: input.rehearsal,
    target: target.id,
    api: transport.api,
    counts: {
      records: records.length,
      valid,
      invalid: records.length - valid,
      excluded: input.excludedRows,
      batches,
      requests: batches + customerBatches + closes,
      customers
    },
    onConflict,
    conflictChoices,
    canWithCustomers: target.push?.customersFirst?.when === 'optional',
    canSingle: target.push?.single !== undefined,
    options,
    warnings: groupWarnings(input.issues),
    blockers
  }
}
