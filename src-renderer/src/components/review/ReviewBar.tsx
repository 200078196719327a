// The bar that stays at the top while the page and the grid scroll: the counts, "fix in Excel" and 匯入.
import { useTranslation } from 'react-i18next'
import type { PrepareView } from '../../../../src-main/ipc/contract'
import { FixInExcel } from './FixInExcel'
import { PushGate } from './PushGate'
import { SummaryChips } from './SummaryChips'
import { PrepareProgress } from './PrepareProgress'
import './roundtrip.css'

export function ReviewBar({ view, file, busy }: { view: PrepareView; file: string; busy: boolean }) {
  const { t } = useTranslation('review')
  return (
    <div className="review-bar" role="region" aria-label={t('stickyBar.label')} data-testid="review-bar">
      <SummaryChips view={view} />
      <PrepareProgress view={view} />
      <FixInExcel view={view} />
      <div className="review-bar-push">
        <PushGate view={view} file={file} busy={busy} />
      </div>
    </div>
  )
}
