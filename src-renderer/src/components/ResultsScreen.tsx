// When a push has ended: how it ended, the counts, every row's result (virtual table, filter by outcome),
// "Retry failed", "Resume this push" after a 401/403 stop, and the report export. Store-independent: the push screen passes
// the job's status and the actions.
import { useTranslation } from 'react-i18next'
import type { ProfileView, PushStatusView } from '../../../src-main/ipc/contract'
import { RehearsalEnd } from './flow/RehearsalEnd'
import { CountChips } from './push/CountChips'
import { ResultsTable } from './push/ResultsTable'
import { usePick } from './push/format'
import './push/push.css'

export interface ResultsScreenProps {
  status: PushStatusView
  busy?: boolean
  /** Where the last report was written. */
  exported?: string | null
  onRetryFailed(): void
  onExport(format: 'xlsx' | 'csv'): void
  /** Stopped by 401/403: resume the same job after the token is fixed. */
  onResumeJob?(): void
  onOpenConnections?(): void
  /** The push went to the built-in Rehearsal: it ends as 彩排完成 and offers the real connections. */
  rehearsal?: boolean
  /** Real connections to the same destination (for "push the same rows to …"). */
  realProfiles?: ProfileView[]
  onPushTo?(profileId: string): void
}

export function ResultsScreen({
  status,
  busy = false,
  exported = null,
  onRetryFailed,
  onExport,
  onResumeJob,
  onOpenConnections,
  rehearsal = false,
  realProfiles = [],
  onPushTo
}: ResultsScreenProps) {
  const { t } = useTranslation('push')
  const pick = usePick()
  const counts = status.summary ?? status.progress.counts
  const retryable = counts.failed + counts.notSent + counts.invalid > 0 && status.state !== 'error'
  const stopped = status.state === 'stopped' || status.state === 'error'
  const title = status.state === 'running' || status.state === 'paused' ? 'finished' : status.state
  const rehearsed = rehearsal && title === 'finished'

  return (
    <div className="push-results-screen" data-testid="push-ended" data-state={status.state}>
      <section className="push-section">
        <div className="push-end-head" data-state={rehearsed ? 'rehearsal' : status.state}>
          <h2 data-testid="push-end-title">{rehearsed ? t('flow:rehearsal.complete') : t(`state.${title}`)}</h2>
        </div>
        <CountChips counts={counts} testId="push-end-counts" />
        {status.requests ? <p className="muted small">{t('results.requests', status.requests)}</p> : null}
        {rehearsed ? (
          <RehearsalEnd profiles={realProfiles} busy={busy} onPushTo={onPushTo} onOpenConnections={onOpenConnections} />
        ) : null}
      </section>
      {stopped && status.message ? (
        <div className="notice notice-error" role="alert" data-testid="push-stopped">
          <div className="notice-body">
            <strong className="notice-title">{t('stopped.title')}</strong>
            <p>{pick(status.message)}</p>
            {status.state === 'stopped' ? <p className="small">{t('stopped.fix')}</p> : null}
            <div className="form-actions">
              {onOpenConnections ? (
                <button type="button" className="button button-quiet" onClick={onOpenConnections}>
                  {t('connections')}
                </button>
              ) : null}
              {status.state === 'stopped' && onResumeJob ? (
                <button
                  type="button"
                  className="button button-primary"
                  data-testid="push-resume-job"
                  disabled={busy}
                  onClick={onResumeJob}
                >
                  {t('stopped.resumeJob')}
                </button>
              ) : null}
            </div>
          </div>
        </div>
      ) : null}
      {status.state !== 'error' ? <ResultsTable jobId={status.jobId} counts={counts} /> : null}
      <section className="push-section">
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            data-testid="results-retry"
            disabled={!retryable || busy}
            onClick={onRetryFailed}
          >
            {t('results.retry')}
          </button>
          <span className="muted small">{t('results.retryHint')}</span>
        </div>
        <div className="form-actions">
          <strong>{t('results.export')}</strong>
          <button
            type="button"
            className="button"
            data-testid="results-export-xlsx"
            disabled={busy || status.state === 'error'}
            onClick={() => onExport('xlsx')}
          >
            {t('results.exportXlsx')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="results-export-csv"
            disabled={busy || status.state === 'error'}
            onClick={() => onExport('csv')}
          >
            {t('results.exportCsv')}
          </button>
        </div>
        {exported ? (
          <p className="push-exported small" data-testid="results-export-path">
            {t('results.exported', { path: exported })}
          </p>
        ) : null}
      </section>
    </div>
  )
}
