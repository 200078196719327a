// Multi-file imports that did not finish (a crash, a stop, a failed step): listed from their flow journals, each resumable.
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../i18n/number-format'
import { useFlowImportStore } from '../../flow-import-store'
import { useUnfinishedFlows } from '../../queries/flow'

export function UnfinishedFlows() {
  const { t } = useTranslation('flowImport')
  const flows = useUnfinishedFlows()
  const busy = useFlowImportStore((s) => s.busy)
  const resume = useFlowImportStore((s) => s.resume)
  const shown = flows.filter((f) => !f.running)
  if (!shown.length) return null
  return (
    <section className="push-section" aria-labelledby="flow-unfinished-title" data-testid="flow-unfinished">
      <h2 id="flow-unfinished-title">{t('unfinished.title')}</h2>
      <p className="muted small">{t('unfinished.hint')}</p>
      <ul className="push-unfinished">
        {shown.slice(0, 5).map((flow) => (
          <li key={flow.flowId} data-flow={flow.flowId}>
            <span>
              <strong>{formatDateTime(flow.createdAt)}</strong>
              <span className="muted small">
                {' '}
                ·{' '}
                {flow.steps
                  .map(
                    (s) => `${t(`kinds.${s.kind}`)} ${t(`unfinished.status.${s.status}`, { defaultValue: s.status })}`
                  )
                  .join(' → ')}
              </span>
            </span>
            {flow.resumable ? (
              <button
                type="button"
                className="button"
                data-testid="flow-resume"
                disabled={busy !== null}
                onClick={() => void resume(flow.flowId)}
              >
                {t('unfinished.resume')}
              </button>
            ) : (
              <span className="muted small">{t('unfinished.cli')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
