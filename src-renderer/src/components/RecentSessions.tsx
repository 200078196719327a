// Saved import sessions (autosaved): continue where you left off, even after a crash, or delete them.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../i18n/number-format'
import { asApiError } from '../api'
import { usePrepareStore } from '../prepare-store'
import { removeSession, useSessions } from '../queries/sessions'

export function RecentSessions() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW'
  const sessions = useSessions()
  const targets = usePrepareStore((s) => s.targets)
  const loadTargets = usePrepareStore((s) => s.loadTargets)
  const restore = usePrepareStore((s) => s.restore)
  const busy = usePrepareStore((s) => s.busy)

  useEffect(() => {
    void loadTargets()
  }, [loadTargets])

  if (sessions.length === 0) return null
  // ISO times sort as text; localeCompare would start ICU's collator (tens of ms) on the first screen
  const sorted = [...sessions]
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    .slice(0, 8)
  return (
    <section className="samples recent" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('sessions.title')}</h2>
      <ul className="sample-list">
        {sorted.map((session) => (
          <li key={session.id} className="recent-item" data-testid="recent-session" data-name={session.name}>
            <button type="button" className="sample" disabled={busy} onClick={() => void restore(session.id)}>
              <span className="sample-text">
                <span className="sample-name">{session.name}</span>
                <span className="sample-description">
                  {targets.find((x) => x.id === session.target)?.label[lang] ?? ''} ·{' '}
                  {formatDateTime(session.updatedAt)}
                  {session.edits ? ` · ${t('sessions.edits', { count: session.edits })}` : ''}
                </span>
              </span>
            </button>
            <button
              type="button"
              className="button button-quiet"
              aria-label={t('sessions.remove', { name: session.name })}
              onClick={() =>
                void removeSession(session.id).catch((error: unknown) =>
                  usePrepareStore.setState({ error: asApiError(error) })
                )
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
