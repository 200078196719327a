// The end of a rehearsal: nothing reached the store yet; offer the same rows to each real connection of this destination.
import { useTranslation } from 'react-i18next'
import type { ProfileView } from '../../../../src-main/ipc/contract'

export function RehearsalEnd({
  profiles,
  busy,
  onPushTo,
  onOpenConnections
}: {
  profiles: ProfileView[]
  busy: boolean
  onPushTo?(id: string): void
  onOpenConnections?(): void
}) {
  const { t } = useTranslation('flow')
  return (
    <div className="push-rehearsal-end" data-testid="rehearsal-end">
      <p className="small">{t('rehearsal.completeHint')}</p>
      {profiles.length ? (
        <div className="form-actions">
          {profiles.map((p, i) => (
            <button
              key={p.id}
              type="button"
              className={`button${i === 0 ? ' button-primary' : ''}`}
              data-testid={i === 0 ? 'push-same-rows' : 'push-same-rows-other'}
              data-profile={p.id}
              disabled={busy || !onPushTo}
              onClick={() => onPushTo?.(p.id)}
            >
              {t('rehearsal.pushTo', { name: p.name })}
            </button>
          ))}
        </div>
      ) : (
        <div className="form-actions">
          <p className="muted small">{t('rehearsal.noRealProfile')}</p>
          {onOpenConnections ? (
            <button
              type="button"
              className="button"
              data-testid="push-same-rows-connections"
              onClick={onOpenConnections}
            >
              {t('push:connections')}
            </button>
          ) : null}
        </div>
      )}
    </div>
  )
}
