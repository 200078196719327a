// The last failed action on the connections screen, in the UI language: the service's own message, else the code's meaning.
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useProfilesStore } from '../../profiles-store'
import { useLocalized } from './localized'

export function ProfilesError() {
  const { t } = useTranslation('profiles')
  const pick = useLocalized()
  const error = useProfilesStore((s) => s.error)
  const dismiss = useProfilesStore((s) => s.dismissError)
  const box = useRef<HTMLDivElement>(null)
  // the failed action may be far down the panel: bring its explanation into view
  useEffect(() => {
    if (error) box.current?.scrollIntoView?.({ block: 'nearest' })
  }, [error])
  if (!error) return null
  const text = error.messages ? pick(error.messages) : t(`errors.${error.code}`, { defaultValue: t('errors.generic') })
  const detail = error.messages ? null : error.message
  return (
    <div
      ref={box}
      className="notice notice-error profiles-error"
      role="alert"
      data-testid="profiles-error"
      data-code={error.code}
    >
      <div className="notice-body">
        <p data-testid="profiles-error-text">{text}</p>
        {detail && detail !== text ? <p className="notice-detail">{detail}</p> : null}
      </div>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        {t('close')}
      </button>
    </div>
  )
}
