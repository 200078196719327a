// The counts above the grid. Errors and warnings count sheet rows, exactly the rows the 有錯誤 / 有警告 filters list.
import { useTranslation } from 'react-i18next'
import type { PrepareView } from '../../../../src-main/ipc/contract'
import { usePrepareStore } from '../../prepare-store'
import { usePrepProgress } from '../../prepare-progress-store'

export function SummaryChips({ view }: { view: PrepareView }) {
  const { t } = useTranslation('review')
  // issue 14: while rows are still validated, the counts so far (from progress events) and "still counting"
  const live = usePrepProgress(view.prepId, view.progress)
  const counting = live?.progress != null
  const summary = (view.progress ? live?.summary : null) ?? view.summary
  const errorRows = summary.errorRows ?? summary.invalid
  const warningRows = summary.warningRows ?? summary.warnings
  const orders = usePrepareStore((s) => s.targets.find((x) => x.id === view.target)?.countsOrders === true)
  const customers = usePrepareStore((s) => s.targets.find((x) => x.id === view.target)?.countsCustomers === true)
  const validKey = orders ? 'summary.validOrders' : customers ? 'summary.validCustomers' : 'summary.valid'
  return (
    <div className="summary-chips" data-testid="summary" aria-busy={counting || undefined}>
      <span className="chip chip-good" data-testid="chip-valid">
        {t(validKey, { count: summary.valid, rows: summary.validRows ?? summary.valid })}
      </span>
      <span className={`chip ${errorRows ? 'chip-bad' : ''}`} data-testid="chip-errors">
        {t('summary.errorRows', { count: errorRows })}
      </span>
      <span className={`chip ${warningRows ? 'chip-warn' : ''}`} data-testid="chip-warnings">
        {t('summary.warningRows', { count: warningRows })}
      </span>
      {counting ? (
        <span className="chip" data-testid="chip-counting">
          {t('progress.counting')}
        </span>
      ) : null}
    </div>
  )
}
