// Pushes that stopped or were cut off (a 401, a cancel, a crash): listed from their journals, each can be resumed.
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../i18n/number-format'
import { usePrepareStore } from '../../prepare-store'
import { usePushStore } from '../../push-store'
import { useUnfinishedJobs } from '../../queries/plan'

export function UnfinishedJobs() {
  const { t, i18n } = useTranslation('push')
  // the destination by its name (never the raw id such as zangsho.orders)
  const targets = usePrepareStore((s) => s.targets)
  const targetName = (id: string) =>
    targets.find((x) => x.id === id)?.label[i18n.language === 'en' ? 'en' : 'zh-TW'] ?? ''
  const jobs = useUnfinishedJobs()
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
                · {targetName(job.target)} · {t(`unfinished.status.${job.status}`, { defaultValue: job.status })} ·{' '}
                {t('unfinished.answered', { answered: job.answered, records: job.records })} ·{' '}
                {formatDateTime(job.createdAt)}
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
