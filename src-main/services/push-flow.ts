// Multi-file import behind the contract: the guide's steps (customers → orders → subscriptions → events) as one resumable
// job over core runFlow. Each step is an ordinary push job tracked by the push services (status, results, quit guard);
// the flow journal (<flowId>.flow.json) keeps which step finished, so after a restart the flow continues where it stopped.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { buildReport, writeReport } from '../core/report'
import { derivedCustomersSource, stepReportPath } from '../core/report/flow-step-report'
import type { PushSettings } from '../core/credentials/push-profile'
import { checkBaseUrl, type JobEnvironment } from '../core/upload'
import { FLOW_ORDER, FLOW_TARGETS, readFlowJournal, runFlow, stepFailed, stepJobId } from '../core/upload/flow'
import type { FlowKind, FlowResult } from '../core/upload/flow'
import { kindOfHeaders, kindOfSheet } from '../core/upload/flow-sheets'
import type { Language, OrderDockEvent, ServiceMethods } from '../ipc/contract'
import type { FlowListing, FlowMethodName, FlowStatusView, FlowStepView } from '../ipc/flow-contract'
import { ServiceError } from './errors'
import { toServiceError } from './profiles-view'
import type { PushServices, PushTuning } from './push'
import { buildFlowSteps, appFailureMessage, type AppFlowStep, type AppStepSource } from './push-flow-steps'
import { TrackedJob } from './push-jobs'
import { readTable } from './workbook-reader'
import type { WorkbookSessions } from './workbook-sessions'
import type { ImportSession } from '../core/workspace/import-session'

export type FlowMethods = Pick<ServiceMethods, FlowMethodName>

export interface FlowServiceDeps {
  dataDir: string
  fetch: typeof fetch
  now: () => Date
  emit: (event: OrderDockEvent) => void
  language: () => Language
  push: PushServices
  workbooks: WorkbookSessions
  preparation: (prepId: string) => ImportSession | null
  restorePreparation?: (prepId: string) => Promise<ImportSession | null>
  pushSettings: (profileId: string, api: 'zangsho' | 'shopline') => Promise<PushSettings>
  pickSavePath?: (defaultName: string, format: 'xlsx' | 'csv') => Promise<string | null>
  tuning?: PushTuning
}

type Text = { 'zh-TW': string; en: string }
const EMPTY = { total: 0, created: 0, updated: 0, skipped: 0, failed: 0, notSent: 0, invalid: 0, unknown: 0 }

interface LiveFlow {
  flowId: string
  profileId: string
  steps: AppFlowStep[]
  /** Step states read from the journal at resume (steps finished before the restart). */
  before: Map<FlowKind, string>
  jobs: Map<FlowKind, TrackedJob>
  current: TrackedJob | null
  running: boolean
  result: FlowResult | null
  error: Text | null
}

const busy = () =>
  new ServiceError('push_busy', 'A push is already running: wait for it to finish, or cancel it first.', undefined, {
    'zh-TW': '已經有一個匯入正在進行：請等它完成，或先取消。',
    en: 'A push is already running: wait for it to finish, or cancel it first.'
  })

export function createFlowServices(deps: FlowServiceDeps): { methods: FlowMethods; isBusy(): boolean } {
  const journalDir = join(deps.dataDir, 'jobs')
  const flows = new Map<string, LiveFlow>()
  const now = () => deps.now().getTime()
  // the preparation a step pushes, once it has validated every row (issue 14: the step must send every record)
  const sessionOf = async (prepId: string) => {
    const session = deps.preparation(prepId) ?? (await deps.restorePreparation?.(prepId)) ?? null
    await session?.whenValidated()
    return session
  }
  const anyRunning = () => [...flows.values()].some((f) => f.running)

  async function settingsFor(profileId: string): Promise<PushSettings> {
    let settings: PushSettings
    try {
      settings = await deps.pushSettings(profileId, 'zangsho')
    } catch (error) {
      throw toServiceError(error)
    }
    const refusal = checkBaseUrl(settings.baseUrl)
    if (refusal) throw new ServiceError('base_url', refusal.en, undefined, refusal)
    return settings
  }

  function live(flowId: string): LiveFlow {
    const flow = flows.get(flowId)
    if (!flow) throw new ServiceError('no_flow', `There is no multi-file import ${flowId} in this session of the app.`)
    return flow
  }

  function launch(flow: LiveFlow, settings: PushSettings, resume: boolean): void {
    const secrets = [settings.token].filter(() => settings.profile.destination !== 'rehearsal')
    const env: JobEnvironment = {
      fetch: deps.fetch,
      token: settings.token,
      journalDir,
      now,
      onProgress: (e) => flow.current?.onEngineProgress(e),
      ...deps.tuning
    }
    flow.running = true
    flows.set(flow.flowId, flow)
    runFlow({
      flowId: flow.flowId,
      steps: flow.steps,
      env,
      resume,
      onStep: (kind, jobId) => {
        const step = flow.steps.find((s) => s.kind === kind)!
        flow.current = new TrackedJob({
          jobId,
          prepId: step.prepId,
          profileId: flow.profileId,
          options: step.options,
          retryOf: null,
          secrets,
          emit: deps.emit,
          now
        })
        flow.jobs.set(kind, flow.current)
      },
      onJob: (handle) => {
        const step = flow.steps.find((s) => s.kind === flow.current?.options.source?.kind)
        deps.push.adopt(flow.current!, handle, step?.preparation ?? null)
      }
    }).then(
      (result) => {
        flow.result = result
        flow.running = false
      },
      (error: unknown) => {
        const text = error instanceof Error ? error.message : String(error)
        flow.error = { 'zh-TW': `多檔匯入無法進行：${text}`, en: `The multi-file import could not run: ${text}` }
        flow.running = false
      }
    )
  }

  function stepView(flow: LiveFlow, step: AppFlowStep, index: number): FlowStepView {
    const job = flow.jobs.get(step.kind)
    const fromResult = flow.result?.steps.find((s) => s.kind === step.kind)
    let state: FlowStepView['state'] = (flow.before.get(step.kind) as FlowStepView['state']) ?? 'pending'
    if (job) {
      if (job.active) state = job.state === 'paused' ? 'paused' : 'running'
      else if (job.result)
        state = stepFailed(job.result) ? (job.result.status === 'finished' ? 'failed' : 'stopped') : 'finished'
      else if (job.state === 'error') state = 'stopped'
    }
    if (fromResult && fromResult.status !== 'pending') state = fromResult.status
    if (!flow.running && (flow.result || flow.error) && state === 'pending') state = 'skipped'
    const message =
      fromResult?.result && fromResult.message
        ? appFailureMessage(step.kind, index + 1, fromResult.result)
        : job?.state === 'error'
          ? job.message
          : null
    return {
      kind: step.kind,
      target: FLOW_TARGETS[step.kind],
      jobId: stepJobId(flow.flowId, step.kind),
      derived: !!step.derived,
      file: step.file,
      state,
      done: job?.progress.done ?? 0,
      total: job?.progress.total ?? step.records.length,
      counts: job ? { ...job.progress.counts } : { ...EMPTY },
      message,
      hasResults: Boolean(job?.result)
    }
  }

  function statusOf(flow: LiveFlow): FlowStatusView {
    const order = [...flow.steps].sort((a, b) => FLOW_ORDER.indexOf(a.kind) - FLOW_ORDER.indexOf(b.kind))
    const steps = order.map((s, i) => stepView(flow, s, i))
    const stopped = steps.find((s) => s.state === 'failed' || s.state === 'stopped')
    const state: FlowStatusView['state'] = flow.running
      ? 'running'
      : flow.error
        ? 'error'
        : (flow.result?.status ?? 'running')
    return {
      flowId: flow.flowId,
      profileId: flow.profileId,
      state,
      steps,
      stoppedAt: flow.running ? null : (stopped?.kind ?? null),
      message: flow.error ?? (flow.running ? null : (stopped?.message ?? null))
    }
  }

  const methods: FlowMethods = {
    'flow.sheetKinds': async ({ sessionId }) => {
      const { source, options } = deps.workbooks.sourceOf(sessionId)
      const first = await readTable(source, { ...options, maxRows: 1 })
      if (!first.ok) throw new ServiceError('read_failed', first.error.messageEn ?? first.error.message)
      const sheets = []
      for (const info of first.table.sheets) {
        const byName = kindOfSheet(info.name)
        let kind = byName
        if (!kind && info.rowCount > 0) {
          const read = await readTable(source, { sheet: info.name, maxRows: 5 })
          kind = read.ok ? kindOfHeaders(read.table.headers) : null
        }
        sheets.push({
          sheet: info.name,
          rows: info.rowCount,
          kind,
          by: byName ? 'name' : kind ? 'headers' : null
        } as const)
      }
      return { sheets }
    },

    'flow.openSheet': async ({ sessionId, sheet }) => {
      const { source } = deps.workbooks.sourceOf(sessionId)
      return deps.workbooks.openSource(source, { sheet })
    },

    'flow.start': async ({ profileId, steps: files }) => {
      if (anyRunning() || deps.push.isBusy()) throw busy()
      const settings = await settingsFor(profileId)
      const flowId = `flow-${new Date(now()).toISOString().replace(/[-:]/g, '').slice(0, 15)}-${Math.random().toString(36).slice(2, 8)}`
      const steps = await buildFlowSteps(flowId, profileId, settings, files, sessionOf, true)
      if (!steps.some((s) => s.records.some((r) => r.valid)))
        throw new ServiceError('nothing_to_send', 'There is no row that can be sent.', undefined, {
          'zh-TW': '沒有可以送出的資料列。',
          en: 'There is no row that can be sent.'
        })
      // again: another push may have started while the steps' preparations validated their rows
      if (anyRunning() || deps.push.isBusy()) throw busy()
      const flow: LiveFlow = {
        flowId,
        profileId,
        steps,
        before: new Map(),
        jobs: new Map(),
        current: null,
        running: false,
        result: null,
        error: null
      }
      launch(flow, settings, false)
      return { flowId }
    },

    'flow.status': async ({ flowId }) => statusOf(live(flowId)),

    'flow.cancel': async ({ flowId }) => {
      const flow = live(flowId)
      // the request in flight finishes (its answer is journaled); the flow stops at this step and can be resumed
      if (flow.running && flow.current?.active) flow.current.handle?.cancel()
      return statusOf(flow)
    },

    'flow.list': async () => {
      const names = await readdir(journalDir).catch(() => [] as string[])
      const out: (FlowListing & { createdAt: string })[] = []
      for (const name of names.filter((n) => n.endsWith('.flow.json'))) {
        const journal = await readFlowJournal(journalDir, name.replace(/\.flow\.json$/, '')).catch(() => null)
        if (!journal) continue
        const running = Boolean(flows.get(journal.flowId)?.running)
        if (!running && journal.steps.every((s) => s.status === 'finished')) continue
        const sources = journal.steps.map((s) => s.source as Partial<AppStepSource> | undefined)
        out.push({
          flowId: journal.flowId,
          createdAt: journal.createdAt,
          steps: journal.steps.map((s, i) => ({
            kind: s.kind,
            status: s.status,
            derived: s.derived,
            file: (sources[i] as { file?: string } | undefined)?.file ?? null
          })),
          running,
          resumable: !running && sources.every((s) => typeof s?.profileId === 'string')
        })
      }
      return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    },

    'flow.resume': async ({ flowId }) => {
      if (anyRunning() || deps.push.isBusy()) throw busy()
      const journal = await readFlowJournal(journalDir, flowId).catch((error: unknown) => {
        throw new ServiceError('no_flow', error instanceof Error ? error.message : String(error))
      })
      const sources = journal.steps.map((s) => s.source as Partial<AppStepSource> | undefined)
      const profileId = sources.find((s) => typeof s?.profileId === 'string')?.profileId
      if (!profileId || sources.some((s) => typeof s?.profileId !== 'string'))
        throw new ServiceError(
          'not_resumable',
          `Flow ${flowId} was not started from the app: resume it with the CLI (orderdock push --resume ${flowId}).`
        )
      const settings = await settingsFor(profileId)
      const files = journal.steps.flatMap((s, i) => {
        const src = sources[i] as { prepId?: string }
        return src.prepId ? [{ kind: s.kind, prepId: src.prepId }] : []
      })
      const steps = await buildFlowSteps(
        flowId,
        profileId,
        settings,
        files,
        sessionOf,
        journal.steps.some((s) => s.derived)
      )
      // steps done before the restart keep their state; the one that stopped runs again
      const before = new Map(
        journal.steps.map(
          (s) => [s.kind, s.status === 'finished' || s.status === 'failed' ? s.status : 'pending'] as const
        )
      )
      const flow: LiveFlow = {
        flowId,
        profileId,
        steps,
        before,
        jobs: new Map(),
        current: null,
        running: false,
        result: null,
        error: null
      }
      launch(flow, settings, true)
      return { flowId }
    },

    'flow.exportReport': async ({ flowId, kind, format }) => {
      const flow = live(flowId)
      const index = [...flow.steps]
        .sort((a, b) => FLOW_ORDER.indexOf(a.kind) - FLOW_ORDER.indexOf(b.kind))
        .findIndex((s) => s.kind === kind)
      const step = flow.steps.find((s) => s.kind === kind)
      const job = flow.jobs.get(kind)
      if (!step || !job?.result) throw new ServiceError('not_finished', 'This step has no results yet.')
      const table = step.session ? step.session.editedTable : derivedCustomersSource(step.records)
      const report = buildReport({ headers: table.headers, rows: table.rows }, job.result.results, {
        language: deps.language()
      })
      const defaultName = `${stepReportPath(`${deps.language() === 'en' ? 'results' : '匯入結果'}-${flowId}.${format}`, index + 1, kind)}`
      let path = deps.pickSavePath
        ? await deps.pickSavePath(defaultName, format)
        : join(deps.dataDir, 'reports', defaultName)
      if (!path) return { path: null }
      if (!path.toLowerCase().endsWith(`.${format}`)) path = `${path}.${format}`
      await writeReport(path, report)
      return { path }
    }
  }

  return { methods, isBusy: anyRunning }
}
