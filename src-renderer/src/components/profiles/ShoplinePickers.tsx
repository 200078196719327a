// SHOPLINE: the delivery option and payment method used for imports, chosen from the shop's own lists. Only custom kinds
// are selectable; the others are shown disabled with the reason (the create-order API rejects third-party ones).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProfileView, ShoplineOptionView } from '../../../../src-main/ipc/contract'
import { useProfilesStore } from '../../profiles-store'
import { useLocalized } from './localized'

function Picker(props: {
  label: string
  testId: string
  items: ShoplineOptionView[]
  value: string
  onChange: (id: string) => void
}) {
  const { t } = useTranslation('profiles')
  return (
    <label className="field">
      <span>{props.label}</span>
      <select data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('shopline.choose')}</option>
        {props.items.map((item) => (
          <option key={item.id} value={item.id} disabled={!item.usable}>
            {item.name}
            {item.usable ? '' : t('shopline.notUsable')}
          </option>
        ))}
      </select>
    </label>
  )
}

export function ShoplinePickers({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation('profiles')
  const pick = useLocalized()
  const options = useProfilesStore((s) => s.options[profile.id])
  const loadOptions = useProfilesStore((s) => s.loadOptions)
  const saveShopline = useProfilesStore((s) => s.saveShopline)
  const busy = useProfilesStore((s) => s.busy) === 'shopline'
  const [delivery, setDelivery] = useState(profile.shopline?.deliveryOptionId ?? '')
  const [payment, setPayment] = useState(profile.shopline?.paymentMethodId ?? '')
  const loading = options === 'loading'
  const lists = options && options !== 'loading' && options.ok ? options : null
  const chosenDelivery = lists?.deliveryOptions.find((o) => o.id === delivery)
  const chosenPayment = lists?.paymentMethods.find((o) => o.id === payment)
  const excluded = Boolean(chosenDelivery?.excludes?.includes(payment) || chosenPayment?.excludes?.includes(delivery))
  const disabled = lists ? [...lists.deliveryOptions, ...lists.paymentMethods].filter((o) => !o.usable) : []
  const noneUsable =
    lists && (!lists.deliveryOptions.some((o) => o.usable) || !lists.paymentMethods.some((o) => o.usable))

  return (
    <section className="profile-section" aria-labelledby="shopline-title" data-testid="shopline-pickers">
      <h3 id="shopline-title">{t('shopline.title')}</h3>
      <p className="field-hint" data-testid="shopline-current">
        {profile.shopline
          ? t('shopline.current', {
              delivery: profile.shopline.deliveryOptionName ?? profile.shopline.deliveryOptionId,
              payment: profile.shopline.paymentMethodName ?? profile.shopline.paymentMethodId
            })
          : t('shopline.notChosen')}
      </p>
      <button
        type="button"
        className="button"
        data-testid="shopline-load"
        disabled={loading}
        onClick={() => void loadOptions(profile.id)}
      >
        {loading ? t('shopline.loading') : lists ? t('shopline.reload') : t('shopline.load')}
      </button>
      {options && options !== 'loading' && !options.ok ? (
        <p
          className="check-result is-failed"
          role="status"
          data-testid="shopline-failure"
          data-kind={options.failure.kind}
        >
          <span className="check-mark" aria-hidden="true">
            !
          </span>
          <span>{pick(options.failure.message)}</span>
        </p>
      ) : null}
      {lists ? (
        <>
          <p className="explain" data-testid="shopline-explanation">
            {pick(lists.explanation)}
          </p>
          <div className="picker-row">
            <Picker
              label={t('shopline.delivery')}
              testId="delivery-picker"
              items={lists.deliveryOptions}
              value={delivery}
              onChange={setDelivery}
            />
            <Picker
              label={t('shopline.payment')}
              testId="payment-picker"
              items={lists.paymentMethods}
              value={payment}
              onChange={setPayment}
            />
          </div>
          {noneUsable ? <p className="notice notice-error">{t('shopline.noneUsable')}</p> : null}
          {excluded ? (
            <p className="notice notice-error" role="alert">
              {t('shopline.excluded')}
            </p>
          ) : null}
          <button
            type="button"
            className="button button-primary"
            data-testid="shopline-save"
            disabled={busy || !chosenDelivery?.usable || !chosenPayment?.usable || excluded}
            onClick={() =>
              chosenDelivery &&
              chosenPayment &&
              void saveShopline(profile, {
                deliveryOptionId: chosenDelivery.id,
                deliveryOptionName: chosenDelivery.name,
                paymentMethodId: chosenPayment.id,
                paymentMethodName: chosenPayment.name
              })
            }
          >
            {t('shopline.save')}
          </button>
          {disabled.length ? (
            <details className="why-disabled">
              <summary>{t('shopline.whyDisabled')}</summary>
              <ul>
                {disabled.map((o) => (
                  <li key={o.id}>
                    <strong>{o.name}</strong>
                    {o.kind ? <code> {o.kind}</code> : null}: {o.why ? pick(o.why) : ''}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
