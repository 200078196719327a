// "Test connection": one cheap authenticated read, and its outcome in plain words (OK, 401, 403 + ability, unreachable, TLS, 429).
import { useTranslation } from 'react-i18next'
import type { ProfileView } from '../../../../src-main/ipc/contract'
import { useProfilesStore } from '../../profiles-store'
import { useLocalized } from './localized'

export function ConnectionTest({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation('profiles')
  const pick = useLocalized()
  const check = useProfilesStore((s) => s.checks[profile.id])
  const test = useProfilesStore((s) => s.test)
  const running = check === 'running'
  return (
    <section className="profile-section" aria-labelledby="test-title">
      <h3 id="test-title">{t('test.button')}</h3>
      <p className="field-hint">{t('test.hint')}</p>
      <button
        type="button"
        className="button"
        data-testid="test-connection"
        disabled={running}
        onClick={() => void test(profile.id)}
      >
        {running ? (
          <>
            <span className="spinner" aria-hidden="true" /> {t('test.running')}
          </>
        ) : (
          t('test.button')
        )}
      </button>
      {check && check !== 'running' ? (
        <p
          className={`check-result ${check.ok ? 'is-ok' : 'is-failed'}`}
          role="status"
          data-testid="connection-result"
          data-kind={check.kind}
        >
          <span className="check-mark" aria-hidden="true">
            {check.ok ? '✓' : '!'}
          </span>
          <span>{pick(check.message)}</span>
        </p>
      ) : null}
    </section>
  )
}
