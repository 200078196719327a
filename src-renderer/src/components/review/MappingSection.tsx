// The mapping and value panels, folded into one line once the user confirms them, so the grid gets the room.
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrepareView } from '../../../../src-main/ipc/contract'
import './roundtrip.css'

/** Preparations whose mapping was confirmed (UI state only; kept while the app runs). */
const confirmed = new Set<string>()

export function MappingSection({ view, children }: { view: PrepareView; children: ReactNode }) {
  const { t } = useTranslation('review')
  const [, redraw] = useState(0)
  const isConfirmed = confirmed.has(view.prepId)
  const set = (on: boolean) => {
    if (on) confirmed.add(view.prepId)
    else confirmed.delete(view.prepId)
    redraw((n) => n + 1)
  }
  const mapped = Object.keys(view.mapping).length
  const problems = view.problems.filter((p) => p.severity === 'error').length
  const line = `${t('mappingSummary.line', { mapped, unused: view.unmappedColumns.length })}${problems ? t('mappingSummary.problems', { count: problems }) : ''}`
  if (isConfirmed) {
    return (
      <div className="mapping-collapsed panel" data-testid="mapping-collapsed">
        <span className={problems ? 'field-problem' : undefined}>{line}</span>
        <button type="button" className="button button-quiet" data-testid="mapping-edit" onClick={() => set(false)}>
          {t('mappingSummary.edit')}
        </button>
      </div>
    )
  }
  return (
    <div className="mapping-section">
      {children}
      <div className="mapping-confirm">
        <span className="small muted">{line}</span>
        <button type="button" className="button button-primary" data-testid="mapping-confirm" onClick={() => set(true)}>
          {t('mappingSummary.confirm')}
        </button>
      </div>
    </div>
  )
}
