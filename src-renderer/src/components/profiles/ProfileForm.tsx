// Add or edit a profile: name, destination, API base URL (with the default), time zone and optional pacing.
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProfileDestination, ProfileListView, ProfilePacing, ProfileView } from '../../../../src-main/ipc/contract'
import { useProfilesStore } from '../../profiles-store'
import { invalidField } from './localized'

const DESTINATIONS: ProfileDestination[] = ['zangsho', 'shopline', 'rehearsal']
const PACING_FIELDS = ['minIntervalMs', 'batchSize', 'maxRequestsPerSecond'] as const
type PacingText = Record<(typeof PACING_FIELDS)[number], string>

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone')
  } catch {
    return ['Asia/Taipei']
  }
}

/** Empty fields mean "default"; anything typed is sent as a number (main checks the range). */
function pacingFrom(text: PacingText): ProfilePacing | null {
  const out: ProfilePacing = {}
  for (const field of PACING_FIELDS) if (text[field].trim()) out[field] = Number(text[field])
  return Object.keys(out).length ? out : null
}

interface Props {
  profile: ProfileView | null
  defaults: ProfileListView['defaults']
}

export function ProfileForm({ profile, defaults }: Props) {
  const { t } = useTranslation('profiles')
  const save = useProfilesStore((s) => s.save)
  const remove = useProfilesStore((s) => s.remove)
  const select = useProfilesStore((s) => s.select)
  const busy = useProfilesStore((s) => s.busy)
  const bad = invalidField(useProfilesStore((s) => s.error))
  const zones = useMemo(() => timeZones(), [])

  const [name, setName] = useState(profile?.name ?? '')
  const [destination, setDestination] = useState<ProfileDestination>(profile?.destination ?? 'zangsho')
  const [baseUrl, setBaseUrl] = useState(profile && profile.destination !== 'rehearsal' ? profile.baseUrl : '')
  const [timezone, setTimezone] = useState(profile?.timezone ?? defaults.timezone)
  const [pacing, setPacing] = useState<PacingText>({
    minIntervalMs: String(profile?.pacing?.minIntervalMs ?? ''),
    batchSize: String(profile?.pacing?.batchSize ?? ''),
    maxRequestsPerSecond: String(profile?.pacing?.maxRequestsPerSecond ?? '')
  })
  const [eventsPath, setEventsPath] = useState(profile?.eventsPath ?? '')
  const [confirming, setConfirming] = useState(false)
  const builtIn = profile?.builtIn ?? false
  const rehearsal = destination === 'rehearsal'
  const defaultUrl = rehearsal ? '' : defaults.baseUrls[destination]

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void save({
      ...(profile ? { id: profile.id } : {}),
      name,
      destination,
      ...(rehearsal ? {} : { baseUrl: baseUrl.trim() }),
      timezone,
      pacing: pacingFrom(pacing),
      eventsPath: destination === 'shopline' ? null : eventsPath.trim() || null
    })
  }

  return (
    <form className="profile-form" data-testid="profile-form" onSubmit={submit} noValidate>
      <h2 className="field-wide">{profile ? t('form.editTitle', { name: profile.name }) : t('form.newTitle')}</h2>
      <label className="field">
        <span>{t('form.name')}</span>
        <input
          data-testid="profile-name"
          value={name}
          maxLength={100}
          placeholder={t('form.namePlaceholder')}
          aria-invalid={bad === 'name'}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('form.destination')}</span>
        <select
          data-testid="profile-destination"
          value={destination}
          disabled={builtIn}
          aria-invalid={bad === 'destination'}
          onChange={(e) => setDestination(e.target.value as ProfileDestination)}
        >
          {DESTINATIONS.map((d) => (
            <option key={d} value={d}>
              {t(`destinations.${d}`)}
            </option>
          ))}
        </select>
      </label>
      {rehearsal ? (
        <div className="field">
          <span>{t('form.rehearsalUrl')}</span>
          <p className="field-value" data-testid="rehearsal-url">
            {profile?.baseUrl ? t('form.rehearsalRunning', { url: profile.baseUrl }) : t('form.rehearsalNotStarted')}
          </p>
          <p className="field-hint">{t('form.rehearsalHint')}</p>
        </div>
      ) : (
        <label className="field">
          <span>{t('form.baseUrl')}</span>
          <input
            data-testid="profile-base-url"
            value={baseUrl}
            placeholder={defaultUrl}
            spellCheck={false}
            inputMode="url"
            aria-invalid={bad === 'baseUrl'}
            onChange={(e) => setBaseUrl(e.target.value)}
          />
          <span className="field-hint">{t('form.baseUrlHint', { url: defaultUrl })}</span>
        </label>
      )}
      <label className="field">
        <span>{t('form.timezone')}</span>
        <input
          data-testid="profile-timezone"
          list="profile-timezones"
          value={timezone}
          spellCheck={false}
          aria-invalid={bad === 'timezone'}
          onChange={(e) => setTimezone(e.target.value)}
        />
        <datalist id="profile-timezones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <span className="field-hint">{t('form.timezoneHint')}</span>
      </label>
      <details className="pacing field-wide" open={Boolean(profile?.pacing || profile?.eventsPath)}>
        <summary>{t('form.pacing')}</summary>
        <p className="field-hint">{t('form.pacingHint')}</p>
        <div className="pacing-fields">
          {PACING_FIELDS.map((field) => (
            <label key={field} className="field">
              <span>{t(`form.${field}`)}</span>
              <input
                type="number"
                min={field === 'minIntervalMs' ? 0 : 1}
                data-testid={`pacing-${field}`}
                value={pacing[field]}
                aria-invalid={bad === `pacing.${field}`}
                onChange={(e) => setPacing({ ...pacing, [field]: e.target.value })}
              />
            </label>
          ))}
        </div>
        {destination !== 'shopline' && (
          <label className="field">
            <span>{t('form.eventsPath')}</span>
            <input
              data-testid="profile-events-path"
              value={eventsPath}
              placeholder="/subscriptions/events"
              spellCheck={false}
              aria-invalid={bad === 'advanced.eventsPath'}
              onChange={(e) => setEventsPath(e.target.value)}
            />
            <span className="field-hint">{t('form.eventsPathHint')}</span>
          </label>
        )}
      </details>
      <div className="form-actions field-wide">
        <button type="submit" className="button button-primary" data-testid="profile-save" disabled={busy === 'save'}>
          {busy === 'save' ? t('form.saving') : t('form.save')}
        </button>
        {!profile ? (
          <button type="button" className="button button-quiet" onClick={() => select(null)}>
            {t('form.cancel')}
          </button>
        ) : null}
        {profile && !builtIn ? (
          confirming ? (
            <span className="confirm" role="group">
              <span>{t('form.confirmRemove', { name: profile.name })}</span>
              <button
                type="button"
                className="button button-danger"
                data-testid="profile-remove-confirm"
                onClick={() => void remove(profile.id)}
              >
                {t('form.confirmRemoveYes')}
              </button>
              <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
                {t('form.cancel')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button button-quiet push-right"
              data-testid="profile-remove"
              onClick={() => setConfirming(true)}
            >
              {t('form.remove')}
            </button>
          )
        ) : null}
      </div>
      {builtIn ? <p className="field-hint field-wide">{t('form.builtInNote')}</p> : null}
    </form>
  )
}
