// The flow's steps while and after it runs: name, state, done/total, outcome counts, why a step stopped, per-step report.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FlowStatusView, FlowStepView } from '../../../../src-main/ipc/contract'
import { useFlowImportStore } from '../../flow-import-store'
import { CountChips } from '../push/CountChips'

function StepRow({ step, n, repeatsOutcome }: { step: FlowStepView; n: number; repeatsOutcome: boolean }) {
  const { t, i18n } = useTranslation('flowImport')
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW'
  const exportReport = useFlowImportStore((s) => s.exportReport)
  const [saved, setSaved] = useState<string | null>(null)
  const percent = step.total ? Math.min(100, Math.round((step.done / step.total) * 100)) : 0
  const name = t(`kinds.${step.kind}`)
  return (
    <li
      className={`flow-progress-step is-${step.state}`}
      data-testid={`flow-step-${step.kind}`}
      data-state={step.state}
    >
      <div className="flow-progress-head">
        <strong>
          {t('step', { n })} · {name}
        </strong>
        {step.derived ? <span className="muted small"> ({t('progress.fromOthers')})</span> : null}
        {step.file ? <span className="muted small"> · {step.file}</span> : null}
        <span className={`chip flow-state flow-state-${step.state}`} data-testid={`flow-step-${step.kind}-state`}>
          {t(`progress.state.${step.state}`)}
        </span>
      </div>
      <div
        className="flow-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={`${t('step', { n })} ${name}`}
      >
        <div className="flow-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="flow-progress-figures">
        <span data-testid={`flow-step-${step.kind}-done`}>
          {t('progress.done', { done: step.done, total: step.total })}
        </span>
        <CountChips counts={step.counts} testId={`flow-step-${step.kind}-counts`} />
        {step.hasResults ? (
          <button
            type="button"
            className="button button-quiet"
            data-testid={`flow-export-${step.kind}`}
            onClick={() => void exportReport(step.kind).then(setSaved)}
          >
            {t('progress.export')}
          </button>
        ) : null}
      </div>
      {saved ? (
        <p className="muted small" role="status">
          {t('progress.exported', { path: saved })}
        </p>
      ) : null}
      {step.message && !repeatsOutcome ? (
        <p className="field-problem small" data-testid={`flow-step-${step.kind}-message`}>
          {step.message[lang]}
        </p>
      ) : null}
    </li>
  )
}

export function FlowProgress({ status }: { status: FlowStatusView }) {
  const { t, i18n } = useTranslation('flowImport')
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW'
  const cancel = useFlowImportStore((s) => s.cancel)
  const stoppedIndex = status.steps.findIndex((s) => s.kind === status.stoppedAt)
  return (
    <section
      className="flow-section panel"
      aria-labelledby="flow-progress-title"
      data-testid="flow-progress"
      data-state={status.state}
    >
      <div className="flow-progress-title-row">
        <h2 id="flow-progress-title">{t('progress.title')}</h2>
        {status.state === 'running' ? (
          <button type="button" className="button" data-testid="flow-cancel" onClick={() => void cancel()}>
            {t('push.cancel')}
          </button>
        ) : null}
      </div>
      {status.state === 'finished' ? (
        <p className="flow-outcome is-good" role="status" data-testid="flow-outcome">
          {t('progress.finished')}
        </p>
      ) : status.state !== 'running' ? (
        <div className="flow-outcome is-bad" role="alert" data-testid="flow-outcome">
          {status.stoppedAt ? (
            <strong>{t('progress.stoppedAt', { n: stoppedIndex + 1, kind: t(`kinds.${status.stoppedAt}`) })}</strong>
          ) : null}
          {status.message ? <p>{status.message[lang]}</p> : null}
        </div>
      ) : null}
      <ol className="flow-progress-steps">
        {status.steps.map((step, i) => (
          <StepRow key={step.kind} step={step} n={i + 1} repeatsOutcome={status.message?.en === step.message?.en} />
        ))}
      </ol>
    </section>
  )
}
