// 多檔匯入 / Import several files: up to four files (or one workbook with a sheet per kind), each reviewed on the usual
// prepare screen, then pushed in 帳獸's guide order as one resumable job.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FLOW_KINDS, useFlowImportStore } from '../../flow-import-store'
import { useFlowStatus } from '../../queries/flow'
import { useProfileList } from '../../queries/profiles'
import { ErrorNotice } from '../Notices'
import { FlowProgress } from './FlowProgress'
import { FlowStepCard } from './FlowStepCard'
import { SheetChooser } from './SheetChooser'
import { UnfinishedFlows } from './UnfinishedFlows'
import './flow-import.css'

export function FlowImportScreen() {
  const { t } = useTranslation('flowImport')
  const slots = useFlowImportStore((s) => s.slots)
  const flowId = useFlowImportStore((s) => s.flowId)
  const { status, error: statusError } = useFlowStatus(flowId)
  const busy = useFlowImportStore((s) => s.busy)
  const error = useFlowImportStore((s) => s.error)
  const start = useFlowImportStore((s) => s.start)
  const hide = useFlowImportStore((s) => s.hide)
  const dismissError = useFlowImportStore((s) => s.dismissError)
  const showError = useFlowImportStore((s) => s.showError)
  useEffect(() => {
    if (statusError) showError(statusError)
  }, [statusError, showError])
  const list = useProfileList()
  // 帳獸 connections and the rehearsal server (SHOPLINE has no customers / subscriptions / events)
  const profiles = (list?.profiles ?? []).filter((p) => p.destination !== 'shopline')
  const [profileId, setProfileId] = useState('')
  const chosen = profiles.some((p) => p.id === profileId) ? profileId : (profiles[0]?.id ?? '')
  const running = status?.state === 'running'
  const hasFiles = Object.keys(slots).length > 0

  return (
    <section className="flow-import-screen" data-testid="flow-import" aria-busy={busy !== null}>
      <header className="preview-head panel">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('lead')}</p>
        </div>
        <div className="preview-actions">
          <button
            type="button"
            className="button button-quiet"
            data-testid="flow-back"
            disabled={running}
            onClick={hide}
          >
            {t('back')}
          </button>
        </div>
      </header>
      <ErrorNotice error={error} onDismiss={dismissError} />
      <SheetChooser locked={running} />
      <ol className="flow-steps" aria-label={t('title')}>
        {FLOW_KINDS.map((kind, i) => (
          <FlowStepCard key={kind} kind={kind} n={i + 1} locked={running} />
        ))}
      </ol>
      <section className="flow-section panel" aria-labelledby="flow-push-title">
        <h2 id="flow-push-title">{t('push.title')}</h2>
        <div className="flow-push-row">
          <label className="picker">
            <span>{t('push.profile')}</span>
            <select
              data-testid="flow-profile"
              value={chosen}
              disabled={running}
              onChange={(e) => setProfileId(e.target.value)}
            >
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button-primary"
            data-testid="flow-start"
            disabled={!hasFiles || !chosen || running || busy !== null}
            onClick={() => void start(chosen)}
          >
            {t('push.start')}
          </button>
          {!hasFiles ? <span className="muted small">{t('push.needFile')}</span> : null}
        </div>
      </section>
      {status ? <FlowProgress status={status} /> : null}
      <UnfinishedFlows />
    </section>
  )
}
