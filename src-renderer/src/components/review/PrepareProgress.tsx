// issue 14: while a big file is read and its rows validated, a progress bar with the count (role=progressbar);
// it stays, as "all N rows checked", once done. Small files validated at once never show it.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrepareView } from '../../../../src-main/ipc/contract'
import { refreshView, subscribePrepareProgress, usePrepProgress } from '../../prepare-progress-store'
import { useAppStore } from '../../store'
import './prepare-progress.css'

export function PrepareProgress({ view }: { view: PrepareView }) {
  const { t } = useTranslation('review')
  // while reading, the sheet's size as the preview estimated it
  const estimatedRows = useAppStore((s) => s.view?.totalRows ?? null)
  useEffect(() => subscribePrepareProgress(), [])
  const live = usePrepProgress(view.prepId, view.progress)
  const finished = live !== null && live.progress === null
  // the done event came before this view (or its refresh failed): read the finished view once
  useEffect(() => {
    if (finished && view.progress) refreshView(view.prepId)
  }, [finished, view.progress, view.prepId])
  if (!live) return null
  const p = live.progress
  const total = p ? (p.total ?? estimatedRows) : view.progress ? live.total : view.totalRows
  const now = p ? (p.phase === 'reading' ? (p.read ?? p.validated) : p.validated) : (total ?? 0)
  const max = Math.max(total ?? now, now, 1)
  const text = !p
    ? t('progress.done', { total: now })
    : p.phase === 'reading'
      ? t('progress.reading', { read: now })
      : t('progress.validating', { done: now, total: max })
  return (
    <div className="prepare-progress" data-testid="prepare-progress" data-state={p ? p.phase : 'done'}>
      <div
        className="prepare-progress-bar"
        role="progressbar"
        aria-label={t('progress.label')}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(now, max)}
        aria-valuetext={text}
      >
        <div className="prepare-progress-fill" style={{ transform: `scaleX(${Math.min(now / max, 1)})` }} />
      </div>
      <span className="small" data-testid="prepare-progress-text" aria-live="polite">
        {text}
      </span>
    </div>
  )
}
