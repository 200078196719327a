// SHOPLINE orders take the delivery option and payment method of a connection: choose it here, fix it in 連線設定.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrepareView } from '../../../../src-main/ipc/contract'
import { usePrepareStore } from '../../prepare-store'
import { useProfilesStore } from '../../profiles-store'
import { useProfileList } from '../../queries/profiles'

export function ShoplineProfilePicker({ view }: { view: PrepareView }) {
  const { t } = useTranslation('review')
  const list = useProfileList()
  const showConnections = useProfilesStore((s) => s.show)
  const setProfile = usePrepareStore((s) => s.setProfile)
  const busy = usePrepareStore((s) => s.busy)
  const profiles = (list?.profiles ?? []).filter((p) => p.destination === 'shopline' || p.destination === 'rehearsal')
  const chosen = profiles.find((p) => p.id === view.profileId)
  // what validation depends on: when 連線設定 saves other choices (or a first complete profile), re-validate
  const choiceKey = JSON.stringify(
    profiles.map((p) => [p.id, p.shopline?.deliveryOptionId ?? '', p.shopline?.paymentMethodId ?? ''])
  )

  useEffect(() => {
    if (!list) return
    const ready = profiles.find((p) => p.shopline?.deliveryOptionId && p.shopline.paymentMethodId)
    void setProfile(view.profileId ?? ready?.id ?? null)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the saved choices re-validates
  }, [choiceKey])

  const complete = Boolean(chosen?.shopline?.deliveryOptionId && chosen.shopline.paymentMethodId)
  return (
    <div className="shopline-profile" data-testid="shopline-profile">
      <label className="picker">
        <span>{t('shopline.profile')}</span>
        <select
          data-testid="shopline-profile-picker"
          value={view.profileId ?? ''}
          disabled={busy}
          onChange={(e) => void setProfile(e.target.value || null)}
        >
          <option value="">{t('shopline.none')}</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <span className={complete ? 'muted small' : 'field-problem warning small'} data-testid="shopline-profile-state">
        {complete
          ? t('shopline.uses', {
              delivery: chosen?.shopline?.deliveryOptionName || chosen?.shopline?.deliveryOptionId,
              payment: chosen?.shopline?.paymentMethodName || chosen?.shopline?.paymentMethodId
            })
          : t('shopline.missing')}
      </span>
      {complete ? null : (
        <button
          type="button"
          className="button button-quiet"
          data-testid="shopline-open-connections"
          onClick={showConnections}
        >
          {t('shopline.openConnections')}
        </button>
      )}
    </div>
  )
}
