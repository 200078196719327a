// The prepare screen's 「匯入 / Push」 button; the push screen opens over the prepare step, which stays as it was.
import { useEffect } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { subscribePushEvents, usePushStore } from '../push-store'
import { PushScreen } from './PushScreen'

export function PushButton({
  prepId,
  file,
  disabled,
  describedBy,
  profileId
}: {
  prepId: string
  file: string
  disabled?: boolean
  describedBy?: string
  profileId?: string | null
}) {
  const { t } = useTranslation('push')
  const open = usePushStore((s) => s.open)
  const show = usePushStore((s) => s.show)

  useEffect(() => subscribePushEvents(), [])

  return (
    <>
      <button
        type="button"
        className="button button-primary push-button"
        data-testid="push-open"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-describedby={describedBy}
        disabled={disabled}
        onClick={() => void show(prepId, file, profileId ?? undefined)}
      >
        {t('open')}
      </button>
      {open ? createPortal(<PushScreen />, document.body) : null}
    </>
  )
}
