// The top bar's 「連線設定 / Connections」 button; the screen opens over the current step, which stays as it was.
import { Suspense } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useProfilesStore } from '../profiles-store'
import { ProfilesScreen } from './lazy-screens'

function PlugIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M9 7V3M15 7V3" />
      <path d="M6 7h12v4a6 6 0 0 1-12 0z" />
      <path d="M12 17v4" />
    </svg>
  )
}

export function ConnectionsButton() {
  const { t } = useTranslation('profiles')
  const open = useProfilesStore((s) => s.open)
  const show = useProfilesStore((s) => s.show)
  return (
    <>
      <button
        type="button"
        className="button button-quiet connections-button"
        data-testid="connections-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={show}
      >
        <PlugIcon />
        {t('open')}
      </button>
      {open
        ? createPortal(
            <Suspense fallback={null}>
              <ProfilesScreen />
            </Suspense>,
            document.body
          )
        : null}
    </>
  )
}
