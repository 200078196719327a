// The pieces of a flow the app builds from its open preparations: each step's records and job options, the customers
// taken from the other files, the step views the renderer shows, and the message naming the step that stopped.
import { getTarget } from '../core/targets'
import type { PreparedRecord, Target } from '../core/targets/types'
import type { PushSettings } from '../core/credentials/push-profile'
import type { JobOptions, JobResult } from '../core/upload'
import { FLOW_KIND_LABELS, FLOW_TARGETS, customersFromRows } from '../core/upload/flow'
import type { FlowKind, FlowStepInput } from '../core/upload/flow'
import type { Preparation } from '../core/validation/types'
import type { ImportSession } from '../core/workspace/import-session'
import { ServiceError } from './errors'
import { batchSizeOf } from './push-plan'
import { buildJobOptions } from './push-records'

type Text = { 'zh-TW': string; en: string }

/** One step as the app keeps it: the engine's input plus what the results and the report need. */
export interface AppFlowStep extends FlowStepInput {
  prepId: string | null
  file: string | null
  session: ImportSession | null
  preparation: Preparation | null
}

/** What a flow journal's step keeps so a restart can rebuild it (never the token). */
export type AppStepSource = { prepId: string; profileId: string; file: string } | { derived: true; profileId: string }

export type SessionOf = (prepId: string) => Promise<ImportSession | null>

const label = (kind: FlowKind) => FLOW_KIND_LABELS[kind]

async function fileStep(
  flowId: string,
  kind: FlowKind,
  prepId: string,
  profileId: string,
  settings: PushSettings,
  sessionOf: SessionOf
): Promise<AppFlowStep> {
  const session = await sessionOf(prepId)
  const target = getTarget(FLOW_TARGETS[kind]) as Target
  if (!session?.preparation)
    throw new ServiceError(
      'no_session',
      `The file for ${label(kind).en} is no longer open: choose it again.`,
      undefined,
      {
        'zh-TW': `「${label(kind)['zh-TW']}」的檔案已經關閉，請重新選擇。`,
        en: `The file for ${label(kind).en} is no longer open: choose it again.`
      }
    )
  if (session.state.target !== target.id)
    throw new ServiceError(
      'flow_wrong_target',
      `The ${label(kind).en} file is prepared for another destination.`,
      undefined,
      {
        'zh-TW': `「${label(kind)['zh-TW']}」的檔案目前設定為其他匯入目的地，請在檢查畫面改回「${label(kind)['zh-TW']}」。`,
        en: `The ${label(kind).en} file is prepared for another destination: set it back to ${label(kind).en} in its review.`
      }
    )
  const name = session.state.source.name
  const sheet = /\.(csv|tsv)$/i.test(name) ? null : session.state.sheet
  const file = sheet ? `${name} / ${sheet}` : name
  const base = buildJobOptions(target, settings, {}, session, prepId, profileId)
  const options: JobOptions = { ...base, source: { ...base.source, flow: flowId, kind } }
  const source: AppStepSource = { prepId, profileId, file }
  return {
    kind,
    records: [...session.preparation.records],
    options,
    source,
    prepId,
    file,
    session,
    preparation: session.preparation
  }
}

/** Customers taken from the orders, subscriptions and events (skip existing ones: the shop may have them already). */
function derivedStep(flowId: string, profileId: string, settings: PushSettings, others: AppFlowStep[]): AppFlowStep {
  const target = getTarget(FLOW_TARGETS.customers) as Target
  const records = customersFromRows(others.map((s) => s.records))
  const options: JobOptions = {
    target: target.id,
    transport: target.transport,
    baseUrl: settings.baseUrl,
    onConflict: 'skip',
    batchSize: batchSizeOf(target, {}, settings.batchSize),
    ...(settings.minIntervalMs !== undefined ? { minIntervalMs: settings.minIntervalMs } : {}),
    source: { flow: flowId, kind: 'customers', derived: true, profileId }
  }
  const source: AppStepSource = { derived: true, profileId }
  return {
    kind: 'customers',
    records,
    options,
    derived: true,
    source,
    prepId: null,
    file: null,
    session: null,
    preparation: derivedPreparation(records)
  }
}

/** The results screen reads keys (the e-mail) and row issues from a preparation; derived customers have no sheet. */
function derivedPreparation(records: PreparedRecord[]): Preparation {
  return { records, issues: [], issuesForRow: () => [] } as unknown as Preparation
}

/** Steps from the files given; customers taken from the others when no customer file is among them. */
export async function buildFlowSteps(
  flowId: string,
  profileId: string,
  settings: PushSettings,
  files: { kind: FlowKind; prepId: string }[],
  sessionOf: SessionOf,
  withDerived: boolean
): Promise<AppFlowStep[]> {
  const steps: AppFlowStep[] = []
  for (const f of files) steps.push(await fileStep(flowId, f.kind, f.prepId, profileId, settings, sessionOf))
  if (withDerived && !steps.some((s) => s.kind === 'customers') && steps.length)
    steps.push(derivedStep(flowId, profileId, settings, steps))
  return steps
}

/** The app's words for a step that stopped the flow: which step, why, and what to do here (not the CLI's commands). */
export function appFailureMessage(kind: FlowKind, n: number, r: JobResult): Text {
  const l = label(kind)
  if (r.status !== 'finished') {
    return {
      'zh-TW': `第 ${n} 步（${l['zh-TW']}）已${r.status === 'cancelled' ? '取消' : '停止'}，之後的步驟沒有送出。${r.stopMessage?.['zh-TW'] ?? ''}排除原因後，可在「未完成的多檔匯入」繼續這個多檔匯入（已確認的資料不會重送）。`,
      en: `Step ${n} (${l.en}) ${r.status}; the steps after it were not sent.${r.stopMessage ? ` ${r.stopMessage.en}` : ''} Fix the cause, then continue this import from “Unfinished multi-file imports” (nothing acknowledged is sent again).`
    }
  }
  const s = r.summary
  const bad = s.failed + s.notSent + s.unknown
  return {
    'zh-TW': `第 ${n} 步（${l['zh-TW']}）：${bad} 列失敗或不確定；之後的步驟可能依賴這些資料，因此沒有送出。請匯出這一步的報表查看原因，修正後可在「未完成的多檔匯入」繼續之後的步驟。`,
    en: `Step ${n} (${l.en}): ${bad} row(s) failed or unknown; the steps after it were not sent, since they may depend on these rows. Export this step's report to see why; after fixing, continue with the next steps from “Unfinished multi-file imports”.`
  }
}
