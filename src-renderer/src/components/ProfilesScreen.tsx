// The connections screen: profiles on the left (Rehearsal first), the chosen one's settings, token, test and SHOPLINE choices.
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProfileListView, ProfileView } from '../../../src-main/ipc/contract'
import { useProfilesStore } from '../profiles-store'
import { useProfileList } from '../queries/profiles'
import { ConnectionTest } from './profiles/ConnectionTest'
import { useLocalized } from './profiles/localized'
import { ProfileForm } from './profiles/ProfileForm'
import { ProfileList } from './profiles/ProfileList'
import { ProfilesError } from './profiles/ProfilesError'
import { ShoplinePickers } from './profiles/ShoplinePickers'
import { TokenField } from './profiles/TokenField'
import './profiles/profiles.css'
import { useModalDialog } from './flow/useModalDialog'

function ProfileEditor({ profile, defaults }: { profile: ProfileView; defaults: ProfileListView['defaults'] }) {
  return (
    <>
      <ProfileForm profile={profile} defaults={defaults} />
      {profile.needsToken ? <TokenField profile={profile} /> : null}
      <ConnectionTest profile={profile} />
      {profile.destination !== 'zangsho' ? <ShoplinePickers profile={profile} /> : null}
    </>
  )
}

export function ProfilesScreen() {
  const { t } = useTranslation('profiles')
  const pick = useLocalized()
  const list = useProfileList()
  const selected = useProfilesStore((s) => s.selected)
  const hide = useProfilesStore((s) => s.hide)
  const closeButton = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLElement>(null)
  const profile = list?.profiles.find((p) => p.id === selected) ?? null
  // nothing chosen yet, or the chosen profile is gone: the first one is shown
  useEffect(() => {
    if (list && selected !== 'new' && !list.profiles.some((p) => p.id === selected))
      useProfilesStore.setState({ selected: list.profiles[0]?.id ?? null })
  }, [list, selected])
  // modal: focus trapped, Esc closes it (over the push screen too), focus back to the control that opened it
  useModalDialog(panel, hide, () => closeButton.current)

  return (
    <div className="profiles-overlay">
      <section
        ref={panel}
        className="profiles-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="profiles-title"
        data-testid="profiles-screen"
      >
        <header className="profiles-head">
          <div>
            <h1 id="profiles-title">{t('title')}</h1>
            <p className="muted">{t('lead')}</p>
          </div>
          <button
            ref={closeButton}
            type="button"
            className="button button-quiet"
            data-testid="profiles-close"
            onClick={hide}
          >
            {t('close')}
          </button>
        </header>
        {list?.problem ? (
          <div className="notice notice-error" role="alert">
            <div className="notice-body">
              <strong className="notice-title">{t('problem')}</strong>
              <p>{pick(list.problem)}</p>
            </div>
          </div>
        ) : null}
        <ProfilesError />
        {list ? (
          <div className="profiles-body">
            <ProfileList profiles={list.profiles} />
            <div className="profiles-detail" data-testid="profile-detail">
              {selected === 'new' ? <ProfileForm key="new" profile={null} defaults={list.defaults} /> : null}
              {profile ? <ProfileEditor key={profile.id} profile={profile} defaults={list.defaults} /> : null}
            </div>
          </div>
        ) : (
          <p className="muted">{t('loading')}</p>
        )}
      </section>
    </div>
  )
}
