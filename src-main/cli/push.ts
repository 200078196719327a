// `orderdock push <file> --target ID --base-url URL --token-env VAR …`: prepare the file, push it, print results; resumable.
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { getTarget, isTargetId, serviceFor, targetIdsWhere } from '../core/targets'
import { TARGET_IDS, type TargetId, type TargetTransport } from '../core/targets/types'
import { checkBaseUrl, defaultJournalDir, explainInvalid, readJobOptions, startJob } from '../core/upload'
import type { JobOptions, JobResult, OnConflict, ProgressEvent } from '../core/upload'
import { buildReport, writeReport } from '../core/report'
import { VALIDATE_OPTIONS, checkPrepareOptions, prepareFile } from './prepare-file'
import type { PrepareFileInput } from './prepare-file'
import { resolveConnection } from './push-profile'
import { createRedactor } from '../core/credentials/redact'
import { diskFullMessage, isDiskFull } from '../core/fs/disk-full'
import { FLOW_USAGE, FlowUsageError, isFlowPush, pushFlow } from './push-flow'
import { resumeChoiceConflict } from './resume-choices'

export const PUSH_USAGE = `usage: orderdock push <file> --target ID (--base-url URL --token-env VAR | --profile NAME) [options]

  --target ID               ${TARGET_IDS.join(' | ')}
  --base-url URL            API root, with /v1 for 帳獸 (https://, or http:// on 127.0.0.1 / localhost only)
  --token-env VAR           name of the environment variable holding the token (never pass the token itself)
  --profile NAME            a saved connection profile instead of --base-url/--token-env
  --on-conflict skip|update what to do with records that already exist (default: the endpoint's documented default)
  --with-customers          zangsho.orders: push the customers found in the rows first (skip existing ones)
  --single                  zangsho.orders: one POST /orders per row (fires webhooks), with an idempotency key
  --events-path PATH        zangsho.subscription_events: the create path (inferred default /subscriptions/events; a profile may set it)
  --batch-size N            records per batch (≤ 100)
  --min-interval-ms N       minimum gap between requests (default ${serviceFor('zangsho').defaultMinIntervalMs} for 帳獸, ${serviceFor('shopline').defaultMinIntervalMs} for SHOPLINE)
  --journal-dir DIR         where job journals are kept (default: <data dir>/jobs)
  --resume JOB_ID           continue a stopped or crashed job (same file and settings)
  --delivery-option-id ID --payment-method-id ID   SHOPLINE: what every order uses
  --shipping as-line|in-remarks [--shipping-name NAME]   SHOPLINE: shipping as a 運費 line (counted in revenue) or in the remarks
  --report FILE.xlsx|.csv   write the results report
  --sheet NAME --header-row N --encoding LABEL --timezone IANA --mapping FILE.json --lang en|zh-TW   as for validate
  --lookup FIELD=FILE:KEYCOLUMN:VALUECOLUMN[@MAINKEYCOLUMN]   fill FIELD from a second spreadsheet, as for validate
  --json                    print one JSON object with the results
several files in 帳獸's guide order (customers → orders → subscriptions → events) as one job: orderdock push --plan PLAN.json | --file KIND=FILE … | --workbook FILE (push --workbook x --help for its options)
exit codes: 0 nothing failed or unknown · 1 some rows failed or are unknown, or the job stopped · 2 usage error`

const OPTIONS = {
  ...VALIDATE_OPTIONS,
  'base-url': { type: 'string' },
  'token-env': { type: 'string' },
  profile: { type: 'string' },
  'on-conflict': { type: 'string' },
  'with-customers': { type: 'boolean' },
  single: { type: 'boolean' },
  'batch-size': { type: 'string' },
  'min-interval-ms': { type: 'string' },
  'journal-dir': { type: 'string' },
  resume: { type: 'string' },
  report: { type: 'string' },
  'events-path': { type: 'string' }
} as const

class UsageError extends Error {}

function whole(v: string | undefined, flag: string, min: number): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${flag} must be a whole number ≥ ${min} (got "${v}")`)
  return Number(v)
}

/** What the journal header keeps so `--resume JOB_ID` can rebuild the same records (no token). */
type PushSource = Omit<PrepareFileInput, 'target' | 'shopline'>

export function run(argv: string[]): Promise<number> {
  return runPush(argv, {
    env: process.env,
    fetch: globalThis.fetch,
    stdout: process.stdout,
    stderr: process.stderr,
    signals: process
  })
}

export interface PushDeps {
  env: NodeJS.ProcessEnv
  fetch: typeof globalThis.fetch
  stdout: { write(s: string): unknown }
  stderr: { write(s: string): unknown }
  signals: {
    on(sig: 'SIGINT' | 'SIGTERM', f: () => void): unknown
    off(sig: 'SIGINT' | 'SIGTERM', f: () => void): unknown
  }
}

export async function runPush(argv: string[], deps: PushDeps): Promise<number> {
  const err = (s: string) => void deps.stderr.write(s)
  try {
    // Several files in the guide's order (--plan / --file / --workbook, or --resume of a flow): push-flow.ts.
    return (await isFlowPush(argv, deps.env)) ? await pushFlow(argv, deps) : await push(argv, deps)
  } catch (e) {
    if (e instanceof UsageError || e instanceof FlowUsageError) {
      err(`orderdock push: ${e.message}\n\n${e instanceof FlowUsageError ? FLOW_USAGE : PUSH_USAGE}\n`)
      return 2
    }
    if (isDiskFull(e)) {
      const m = diskFullMessage()
      err(`orderdock push: [disk_full] ${m['zh-TW']}\n${m.en}\n`)
      const jobId = (e as { jobId?: string }).jobId
      if (jobId) err(`job ${jobId} — nothing was sent; free some space and run the same command again.\n`)
      return 1
    }
    err(`orderdock push: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
}

async function push(argv: string[], deps: PushDeps): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const { values: v, positionals } = parsed
  if (v.help) {
    deps.stdout.write(PUSH_USAGE + '\n')
    return 0
  }
  if (positionals.length > 1) throw new UsageError(`one file only (got ${positionals.length})`)
  const journalDir = resolve(v['journal-dir'] ?? defaultJournalDir(deps.env))
  const resumed = v.resume
    ? await readJobOptions(journalDir, v.resume).catch((e: Error) => {
        throw new UsageError(`cannot resume ${v.resume}: ${e.message}`)
      })
    : undefined
  let source = resumed?.source as PushSource | undefined
  if (!source) {
    const checked = checkPrepareOptions(positionals[0], v)
    if (!checked.ok) throw new UsageError(checked.error.message)
    const { file, sheet, headerRow, encoding, timezone, mappingFile, lang, lookups, shipping } = checked.input
    source = {
      file: resolve(file),
      sheet,
      headerRow,
      encoding,
      timezone,
      mappingFile: mappingFile ? resolve(mappingFile) : undefined,
      lang,
      ...(lookups ? { lookups: lookups.map((l) => ({ ...l, file: resolve(l.file) })) } : {}),
      ...(shipping ? { shipping } : {}) // kept in the journal: a resume sends the rest the same way
    }
  }
  const targetId = resumed?.target ?? v.target
  if (!targetId || !isTargetId(targetId)) throw new UsageError(`--target is required: one of ${TARGET_IDS.join(', ')}`)
  const target = getTarget(targetId)!
  const changed = resumed && target.profileChoices ? resumeChoiceConflict(v.resume!, resumed, v) : null
  if (changed) throw new UsageError(changed)
  if (v['on-conflict'] !== undefined && v['on-conflict'] !== 'skip' && v['on-conflict'] !== 'update')
    throw new UsageError('--on-conflict must be skip or update')
  if (v.single && !target.push?.single)
    throw new UsageError(`--single is for ${targetIdsWhere((t) => t.push?.single !== undefined).join(', ')} only`)
  if (v['with-customers'] && target.push?.customersFirst?.when !== 'optional') {
    throw new UsageError(
      `--with-customers is for ${targetIdsWhere((t) => t.push?.customersFirst?.when === 'optional').join(', ')} only`
    )
  }
  const batchSize = whole(v['batch-size'], '--batch-size', 1)
  if (batchSize !== undefined && batchSize > target.transport.maxBatch)
    throw new UsageError(`--batch-size is at most ${target.transport.maxBatch} for ${targetId}`)

  const conn = await resolveConnection(
    { ...v, 'base-url': v['base-url'] ?? resumed?.baseUrl },
    deps.env,
    target.transport.api
  ).catch((e: Error) => {
    throw new UsageError(e.message)
  })
  // A profile's time zone is the default for times without an offset (a resumed job keeps what it started with).
  if (!resumed && source.timezone === undefined && conn.timezone) source = { ...source, timezone: conn.timezone }
  // Everything printed or written from here on passes the token redactor (server texts end up in messages).
  const clean = createRedactor([conn.token])
  const stdout = { write: (t: string) => deps.stdout.write(clean.text(t)) }
  const stderr = { write: (t: string) => deps.stderr.write(clean.text(t)) }
  const baseUrl = resumed?.baseUrl ?? conn.baseUrl
  const refused = checkBaseUrl(baseUrl)
  if (refused) throw new UsageError(`${refused.en}\n${refused['zh-TW']}`)
  const shopline = {
    deliveryOptionId: resumed?.deliveryOptionId ?? v['delivery-option-id'] ?? conn.shopline?.deliveryOptionId,
    paymentMethodId: resumed?.paymentMethodId ?? v['payment-method-id'] ?? conn.shopline?.paymentMethodId
  }

  const prepared = await prepareFile({ ...source, target: targetId as TargetId, shopline })
  if (!prepared.ok) throw new UsageError(`${prepared.error.message} (${prepared.error.code})`)
  const records = prepared.preparation.records
  const options: JobOptions = resumed ?? {
    target: targetId,
    transport: eventsTransport(target.transport, targetId, v['events-path'], conn.eventsPath),
    baseUrl,
    onConflict: v['on-conflict'] as OnConflict | undefined,
    withCustomers: !!v['with-customers'],
    single: !!v.single,
    batchSize: batchSize ?? conn.batchSize,
    minIntervalMs: whole(v['min-interval-ms'], '--min-interval-ms', 0) ?? conn.minIntervalMs,
    ...shopline,
    source: { ...source }
  }

  const human = !v.json
  const shown = { at: 0, done: -1 }
  const handle = startJob({
    records,
    options,
    resumeJobId: v.resume,
    env: {
      fetch: deps.fetch,
      token: conn.token,
      journalDir,
      onProgress: human ? (e) => progressLine(e, shown, stderr) : undefined
    }
  })
  let stops = 0
  const onSignal = () => {
    stops++
    stderr.write(
      stops === 1
        ? `\nstopping after the request in flight… (again to abort it) — resume: --resume ${handle.jobId}\n`
        : '\naborting the request in flight…\n'
    )
    handle.cancel({ abortInFlight: stops > 1 })
  }
  deps.signals.on('SIGINT', onSignal)
  deps.signals.on('SIGTERM', onSignal)
  let result: JobResult
  try {
    result = clean.value(await handle.done)
  } catch (e) {
    throw Object.assign(e as Error, { jobId: handle.jobId })
  } finally {
    deps.signals.off('SIGINT', onSignal)
    deps.signals.off('SIGTERM', onSignal)
  }
  // An invalid row's message says what to fix (the validation issues), as validate would.
  result = { ...result, results: explainInvalid(result.results, (n) => prepared.preparation.issuesForRow(n)) }
  if (v.report)
    await writeReport(resolve(v.report), buildReport(prepared.table, result.results, { language: source.lang ?? 'en' }))
  if (v.json) {
    const { jobId, target: t, status, stopCode, summary, results, requests } = result
    stdout.write(
      JSON.stringify({ jobId, target: t, status, ...(stopCode ? { stopCode } : {}), summary, results, requests }) + '\n'
    )
    // A stopped push always tells how to go on, also in --json mode (on stderr, so stdout stays one JSON document).
    if (result.status !== 'finished') stderr.write(resumeLine(result, journalDir) + '\n')
  } else stdout.write(humanSummary(result, journalDir))
  return result.status === 'finished' &&
    result.summary.failed === 0 &&
    result.summary.notSent === 0 &&
    result.summary.unknown === 0
    ? 0
    : 1
}

/** Subscription events: the create path from --events-path or the profile (the documented-list path is only inferred). */
function eventsTransport(
  transport: TargetTransport,
  targetId: TargetId,
  flag: string | undefined,
  fromProfile: string | undefined
): TargetTransport {
  const takesPath = getTarget(targetId)?.push?.eventsPhase !== undefined
  if (flag !== undefined && !takesPath)
    throw new UsageError(
      `--events-path is for ${targetIdsWhere((t) => t.push?.eventsPhase !== undefined).join(', ')} only`
    )
  const path = takesPath ? (flag ?? fromProfile) : undefined
  if (path === undefined) return transport
  if (!/^\/[A-Za-z0-9/_.-]*$/.test(path))
    throw new UsageError(
      `--events-path must be a path under the base URL such as /subscriptions/events (got "${path}")`
    )
  return { ...transport, path }
}

/** At most one line a second on stderr, and one when the last row is done. */
function progressLine(e: ProgressEvent, shown: { at: number; done: number }, out: PushDeps['stderr']): void {
  const now = Date.now()
  if (e.done === shown.done || (now - shown.at < 1000 && e.done < e.total)) return
  shown.at = now
  shown.done = e.done
  const eta = e.etaMs == null ? '' : ` · ETA ${Math.ceil(e.etaMs / 1000)} s`
  out.write(`${e.phase} ${e.done}/${e.total} · ${e.rowsPerSecond.toFixed(1)} rows/s${eta}\n`)
}

function humanSummary(r: JobResult, journalDir: string): string {
  const s = r.summary
  const lines = [
    `job ${r.jobId} (${r.target}): ${r.status}`,
    `新增 created ${s.created} · 更新 updated ${s.updated} · 略過 skipped ${s.skipped} · 失敗 failed ${s.failed} · 未送出 not sent ${s.notSent} · 資料有誤 invalid ${s.invalid} · 不確定 unknown ${s.unknown} (of ${s.total})`,
    `requests: sent ${r.requests.sent}, retried ${r.requests.retried}, rate-limited ${r.requests.rateLimited}`
  ]
  // Records closed after their create (cancelled subscriptions): created + cancelled.
  const cancelled = r.results.filter((x) => x.reason === 'cancelled').length
  if (cancelled) lines.splice(2, 0, `其中建立後已取消 of which created, then cancelled: ${cancelled}`)
  if (r.stopMessage) lines.push(r.stopMessage['zh-TW'], r.stopMessage.en)
  const problems = r.results.filter(
    (x) => x.outcome === 'failed' || x.outcome === 'not_sent' || x.outcome === 'unknown'
  )
  for (const p of problems.slice(0, 20))
    lines.push(`  row ${p.rows.join(',')}: ${p.outcome} ${p.reason ?? ''} ${p.message ?? ''}`.trimEnd())
  if (problems.length > 20) lines.push(`  … and ${problems.length - 20} more (use --report FILE.xlsx)`)
  if (r.stopCode === 'disk_full')
    lines.push(`[disk_full] ${diskFullMessage()['zh-TW']}`, `[disk_full] ${diskFullMessage().en}`)
  if (r.status !== 'finished') lines.push(resumeLine(r, journalDir))
  return lines.join('\n') + '\n'
}

function resumeLine(r: JobResult, journalDir: string): string {
  return `job ${r.jobId} ${r.status} — resume: orderdock push --resume ${r.jobId} --journal-dir ${journalDir} (with the same token)`
}
