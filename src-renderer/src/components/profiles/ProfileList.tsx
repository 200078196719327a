// The profiles on the left: Rehearsal first (built-in), then the user's, each with its destination and token status.
import { useTranslation } from 'react-i18next'
import type { ProfileView } from '../../../../src-main/ipc/contract'
import { useProfilesStore } from '../../profiles-store'

function TokenBadge({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation('profiles')
  if (!profile.needsToken) return <span className="profile-badge profile-badge-quiet">{t('list.noTokenNeeded')}</span>
  if (profile.token.unavailable)
    return <span className="profile-badge profile-badge-warn">{t('list.keychainUnavailable')}</span>
  if (!profile.token.saved) return <span className="profile-badge profile-badge-warn">{t('list.noToken')}</span>
  return (
    <span className="profile-badge profile-badge-ok">
      {profile.token.last4 ? t('list.tokenSaved', { last4: profile.token.last4 }) : t('list.tokenSavedShort')}
    </span>
  )
}

export function ProfileList({ profiles }: { profiles: ProfileView[] }) {
  const { t } = useTranslation('profiles')
  const selected = useProfilesStore((s) => s.selected)
  const select = useProfilesStore((s) => s.select)
  return (
    <nav className="profile-list" aria-label={t('list.label')}>
      <ul>
        {profiles.map((profile) => (
          <li key={profile.id}>
            <button
              type="button"
              className={`profile-item${selected === profile.id ? ' is-selected' : ''}`}
              aria-current={selected === profile.id ? 'true' : undefined}
              data-testid="profile-item"
              data-id={profile.id}
              onClick={() => select(profile.id)}
            >
              <span className="profile-item-name">
                {profile.name}
                {profile.builtIn ? (
                  <span className="profile-badge profile-badge-accent">{t('list.builtIn')}</span>
                ) : null}
              </span>
              <span className="profile-item-meta">
                <span>{t(`destinations.${profile.destination}`)}</span>
                <TokenBadge profile={profile} />
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button profile-add"
        data-testid="profile-add"
        aria-pressed={selected === 'new'}
        onClick={() => select('new')}
      >
        {t('list.add')}
      </button>
    </nav>
  )
}
