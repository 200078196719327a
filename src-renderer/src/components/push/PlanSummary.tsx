// What will be sent: counts, batches, where to, warnings grouped by kind, and what must be fixed before starting.
import { useTranslation } from 'react-i18next'
import type { PushPlanView } from '../../../../src-main/ipc/contract'
import { usePick } from './format'

export function PlanSummary({ plan, planning }: { plan: PushPlanView | null; planning: boolean }) {
  const { t } = useTranslation('push')
  const pick = usePick()
  if (!plan) return <p className="muted">{t('plan.planning')}</p>
  const single = plan.options.single === true || plan.api === 'shopline'
  return (
    <section className="push-section" aria-labelledby="push-plan-title" data-testid="push-plan" aria-busy={planning}>
      <h2 id="push-plan-title">{t('plan.title')}</h2>
      <div className="summary-chips">
        <span className="chip chip-good" data-testid="plan-valid">
          {t('plan.valid', { count: plan.counts.valid })}
        </span>
        {plan.counts.invalid ? (
          <span className="chip chip-bad">{t('plan.invalid', { count: plan.counts.invalid })}</span>
        ) : null}
        {plan.counts.excluded ? (
          <span className="chip">{t('plan.excluded', { count: plan.counts.excluded })}</span>
        ) : null}
        <span className="chip" data-testid="plan-batches">
          {t(single ? 'plan.batchesSingle' : 'plan.batches', { count: plan.counts.batches })}
        </span>
        {plan.counts.customers ? (
          <span className="chip">{t('plan.customers', { count: plan.counts.customers })}</span>
        ) : null}
        <span className="chip">{t('plan.requests', { count: plan.counts.requests })}</span>
      </div>
      {plan.baseUrl ? (
        <p className="muted small push-destination">
          {t('plan.destination', { name: plan.profileName, url: plan.baseUrl })}
        </p>
      ) : null}
      {plan.rehearsal ? <p className="push-rehearsal small">{t('plan.rehearsal')}</p> : null}
      {plan.warnings.length ? (
        <div className="push-warnings" data-testid="plan-warnings">
          <h3>{t('plan.warnings')}</h3>
          <ul>
            {plan.warnings.map((w) => (
              <li key={w.code} data-code={w.code}>
                <span>{pick(w.message)}</span>
                <span className="muted small">
                  {' '}
                  — {t('plan.warningRows', { count: w.count, rows: w.rows.join('、') })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {plan.blockers.length ? (
        <div className="notice notice-error push-blockers" role="alert" data-testid="plan-blockers">
          <div className="notice-body">
            <strong className="notice-title">{t('plan.blockers')}</strong>
            <ul>
              {plan.blockers.map((b) => (
                <li key={b.code} data-code={b.code}>
                  {pick(b.message)}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </section>
  )
}
