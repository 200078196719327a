// While a push runs: the bar, the counts, rows per second, time left, and Pause / Resume / Cancel.
import { useTranslation } from 'react-i18next'
import type { PushProgressView } from '../../../../src-main/ipc/contract'
import { usePushStore } from '../../push-store'
import { CountChips } from './CountChips'
import { formatDuration, formatRate } from './format'

export function ProgressPanel({ progress }: { progress: PushProgressView }) {
  const { t, i18n } = useTranslation('push')
  const { t: tf } = useTranslation('flow')
  const busy = usePushStore((s) => s.busy)
  const pause = usePushStore((s) => s.pause)
  const resume = usePushStore((s) => s.resume)
  const cancel = usePushStore((s) => s.cancel)
  const paused = progress.state === 'paused'
  const percent = progress.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0
  return (
    <section
      className="push-section push-progress"
      aria-labelledby="push-progress-title"
      data-testid="push-progress"
      data-state={progress.state}
    >
      <div className="push-progress-head">
        <h2 id="push-progress-title" data-testid="push-progress-title">
          {paused ? t('progress.titlePaused') : t('progress.title')}
        </h2>
        <span className="muted small">{t(`progress.phase.${progress.phase}`)}</span>
      </div>
      <div
        className="push-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t('progress.title')}
        data-testid="push-bar"
      >
        <div className={`push-bar-fill${paused ? ' is-paused' : ''}`} style={{ width: `${percent}%` }} />
      </div>
      <div className="push-progress-figures">
        <strong data-testid="push-percent">{percent}%</strong>
        <span data-testid="push-done">{t('progress.done', { done: progress.done, total: progress.total })}</span>
        {/* paused: main keeps the last running figures; say so instead of showing a clock that seems to run */}
        <span className="muted" data-testid="push-rate">
          {paused
            ? tf('progress.rateFrozen', { rate: formatRate(progress.rowsPerSecond) })
            : t('progress.rate', { rate: formatRate(progress.rowsPerSecond) })}
        </span>
        <span className="muted" data-testid="push-eta" data-eta={progress.etaMs ?? ''}>
          {progress.etaMs === null
            ? t('progress.etaUnknown')
            : paused
              ? tf('progress.etaFrozen', { eta: formatDuration(progress.etaMs, i18n.language) })
              : t('progress.eta', { eta: formatDuration(progress.etaMs, i18n.language) })}
        </span>
      </div>
      {paused ? (
        <p className="push-paused-note small" role="status" data-testid="push-paused-note">
          {tf('progress.pausedNote')}
        </p>
      ) : null}
      <CountChips counts={progress.counts} testId="push-live-counts" />
      <div className="form-actions">
        {paused ? (
          <button
            type="button"
            className="button button-primary"
            data-testid="push-resume"
            disabled={busy !== null}
            onClick={() => void resume()}
          >
            {t('progress.resume')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            data-testid="push-pause"
            disabled={busy !== null}
            onClick={() => void pause()}
          >
            {t('progress.pause')}
          </button>
        )}
        <button
          type="button"
          className="button button-quiet"
          data-testid="push-cancel"
          disabled={busy !== null}
          onClick={() => void cancel()}
        >
          {t('progress.cancel')}
        </button>
        <span className="muted small">{t('progress.cancelHint')}</span>
      </div>
    </section>
  )
}
