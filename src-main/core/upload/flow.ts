// The import guide's order as one job: customers → orders → subscriptions → events, each step an ordinary resumable job,
// with a small plan journal (<flowId>.flow.json) recording which step finished, so a resume starts at the right step.
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PreparedRecord, TargetId } from '../targets/types'
import { startJob } from './job'
import { deriveCustomers } from './zangsho'
import type { JobEnvironment, JobHandle, JobOptions, JobResult } from './types'

export type FlowKind = 'customers' | 'orders' | 'subscriptions' | 'events'
/** The order 帳獸's import guide names. */
export const FLOW_ORDER: readonly FlowKind[] = ['customers', 'orders', 'subscriptions', 'events']
export const FLOW_TARGETS: Record<FlowKind, TargetId> = {
  customers: 'zangsho.customers',
  orders: 'zangsho.orders',
  subscriptions: 'zangsho.subscriptions',
  events: 'zangsho.subscription_events'
}
export const FLOW_KIND_LABELS: Record<FlowKind, { 'zh-TW': string; en: string }> = {
  customers: { 'zh-TW': '顧客', en: 'customers' },
  orders: { 'zh-TW': '訂單', en: 'orders' },
  subscriptions: { 'zh-TW': '訂閱', en: 'subscriptions' },
  events: { 'zh-TW': '訂閱事件', en: 'subscription events' }
}

export type FlowStepStatus = 'pending' | 'finished' | 'failed' | 'stopped' | 'skipped'

export interface FlowStepRecord {
  kind: FlowKind
  target: TargetId
  jobId: string
  /** Customers taken from the orders, subscriptions and events (no customer file was given). */
  derived: boolean
  status: FlowStepStatus
  /** What the caller needs to rebuild this step's records on resume (file, sheet, mapping …); never the token. */
  source?: Record<string, unknown>
}

export interface FlowJournal {
  v: 1
  flowId: string
  createdAt: string
  baseUrl: string
  steps: FlowStepRecord[]
}

/** One step ready to send: its records and job options (the caller prepared the file). */
export interface FlowStepInput {
  kind: FlowKind
  records: PreparedRecord[]
  options: JobOptions
  derived?: boolean
  source?: Record<string, unknown>
}

export interface FlowStepSummary {
  kind: FlowKind
  target: TargetId
  jobId: string
  derived: boolean
  status: FlowStepStatus
  result?: JobResult
  message?: { 'zh-TW': string; en: string }
}

export interface FlowResult {
  flowId: string
  status: 'finished' | 'failed' | 'stopped'
  steps: FlowStepSummary[]
  message?: { 'zh-TW': string; en: string }
}

export const flowJournalPath = (journalDir: string, flowId: string) => join(journalDir, `${flowId}.flow.json`)
export const stepJobId = (flowId: string, kind: FlowKind) => `${flowId}-${kind}`

export async function readFlowJournal(journalDir: string, flowId: string): Promise<FlowJournal> {
  const data = JSON.parse(await readFile(flowJournalPath(journalDir, flowId), 'utf8')) as FlowJournal
  if (data?.v !== 1 || !Array.isArray(data.steps)) throw new Error(`${flowId}.flow.json is not a flow journal`)
  return data
}

export async function isFlow(journalDir: string, id: string): Promise<boolean> {
  return access(flowJournalPath(journalDir, id)).then(
    () => true,
    () => false
  )
}

/** Written whole to a temp file and renamed: a crash leaves the old or the new plan, never half of one. */
async function saveFlowJournal(journalDir: string, j: FlowJournal): Promise<void> {
  const path = flowJournalPath(journalDir, j.flowId)
  await mkdir(journalDir, { recursive: true, mode: 0o700 })
  await writeFile(`${path}.tmp`, JSON.stringify(j, null, 1), { mode: 0o600 })
  await rename(`${path}.tmp`, path)
}

/** Customers step records built from the orders', subscriptions' and events' e-mails and names (first name seen wins). */
export function customersFromRows(sources: readonly PreparedRecord[][]): PreparedRecord[] {
  const all = sources.flat().filter((r) => r.valid)
  const found = deriveCustomers(
    all,
    all.map((_, i) => i)
  )
  return found.map((c, i) => ({
    row: i + 1,
    rows: [i + 1],
    valid: true,
    key: c.email,
    payload: { email: c.email, ...(c.name ? { name: c.name } : {}) }
  }))
}

/** A step that must stop the steps after it: stopped/cancelled, or rows failed, not sent or unknown. */
export function stepFailed(r: JobResult): boolean {
  return r.status !== 'finished' || r.summary.failed > 0 || r.summary.notSent > 0 || r.summary.unknown > 0
}

function failureMessage(kind: FlowKind, n: number, r: JobResult, flowId: string): { 'zh-TW': string; en: string } {
  const l = FLOW_KIND_LABELS[kind]
  const resume = `orderdock push --resume ${flowId}`
  if (r.status !== 'finished') {
    const why = r.stopMessage ? ` ${r.stopMessage.en}` : ''
    return {
      en: `Step ${n} (${l.en}) ${r.status}; the steps after it were not started.${why} Fix the cause, then run ${resume} to continue this step where it stopped (nothing acknowledged is sent again).`,
      'zh-TW': `第 ${n} 步（${l['zh-TW']}）已${r.status === 'cancelled' ? '取消' : '停止'}，之後的步驟沒有開始。${r.stopMessage ? r.stopMessage['zh-TW'] : ''}請排除原因後執行 ${resume}，會從這一步停下的地方繼續（已確認的資料不會重送）。`
    }
  }
  const s = r.summary
  const bad = s.failed + s.notSent + s.unknown
  return {
    en: `Step ${n} (${l.en}): ${bad} row(s) failed or unknown; the steps after it were not started, since they may depend on these rows. Look at the failed rows (--report), fix and push them on their own, then run ${resume} to go on with the next steps.`,
    'zh-TW': `第 ${n} 步（${l['zh-TW']}）：${bad} 列失敗或不確定；之後的步驟可能依賴這些資料，因此沒有開始。請查看失敗的列（--report），修正後單獨匯入，再執行 ${resume} 繼續之後的步驟。`
  }
}

export interface RunFlowInput {
  flowId: string
  steps: FlowStepInput[]
  env: JobEnvironment
  /** Continue the flow journal already on disk (its finished steps are not run again). */
  resume?: boolean
  onStep?: (kind: FlowKind, jobId: string) => void
  /** Lets the caller cancel the step in flight (the CLI's Ctrl-C, the app's stop button). */
  onJob?: (handle: JobHandle) => void
}

/** Runs the steps in the guide's order; a failing step stops the later ones. */
export async function runFlow(input: RunFlowInput): Promise<FlowResult> {
  const { flowId, env } = input
  const steps = [...input.steps].sort((a, b) => FLOW_ORDER.indexOf(a.kind) - FLOW_ORDER.indexOf(b.kind))
  let journal: FlowJournal
  if (input.resume) journal = await readFlowJournal(env.journalDir, flowId)
  else {
    journal = {
      v: 1,
      flowId,
      createdAt: new Date(env.now?.() ?? Date.now()).toISOString(),
      baseUrl: steps[0]?.options.baseUrl ?? '',
      steps: steps.map((s) => ({
        kind: s.kind,
        target: FLOW_TARGETS[s.kind],
        jobId: stepJobId(flowId, s.kind),
        derived: !!s.derived,
        status: 'pending',
        ...(s.source ? { source: s.source } : {})
      }))
    }
    await saveFlowJournal(env.journalDir, journal)
  }
  const out: FlowStepSummary[] = journal.steps.map((s) => ({
    kind: s.kind,
    target: s.target,
    jobId: s.jobId,
    derived: s.derived,
    status: s.status
  }))
  for (let i = 0; i < journal.steps.length; i++) {
    const rec = journal.steps[i]
    // finished, or failed rows the user has looked at (resume means "go on"): not run again.
    if (rec.status === 'finished' || (input.resume && rec.status === 'failed')) continue
    const step = steps.find((s) => s.kind === rec.kind)
    if (!step) throw new Error(`flow ${flowId}: no records given for step ${rec.kind}`)
    input.onStep?.(rec.kind, rec.jobId)
    const started = await access(join(env.journalDir, `${rec.jobId}.jsonl`)).then(
      () => true,
      () => false
    )
    const handle = startJob({
      records: step.records,
      options: step.options,
      env,
      ...(started ? { resumeJobId: rec.jobId } : { jobId: rec.jobId })
    })
    input.onJob?.(handle)
    const result = await handle.done
    const failed = stepFailed(result)
    rec.status = failed ? (result.status === 'finished' ? 'failed' : 'stopped') : 'finished'
    await saveFlowJournal(env.journalDir, journal)
    out[i] = { ...out[i], status: rec.status, result }
    if (failed) {
      const message = failureMessage(rec.kind, i + 1, result, flowId)
      out[i].message = message
      for (const later of out.slice(i + 1)) later.status = 'skipped'
      return { flowId, status: result.status === 'finished' ? 'failed' : 'stopped', steps: out, message }
    }
  }
  return { flowId, status: 'finished', steps: out }
}
