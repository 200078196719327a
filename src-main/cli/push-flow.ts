// `orderdock push --plan plan.json | --file KIND=FILE … | --workbook FILE`: the guide's four steps as one resumable job.
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { getTarget } from '../core/targets'
import { checkBaseUrl, defaultJournalDir } from '../core/upload'
import type { JobOptions, JobResult } from '../core/upload'
import {
  FLOW_KIND_LABELS,
  FLOW_TARGETS,
  customersFromRows,
  isFlow,
  readFlowJournal,
  runFlow
} from '../core/upload/flow'
import type { FlowKind, FlowResult, FlowStepInput } from '../core/upload/flow'
import type { PreparedRecord } from '../core/targets/types'
import { createRedactor } from '../core/credentials/redact'
import { buildReport, writeReport, type ReportSource } from '../core/report'
import { derivedCustomersSource, stepReportPath } from '../core/report/flow-step-report'
import { prepareFile, type PrepareFileInput } from './prepare-file'
import { resolveConnection } from './push-profile'
import { parseFileFlags, readPlanFile, workbookFiles, type FlowFile } from './push-flow-plan'

export const FLOW_USAGE = `usage: orderdock push (--plan PLAN.json | --file KIND=FILE … | --workbook FILE) (--base-url URL --token-env VAR | --profile NAME) [options]
       orderdock push --resume FLOW_ID --token-env VAR [--journal-dir DIR]
  KIND: customers | orders | subscriptions | events — pushed in 帳獸's guide order, each step after the one before finished cleanly.
  Without a customers file, the customers are taken from the orders, subscriptions and events (customer e-mail).
  --workbook FILE   one workbook with sheets named Customers/顧客, Orders/訂單, Subscriptions/訂閱, Events/訂閱事件
  --report FILE.xlsx|.csv   one results report per step that ran: FILE-1-customers.xlsx, FILE-2-orders.xlsx, …
  --timezone --lang --min-interval-ms --batch-size --events-path --journal-dir --json   as for push`

const OPTIONS = {
  plan: { type: 'string' },
  file: { type: 'string', multiple: true },
  workbook: { type: 'string' },
  'base-url': { type: 'string' },
  'token-env': { type: 'string' },
  profile: { type: 'string' },
  'journal-dir': { type: 'string' },
  resume: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  timezone: { type: 'string' },
  'min-interval-ms': { type: 'string' },
  'batch-size': { type: 'string' },
  'events-path': { type: 'string' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const

export class FlowUsageError extends Error {}

/** The same shape as push.ts's PushDeps (kept here so the two modules do not import each other). */
export interface FlowDeps {
  env: NodeJS.ProcessEnv
  fetch: typeof globalThis.fetch
  stdout: { write(s: string): unknown }
  stderr: { write(s: string): unknown }
  signals: {
    on(sig: 'SIGINT' | 'SIGTERM', f: () => void): unknown
    off(sig: 'SIGINT' | 'SIGTERM', f: () => void): unknown
  }
}

/** True when argv asks for a flow rather than a one-file push (--resume of a flow id included). */
export async function isFlowPush(argv: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  if (argv.some((a) => a === '--plan' || a === '--file' || a === '--workbook' || /^--(plan|file|workbook)=/.test(a)))
    return true
  const at = argv.indexOf('--resume')
  if (at < 0 || !argv[at + 1]) return false
  const dirAt = argv.indexOf('--journal-dir')
  const dir = resolve(dirAt >= 0 && argv[dirAt + 1] ? argv[dirAt + 1] : defaultJournalDir(env))
  return isFlow(dir, argv[at + 1])
}

const whole = (v: string | undefined, flag: string) => {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v)) throw new FlowUsageError(`${flag} must be a whole number (got "${v}")`)
  return Number(v)
}

type StepSource = { prepare?: Omit<PrepareFileInput, 'target'>; options: JobOptions }

export async function pushFlow(argv: string[], deps: FlowDeps): Promise<number> {
  let v
  try {
    v = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true }).values
  } catch (e) {
    throw new FlowUsageError((e as Error).message)
  }
  if (v.help) {
    deps.stdout.write(FLOW_USAGE + '\n')
    return 0
  }
  const journalDir = resolve(v['journal-dir'] ?? defaultJournalDir(deps.env))
  const saved = v.resume ? await readFlowJournal(journalDir, v.resume) : undefined
  const conn = await resolveConnection(
    { ...v, 'base-url': v['base-url'] ?? saved?.baseUrl },
    deps.env,
    'zangsho'
  ).catch((e: Error) => {
    throw new FlowUsageError(e.message)
  })
  const clean = createRedactor([conn.token])
  const out = (t: string) => deps.stdout.write(clean.text(t))
  const errOut = (t: string) => deps.stderr.write(clean.text(t))
  const lang = v.lang === 'zh-TW' || v.lang === 'zh' ? 'zh-TW' : 'en'
  const flowId =
    saved?.flowId ??
    `flow-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}-${Math.random().toString(36).slice(2, 8)}`

  let plan: { kind: FlowKind; derived: boolean; source: StepSource }[]
  if (saved) plan = saved.steps.map((s) => ({ kind: s.kind, derived: s.derived, source: s.source as StepSource }))
  else {
    const baseUrl = conn.baseUrl
    const refused = checkBaseUrl(baseUrl)
    if (refused) throw new FlowUsageError(`${refused.en}\n${refused['zh-TW']}`)
    const given = [v.plan !== undefined, v.file !== undefined, v.workbook !== undefined].filter(Boolean).length
    if (given !== 1)
      throw new FlowUsageError('give exactly one of --plan, --file KIND=FILE (repeatable) or --workbook FILE')
    let files: FlowFile[]
    try {
      files = v.plan ? await readPlanFile(v.plan) : v.file ? parseFileFlags(v.file) : await workbookFiles(v.workbook!)
    } catch (e) {
      throw new FlowUsageError((e as Error).message)
    }
    const timezone = v.timezone ?? conn.timezone
    const options = (kind: FlowKind): JobOptions => {
      const t = getTarget(FLOW_TARGETS[kind])!
      const batch = whole(v['batch-size'], '--batch-size') ?? conn.batchSize
      const eventsPath = kind === 'events' ? (v['events-path'] ?? conn.eventsPath) : undefined
      return {
        target: t.id,
        transport: eventsPath ? { ...t.transport, path: eventsPath } : t.transport,
        baseUrl,
        ...(batch ? { batchSize: Math.min(batch, t.transport.maxBatch) } : {}),
        minIntervalMs: whole(v['min-interval-ms'], '--min-interval-ms') ?? conn.minIntervalMs
      }
    }
    const has = (k: FlowKind) => files.some((f) => f.kind === k)
    plan = files.map((f) => ({
      kind: f.kind,
      derived: false,
      source: {
        prepare: {
          file: f.file,
          sheet: f.sheet,
          headerRow: f.headerRow,
          encoding: f.encoding,
          mappingFile: f.mappingFile,
          timezone,
          lang
        },
        options: { ...options(f.kind), source: { flow: flowId } }
      }
    }))
    if (!has('customers') && (has('orders') || has('subscriptions') || has('events'))) {
      plan.push({
        kind: 'customers',
        derived: true,
        source: { options: { ...options('customers'), onConflict: 'skip', source: { flow: flowId, derived: true } } }
      })
    }
  }

  // Every file is read, mapped and checked before anything is sent; a file that cannot be read stops here (exit 2).
  const records = new Map<FlowKind, PreparedRecord[]>()
  const tables = new Map<FlowKind, ReportSource>()
  for (const p of plan.filter((x) => x.source.prepare)) {
    const prepared = await prepareFile({ ...p.source.prepare!, target: FLOW_TARGETS[p.kind] })
    if (!prepared.ok)
      throw new FlowUsageError(
        `${FLOW_KIND_LABELS[p.kind].en} (${p.source.prepare!.file}${p.source.prepare!.sheet ? ` / ${p.source.prepare!.sheet}` : ''}): ${prepared.error.message}`
      )
    records.set(p.kind, prepared.preparation.records)
    tables.set(p.kind, prepared.table)
  }
  const steps: FlowStepInput[] = plan.map((p) => ({
    kind: p.kind,
    derived: p.derived,
    source: p.source as unknown as Record<string, unknown>,
    options: p.source.options,
    records: p.derived
      ? customersFromRows([
          records.get('orders') ?? [],
          records.get('subscriptions') ?? [],
          records.get('events') ?? []
        ])
      : records.get(p.kind)!
  }))
  for (const s of steps) if (s.derived) tables.set(s.kind, derivedCustomersSource(s.records))

  let current: { cancel(o?: { abortInFlight?: boolean }): void } | undefined
  let stops = 0
  const onSignal = () => {
    stops++
    errOut(
      stops === 1
        ? `\nstopping after the request in flight… (again to abort it) — resume: --resume ${flowId}\n`
        : '\naborting the request in flight…\n'
    )
    current?.cancel({ abortInFlight: stops > 1 })
  }
  deps.signals.on('SIGINT', onSignal)
  deps.signals.on('SIGTERM', onSignal)
  let result: FlowResult
  try {
    result = await runFlow({
      flowId,
      steps,
      resume: !!saved,
      env: { fetch: deps.fetch, token: conn.token, journalDir },
      onStep: (kind, jobId) => {
        if (!v.json) errOut(`flow ${flowId}: ${FLOW_KIND_LABELS[kind]['zh-TW']} ${kind} (job ${jobId})…\n`)
      },
      onJob: (h) => {
        current = h
      }
    })
  } finally {
    deps.signals.off('SIGINT', onSignal)
    deps.signals.off('SIGTERM', onSignal)
  }
  if (v.report) await writeStepReports(resolve(v.report), result, tables, lang)
  if (v.json) out(JSON.stringify(flowJson(result)) + '\n')
  else out(humanFlow(result, journalDir))
  if (result.status !== 'finished' && v.json) errOut(`${result.message?.en ?? ''}\n`)
  return result.status === 'finished' ? 0 : 1
}

/** One report per step that ran (skipped steps have no results): FILE-<n>-<kind>.<ext>. */
async function writeStepReports(
  path: string,
  result: FlowResult,
  tables: Map<FlowKind, ReportSource>,
  lang: 'en' | 'zh-TW'
): Promise<void> {
  for (const [i, step] of result.steps.entries()) {
    const table = tables.get(step.kind)
    if (!step.result || !table) continue
    await writeReport(
      stepReportPath(path, i + 1, step.kind),
      buildReport(table, step.result.results, { language: lang })
    )
  }
}

function stepJson(
  r: JobResult | undefined
): Partial<Pick<JobResult, 'summary' | 'requests' | 'results' | 'stopCode'>> & { jobStatus?: JobResult['status'] } {
  if (!r) return {}
  return {
    jobStatus: r.status,
    ...(r.stopCode ? { stopCode: r.stopCode } : {}),
    summary: r.summary,
    requests: r.requests,
    results: r.results
  }
}

export function flowJson(r: FlowResult) {
  return {
    flowId: r.flowId,
    status: r.status,
    ...(r.message ? { message: r.message } : {}),
    steps: r.steps.map((s) => ({
      kind: s.kind,
      target: s.target,
      jobId: s.jobId,
      derived: s.derived,
      status: s.status,
      ...stepJson(s.result),
      ...(s.message ? { message: s.message } : {})
    }))
  }
}

function humanFlow(r: FlowResult, journalDir: string): string {
  const lines = [`flow ${r.flowId}: ${r.status}`]
  r.steps.forEach((s, i) => {
    const l = FLOW_KIND_LABELS[s.kind]
    const sum = s.result?.summary
    const counts = sum
      ? ` — 新增 created ${sum.created} · 更新 updated ${sum.updated} · 略過 skipped ${sum.skipped} · 失敗 failed ${sum.failed} · 資料有誤 invalid ${sum.invalid} · 不確定 unknown ${sum.unknown} (of ${sum.total})`
      : ''
    lines.push(
      `${i + 1}. ${l['zh-TW']} ${l.en}${s.derived ? ' (取自其他檔案 from the other files)' : ''}: ${s.status}${counts}`
    )
  })
  if (r.message) lines.push(r.message['zh-TW'], r.message.en)
  if (r.status !== 'finished')
    lines.push(`resume: orderdock push --resume ${r.flowId} --journal-dir ${journalDir} (with the same token)`)
  return lines.join('\n') + '\n'
}
