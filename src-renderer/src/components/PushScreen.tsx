// The push step, over the prepare screen: set up (connection, conflict strategy, options, plan), watch it run, read the results.
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useProfilesStore } from '../profiles-store'
import { isEnded, usePushStore } from '../push-store'
import { usePlan } from '../queries/plan'
import { usePushJob } from '../queries/push-job'
import { useProfiles } from '../queries/profiles'
import { ProgressPanel } from './push/ProgressPanel'
import { PushSetup } from './push/PushSetup'
import { usePick } from './push/format'
import { ResultsScreen } from './ResultsScreen'
import { useModalDialog } from './flow/useModalDialog'
import { useStepFocus } from './flow/useStepFocus'
import './push/push-screen.css'

export function PushScreen() {
  const { t } = useTranslation('push')
  const pick = usePick()
  const s = usePushStore()
  const profiles = useProfiles()
  const { plan, planning, error: planError } = usePlan()
  const error = s.error ?? planError
  const { status, progress } = usePushJob(s.jobId)
  const showConnections = useProfilesStore((p) => p.show)
  const connectionsOpen = useProfilesStore((p) => p.open)
  const panel = useRef<HTMLElement>(null)
  const wasOpen = useRef(connectionsOpen)
  const { hide } = s
  const ended = Boolean(s.jobId && status && isEnded(status.state))
  // a real modal dialog: focus trapped, Esc closes it (Connections over it closes first), focus back to 匯入 afterwards
  useModalDialog(panel, hide, () => panel.current?.querySelector<HTMLElement>('[data-testid="push-profile"]') ?? null)
  // the part after ':' only re-runs the focus check (a re-plan disables Start for a moment, Pause turns into Resume)
  useStepFocus(
    !s.jobId ? `setup:${planning}` : ended ? `results:${s.jobId}` : progress ? `progress:${progress.state}` : null,
    () => panel.current ?? document
  )
  // a rehearsal ends as a rehearsal, and offers the real connections that reach the same destination
  const ranOn = profiles.find((p) => p.id === status?.profileId)
  const rehearsal = ranOn?.destination === 'rehearsal'
  const realProfiles = plan ? profiles.filter((p) => p.destination === plan.api) : []
  const pushSameRowsTo = (profileId: string) => {
    s.newPush()
    s.chooseProfile(profileId)
  }

  useEffect(() => {
    // back from Connections (a profile added or removed): choose among the profiles there are now
    if (wasOpen.current && !connectionsOpen) {
      const { prepId, file, show } = usePushStore.getState()
      if (prepId) void show(prepId, file)
    }
    wasOpen.current = connectionsOpen
  }, [connectionsOpen])

  return (
    <div className="push-overlay">
      <section
        ref={panel}
        className="push-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="push-title"
        data-testid="push-screen"
        tabIndex={-1}
      >
        <header className="push-head">
          <div>
            <h1 id="push-title">{t('title')}</h1>
            <p className="muted">
              {t('file', { file: s.file })} · {t('lead')}
            </p>
          </div>
          <div className="form-actions">
            {ended ? (
              <button
                type="button"
                className="button button-quiet"
                data-testid="push-new"
                disabled={s.busy !== null}
                onClick={s.newPush}
              >
                {t('results.newPush')}
              </button>
            ) : null}
            <button type="button" className="button button-quiet" data-testid="push-close" onClick={hide}>
              {t('close')}
            </button>
          </div>
        </header>
        {error ? (
          <div className="notice notice-error" role="alert" data-testid="push-error" data-code={error.code}>
            <div className="notice-body">
              <strong className="notice-title">{t('error')}</strong>
              <p>{error.messages ? pick(error.messages) : error.message}</p>
            </div>
            <button type="button" className="button button-quiet" aria-label={t('close')} onClick={s.dismissError}>
              ×
            </button>
          </div>
        ) : null}
        {!s.jobId ? (
          <PushSetup />
        ) : ended && status ? (
          <ResultsScreen
            status={status}
            busy={s.busy !== null}
            exported={s.exported}
            onRetryFailed={() => void s.retryFailed()}
            onExport={(format) => void s.exportReport(format)}
            onResumeJob={() => void s.resumeJob()}
            onOpenConnections={showConnections}
            rehearsal={rehearsal}
            realProfiles={realProfiles}
            onPushTo={pushSameRowsTo}
          />
        ) : progress ? (
          <ProgressPanel progress={progress} />
        ) : (
          <p className="muted">…</p>
        )}
      </section>
    </div>
  )
}
