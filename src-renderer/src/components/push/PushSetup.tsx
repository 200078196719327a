// Before a push: the connection (Rehearsal first), the conflict strategy in plain words, 帳獸 order options, the plan, Start.
import { useTranslation } from 'react-i18next'
import { useProfilesStore } from '../../profiles-store'
import { usePushStore } from '../../push-store'
import { usePlan } from '../../queries/plan'
import { useProfiles } from '../../queries/profiles'
import { PlanSummary } from './PlanSummary'
import { PushPreview } from '../flow/PushPreview'
import { UnfinishedJobs } from './UnfinishedJobs'
import { UnfinishedFlows } from '../flow-import/UnfinishedFlows'
import { usePick } from './format'

/** The explanations start with their own title ("更新（預設）：…"); the choice already shows it. */
function withoutLead(text: string): string {
  const rest = text.replace(/^[^：:]{1,20}[：:]\s*/, '')
  return rest.charAt(0).toUpperCase() + rest.slice(1)
}

export function PushSetup() {
  const { t } = useTranslation('push')
  const pick = usePick()
  const profiles = useProfiles()
  const profileId = usePushStore((s) => s.profileId)
  const options = usePushStore((s) => s.options)
  const { plan, planning } = usePlan()
  const busy = usePushStore((s) => s.busy)
  const chooseProfile = usePushStore((s) => s.chooseProfile)
  const setOptions = usePushStore((s) => s.setOptions)
  const start = usePushStore((s) => s.start)
  const showConnections = useProfilesStore((s) => s.show)
  const chosen = plan?.onConflict ?? null
  const canStart = Boolean(plan && !planning && plan.blockers.length === 0 && busy === null)

  return (
    <div className="push-setup">
      <UnfinishedJobs />
      <UnfinishedFlows />
      <section className="push-section" aria-labelledby="push-profile-title">
        <h2 id="push-profile-title">{t('profile')}</h2>
        <div className="push-profile-row">
          <select
            data-testid="push-profile"
            aria-labelledby="push-profile-title"
            value={profileId ?? ''}
            onChange={(e) => chooseProfile(e.target.value)}
          >
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.builtIn ? ` (${t('builtIn')})` : ''}
                {p.needsToken && !p.token.saved ? ` — ${t('noToken')}` : ''}
              </option>
            ))}
          </select>
          <button type="button" className="button button-quiet" onClick={showConnections}>
            {t('connections')}
          </button>
        </div>
      </section>

      <section className="push-section" aria-labelledby="push-conflict-title">
        <h2 id="push-conflict-title">{t('conflict.title')}</h2>
        {plan && plan.conflictChoices.length ? (
          <div className="push-choices" role="radiogroup" aria-labelledby="push-conflict-title">
            {plan.conflictChoices.map((c) => (
              <label
                key={c.value}
                className={`push-choice${chosen === c.value ? ' is-chosen' : ''}`}
                data-testid={`conflict-${c.value}`}
              >
                <input
                  type="radio"
                  name="on-conflict"
                  value={c.value}
                  checked={chosen === c.value}
                  onChange={() => setOptions({ onConflict: c.value })}
                />
                <span>
                  <strong>
                    {t(`conflict.${c.value}`)}
                    {c.isDefault ? t('conflict.default') : ''}
                  </strong>
                  <span className="push-explanation">{withoutLead(pick(c.explanation))}</span>
                </span>
              </label>
            ))}
          </div>
        ) : (
          <p className="muted small">{t('conflict.none')}</p>
        )}
      </section>

      {plan && (plan.canWithCustomers || plan.canSingle) ? (
        <section className="push-section" aria-labelledby="push-options-title">
          <h2 id="push-options-title">{t('options.title')}</h2>
          <div className="push-choices">
            <label
              className={`push-choice${options.withCustomers ? ' is-chosen' : ''}`}
              data-testid="option-with-customers"
            >
              <input
                type="checkbox"
                checked={options.withCustomers === true}
                onChange={(e) => setOptions({ withCustomers: e.target.checked })}
              />
              <span>
                <strong>{t('options.withCustomers')}</strong>
                <span className="push-explanation">{t('options.withCustomersHint')}</span>
              </span>
            </label>
            <label className={`push-choice${options.single ? ' is-chosen' : ''}`} data-testid="option-single">
              <input
                type="checkbox"
                checked={options.single === true}
                onChange={(e) => setOptions({ single: e.target.checked })}
              />
              <span>
                <strong>{t('options.single')}</strong>
                <span className="push-explanation">{t('options.singleHint')}</span>
              </span>
            </label>
          </div>
        </section>
      ) : null}

      <PlanSummary plan={plan} planning={planning} />
      <PushPreview plan={plan} />

      <div className="form-actions push-start-row">
        <button
          type="button"
          className="button button-primary push-start"
          data-testid="push-start"
          disabled={!canStart}
          onClick={() => void start()}
        >
          {plan?.rehearsal ? t('startRehearsal') : t('start')}
        </button>
      </div>
    </div>
  )
}
