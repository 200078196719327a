// Pushes that stopped or were cut off (a 401, a cancel, a crash): listed from their journals, each can be resumed.
import { useTranslation } from 'react-i18next'
import { usePushStore } from '../../push-store'

export function UnfinishedJobs() {
  const { t } = useTranslation('push')
  const jobs = usePushStore((s) => s.unfinished)
  const busy = usePushStore((s) => s.busy)
  const resumeJob = usePushStore((s) => s.resumeJob)
  if (!jobs.length) return null
  return (
    <section className="push-section" aria-labelledby="push-unfinished-title" data-testid="push-unfinished">
      <h2 id="push-unfinished-title">{t('unfinished.title')}</h2>
      <p className="muted small">{t('unfinished.hint')}</p>
      <ul className="push-unfinished">
        {jobs.slice(0, 5).map((job) => (
          <li key={job.jobId} data-job={job.jobId}>
            <span>
              <strong>{job.file ?? job.jobId}</strong>
              <span className="muted small">
                {' '}
                · {job.target} · {t(`unfinished.status.${job.status}`, { defaultValue: job.status })} · {t('unfinished.answered', { answered: job.answered, records: job.records })} ·{' '}
                {new Date(job.createdAt).toLocaleString()}
              </span>
            </span>
            <button type="button" className="button" disabled={busy !== null} onClick={() => void resumeJob(job.jobId)}>
              {t('unfinished.resume')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
