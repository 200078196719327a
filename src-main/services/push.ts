// Push behind the contract: plan, start / pause / resume / cancel, status, results, retry failed, reports, resumable jobs.
// The token is fetched from the profile store in main right before a job starts and never put in an answer or an event.
import { join } from 'node:path'
import { getTarget } from '../core/targets'
import type { Target, TargetId } from '../core/targets/types'
import { buildReport, writeReport } from '../core/report'
import {
  checkBaseUrl,
  explainInvalid,
  listJobs,
  localizeResult,
  newJobId,
  readJobOptions,
  reasonLabel,
  retryFailed,
  startJob
} from '../core/upload'
import type { JobEnvironment, JobHandle, JobOptions } from '../core/upload'
import type { PushSettings } from '../core/credentials/push-profile'
import type { Preparation } from '../core/validation/types'
import type { ImportSession } from '../core/workspace/import-session'
import type { Language, OrderDockEvent, PushMethodName, ServiceMethods } from '../ipc/contract'
import type { PushJobView } from '../ipc/push-contract'
import { ServiceError } from './errors'
import { toServiceError } from './profiles-view'
import { buildPlan } from './push-plan'
import { TrackedJob } from './push-jobs'
import { buildJobOptions, preparationFor, withKeys } from './push-records'
import { buildPreview } from './push-preview'

export type PushMethods = Pick<ServiceMethods, PushMethodName>

/** Engine tuning for tests (fewer retries, shorter backoff); the app uses the engine's defaults. */
export type PushTuning = Partial<
  Pick<
    JobEnvironment,
    'maxAttempts' | 'backoffBaseMs' | 'backoffCapMs' | 'requestTimeoutMs' | 'reconcileDelayMs' | 'progressIntervalMs'
  >
>

export interface PushServiceDeps {
  dataDir: string
  fetch: typeof fetch
  now: () => Date
  emit: (event: OrderDockEvent) => void
  language: () => Language
  /** An open preparation (prepare services' registry), or null. */
  preparation: (prepId: string) => ImportSession | null
  /** A preparation saved on disk, opened again (resume after a restart). */
  restorePreparation?: (prepId: string) => Promise<ImportSession | null>
  /** Where to send and the token (main only); starts the rehearsal server for the rehearsal profile. */
  pushSettings: (profileId: string, api: 'zangsho' | 'shopline') => Promise<PushSettings>
  profileName: (profileId: string) => Promise<string | null>
  /** Native "save as" dialog; absent in the harness (reports go to <dataDir>/reports). Resolves null when cancelled. */
  pickSavePath?: (defaultName: string, format: 'xlsx' | 'csv') => Promise<string | null>
  tuning?: PushTuning
}

export interface PushServices {
  methods: PushMethods
  isBusy(): boolean
  /** A job another service started (a flow step) tracked like ours: status, results, report, quit guard. */
  adopt(job: TrackedJob, handle: JobHandle, preparation: Preparation | null): void
  /** Cancel running jobs (their journals stay consistent and resumable) and wait for them. */
  dispose(): Promise<void>
}

const busyError = () =>
  new ServiceError(
    'push_busy',
    'A push is already running: wait for it to finish, or pause / cancel it first.',
    undefined,
    {
      'zh-TW': '已經有一個匯入正在進行：請等它完成，或先暫停／取消。',
      en: 'A push is already running: wait for it to finish, or pause / cancel it first.'
    }
  )

export function createPushServices(deps: PushServiceDeps): PushServices {
  const journalDir = join(deps.dataDir, 'jobs')
  const jobs = new Map<string, TrackedJob>()
  const now = () => deps.now().getTime()

  /** The open preparation to push, once it has validated every row (issue 14: the plan must see every record). */
  async function prep(prepId: string): Promise<{ session: ImportSession; target: Target }> {
    const session = deps.preparation(prepId)
    await session?.whenValidated()
    const target = session?.state.target ? getTarget(session.state.target as TargetId) : undefined
    if (!session || !target || !session.preparation) {
      throw new ServiceError(
        'no_session',
        `This preparation is no longer open (${prepId.slice(0, 8)}). Open the file again.`,
        undefined,
        {
          'zh-TW': '這份資料已經關閉了，請重新開啟檔案。',
          en: 'This preparation is no longer open. Open the file again.'
        }
      )
    }
    // issue 14: records are complete only once every row is validated (a new open may have begun meanwhile)
    if (session.progress)
      throw new ServiceError(
        'still_validating',
        'The rows are still being validated. Push once it finishes.',
        undefined,
        {
          'zh-TW': '資料列還在檢查中，檢查完成後才能匯入。',
          en: 'The rows are still being validated. Push once it finishes.'
        }
      )
    return { session, target }
  }

  function tracked(jobId: string): TrackedJob {
    const job = jobs.get(jobId)
    if (!job) throw new ServiceError('no_job', `There is no push job ${jobId} in this session of the app.`)
    return job
  }

  const targetOf = (job: TrackedJob) => job.options.target

  async function settingsFor(profileId: string, target: Target): Promise<PushSettings> {
    try {
      return await deps.pushSettings(profileId, target.transport.api)
    } catch (error) {
      throw toServiceError(error)
    }
  }

  function env(job: TrackedJob, token: string): JobEnvironment {
    return { fetch: deps.fetch, token, journalDir, now, onProgress: (e) => job.onEngineProgress(e), ...deps.tuning }
  }

  const ids = (settings: PushSettings) => ({
    deliveryOptionId: settings.deliveryOptionId,
    paymentMethodId: settings.paymentMethodId
  })

  function run(job: TrackedJob, handle: JobHandle, preparation: Preparation | null): { jobId: string } {
    job.handle = handle
    jobs.set(job.jobId, job)
    handle.done.then(
      (result) => {
        const explained = preparation
          ? explainInvalid(result.results, (row) => preparation.issuesForRow(row), deps.language())
          : result.results
        job.finish(result, withKeys(explained, preparation))
      },
      (error: unknown) => {
        const text = error instanceof Error ? error.message : String(error)
        job.fail({ 'zh-TW': `匯入無法進行：${text}`, en: `The push could not run: ${text}` })
      }
    )
    return { jobId: job.jobId }
  }

  async function startedFromApp(jobId: string): Promise<boolean> {
    try {
      const source = (await readJobOptions(journalDir, jobId)).source
      return typeof source?.prepId === 'string' && typeof source.profileId === 'string'
    } catch {
      return false
    }
  }

  // a flow's steps are listed and resumed as their flow (flow.list / flow.resume), not one by one
  const partOfFlow = (jobId: string) =>
    readJobOptions(journalDir, jobId).then(
      (o) => typeof o.source?.flow === 'string',
      () => false
    )

  const assertIdle = () => {
    if ([...jobs.values()].some((j) => j.active)) throw busyError()
  }

  const methods: PushMethods = {
    'push.plan': async ({ prepId, profileId, options }) => {
      const { session, target } = await prep(prepId)
      const blockers: { code: string; message: { 'zh-TW': string; en: string } }[] = []
      let settings: PushSettings | null = null
      try {
        settings = await settingsFor(profileId, target)
      } catch (error) {
        const e = error instanceof ServiceError ? error : null
        blockers.push({
          code: e?.code ?? 'profile',
          message: e?.messages ?? { 'zh-TW': String(error), en: String(error) }
        })
      }
      const choices = target.profileChoices
      if (settings && choices && choices.keys.some((k) => !settings[k]))
        blockers.push({ code: 'shopline_choices', message: { ...choices.missing } })
      const refusal = settings ? checkBaseUrl(settings.baseUrl) : null
      if (refusal) blockers.push({ code: 'base_url', message: refusal })
      const preparation =
        (settings && preparationFor(session, target, ids(settings))) || (session.preparation as Preparation)
      return buildPlan({
        prepId,
        profileId,
        profileName: settings?.profile.name ?? (await deps.profileName(profileId)) ?? profileId,
        baseUrl: settings?.baseUrl ?? '',
        rehearsal: settings?.profile.destination === 'rehearsal',
        target,
        records: preparation.records,
        issues: preparation.issues,
        excludedRows: session.state.excluded.length,
        options: options ?? {},
        profileBatchSize: settings?.batchSize,
        blockers
      })
    },

    'push.start': async ({ prepId, profileId, options }) => {
      assertIdle()
      const { session, target } = await prep(prepId)
      assertIdle() // again: another push may have started while this preparation validated its rows
      const settings = await settingsFor(profileId, target)
      const preparation = preparationFor(session, target, ids(settings))
      const records = preparation?.records ?? []
      if (!records.some((r) => r.valid)) throw new ServiceError('nothing_to_send', 'There is no row that can be sent.')
      const refusal = checkBaseUrl(settings.baseUrl)
      if (refusal) throw new ServiceError('base_url', refusal.en, undefined, refusal)
      const jobOpts = buildJobOptions(target, settings, options ?? {}, session, prepId, profileId)
      const jobId = newJobId(now())
      const job = new TrackedJob({
        jobId,
        prepId,
        profileId,
        options: jobOpts,
        retryOf: null,
        secrets: [settings.token].filter(() => settings.profile.destination !== 'rehearsal'),
        emit: deps.emit,
        now
      })
      return run(
        job,
        startJob({ records: [...records], options: jobOpts, env: env(job, settings.token), jobId }),
        preparation
      )
    },

    'push.pause': async ({ jobId }) => {
      const job = tracked(jobId)
      if (job.state === 'running') {
        job.handle?.pause()
        job.setState('paused')
      }
      return job.status(targetOf(job))
    },

    'push.resume': async ({ jobId }) => {
      const job = tracked(jobId)
      if (job.state === 'paused') {
        job.handle?.resume()
        job.setState('running')
      }
      return job.status(targetOf(job))
    },

    'push.cancel': async ({ jobId }) => {
      const job = tracked(jobId)
      // the request in flight finishes (its answer is journaled); the rest stays "not sent" and can be retried
      if (job.active) job.handle?.cancel()
      return job.status(targetOf(job))
    },

    'push.status': async ({ jobId }) => {
      const job = tracked(jobId)
      return job.status(targetOf(job))
    },

    'push.results': async ({ jobId, offset, limit, filter }) => {
      const page = tracked(jobId).page(offset, limit, filter ?? 'all')
      const lang = deps.language()
      return {
        ...page,
        rows: page.rows.map((r) => ({ ...localizeResult(r, lang), reasonText: reasonLabel(r.reason, lang) }))
      }
    },

    'push.retryFailed': async ({ jobId }) => {
      assertIdle()
      const previous = tracked(jobId)
      if (!previous.result)
        throw new ServiceError('not_finished', 'This push has not ended yet: retry its failed rows when it is done.')
      if (!previous.prepId)
        throw new ServiceError('no_session', 'This push has no preparation to take the fixed rows from.')
      const { session, target } = await prep(previous.prepId)
      const settings = await settingsFor(previous.profileId, target)
      const options: JobOptions = {
        ...previous.options,
        baseUrl: settings.baseUrl,
        excludedRows: [...session.state.excluded]
      }
      const newId = newJobId(now())
      const job = new TrackedJob({
        jobId: newId,
        prepId: previous.prepId,
        profileId: previous.profileId,
        options,
        retryOf: previous.jobId,
        secrets: [settings.token].filter(() => settings.profile.destination !== 'rehearsal'),
        emit: deps.emit,
        now
      })
      const preparation = preparationFor(session, target, ids(settings))
      const records = [...(preparation?.records ?? [])]
      return run(
        job,
        retryFailed({ previous: previous.result, options, records, env: env(job, settings.token), jobId: newId }),
        preparation
      )
    },

    'push.exportReport': async ({ jobId, format }) => {
      const job = tracked(jobId)
      if (!job.result) throw new ServiceError('not_finished', 'The report is ready when the push has ended.')
      const session =
        (job.prepId && deps.preparation(job.prepId)) ||
        (job.prepId && (await deps.restorePreparation?.(job.prepId))) ||
        null
      if (!session)
        throw new ServiceError(
          'no_session',
          'The spreadsheet of this push is no longer open: open it again to export the report.'
        )
      const table = session.editedTable
      const report = buildReport({ headers: table.headers, rows: table.rows }, job.result.results, {
        language: deps.language()
      })
      const base = session.state.source.name.replace(/\.[^.]+$/, '') || 'orderdock'
      const defaultName = `${base}-${deps.language() === 'en' ? 'results' : '匯入結果'}-${jobId}.${format}`
      let path = deps.pickSavePath
        ? await deps.pickSavePath(defaultName, format)
        : join(deps.dataDir, 'reports', defaultName)
      if (!path) return { path: null }
      if (!path.toLowerCase().endsWith(`.${format}`)) path = `${path}.${format}`
      await writeReport(path, report)
      return { path }
    },

    'push.preview': async (args) => {
      const plan = await methods['push.plan'](args)
      const { session, target } = await prep(args.prepId)
      const settings = await settingsFor(args.profileId, target).catch(() => null)
      const preparation =
        (settings && preparationFor(session, target, ids(settings))) || (session.preparation as Preparation)
      return buildPreview({
        plan,
        target,
        records: preparation.records,
        minIntervalMs: settings?.minIntervalMs,
        timezone: session.state.timezone ?? 'Asia/Taipei'
      })
    },

    'push.jobs': async () => {
      const listed = await listJobs(journalDir)
      const views: PushJobView[] = []
      for (const j of listed) {
        if (await partOfFlow(j.jobId)) continue
        const running = Boolean(jobs.get(j.jobId)?.active)
        // only jobs started from the app can be resumed here (a CLI job needs its file: push --resume)
        const fromApp = j.status !== 'finished' && !running && (await startedFromApp(j.jobId))
        views.push({
          jobId: j.jobId,
          target: j.target,
          createdAt: j.createdAt,
          status: j.status,
          records: j.records,
          answered: j.answered,
          file: j.file ?? null,
          running,
          resumable: fromApp
        })
      }
      return views
    },

    'push.resumeJob': async ({ jobId }) => {
      assertIdle()
      let options: JobOptions
      try {
        options = await readJobOptions(journalDir, jobId)
      } catch (error) {
        throw new ServiceError('no_job', error instanceof Error ? error.message : String(error))
      }
      const prepId = typeof options.source?.prepId === 'string' ? options.source.prepId : null
      const profileId = typeof options.source?.profileId === 'string' ? options.source.profileId : null
      if (!prepId || !profileId)
        throw new ServiceError(
          'not_resumable',
          `Job ${jobId} was not started from the app: resume it with the CLI (push --resume ${jobId}).`
        )
      const session = deps.preparation(prepId) ?? (await deps.restorePreparation?.(prepId)) ?? null
      await session?.whenValidated() // its records are complete only once every row is validated
      if (!session?.preparation)
        throw new ServiceError(
          'no_session',
          `The spreadsheet of job ${jobId} is no longer saved: it cannot be resumed.`
        )
      const target = getTarget(options.target)
      if (!target) throw new ServiceError('no_job', `Job ${jobId} is for an unknown destination (${options.target}).`)
      const settings = await settingsFor(profileId, target)
      const job = new TrackedJob({
        jobId,
        prepId,
        profileId,
        options,
        retryOf: null,
        secrets: [settings.token].filter(() => settings.profile.destination !== 'rehearsal'),
        emit: deps.emit,
        now
      })
      // the journal's choices, not the profile's current ones: the records must be the ones the job started with
      const preparation = preparationFor(session, target, {
        deliveryOptionId: options.deliveryOptionId,
        paymentMethodId: options.paymentMethodId
      })
      return run(
        job,
        startJob({
          records: [...(preparation?.records ?? [])],
          options,
          env: env(job, settings.token),
          resumeJobId: jobId
        }),
        preparation
      )
    }
  }

  return {
    methods,
    isBusy: () => [...jobs.values()].some((j) => j.active),
    adopt: (job, handle, preparation) => void run(job, handle, preparation),
    async dispose() {
      const active = [...jobs.values()].filter((j) => j.active)
      for (const job of active) job.handle?.cancel()
      await Promise.all(active.map((j) => j.handle?.done.catch(() => undefined)))
    }
  }
}
