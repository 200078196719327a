// The summary before sending (push.preview, computed in main): rows and requests, how long at the connection's pace,
// totals per currency and a bar per month. Reloaded whenever the plan changes (profile, options, edits).
import { useTranslation } from 'react-i18next'
import type { PushPlanView } from '../../../../src-main/ipc/contract'
import { usePreview } from '../../queries/plan'
import { formatDuration } from '../push/format'
import { MonthBars } from './MonthBars'
import { groupCount, groupDecimal } from './numbers'
import './flow.css'

export function PushPreview({ plan }: { plan: PushPlanView | null }) {
  const { t, i18n } = useTranslation('flow')
  const preview = usePreview(plan)
  const lang = i18n.language
  if (!plan) return null
  if (!preview)
    return (
      <p className="muted small" data-testid="push-summary-loading">
        {t('summary.loading')}
      </p>
    )
  const currencyLabel = (c: string | null) => c ?? t('summary.storeCurrency')
  const main = preview.currencies[0]
  return (
    <section className="push-section push-summary" aria-labelledby="push-summary-title" data-testid="push-summary">
      <h2 id="push-summary-title">{t('summary.title')}</h2>
      <div className="summary-chips">
        <span className="chip" data-testid="summary-rows" data-value={preview.rows}>
          {t('summary.rows', { count: preview.rows, formatted: groupCount(preview.rows, lang) })}
        </span>
        {preview.records !== preview.rows ? (
          <span className="chip">{t('summary.records', { count: preview.records })}</span>
        ) : null}
        <span className="chip" data-testid="summary-requests" data-value={preview.requests}>
          {t('summary.batches', { count: preview.requests })}
        </span>
        <span className="chip chip-strong" data-testid="summary-duration" data-value={preview.estimatedMs}>
          {t('summary.duration', { duration: formatDuration(preview.estimatedMs, lang) })}
        </span>
      </div>
      <p className="muted small">{t('summary.pace', { seconds: preview.minIntervalMs / 1000 })}</p>
      {preview.hasAmounts ? (
        <div className="push-summary-money">
          <div>
            <h3>{t('summary.totals')}</h3>
            <ul className="currency-totals" data-testid="summary-currencies">
              {preview.currencies.map((c) => (
                <li key={c.currency ?? ''} data-currency={c.currency ?? ''} data-total={c.total}>
                  {t('summary.totalLine', {
                    currency: currencyLabel(c.currency),
                    total: groupDecimal(c.total),
                    count: c.records
                  })}
                </li>
              ))}
            </ul>
            {preview.undated ? (
              <p className="muted small" data-testid="summary-undated">
                {t('summary.undated', { count: preview.undated })}
              </p>
            ) : null}
          </div>
          {main ? (
            <MonthBars months={preview.months} currency={main.currency} currencyLabel={currencyLabel(main.currency)} />
          ) : null}
        </div>
      ) : (
        <p className="muted small">{t('summary.noAmounts')}</p>
      )}
      <p className="muted small">{t('summary.monthsHint')}</p>
    </section>
  )
}
