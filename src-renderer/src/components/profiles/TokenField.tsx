// Save, replace or delete a profile's token. It goes to main once and is cleared here at once; only "saved ••••1234" comes back.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProfileView } from '../../../../src-main/ipc/contract'
import { useProfilesStore } from '../../profiles-store'
import { useLocalized } from './localized'

export function TokenField({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation('profiles')
  const pick = useLocalized()
  const setToken = useProfilesStore((s) => s.setToken)
  const deleteToken = useProfilesStore((s) => s.deleteToken)
  const busy = useProfilesStore((s) => s.busy) === 'token'
  const [value, setValue] = useState('')
  const { saved, last4, unavailable } = profile.token

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const token = value
    // the field is emptied before the call: the renderer keeps no copy of the token
    setValue('')
    if (token.trim()) void setToken(profile.id, token)
  }

  return (
    <section className="profile-section" aria-labelledby="token-title">
      <h3 id="token-title">{t('token.title')}</h3>
      <p className={`token-status${saved ? ' is-saved' : ''}`} data-testid="token-status">
        {saved ? (last4 ? t('token.saved', { last4 }) : t('token.savedShort')) : t('token.none')}
      </p>
      {unavailable ? (
        <p className="notice notice-error" role="alert" data-testid="keychain-unavailable">
          {pick(unavailable)}
        </p>
      ) : null}
      <form className="token-form" onSubmit={submit} noValidate>
        <label className="field token-input">
          <span>{t('token.input')}</span>
          <input
            type="password"
            data-testid="token-input"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('token.placeholder')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button button-primary"
          data-testid="token-save"
          disabled={busy || !value.trim()}
        >
          {busy ? t('token.saving') : saved ? t('token.replace') : t('token.save')}
        </button>
        {saved ? (
          <button
            type="button"
            className="button"
            data-testid="token-delete"
            disabled={busy}
            onClick={() => void deleteToken(profile.id)}
          >
            {t('token.delete')}
          </button>
        ) : null}
      </form>
      <p className="field-hint">{t(`token.where.${profile.destination === 'shopline' ? 'shopline' : 'zangsho'}`)}</p>
      <p className="field-hint">{t('token.privacy')}</p>
    </section>
  )
}
